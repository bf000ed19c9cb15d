// Resolving what travellers type ("NYC", "jfk", "New York") to WORLD's cities,
// countries and currencies, with errors that list what exists.
import { DeviceError } from "./errors.js";
import { resolveName } from "./match.js";
import type { SimulatedDevice } from "./simulated-device.js";
import type { WorldCity, WorldCountry, WorldCurrency } from "./world/types.js";

const CITY_ALIASES: Record<string, string> = { nyc: "New York", "new york city": "New York", la: "Los Angeles", sf: "San Francisco" };
const COUNTRY_ALIASES: Record<string, string> = {
  usa: "United States", us: "United States", america: "United States", "united states of america": "United States",
  uk: "United Kingdom", england: "United Kingdom", britain: "United Kingdom", "great britain": "United Kingdom",
  uae: "United Arab Emirates", korea: "South Korea", holland: "Netherlands", "the netherlands": "Netherlands",
};
const CURRENCY_ALIASES: Record<string, string> = {
  dollar: "USD", dollars: "USD", "us dollars": "USD", euro: "EUR", euros: "EUR", pound: "GBP", pounds: "GBP", sterling: "GBP",
  yen: "JPY", yuan: "CNY", renminbi: "CNY", rupee: "INR", rupees: "INR", peso: "MXN", pesos: "MXN", won: "KRW", baht: "THB",
  franc: "CHF", francs: "CHF", dirham: "AED", dirhams: "AED", rand: "ZAR", real: "BRL", reais: "BRL",
};

export function resolveCity(device: SimulatedDevice, functionName: string, field: string, text: string): WorldCity {
  const wanted = text.trim();
  const cities = device.world.cities;
  const alias = CITY_ALIASES[wanted.toLowerCase()];
  const city = cities.find((candidate) => candidate.name === alias)
    ?? cities.find((candidate) => candidate.airportCode.toLowerCase() === wanted.toLowerCase())
    ?? resolveName(wanted, cities, (candidate) => candidate.name)
    ?? resolveName(wanted, cities, (candidate) => candidate.airportName);
  if (city) return city;
  throw new DeviceError(functionName, `unknown city or airport "${text}" for ${field}`, `Served cities: ${cities.map((candidate) => `${candidate.name} (${candidate.airportCode})`).join(", ")}`);
}

export function resolveCountry(device: SimulatedDevice, functionName: string, text: string): WorldCountry {
  const wanted = text.trim();
  const alias = COUNTRY_ALIASES[wanted.toLowerCase()];
  const country = device.world.countries.find((candidate) => candidate.name === alias)
    ?? device.world.countries.find((candidate) => candidate.name.toLowerCase() === wanted.toLowerCase())
    // A city stands for its country ("travel advisory for Paris").
    ?? device.world.countries.find((candidate) => candidate.name === device.world.cities.find((city) => city.name.toLowerCase() === wanted.toLowerCase())?.country);
  if (country) return country;
  throw new DeviceError(functionName, `no advisory data for "${text}"`, `Countries: ${device.world.countries.map((candidate) => candidate.name).join(", ")}`);
}

export function resolveCurrency(device: SimulatedDevice, functionName: string, field: string, text: string): WorldCurrency {
  const wanted = text.trim().toLowerCase();
  const code = CURRENCY_ALIASES[wanted] ?? wanted.toUpperCase();
  const currency = device.world.currencies.find((candidate) => candidate.code === code)
    ?? device.world.currencies.find((candidate) => candidate.name.toLowerCase() === wanted || `${candidate.name.toLowerCase()}s` === wanted);
  if (currency) return currency;
  throw new DeviceError(functionName, `unknown currency "${text}" for ${field}`, `Use an ISO 4217 code: ${device.world.currencies.map((candidate) => candidate.code).join(", ")}`);
}
