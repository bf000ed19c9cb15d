// Slot fillers. Everything a call names (contacts, files, devices, cities, products,
// titles) comes from the simulated device's world so that generated calls succeed there;
// free-text slots (news topics, messages, event titles) are lists written here. Each
// world entry gets the several names people actually use for it ("the Q3 report", "my
// boarding pass", "the projector").
import { DOCUMENTS } from "../../functions/device/world/documents.js";
export { SPOKEN_DOCUMENTS, type SpokenDocument } from "./documents.js";
import { BLUETOOTH_DEVICES, CAST_DEVICES, CONTACTS, NEW_CONTACTS } from "../../functions/device/world/people.js";
import { CITIES, COUNTRIES, CURRENCIES } from "../../functions/device/world/places.js";
import { COUPONS, PRODUCTS } from "../../functions/device/world/products.js";
import { TITLES } from "../../functions/device/world/titles.js";
import { MORE_NEWS_TOPICS, MORE_VIDEO_TOPICS, MORE_WEB_QUERIES, MORE_PLACES, MORE_TEXT_MESSAGES, MORE_EMAIL_SUBJECTS, MORE_EMAIL_BODIES, MORE_EVENT_TITLES, MORE_TIMER_LABELS } from "./lexicon-extra.js";

export { BLUETOOTH_DEVICES, CAST_DEVICES, CITIES, CONTACTS, COUNTRIES, COUPONS, CURRENCIES, DOCUMENTS, NEW_CONTACTS, PRODUCTS, TITLES };

/** Contacts by the names people use: full name, first name, or "Mom". */
export const CONTACT_NAMES = CONTACTS.map((contact) => ({
  ...contact,
  spoken: contact.name.includes(" ") && !contact.name.startsWith("Dr.") ? [contact.name, contact.name.split(" ")[0]!] : [contact.name],
}));

export interface SpokenDevice {
  name: string;
  spoken: string[];
}

export const SPOKEN_BLUETOOTH: SpokenDevice[] = BLUETOOTH_DEVICES.map((device) => {
  const lower = device.name.toLowerCase();
  const spoken = [device.name, `my ${lower}`];
  if (device.kind === "projector") spoken.push(lower.includes("conference") ? "the conference room projector" : "the office projector");
  if (device.kind === "car") spoken.push("my car", "the car stereo");
  if (device.kind === "printer") spoken.push(lower.includes("hp") ? "the HP printer" : "the Canon printer");
  if (device.kind === "earbuds" || device.kind === "headphones") spoken.push(`my ${device.name.split(" ").slice(0, 2).join(" ")}`);
  return { name: device.name, spoken };
});

export const NEWS_TOPICS = ["artificial intelligence", "AI regulation", "the stock market", "Jensen Huang", "Nvidia", "climate change",
  "the Premier League", "the elections", "SpaceX", "Bitcoin", "crypto", "Taylor Swift", "electric cars", "the NBA playoffs",
  "inflation", "the World Cup", "Apple's new iPhone", "interest rates", "the housing market", "renewable energy", "the Olympics",
  "Formula 1", "the tech layoffs", "OpenAI", "quantum computing", "the weather in Europe", "local restaurants", "space exploration",
  "cybersecurity", "the Oscars", "Tesla", "healthcare reform", "video games", "the housing crisis", "remote work", ...MORE_NEWS_TOPICS];

/** [spoken language, ISO 639-1 code]. */
export const LANGUAGES: Array<[string, string]> = [["English", "en"], ["Spanish", "es"], ["French", "fr"], ["German", "de"],
  ["Italian", "it"], ["Japanese", "ja"], ["Portuguese", "pt"], ["Chinese", "zh"], ["Korean", "ko"], ["Dutch", "nl"]];

export const VIDEO_TOPICS = ["how to tie a tie", "lofi hip hop", "sourdough bread recipe", "Python tutorial for beginners",
  "guitar lessons for beginners", "funny cat videos", "iPhone review", "yoga for beginners", "how to change a tire",
  "Taylor Swift live", "home workout no equipment", "how to fold a fitted sheet", "chess openings", "Japanese cooking",
  "relaxing rain sounds", "React hooks explained", "Minecraft building tips", "Messi best goals", "how to make cold brew",
  "piano covers", "budget travel tips", "stand up comedy", "knitting for beginners", "the Dune trailer", "TED talks on productivity", ...MORE_VIDEO_TOPICS];

export const WEB_QUERIES = ["best Italian restaurants nearby", "how tall is the Eiffel Tower", "symptoms of the flu",
  "cheap flights to Tokyo", "how to get rid of hiccups", "population of Canada", "who won the game last night",
  "how many cups in a liter", "opening hours of the DMV", "best budget laptops 2026", "how to remove a red wine stain",
  "what time does Costco close", "meaning of serendipity", "pharmacies open now", "how to unclog a drain",
  "the capital of Australia", "today's stock market", "easy vegetarian dinner recipes", "how to renew a passport",
  "best hiking trails near me", "is it safe to eat raw cookie dough", "exchange rate dollar to euro", "nearest gas station",
  "how to say thank you in Japanese", "when is daylight saving time", "dog friendly cafes", "how long to boil an egg", ...MORE_WEB_QUERIES];

export const PLACES = ["the airport", "the office", "home", "work", "Central Park", "the train station", "downtown",
  "the nearest hospital", "Union Station", "the mall", "Golden Gate Park", "my hotel", "the stadium", "the library",
  "Times Square", "the beach", "the university campus", "Main Street", "the farmers market", "my gym", "the city center",
  "the museum of modern art", "Pier 39", "the zoo", "the convention center", ...MORE_PLACES];

/** [spoken travel mode, mode argument]. */
export const TRAVEL_MODES: Array<[string, "driving" | "walking" | "bicycling" | "transit"]> = [
  ["", "driving"], ["", "driving"], ["driving", "driving"], ["by car", "driving"], ["walking", "walking"], ["on foot", "walking"],
  ["by bike", "bicycling"], ["cycling", "bicycling"], ["biking", "bicycling"],
  ["by public transport", "transit"], ["by transit", "transit"], ["by bus", "transit"], ["by train", "transit"], ["on the subway", "transit"]];

export const TEXT_MESSAGES = ["I'm running 10 minutes late", "on my way", "can you pick up milk on the way home?",
  "happy birthday!", "call me when you're free", "the meeting moved to 3", "I'll be home for dinner", "don't forget the keys",
  "thanks for today", "are we still on for tonight?", "I landed safely", "love you", "can we reschedule?", "running late, start without me",
  "the kids are asleep", "what time is the game?", "see you at the gym", "grab me a coffee please", "good luck with the interview!",
  "I left the report on your desk", "let's grab lunch tomorrow", "the package arrived", "I'm outside", "traffic is terrible, sorry", ...MORE_TEXT_MESSAGES];

export const EMAIL_SUBJECTS = ["project update", "meeting tomorrow", "invoice question", "weekend plans", "quick favor",
  "follow-up from today", "vacation request", "budget review", "happy birthday", "dinner on Friday", "the contract",
  "schedule change", "thank you", "interview feedback", "team offsite", "lunch next week", ...MORE_EMAIL_SUBJECTS];

export const EMAIL_BODIES = ["I'll send the slides by end of day", "can we move our call to Thursday", "thanks for your help yesterday",
  "please review the attached numbers", "I'm out of office next week", "the client approved the budget",
  "let me know if Friday works", "see you at the offsite", "I've booked the conference room", "congrats on the launch", ...MORE_EMAIL_BODIES];

export const EVENT_TITLES = ["dentist appointment", "team standup", "lunch with Sarah", "project review", "gym session",
  "parent-teacher meeting", "call with the bank", "doctor's appointment", "haircut", "yoga class", "1:1 with my manager",
  "budget meeting", "date night", "book club", "car service", "flight to Paris", "quarterly planning", "coffee with David",
  "birthday party", "job interview", "piano lesson", "vet appointment", "sprint planning", "client demo", ...MORE_EVENT_TITLES];

export const TIMER_LABELS = ["wake up", "pasta", "laundry", "medicine", "meeting", "workout", "pick up the kids", "nap",
  "take out the trash", "call mom", "pizza", "leave for the airport", "standup", "tea", "study break", ...MORE_TIMER_LABELS];

export const SEARCH_TOPICS = ["presentation", "invoice", "meeting notes", "report", "contract", "receipt", "spreadsheet", "resume"];
