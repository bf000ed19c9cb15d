// The 7 travel functions, in the order of ../shared/functions.md.
import { z } from "zod";
import { bookFlight, bookHotel, convertCurrency, getTravelAdvisory, rentCar, searchFlights, searchHotels } from "../device/travel.js";
import { defineFunction, type FunctionSpec } from "../spec.js";
import { calendarDate } from "./formats.js";

const domain = "travel";
const date = (what: string) => calendarDate().describe(`${what} in "YYYY-MM-DD" format. For example, "2026-12-03" for December 3, 2026.`);

export const TRAVEL_FUNCTIONS: readonly FunctionSpec[] = [
  defineFunction({
    name: "search_flights", domain,
    description: "Searches for flights between two cities on a given date.",
    parameters: z.object({
      origin: z.string().describe("Departure city or airport code, e.g. 'San Francisco' or 'SFO'."),
      destination: z.string().describe("Arrival city or airport code, e.g. 'New York' or 'JFK'."),
      date: date("Departure date"),
    }),
    returns: "list[dict]: Available flights, each with its flight id (which includes the route and date), airline, departure time and price in USD.",
    execute: (args, { device }) => searchFlights(device, args.origin, args.destination, args.date),
  }),
  defineFunction({
    name: "book_flight", domain,
    description: "Books a seat on a flight for a passenger.",
    parameters: z.object({
      flight_id: z.string().describe("The flight id, as returned by search_flights (e.g., 'UA482-SFO-JFK-20261203')."),
      passenger_name: z.string().describe("Full name of the passenger, as on the passport."),
    }),
    returns: "dict: The booking confirmation code, the flight id and the price.",
    execute: (args, { device }) => bookFlight(device, args.flight_id, args.passenger_name),
  }),
  defineFunction({
    name: "search_hotels", domain,
    description: "Searches for hotels in a city for a stay between two dates.",
    parameters: z.object({ city: z.string().describe("The city to stay in, e.g. 'Paris'."), check_in: date("Check-in date"), check_out: date("Check-out date, after check_in,") }),
    returns: "list[dict]: Hotels with their hotel id, name, star rating and total price of the stay in USD.",
    execute: (args, { device }) => searchHotels(device, args.city, args.check_in, args.check_out),
  }),
  defineFunction({
    name: "book_hotel", domain,
    description: "Books a hotel room for a stay between two dates.",
    parameters: z.object({ hotel_id: z.string().describe("The hotel id, as returned by search_hotels (e.g., 'HTL-CDG-02')."), check_in: date("Check-in date"), check_out: date("Check-out date, after check_in,") }),
    returns: "dict: The booking confirmation code, the hotel, the number of nights and the total price.",
    execute: (args, { device }) => bookHotel(device, args.hotel_id, args.check_in, args.check_out),
  }),
  defineFunction({
    name: "rent_car", domain,
    description: "Rents a car in a city between a pickup date and a return date.",
    parameters: z.object({ city: z.string().describe("The city where the car is picked up, e.g. 'Los Angeles'."), pickup_date: date("Pickup date"), return_date: date("Return date, after pickup_date,") }),
    returns: "dict: The rental confirmation code, the company, the car class and the total price.",
    execute: (args, { device }) => rentCar(device, args.city, args.pickup_date, args.return_date),
  }),
  defineFunction({
    name: "get_travel_advisory", domain,
    description: "Retrieves the current travel advisory for a country.",
    parameters: z.object({ country: z.string().describe("The name of the country, e.g. 'Japan' or 'Mexico'.") }),
    returns: "dict: The advisory level from 1 (exercise normal precautions) to 4 (do not travel) and its explanation.",
    execute: (args, { device }) => getTravelAdvisory(device, args.country),
  }),
  defineFunction({
    name: "convert_currency", domain,
    description: "Converts an amount of money from one currency to another at today's exchange rate.",
    parameters: z.object({
      amount: z.number().min(0).describe("The amount of money to convert."),
      from_currency: z.string().describe("ISO 4217 code of the currency to convert from, e.g. 'USD'."),
      to_currency: z.string().describe("ISO 4217 code of the currency to convert to, e.g. 'EUR'."),
    }),
    returns: "dict: The converted amount and the exchange rate used.",
    execute: (args, { device }) => convertCurrency(device, args.amount, args.from_currency, args.to_currency),
  }),
];
