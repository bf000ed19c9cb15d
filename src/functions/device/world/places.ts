// Cities with their main airport and a few hotels, countries with travel advisories,
// and currency rates (units per US dollar, a fixed snapshot: no live data offline).
import type { WorldCity, WorldCountry, WorldCurrency, WorldHotel } from "./types.js";

type CityTuple = [name: string, country: string, airportCode: string, airportName: string, hotels: Array<[string, number, number]>];

const CITY_TUPLES: CityTuple[] = [
  ["San Francisco", "United States", "SFO", "San Francisco International Airport", [["Fairmont San Francisco", 5, 420], ["Hotel Zephyr", 3, 210], ["Hyatt Regency San Francisco", 4, 310]]],
  ["New York", "United States", "JFK", "John F. Kennedy International Airport", [["The Plaza Hotel", 5, 795], ["Pod Times Square", 3, 160], ["Marriott Marquis Times Square", 4, 389]]],
  ["Los Angeles", "United States", "LAX", "Los Angeles International Airport", [["The Beverly Hills Hotel", 5, 890], ["Hotel Figueroa", 4, 279], ["Freehand Los Angeles", 3, 149]]],
  ["Chicago", "United States", "ORD", "O'Hare International Airport", [["The Langham Chicago", 5, 520], ["Hotel Julian", 4, 245], ["Freehand Chicago", 3, 129]]],
  ["Seattle", "United States", "SEA", "Seattle-Tacoma International Airport", [["Four Seasons Seattle", 5, 610], ["Hotel Max", 3, 179], ["Thompson Seattle", 4, 329]]],
  ["Boston", "United States", "BOS", "Logan International Airport", [["Omni Parker House", 4, 289], ["The Liberty Hotel", 5, 459], ["citizenM Boston North Station", 3, 189]]],
  ["Miami", "United States", "MIA", "Miami International Airport", [["Faena Hotel Miami Beach", 5, 780], ["The Betsy South Beach", 4, 399], ["Generator Miami", 3, 139]]],
  ["Austin", "United States", "AUS", "Austin-Bergstrom International Airport", [["Hotel Van Zandt", 4, 299], ["The Driskill", 4, 319], ["Firehouse Hotel", 3, 199]]],
  ["Toronto", "Canada", "YYZ", "Toronto Pearson International Airport", [["Fairmont Royal York", 5, 389], ["The Drake Hotel", 4, 259], ["Hotel Ocho", 3, 169]]],
  ["Mexico City", "Mexico", "MEX", "Benito Juárez International Airport", [["Four Seasons Mexico City", 5, 540], ["Condesa DF", 4, 210], ["Hotel Catedral", 3, 89]]],
  ["London", "United Kingdom", "LHR", "Heathrow Airport", [["The Savoy", 5, 690], ["The Hoxton Shoreditch", 4, 239], ["Premier Inn London County Hall", 3, 149]]],
  ["Paris", "France", "CDG", "Charles de Gaulle Airport", [["Le Meurice", 5, 1150], ["Hôtel des Grands Boulevards", 4, 320], ["Generator Paris", 3, 119]]],
  ["Berlin", "Germany", "BER", "Berlin Brandenburg Airport", [["Hotel Adlon Kempinski", 5, 450], ["Michelberger Hotel", 3, 129], ["25hours Hotel Bikini Berlin", 4, 189]]],
  ["Rome", "Italy", "FCO", "Leonardo da Vinci–Fiumicino Airport", [["Hotel Hassler Roma", 5, 720], ["Hotel Artemide", 4, 230], ["The Beehive", 2, 85]]],
  ["Madrid", "Spain", "MAD", "Adolfo Suárez Madrid–Barajas Airport", [["Four Seasons Madrid", 5, 690], ["Only YOU Boutique Hotel", 4, 210], ["Hostal Persal", 2, 79]]],
  ["Barcelona", "Spain", "BCN", "Josep Tarradellas Barcelona–El Prat Airport", [["Hotel Arts Barcelona", 5, 520], ["Casa Camper", 4, 290], ["Generator Barcelona", 3, 109]]],
  ["Amsterdam", "Netherlands", "AMS", "Amsterdam Airport Schiphol", [["Waldorf Astoria Amsterdam", 5, 780], ["Hotel V Nesplein", 4, 210], ["ClinkNOORD", 2, 79]]],
  ["Dublin", "Ireland", "DUB", "Dublin Airport", [["The Shelbourne", 5, 460], ["The Dean Dublin", 4, 240], ["Jacobs Inn", 2, 69]]],
  ["Dubai", "United Arab Emirates", "DXB", "Dubai International Airport", [["Burj Al Arab Jumeirah", 5, 1600], ["Rove Downtown", 3, 120], ["Address Sky View", 5, 450]]],
  ["Tokyo", "Japan", "HND", "Haneda Airport", [["Park Hyatt Tokyo", 5, 820], ["Hotel Gracery Shinjuku", 3, 140], ["Aman Tokyo", 5, 1500]]],
  ["Seoul", "South Korea", "ICN", "Incheon International Airport", [["Signiel Seoul", 5, 480], ["RYSE Autograph Collection", 4, 210], ["L7 Myeongdong", 3, 130]]],
  ["Singapore", "Singapore", "SIN", "Singapore Changi Airport", [["Marina Bay Sands", 5, 690], ["Hotel G Singapore", 3, 150], ["The Fullerton Hotel", 5, 480]]],
  ["Bangkok", "Thailand", "BKK", "Suvarnabhumi Airport", [["Mandarin Oriental Bangkok", 5, 520], ["Ibis Styles Bangkok Khaosan", 3, 45], ["SO/ Bangkok", 4, 160]]],
  ["Sydney", "Australia", "SYD", "Sydney Kingsford Smith Airport", [["Park Hyatt Sydney", 5, 890], ["QT Sydney", 4, 320], ["Wake Up! Sydney Central", 2, 65]]],
  ["Cape Town", "South Africa", "CPT", "Cape Town International Airport", [["The Silo Hotel", 5, 950], ["Radisson RED V&A Waterfront", 4, 160], ["Once in Cape Town", 2, 55]]],
];

function hotelId(airportCode: string, index: number): string {
  return `HTL-${airportCode}-${String(index + 1).padStart(2, "0")}`;
}

export const CITIES: WorldCity[] = CITY_TUPLES.map(([name, country, airportCode, airportName, hotels]) => ({
  name,
  country,
  airportCode,
  airportName,
  hotels: hotels.map(([hotelName, stars, pricePerNight], index): WorldHotel => ({ id: hotelId(airportCode, index), name: hotelName, stars, pricePerNight })),
}));

const exerciseNormal = "Exercise normal precautions.";
const increasedCaution = "Exercise increased caution due to crime and terrorism.";

export const COUNTRIES: WorldCountry[] = [
  { name: "United States", currency: "USD", advisoryLevel: 1, advisory: exerciseNormal },
  { name: "Canada", currency: "CAD", advisoryLevel: 1, advisory: exerciseNormal },
  { name: "Mexico", currency: "MXN", advisoryLevel: 2, advisory: "Exercise increased caution due to crime and kidnapping; check state-level advisories." },
  { name: "United Kingdom", currency: "GBP", advisoryLevel: 2, advisory: "Exercise increased caution due to terrorism." },
  { name: "France", currency: "EUR", advisoryLevel: 2, advisory: "Exercise increased caution due to terrorism and civil unrest." },
  { name: "Germany", currency: "EUR", advisoryLevel: 2, advisory: "Exercise increased caution due to terrorism." },
  { name: "Italy", currency: "EUR", advisoryLevel: 2, advisory: "Exercise increased caution due to terrorism." },
  { name: "Spain", currency: "EUR", advisoryLevel: 2, advisory: increasedCaution },
  { name: "Netherlands", currency: "EUR", advisoryLevel: 2, advisory: "Exercise increased caution due to terrorism." },
  { name: "Ireland", currency: "EUR", advisoryLevel: 1, advisory: exerciseNormal },
  { name: "United Arab Emirates", currency: "AED", advisoryLevel: 2, advisory: "Exercise increased caution due to the threat of missile and drone attacks." },
  { name: "Japan", currency: "JPY", advisoryLevel: 1, advisory: exerciseNormal },
  { name: "South Korea", currency: "KRW", advisoryLevel: 1, advisory: exerciseNormal },
  { name: "Singapore", currency: "SGD", advisoryLevel: 1, advisory: exerciseNormal },
  { name: "Thailand", currency: "THB", advisoryLevel: 1, advisory: "Exercise normal precautions; avoid the southern border provinces." },
  { name: "Australia", currency: "AUD", advisoryLevel: 1, advisory: exerciseNormal },
  { name: "South Africa", currency: "ZAR", advisoryLevel: 2, advisory: "Exercise increased caution due to crime and civil unrest." },
  { name: "Brazil", currency: "BRL", advisoryLevel: 2, advisory: "Exercise increased caution due to crime." },
  { name: "Egypt", currency: "EGP", advisoryLevel: 3, advisory: "Reconsider travel due to terrorism; do not travel to the Sinai Peninsula." },
  { name: "Venezuela", currency: "VES", advisoryLevel: 4, advisory: "Do not travel due to crime, civil unrest and wrongful detentions." },
];

export const CURRENCIES: WorldCurrency[] = [
  { code: "USD", name: "US Dollar", perUsd: 1 },
  { code: "EUR", name: "Euro", perUsd: 0.92 },
  { code: "GBP", name: "British Pound", perUsd: 0.79 },
  { code: "JPY", name: "Japanese Yen", perUsd: 151.2 },
  { code: "CAD", name: "Canadian Dollar", perUsd: 1.37 },
  { code: "AUD", name: "Australian Dollar", perUsd: 1.52 },
  { code: "CHF", name: "Swiss Franc", perUsd: 0.88 },
  { code: "CNY", name: "Chinese Yuan", perUsd: 7.24 },
  { code: "INR", name: "Indian Rupee", perUsd: 83.4 },
  { code: "MXN", name: "Mexican Peso", perUsd: 17.1 },
  { code: "KRW", name: "South Korean Won", perUsd: 1352 },
  { code: "SGD", name: "Singapore Dollar", perUsd: 1.35 },
  { code: "THB", name: "Thai Baht", perUsd: 35.9 },
  { code: "AED", name: "UAE Dirham", perUsd: 3.67 },
  { code: "ZAR", name: "South African Rand", perUsd: 18.6 },
  { code: "BRL", name: "Brazilian Real", perUsd: 5.05 },
  { code: "EGP", name: "Egyptian Pound", perUsd: 47.8 },
  { code: "VES", name: "Venezuelan Bolívar", perUsd: 36.5 },
];
