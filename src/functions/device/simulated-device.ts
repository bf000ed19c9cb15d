// The simulated phone and its online services. One seed gives one reproducible
// world: WORLD (./catalog.ts) is the same for every seed, while the initial settings,
// paired devices, past orders and prices drawn from the seed differ. The functions
// of each domain (./android-*.ts, ./shop.ts, ./video.ts, ./travel.ts) read and change
// `state`; nothing else is hidden in the device, so snapshot() captures everything.
import { InputError } from "../../errors.js";
import { WORLD } from "./catalog.js";
import { integerFor, pickFor, randomFor, roundCents } from "./random.js";
import type { CartItem, DeviceState, Order, OrderStatus } from "./state.js";

export interface SimulatedDeviceOptions {
  seed?: number;
  /** Device clock "YYYY-MM-DDTHH:MM"; it does not advance during a run. */
  now?: string;
}

export const DEFAULT_SHIPPING_ADDRESS = "Home: 500 Market Street, Apt 12, San Francisco, CA 94105";
export const DEFAULT_PAYMENT_METHOD = "Visa ending in 4242";
/** Orders that exist before any call: the first is shipped, the second delivered, the third processing. */
export const PAST_ORDER_IDS = ["ORD-10021", "ORD-10022", "ORD-10023"] as const;
const FIRST_NEW_ORDER_NUMBER = 10024;

export class SimulatedDevice {
  readonly world = WORLD;

  private constructor(readonly seed: number, readonly state: DeviceState) {}

  static create(options: SimulatedDeviceOptions = {}): SimulatedDevice {
    const seed = options.seed ?? 0;
    const now = options.now ?? "2026-11-25T09:00";
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(now) || Number.isNaN(Date.parse(`${now}:00Z`))) {
      throw new InputError(`SimulatedDevice.create: now must look like "2026-11-25T09:00", got "${now}"`, { hint: "Pass the device clock as YYYY-MM-DDTHH:MM (no seconds, no time zone)." });
    }
    return new SimulatedDevice(seed, initialState(seed, now));
  }

  /** A deep, JSON-safe copy of the state, e.g. to store as a record's expected state. */
  snapshot(): DeviceState {
    return structuredClone(this.state);
  }

  /** A number in [0, 1) fixed by the seed and the key. */
  random(...key: Array<string | number>): number {
    return randomFor(this.seed, ...key);
  }

  nextOrderId(): string {
    const newOrders = this.state.orders.filter((order) => !(PAST_ORDER_IDS as readonly string[]).includes(order.id)).length;
    return `ORD-${FIRST_NEW_ORDER_NUMBER + newOrders}`;
  }
}

function pastOrder(seed: number, id: string, status: OrderStatus, day: string): Order {
  const product = pickFor(WORLD.products, seed, "past-order", id);
  const quantity = integerFor(1, 2, seed, "past-order-quantity", id);
  const item: CartItem = { productId: product.id, name: product.name, quantity, unitPrice: product.price };
  const subtotal = roundCents(product.price * quantity);
  return {
    id, items: [item], subtotal, discount: 0, total: subtotal, coupons: [], status,
    shippingAddress: DEFAULT_SHIPPING_ADDRESS, paymentMethod: DEFAULT_PAYMENT_METHOD, placedAt: `${day}T10:15`,
  };
}

function initialState(seed: number, now: string): DeviceState {
  const paired = WORLD.bluetoothDevices.filter((device, index) => index === 0 || randomFor(seed, "paired", device.name) < 0.35).map((device) => device.name);
  return {
    seed,
    now,
    files: WORLD.documents.map((document) => ({ path: document.path, kind: document.kind, sizeKb: document.sizeKb, modified: document.modified })),
    contacts: WORLD.contacts.map((contact) => ({ ...contact })),
    sentEmails: [],
    sentTexts: [],
    alarms: [],
    calendar: [],
    volume: { ring: integerFor(4, 8, seed, "volume-ring"), media: integerFor(3, 8, seed, "volume-media"), alarm: integerFor(5, 9, seed, "volume-alarm") },
    brightness: 5 * integerFor(8, 16, seed, "brightness"),
    bluetooth: { paired, connected: [] },
    photos: [],
    screenshots: [],
    printJobs: [],
    doNotDisturb: false,
    cart: [],
    appliedCoupons: [],
    orders: [
      pastOrder(seed, PAST_ORDER_IDS[0], "shipped", "2026-11-20"),
      pastOrder(seed, PAST_ORDER_IDS[1], "delivered", "2026-11-02"),
      pastOrder(seed, PAST_ORDER_IDS[2], "processing", "2026-11-24"),
    ],
    watchlist: [],
    ratings: {},
    downloads: [],
    castingTo: null,
    nowPlaying: null,
    bookings: { flights: [], hotels: [], cars: [] },
  };
}
