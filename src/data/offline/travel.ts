// Travel intents. Dates are said relatively or absolutely and resolved against the
// device clock; "book the cheapest flight" is search_flights, then book_flight with the
// id of the cheapest result from the observation; hotels likewise.
import { call, fromStep, type Intent, type IntentContext } from "./intent.js";
import { CITIES, COUNTRIES, CURRENCIES } from "./lexicon.js";
import { displayDate, pickContact } from "./slots.js";
import { sayDate, type SpokenDate } from "./spoken.js";

const CURRENCY_WORDS: Record<string, string[]> = { USD: ["dollars", "USD", "US dollars", "bucks"], EUR: ["euros", "EUR"], GBP: ["pounds", "GBP", "British pounds"],
  JPY: ["yen", "JPY", "Japanese yen"], CAD: ["Canadian dollars", "CAD"], AUD: ["Australian dollars", "AUD"], CHF: ["Swiss francs", "CHF"],
  MXN: ["pesos", "Mexican pesos", "MXN"], INR: ["rupees", "INR"], KRW: ["won", "KRW"], THB: ["baht", "THB"], CNY: ["yuan", "CNY"] };

function tripDates(context: IntentContext): { start: SpokenDate; end: SpokenDate; nights: number } {
  const offset = context.dice.integer(1, 45);
  const nights = context.dice.integer(1, 7);
  return { start: sayDate(context.dice, context.now, offset), end: sayDate(context.dice, context.now, offset + nights), nights };
}

function twoCities({ dice }: IntentContext) {
  const [from, to] = dice.sample(CITIES, 2) as [typeof CITIES[number], typeof CITIES[number]];
  return { from: from.name, to: to.name, fromSpoken: dice.chance(0.2) ? from.airportCode : from.name, toSpoken: dice.chance(0.2) ? to.airportCode : to.name };
}

export const searchFlights: Intent = {
  id: "travel.flights", domain: "travel", functions: ["search_flights"],
  say: ["find flights from {from} to {to} {date}", "search for a flight to {to} from {from} {date}", "look up flights {from} to {to} {date}",
    "check flights from {from} to {to} {date}", "see what flights there are to {to} {date}, leaving from {from}"],
  ask: ["any flights from {from} to {to} {date}?", "flights {from}-{to} {date}?", "how much is a flight to {to} from {from} {date}?"],
  steps: [["Search for flights from {fromStep} to {toStep} on {day}", "Find flights from {fromStep} to {toStep} on {day}"]],
  bind(context: IntentContext) {
    const cities = twoCities(context);
    const date = sayDate(context.dice, context.now, context.dice.integer(1, 40));
    return { slots: { from: cities.fromSpoken, to: cities.toSpoken, fromStep: cities.fromSpoken, toStep: cities.toSpoken, date: date.text, day: displayDate(date.iso) },
      calls: [call("search_flights", { origin: cities.fromSpoken, destination: cities.toSpoken, date: date.iso })] };
  },
};

export const bookCheapestFlight: Intent = {
  id: "travel.book-flight", domain: "travel", functions: ["search_flights", "book_flight"],
  say: ["book the cheapest flight from {from} to {to} {date} for {passenger}", "get {passenger} on the cheapest flight to {to} from {from} {date}",
    "find the cheapest {from} to {to} flight {date} and book it for {passenger}"],
  ask: ["I need a cheap flight {from} to {to} {date}, book it for {passenger}"],
  steps: [["Search for flights from {from} to {to} on {day}"], ["Book the cheapest flight for {passenger}", "Book the lowest-priced flight for {passenger}"]],
  bind(context: IntentContext) {
    const search = searchFlights.bind(context);
    const passenger = pickContact(context).name;
    return { slots: { ...search.slots, passenger }, calls: [...search.calls, call("book_flight", { flight_id: fromStep(0, "id", { pick: "cheapest" }), passenger_name: passenger })] };
  },
};

export const searchHotels: Intent = {
  id: "travel.hotels", domain: "travel", functions: ["search_hotels"],
  say: ["find a hotel in {city} from {checkIn} to {checkOut}", "search hotels in {city}, checking in {checkIn} and out {checkOut}",
    "look for a place to stay in {city} {checkIn} until {checkOut}", "find me hotels in {city} for {nights} nights starting {checkIn}"],
  ask: ["where can I stay in {city} {checkIn} to {checkOut}?", "hotels in {city} {checkIn}-{checkOut}?"],
  steps: [["Search for hotels in {city} from {inDay} to {outDay}", "Find hotels in {city} checking in {inDay} and out {outDay}"]],
  bind(context: IntentContext) {
    const city = context.dice.pick(CITIES).name;
    const { start, end, nights } = tripDates(context);
    return { slots: { city, checkIn: start.text.replace(/^on /, ""), checkOut: end.text.replace(/^on /, ""), nights: String(nights), inDay: displayDate(start.iso), outDay: displayDate(end.iso) },
      calls: [call("search_hotels", { city, check_in: start.iso, check_out: end.iso })] };
  },
};

export const bookHotel: Intent = {
  id: "travel.book-hotel", domain: "travel", functions: ["search_hotels", "book_hotel"],
  say: ["book a hotel in {city} from {checkIn} to {checkOut}", "reserve the cheapest hotel in {city}, {checkIn} to {checkOut}", "get me a room in {city} from {checkIn} to {checkOut}"],
  steps: [["Search for hotels in {city} from {inDay} to {outDay}"], ["Book the cheapest hotel from {inDay} to {outDay}", "Reserve the first hotel found from {inDay} to {outDay}"]],
  bind(context: IntentContext) {
    const search = searchHotels.bind(context);
    const args = search.calls[0]!.arguments;
    return { slots: search.slots, calls: [...search.calls, call("book_hotel", { hotel_id: fromStep(0, "id", { pick: "cheapest" }), check_in: args.check_in, check_out: args.check_out })] };
  },
};

export const rentCar: Intent = {
  id: "travel.car", domain: "travel", functions: ["rent_car"],
  say: ["rent a car in {city} from {checkIn} to {checkOut}", "book a rental car in {city}, picking up {checkIn} and returning {checkOut}", "get me a car in {city} {checkIn} through {checkOut}"],
  ask: ["I need wheels in {city} from {checkIn} to {checkOut}"],
  steps: [["Rent a car in {city} from {inDay} to {outDay}", "Book a rental car in {city} from {inDay} to {outDay}"]],
  bind(context: IntentContext) {
    const search = searchHotels.bind(context);
    const args = search.calls[0]!.arguments;
    return { slots: search.slots, calls: [call("rent_car", { city: args.city, pickup_date: args.check_in, return_date: args.check_out })] };
  },
};

export const advisory: Intent = {
  id: "travel.advisory", domain: "travel", functions: ["get_travel_advisory"],
  say: ["check the travel advisory for {country}", "see if it's safe to travel to {country}", "look up travel warnings for {country}"],
  ask: ["is it safe to go to {country} right now?", "any travel warnings for {country}?", "{country} travel advisory?"],
  steps: [["Get the travel advisory for {country}", "Check the travel advisory for {country}"]],
  bind({ dice }: IntentContext) {
    const country = dice.pick(COUNTRIES).name;
    return { slots: { country }, calls: [call("get_travel_advisory", { country })] };
  },
};

export const convert: Intent = {
  id: "travel.convert", domain: "travel", functions: ["convert_currency"],
  say: ["convert {amount} {from} to {to}", "change {amount} {from} into {to}", "work out how much {amount} {from} is in {to}"],
  ask: ["how much is {amount} {from} in {to}?", "{amount} {from} to {to}?", "what's {amount} {from} in {to}?"],
  steps: [["Convert {amount} {fromCode} to {toCode}", "Convert {amount} from {fromCode} to {toCode}"]],
  bind({ dice }: IntentContext) {
    const codes = Object.keys(CURRENCY_WORDS).filter((code) => CURRENCIES.some((currency) => currency.code === code));
    const [fromCode, toCode] = dice.sample(codes, 2) as [string, string];
    const amount = dice.pick([20, 50, 100, 150, 200, 250, 500, 1000, 75, 1200, 35.5]);
    return { slots: { amount: String(amount), from: dice.pick(CURRENCY_WORDS[fromCode]!), to: dice.pick(CURRENCY_WORDS[toCode]!), fromCode, toCode },
      calls: [call("convert_currency", { amount, from_currency: fromCode, to_currency: toCode })] };
  },
};

export const TRAVEL: Intent[] = [searchFlights, bookCheapestFlight, searchHotels, bookHotel, rentCar, advisory, convert];
