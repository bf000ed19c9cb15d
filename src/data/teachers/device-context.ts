// What exists on the simulated device, as a few prompt lines. A teacher model that invents a
// contact "Dana" or a file "report_final.pdf" writes calls that fail on the device and are
// rejected by the pipeline's gate, so each batch shows the model a seeded sample of the real
// contacts, files, paired devices, titles, products and cities (WORLD) for the domains in play.
// Only names a user could say are shown; ids (products, hotels, flights) are meant to come from
// an earlier search step through a {"$ref": …}. Function sets outside the built-in domains get
// no context: their functions have no device behind them.
import { WORLD, type FunctionSet } from "../../functions/index.js";
import { mixSeed } from "./batches.js";

const PER_GROUP = 6;

function sample<T>(items: readonly T[], seed: number, count = PER_GROUP): T[] {
  const picked: T[] = [];
  const used = new Set<number>();
  for (let draw = 0; picked.length < Math.min(count, items.length); draw++) {
    const index = mixSeed(seed, draw) % items.length;
    if (!used.has(index)) { used.add(index); picked.push(items[index]!); }
  }
  return picked;
}

const fileName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

export function deviceContext(functions: FunctionSet, seed: number): string {
  const domains = new Set(functions.functions.map((spec) => spec.domain).filter((domain) => domain !== undefined));
  const lines: string[] = [];
  const add = (label: string, values: readonly string[]) => { if (values.length > 0) lines.push(`- ${label}: ${values.join("; ")}`); };
  if (domains.has("android")) {
    add("contacts", sample(WORLD.contacts, mixSeed(seed, 1)).map((contact) => `${contact.name} <${contact.email}>`));
    add("files", sample(WORLD.documents, mixSeed(seed, 2)).map((document) => fileName(document.path)));
    add("paired Bluetooth devices", sample(WORLD.bluetoothDevices, mixSeed(seed, 3), 4).map((device) => device.name));
    add("places", sample(WORLD.landmarks, mixSeed(seed, 4), 4));
    add("news topics", sample(WORLD.newsTopics, mixSeed(seed, 5), 4));
  }
  if (domains.has("ecommerce")) {
    add("products in the shop", sample(WORLD.products, mixSeed(seed, 6)).map((product) => product.name));
    add("coupon codes", sample(WORLD.coupons.filter((coupon) => !coupon.expired), mixSeed(seed, 7), 3).map((coupon) => coupon.code));
  }
  if (domains.has("video")) {
    add("movies and shows", sample(WORLD.titles, mixSeed(seed, 8)).map((title) => title.title));
    add("TVs to cast to", sample(WORLD.castDevices, mixSeed(seed, 9), 3).map((device) => device.name));
  }
  if (domains.has("travel")) {
    add("cities with airports", sample(WORLD.cities, mixSeed(seed, 10)).map((city) => `${city.name} (${city.airportCode})`));
    add("countries", sample(WORLD.countries, mixSeed(seed, 11), 4).map((country) => country.name));
  }
  return lines.join("\n");
}
