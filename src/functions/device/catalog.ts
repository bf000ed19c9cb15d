// WORLD: the seeded world's static data, the same for every seed. The data generator
// fills its request slots from here (file paths, contact names, product ids, titles,
// cities, hotel ids…) so that generated calls succeed on the simulated device.
// What varies by seed (initial volume, paired devices, prices of flights…) lives in
// ./state.ts and the per-domain device files, not here.
import { DOCUMENTS } from "./world/documents.js";
import { BLUETOOTH_DEVICES, CAST_DEVICES, CONTACTS, DEFAULT_PRINTER, NEW_CONTACTS } from "./world/people.js";
import { COUPONS, PRODUCTS } from "./world/products.js";
import { TITLES } from "./world/titles.js";
import { CITIES, COUNTRIES, CURRENCIES } from "./world/places.js";

export type * from "./world/types.js";

export const WORLD = {
  documents: DOCUMENTS,
  contacts: CONTACTS,
  newContacts: NEW_CONTACTS,
  bluetoothDevices: BLUETOOTH_DEVICES,
  defaultPrinter: DEFAULT_PRINTER,
  products: PRODUCTS,
  productCategories: [...new Set(PRODUCTS.map((product) => product.category))],
  coupons: COUPONS,
  titles: TITLES,
  genres: [...new Set(TITLES.map((title) => title.genre))],
  castDevices: CAST_DEVICES,
  cities: CITIES,
  /** Every hotel of every city, for looking up by id. */
  hotels: CITIES.flatMap((city) => city.hotels.map((hotel) => ({ ...hotel, city: city.name }))),
  countries: COUNTRIES,
  currencies: CURRENCIES,
  /** Places for maps, weather and news queries that are not cities with airports. */
  landmarks: [
    "Golden Gate Park", "Central Park", "Union Station", "Times Square", "Stanford University",
    "Fisherman's Wharf", "Eiffel Tower", "Heathrow Terminal 5", "the office", "home",
  ],
  newsTopics: [
    "artificial intelligence", "climate change", "stock market", "electric vehicles", "space exploration",
    "the World Cup", "the election", "cryptocurrency", "healthcare", "smartphones",
  ],
} as const;

export type World = typeof WORLD;
