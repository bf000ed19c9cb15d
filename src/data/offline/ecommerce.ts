// E-commerce intents. Products are named the way shoppers name them ("noise cancelling
// headphones", "an air fryer"); anything that needs a product id goes through
// search_products first and takes the id from its observation, as a person's request would.
import { call, fromStep, type Intent, type IntentContext } from "./intent.js";
import { COUPONS } from "./lexicon.js";
import { numberWords } from "./spoken.js";

/** Shopper phrasings that the shop's search matches. */
export const PRODUCT_QUERIES = ["noise cancelling headphones", "AirPods Pro", "portable charger", "Galaxy tablet", "Kindle Paperwhite",
  "wireless mouse", "bluetooth speaker", "USB-C cable", "running watch", "Nintendo Switch", "Instant Pot", "blender", "Nespresso machine",
  "cast iron skillet", "chef knife", "air fryer", "water bottle", "yoga mat", "adjustable dumbbells", "running shoes", "tent",
  "Levi's jeans", "fleece jacket", "aviator sunglasses", "wool socks", "rain jacket", "Atomic Habits", "The Pragmatic Programmer",
  "Project Hail Mary", "LEGO Millennium Falcon", "Catan", "cordless vacuum", "Philips Hue starter kit", "smart thermostat",
  "sheet set", "robot vacuum", "moisturizing cream", "electric toothbrush", "dog food"];
const PAYMENTS: Array<[string, string]> = [["", "default"], ["", "default"], [" with my default card", "default"], [" using PayPal", "PayPal"],
  [" with my Amex", "Amex"], [" on my Visa", "Visa ending in 4242"]];
const ADDRESSES: Array<[string, string]> = [["", "default"], ["", "default"], [" to my office", "Office: 1 Infinite Loop, Cupertino, CA 95014"],
  [" to my default address", "default"]];
const ORDER_IDS = ["ORD-10021", "ORD-10022", "ORD-10023"];
const validCoupons = () => COUPONS.filter((coupon) => !coupon.expired);

function pickOrder(dice: IntentContext["dice"]) {
  const id = dice.pick(ORDER_IDS);
  return { id, spoken: dice.pick([id, id, id.replace("ORD-", "#"), id.replace("ORD-", "number ")]) };
}

export const searchProducts: Intent = {
  id: "shop.search", domain: "ecommerce", functions: ["search_products"],
  say: ["search for {product}", "find {product} in the store", "look for {product}", "shop for {product}", "browse {product}", "find me some {product}",
    "see what {product} are available", "pull up {product} listings"],
  ask: ["do they sell {product}?", "how much are {product}?", "any good {product} on sale?", "{product} prices?", "I'm looking for {product}"],
  steps: [["Search for {product}", "Search the store for {product}", "Find {product} in the shop"]],
  bind({ dice }: IntentContext) {
    const product = dice.pick(PRODUCT_QUERIES);
    return { slots: { product }, calls: [call("search_products", { query: product })] };
  },
};

export const reviews: Intent = {
  id: "shop.reviews", domain: "ecommerce", functions: ["search_products", "get_product_reviews"],
  say: ["check the reviews for {product}", "find {product} and show me the reviews", "see what people say about the {product}", "read reviews of the top {product}"],
  ask: ["are the {product} any good?", "what are the reviews like for {product}?"],
  steps: [["Search for {product}", "Find {product} in the store"], ["Get the reviews for the top {product} result", "Show the product reviews of the first result"]],
  bind({ dice }: IntentContext) {
    const product = dice.pick(PRODUCT_QUERIES);
    return { slots: { product }, calls: [call("search_products", { query: product }), call("get_product_reviews", { product_id: fromStep(0, "id") })] };
  },
};

export const addToCart: Intent = {
  id: "shop.add", domain: "ecommerce", functions: ["search_products", "add_to_cart"],
  say: ["add {quantity} {product} to my cart", "put {quantity} {product} in the cart", "find {product} and add {quantity} to my basket",
    "throw {quantity} {product} in my cart"],
  steps: [["Search for {product}", "Find {product}"], ["Add {quantityDigits} of the first result to the cart", "Add the top {product} result to the cart (quantity {quantityDigits})"]],
  bind({ dice }: IntentContext) {
    const product = dice.pick(PRODUCT_QUERIES);
    const quantity = dice.weighted([[1, 6], [2, 3], [3, 1]]);
    const spokenQuantity = quantity === 1 ? dice.pick(["a", "one", "1"]) : dice.pick([String(quantity), numberWords(quantity)]);
    return { slots: { product, quantity: spokenQuantity, quantityDigits: String(quantity) },
      calls: [call("search_products", { query: product }), call("add_to_cart", { product_id: fromStep(0, "id"), quantity })] };
  },
};

export const buy: Intent = {
  id: "shop.buy", domain: "ecommerce", functions: ["search_products", "add_to_cart", "place_order"],
  say: ["buy {product}{extra}", "order {product}{extra}", "find {product}, add one to my cart and check out{extra}", "get me {product}{extra}"],
  ask: ["I want to buy {product}{extra}", "can you order {product} for me{extra}?"],
  steps: [["Search for {product}"], ["Add the first {product} result to the cart"], ["Place the order{orderStep}", "Check out{orderStep}"]],
  bind({ dice }: IntentContext) {
    // A request names the payment or the address, never both; what it leaves out is the default.
    const product = dice.pick(PRODUCT_QUERIES);
    const byPayment = dice.chance(0.5);
    const [payment, paymentMethod] = byPayment ? dice.pick(PAYMENTS) : ["", "default"];
    const [address, shippingAddress] = byPayment ? ["", "default"] : dice.pick(ADDRESSES);
    const orderStep = paymentMethod !== "default" ? ` paying with ${paymentMethod}`
      : shippingAddress !== "default" ? ` shipping to ${shippingAddress}` : " with the default shipping address and payment method";
    return { slots: { product, extra: payment + address, orderStep },
      calls: [call("search_products", { query: product }), call("add_to_cart", { product_id: fromStep(0, "id"), quantity: 1 }),
        call("place_order", { shipping_address: shippingAddress, payment_method: paymentMethod })] };
  },
};

export const buyWithCoupon: Intent = {
  id: "shop.buy-coupon", domain: "ecommerce", functions: ["search_products", "add_to_cart", "apply_coupon", "place_order"],
  say: ["buy {product} with the code {code}", "order {product} and use coupon {code} at checkout", "find {product}, add it to the cart, apply {code} and place the order",
    "get {product} using promo code {code}"],
  steps: [["Search for {product}"], ["Add the first {product} result to the cart"], ["Apply the coupon code {code}"], ["Place the order"]],
  bind({ dice }: IntentContext) {
    const product = dice.pick(PRODUCT_QUERIES.slice(0, 10));
    const code = dice.pick(validCoupons()).code;
    return { slots: { product, code },
      calls: [call("search_products", { query: product }), call("add_to_cart", { product_id: fromStep(0, "id"), quantity: 1 }),
        call("apply_coupon", { code }), call("place_order", { shipping_address: "default", payment_method: "default" })] };
  },
};

export const track: Intent = {
  id: "shop.track", domain: "ecommerce", functions: ["track_order"],
  say: ["track order {order}", "check the status of order {order}", "see where my order {order} is", "look up the delivery status for {order}"],
  ask: ["where's my order {order}?", "has order {order} shipped yet?", "when is {order} arriving?"],
  steps: [["Track order {id}", "Check the status of order {id}"]],
  bind({ dice }: IntentContext) {
    const order = pickOrder(dice);
    return { slots: { order: order.spoken, id: order.id }, calls: [call("track_order", { order_id: order.id })] };
  },
};

export const cancel: Intent = {
  id: "shop.cancel", domain: "ecommerce", functions: ["cancel_order"],
  say: ["cancel order {order}", "cancel my order {order}", "call off order {order}", "stop order {order} from shipping"],
  ask: ["I don't want order {order} anymore, cancel it", "can order {order} still be cancelled?"],
  steps: [["Cancel order {id}", "Cancel the order {id}"]],
  bind({ dice }: IntentContext) {
    const order = { id: "ORD-10023", spoken: dice.pick(["ORD-10023", "#10023", "number 10023"]) };
    return { slots: { order: order.spoken, id: order.id }, calls: [call("cancel_order", { order_id: order.id })] };
  },
};

export const ECOMMERCE: Intent[] = [searchProducts, reviews, addToCart, buy, buyWithCoupon, track, cancel];
