// Travel services: flights, hotels, cars, advisories and currency conversion.
// Flight ids spell out their route and date ("UA482-SFO-JFK-20261203") so booking can
// check an id without remembering earlier searches; prices depend on the seed.
import { DeviceError } from "./errors.js";
import { codeFor, integerFor, pickFor, roundCents } from "./random.js";
import type { SimulatedDevice } from "./simulated-device.js";
import { clockMinutes, MINUTES_PER_DAY, parseDate } from "./time.js";
import { resolveCity, resolveCountry, resolveCurrency } from "./travel-places.js";

const AIRLINES = [["UA", "United"], ["DL", "Delta"], ["AA", "American Airlines"], ["BA", "British Airways"], ["AF", "Air France"], ["LH", "Lufthansa"], ["JL", "Japan Airlines"], ["SQ", "Singapore Airlines"], ["EK", "Emirates"]] as const;
const CAR_COMPANIES = ["Hertz", "Avis", "Enterprise", "Sixt", "Budget"];
const CAR_CLASSES = [["Economy", 39], ["Compact", 45], ["Midsize SUV", 68], ["Full-size", 59], ["Minivan", 82]] as const;
const CONFIRMATION_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Kept short on purpose: observations are cut to ~240 characters in prompts. The date is in the id. */
export interface FlightOffer { flightId: string; airline: string; departure: string; price: number }

function notPast(device: SimulatedDevice, functionName: string, field: string, text: string): number {
  const day = parseDate(functionName, field, text);
  if (day + MINUTES_PER_DAY <= clockMinutes(device.state.now)) throw new DeviceError(functionName, `${field} ${text} is in the past (today is ${device.state.now.slice(0, 10)})`, "Pick a date from today on.");
  return day;
}

function dateRange(device: SimulatedDevice, functionName: string, startField: string, start: string, endField: string, end: string): number {
  const first = notPast(device, functionName, startField, start);
  const last = parseDate(functionName, endField, end);
  if (last <= first) throw new DeviceError(functionName, `${endField} ${end} is not after ${startField} ${start}`, `${endField} must be at least one day after ${startField}.`);
  return Math.round((last - first) / MINUTES_PER_DAY);
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The three flights of a route on a day; ids do not depend on the seed, prices do. */
export function flightsFor(device: SimulatedDevice, originCode: string, destinationCode: string, date: string): FlightOffer[] {
  const route = `${originCode}-${destinationCode}-${date.replace(/-/g, "")}`;
  return [0, 1, 2].map((index) => {
    const [code, airline] = pickFor(AIRLINES, "airline", route, index);
    const departure = 6 * 60 + index * 300 + 5 * integerFor(0, 40, "departure", route, index);
    return {
      flightId: `${code}${integerFor(100, 1999, "number", route, index)}-${route}`,
      airline,
      departure: clock(departure),
      price: integerFor(89, 1400, device.seed, "price", route, index),
    };
  });
}

export function searchFlights(device: SimulatedDevice, origin: string, destination: string, date: string): FlightOffer[] {
  const from = resolveCity(device, "search_flights", "origin", origin);
  const to = resolveCity(device, "search_flights", "destination", destination);
  if (from.airportCode === to.airportCode) throw new DeviceError("search_flights", `origin and destination are both ${from.name}`, "Pick two different cities.");
  notPast(device, "search_flights", "date", date);
  return flightsFor(device, from.airportCode, to.airportCode, date);
}

export function bookFlight(device: SimulatedDevice, flightId: string, passengerName: string): { confirmation: string; flightId: string; passenger: string; price: number } {
  const match = /^([A-Z0-9]{2})(\d{3,4})-([A-Z]{3})-([A-Z]{3})-(\d{4})(\d{2})(\d{2})$/.exec(flightId.trim().toUpperCase());
  const date = match ? `${match[5]}-${match[6]}-${match[7]}` : "";
  const offer = match ? flightsFor(device, match[3], match[4], date).find((candidate) => candidate.flightId === flightId.trim().toUpperCase()) : undefined;
  if (!match || !offer) throw new DeviceError("book_flight", `unknown flight id "${flightId}"`, "Call search_flights first and pass a flightId it returns, like UA482-SFO-JFK-20261203.");
  if (passengerName.trim() === "") throw new DeviceError("book_flight", "passenger_name is empty", "Give the passenger's full name.");
  notPast(device, "book_flight", "date", date);
  const confirmation = codeFor(6, CONFIRMATION_ALPHABET, device.seed, "flight", offer.flightId, passengerName, device.state.bookings.flights.length);
  device.state.bookings.flights.push({ confirmation, flightId: offer.flightId, passengerName: passengerName.trim(), origin: match[3], destination: match[4], date, price: offer.price });
  return { confirmation, flightId: offer.flightId, passenger: passengerName.trim(), price: offer.price };
}

export function searchHotels(device: SimulatedDevice, city: string, checkIn: string, checkOut: string): Array<{ hotelId: string; name: string; stars: number; total: number }> {
  const found = resolveCity(device, "search_hotels", "city", city);
  const nights = dateRange(device, "search_hotels", "check_in", checkIn, "check_out", checkOut);
  return found.hotels.map((hotel) => ({ hotelId: hotel.id, name: hotel.name, stars: hotel.stars, total: hotel.pricePerNight * nights }));
}

export function bookHotel(device: SimulatedDevice, hotelId: string, checkIn: string, checkOut: string): { confirmation: string; hotel: string; nights: number; total: number } {
  const hotel = device.world.hotels.find((candidate) => candidate.id.toLowerCase() === hotelId.trim().toLowerCase());
  if (!hotel) throw new DeviceError("book_hotel", `unknown hotel id "${hotelId}"`, "Call search_hotels first and pass a hotelId it returns, like HTL-CDG-02.");
  const nights = dateRange(device, "book_hotel", "check_in", checkIn, "check_out", checkOut);
  const confirmation = codeFor(8, CONFIRMATION_ALPHABET, device.seed, "hotel", hotel.id, checkIn, device.state.bookings.hotels.length);
  const total = hotel.pricePerNight * nights;
  device.state.bookings.hotels.push({ confirmation, hotelId: hotel.id, hotelName: hotel.name, city: hotel.city, checkIn, checkOut, nights, total });
  return { confirmation, hotel: hotel.name, nights, total };
}

export function rentCar(device: SimulatedDevice, city: string, pickupDate: string, returnDate: string): { confirmation: string; company: string; carClass: string; days: number; total: number } {
  const found = resolveCity(device, "rent_car", "city", city);
  const days = dateRange(device, "rent_car", "pickup_date", pickupDate, "return_date", returnDate);
  const company = pickFor(CAR_COMPANIES, device.seed, "car-company", found.name);
  const [carClass, dailyRate] = pickFor(CAR_CLASSES, device.seed, "car-class", found.name, pickupDate);
  const confirmation = codeFor(8, CONFIRMATION_ALPHABET, device.seed, "car", found.name, pickupDate, device.state.bookings.cars.length);
  const total = dailyRate * days;
  device.state.bookings.cars.push({ confirmation, city: found.name, company, carClass, pickupDate, returnDate, total });
  return { confirmation, company, carClass, days, total };
}

export function getTravelAdvisory(device: SimulatedDevice, country: string): { country: string; level: number; advisory: string } {
  const found = resolveCountry(device, "get_travel_advisory", country);
  return { country: found.name, level: found.advisoryLevel, advisory: found.advisory };
}

export function convertCurrency(device: SimulatedDevice, amount: number, fromCurrency: string, toCurrency: string): { amount: number; from: string; to: string; converted: number; rate: number } {
  if (!Number.isFinite(amount) || amount < 0) throw new DeviceError("convert_currency", `amount ${amount} must be zero or more`, "Pass a non-negative number.");
  const from = resolveCurrency(device, "convert_currency", "from_currency", fromCurrency);
  const to = resolveCurrency(device, "convert_currency", "to_currency", toCurrency);
  const rate = to.perUsd / from.perUsd;
  return { amount, from: from.code, to: to.code, converted: roundCents(amount * rate), rate: Math.round(rate * 1e6) / 1e6 };
}
