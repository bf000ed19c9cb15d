// The 7 ecommerce functions, in the order of ../shared/functions.md.
import { z } from "zod";
import { addToCart, applyCoupon, cancelOrder, getProductReviews, placeOrder, searchProducts, trackOrder } from "../device/shop.js";
import { defineFunction, type FunctionSpec } from "../spec.js";

const domain = "ecommerce";

export const ECOMMERCE_FUNCTIONS: readonly FunctionSpec[] = [
  defineFunction({
    name: "search_products", domain,
    description: "Searches the online store's catalogue for products matching a query.",
    parameters: z.object({ query: z.string().describe("Search query, such as a product name, brand or category (e.g., 'noise cancelling headphones').") }),
    returns: "list[dict]: Up to three products, best match first, each with its product id, name, price in USD and average rating.",
    execute: (args, { device }) => searchProducts(device, args.query),
  }),
  defineFunction({
    name: "get_product_reviews", domain,
    description: "Retrieves customer reviews and the average rating of a product.",
    parameters: z.object({ product_id: z.string().describe("The id of the product, as returned by search_products (e.g., 'P1001').") }),
    returns: "dict: The product name, its average rating from 1 to 5 stars, and a list of reviews with their star ratings.",
    execute: (args, { device }) => getProductReviews(device, args.product_id),
  }),
  defineFunction({
    name: "add_to_cart", domain,
    description: "Adds a product to the shopping cart.",
    parameters: z.object({
      product_id: z.string().describe("The id of the product to add (e.g., 'P1001')."),
      quantity: z.number().int().min(1).max(99).describe("Number of units to add, from 1 to 99, default is 1.").default(1),
    }),
    returns: "dict: The product added, its quantity in the cart and the cart subtotal.",
    execute: (args, { device }) => addToCart(device, args.product_id, args.quantity),
  }),
  defineFunction({
    name: "apply_coupon", domain,
    description: "Applies a discount coupon code to the current shopping cart.",
    parameters: z.object({ code: z.string().describe("The coupon code, e.g. 'SAVE10'. Codes are not case-sensitive.") }),
    returns: "dict: The coupon applied, the cart subtotal, the discount and the new total.",
    execute: (args, { device }) => applyCoupon(device, args.code),
  }),
  defineFunction({
    name: "place_order", domain,
    description: "Places an order for everything in the shopping cart, with the coupons applied.",
    parameters: z.object({
      shipping_address: z.string().describe("The address to ship to. The default is 'default', the saved home address.").default("default"),
      payment_method: z.string().describe("The payment method. The default is 'default', the saved card.").default("default"),
    }),
    returns: "dict: The new order id, the total charged, the order status and the estimated delivery date.",
    execute: (args, { device }) => placeOrder(device, args.shipping_address, args.payment_method),
  }),
  defineFunction({
    name: "track_order", domain,
    description: "Retrieves the shipping status of an order.",
    parameters: z.object({ order_id: z.string().describe("The id of the order, e.g. 'ORD-10021'.") }),
    returns: "dict: The order status ('processing', 'shipped', 'delivered' or 'cancelled'), the carrier and the estimated delivery date.",
    execute: (args, { device }) => trackOrder(device, args.order_id),
  }),
  defineFunction({
    name: "cancel_order", domain,
    description: "Cancels an order that has not shipped yet and refunds it.",
    parameters: z.object({ order_id: z.string().describe("The id of the order to cancel, e.g. 'ORD-10023'.") }),
    returns: "dict: The order id, its new status and the amount refunded.",
    execute: (args, { device }) => cancelOrder(device, args.order_id),
  }),
];
