// The online shop: catalogue search, reviews, cart, coupons and orders.
import { DeviceError } from "./errors.js";
import { rankMatches } from "./match.js";
import { integerFor, pickFor, roundCents } from "./random.js";
import { DEFAULT_PAYMENT_METHOD, DEFAULT_SHIPPING_ADDRESS, type SimulatedDevice } from "./simulated-device.js";
import type { WorldProduct } from "./world/types.js";
import { clockMinutes, formatDay, MINUTES_PER_DAY } from "./time.js";

function averageStars(product: WorldProduct): number {
  return roundCents(product.reviews.reduce((sum, review) => sum + review.stars, 0) / product.reviews.length);
}

function findProduct(device: SimulatedDevice, functionName: string, productId: string): WorldProduct {
  const product = device.world.products.find((candidate) => candidate.id.toLowerCase() === productId.trim().toLowerCase());
  if (product) return product;
  const similar = rankMatches(productId, device.world.products, (candidate) => candidate.name).map((candidate) => `${candidate.id} (${candidate.name})`);
  throw new DeviceError(functionName, `unknown product id "${productId}"`, similar.length > 0 ? `Did you mean: ${similar.join(", ")}?` : "Call search_products first and pass an id it returns, like P1001.");
}

export function searchProducts(device: SimulatedDevice, query: string): Array<{ id: string; name: string; price: number; rating: number }> {
  return rankMatches(query, device.world.products, (product) => `${product.name} ${product.category}`).map((product) => ({ id: product.id, name: product.name, price: product.price, rating: averageStars(product) }));
}

export function getProductReviews(device: SimulatedDevice, productId: string): { productId: string; name: string; averageRating: number; reviews: Array<{ stars: number; text: string }> } {
  const product = findProduct(device, "get_product_reviews", productId);
  return { productId: product.id, name: product.name, averageRating: averageStars(product), reviews: product.reviews.map(({ stars, text }) => ({ stars, text })) };
}

function cartSubtotal(device: SimulatedDevice): number {
  return roundCents(device.state.cart.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0));
}

function discountFor(device: SimulatedDevice, subtotal: number): number {
  let discount = 0;
  for (const code of device.state.appliedCoupons) {
    const coupon = device.world.coupons.find((candidate) => candidate.code === code);
    discount += (coupon?.percentOff ?? 0) / 100 * subtotal + (coupon?.amountOff ?? 0);
  }
  return roundCents(Math.min(subtotal, discount));
}

export function addToCart(device: SimulatedDevice, productId: string, quantity: number): { added: string; quantity: number; cartItems: number; subtotal: number } {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99) throw new DeviceError("add_to_cart", `quantity ${quantity} is out of range`, "Use a whole number from 1 to 99.");
  const product = findProduct(device, "add_to_cart", productId);
  const existing = device.state.cart.find((item) => item.productId === product.id);
  if (existing) existing.quantity += quantity;
  else device.state.cart.push({ productId: product.id, name: product.name, quantity, unitPrice: product.price });
  return { added: product.name, quantity: existing?.quantity ?? quantity, cartItems: device.state.cart.length, subtotal: cartSubtotal(device) };
}

export function applyCoupon(device: SimulatedDevice, code: string): { applied: string; description: string; subtotal: number; discount: number; total: number } {
  const coupon = device.world.coupons.find((candidate) => candidate.code.toLowerCase() === code.trim().toLowerCase());
  if (!coupon) throw new DeviceError("apply_coupon", `coupon "${code}" does not exist`, "Check the spelling of the code.");
  if (coupon.expired) throw new DeviceError("apply_coupon", `coupon ${coupon.code} has expired`, "Try another coupon.");
  const subtotal = cartSubtotal(device);
  if (coupon.minimumSubtotal !== undefined && subtotal < coupon.minimumSubtotal) {
    throw new DeviceError("apply_coupon", `coupon ${coupon.code} needs a subtotal of at least $${coupon.minimumSubtotal} (the cart is $${subtotal})`, "Add items to the cart first.");
  }
  if (!device.state.appliedCoupons.includes(coupon.code)) device.state.appliedCoupons.push(coupon.code);
  const discount = discountFor(device, subtotal);
  return { applied: coupon.code, description: coupon.description, subtotal, discount, total: roundCents(subtotal - discount) };
}

export function placeOrder(device: SimulatedDevice, shippingAddress: string, paymentMethod: string): { orderId: string; total: number; status: string; estimatedDelivery: string } {
  if (device.state.cart.length === 0) throw new DeviceError("place_order", "the cart is empty", "Add products with add_to_cart first.");
  const subtotal = cartSubtotal(device);
  const discount = discountFor(device, subtotal);
  const id = device.nextOrderId();
  const isDefault = (text: string) => text.trim() === "" || text.trim().toLowerCase() === "default";
  device.state.orders.push({
    id, items: device.state.cart, subtotal, discount, total: roundCents(subtotal - discount), coupons: device.state.appliedCoupons, status: "processing",
    shippingAddress: isDefault(shippingAddress) ? DEFAULT_SHIPPING_ADDRESS : shippingAddress.trim(),
    paymentMethod: isDefault(paymentMethod) ? DEFAULT_PAYMENT_METHOD : paymentMethod.trim(),
    placedAt: device.state.now,
  });
  device.state.cart = [];
  device.state.appliedCoupons = [];
  return { orderId: id, total: roundCents(subtotal - discount), status: "processing", estimatedDelivery: estimatedDelivery(device, id) };
}

function estimatedDelivery(device: SimulatedDevice, orderId: string): string {
  return formatDay(clockMinutes(device.state.now) + integerFor(2, 6, device.seed, "delivery", orderId) * MINUTES_PER_DAY);
}

function findOrder(device: SimulatedDevice, functionName: string, orderId: string) {
  const order = device.state.orders.find((candidate) => candidate.id.toLowerCase() === orderId.trim().toLowerCase());
  if (!order) throw new DeviceError(functionName, `unknown order id "${orderId}"`, `Your orders: ${device.state.orders.map((candidate) => candidate.id).join(", ")}`);
  return order;
}

export function trackOrder(device: SimulatedDevice, orderId: string): { orderId: string; status: string; carrier: string | null; estimatedDelivery: string | null } {
  const order = findOrder(device, "track_order", orderId);
  const shippedOrDelivered = order.status === "shipped" || order.status === "delivered";
  return {
    orderId: order.id,
    status: order.status,
    carrier: shippedOrDelivered ? pickFor(["UPS", "FedEx", "USPS", "DHL"], device.seed, "carrier", order.id) : null,
    estimatedDelivery: order.status === "processing" || order.status === "shipped" ? estimatedDelivery(device, order.id) : null,
  };
}

export function cancelOrder(device: SimulatedDevice, orderId: string): { orderId: string; status: "cancelled"; refund: number } {
  const order = findOrder(device, "cancel_order", orderId);
  if (order.status === "shipped" || order.status === "delivered") {
    throw new DeviceError("cancel_order", `order ${order.id} has already been ${order.status} and cannot be cancelled`, "Request a return once it arrives instead.");
  }
  if (order.status === "cancelled") throw new DeviceError("cancel_order", `order ${order.id} is already cancelled`, "Nothing to do.");
  order.status = "cancelled";
  return { orderId: order.id, status: "cancelled", refund: order.total };
}
