// Online lookups of the phone: news, weather, YouTube, maps and web search. Results
// are made up deterministically from the query and the seed (there is no network);
// they are observations, not state. Only obviously bad input fails.
import { DeviceError } from "./errors.js";
import { codeFor, integerFor, pickFor, slugify } from "./random.js";
import type { SimulatedDevice } from "./simulated-device.js";
import { clockMinutes, formatDay, MINUTES_PER_DAY } from "./time.js";

const OUTLETS = ["Reuters", "AP News", "BBC News", "The Verge", "Bloomberg", "The Guardian", "CNN", "TechCrunch"];
const HEADLINES = [
  "{q}: what you need to know this week",
  "Experts weigh in on the latest {q} developments",
  "{Q} makes headlines as markets react",
  "Five takeaways from today's {q} news",
  "Why {q} is trending right now",
  "The big picture on {q}",
];
const CONDITIONS = ["Sunny", "Partly cloudy", "Cloudy", "Light rain", "Showers", "Thunderstorms", "Windy", "Fog in the morning, then sun", "Snow flurries"];
const VIDEO_KINDS = ["Official Trailer", "Full Tutorial for Beginners", "Explained in 10 Minutes", "Live Performance", "Review: Is It Worth It?", "Highlights"];
const ROADS = ["I-280", "US-101", "Main Street", "Highway 1", "the riverside path", "Central Avenue", "the ring road"];
const SPEED_KMH = { driving: 42, transit: 24, bicycling: 15, walking: 5 } as const;

function requireQuery(functionName: string, field: string, text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") throw new DeviceError(functionName, `${field} is empty`, `Say what to look for in ${field}.`);
  return trimmed;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function getTrendingNews(device: SimulatedDevice, query: string, language: string): string[] {
  const topic = requireQuery("get_trending_news", "query", query);
  if (!/^[a-z]{2}$/i.test(language)) throw new DeviceError("get_trending_news", `"${language}" is not an ISO 639-1 language code`, "Use two letters such as 'en', 'es' or 'fr'.");
  const first = integerFor(0, HEADLINES.length - 1, device.seed, "news", topic.toLowerCase());
  return [0, 1, 2].map((index) => {
    // Consecutive templates, so the three headlines always differ.
    const headline = HEADLINES[(first + index) % HEADLINES.length].replace("{q}", topic).replace("{Q}", capitalize(topic));
    const outlet = pickFor(OUTLETS, device.seed, "outlet", topic, index);
    return `${headline} (${outlet}) - https://news.example.com/${language.toLowerCase()}/${slugify(topic)}-${codeFor(6, "0123456789", device.seed, topic, index)}`;
  });
}

export function getWeatherForecast(device: SimulatedDevice, location: string): string[] {
  const place = requireQuery("get_weather_forecast", "location", location);
  const today = clockMinutes(device.state.now);
  // One climate per place, small changes from day to day.
  const typicalHigh = integerFor(0, 28, device.seed, "climate", place.toLowerCase());
  return [0, 1, 2].map((day) => {
    const high = typicalHigh + integerFor(-3, 3, device.seed, "high", place.toLowerCase(), day);
    const low = high - integerFor(4, 10, device.seed, "low", place.toLowerCase(), day);
    return `${formatDay(today + day * MINUTES_PER_DAY)}: ${pickFor(CONDITIONS, device.seed, "sky", place.toLowerCase(), day)}, high ${high}°C, low ${low}°C`;
  });
}

export function searchYoutubeVideos(device: SimulatedDevice, query: string): string[] {
  const topic = requireQuery("search_youtube_videos", "query", query);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  return [0, 1, 2].map((index) => `${capitalize(topic)} - ${pickFor(VIDEO_KINDS, device.seed, "video", topic, index)} - https://www.youtube.com/watch?v=${codeFor(11, alphabet, device.seed, "youtube", topic, index)}`);
}

export function findRouteGoogleMaps(device: SimulatedDevice, origin: string, destination: string, mode: keyof typeof SPEED_KMH): string[] {
  const from = requireQuery("find_route_google_maps", "origin", origin);
  const to = requireQuery("find_route_google_maps", "destination", destination);
  if (from.toLowerCase() === to.toLowerCase()) throw new DeviceError("find_route_google_maps", "origin and destination are the same place", "Give two different places.");
  const pair = [from.toLowerCase(), to.toLowerCase()].sort().join("|");
  const kilometres = integerFor(15, 450, device.seed, "distance", pair) / 10;
  const minutes = Math.max(1, Math.round((kilometres / SPEED_KMH[mode]) * 60));
  const duration = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
  return [
    `${capitalize(mode)} from ${from} to ${to}: ${kilometres} km, about ${duration}`,
    `Fastest route via ${pickFor(ROADS, device.seed, "road", pair, mode)}`,
  ];
}

export function webSearch(device: SimulatedDevice, query: string): Array<{ title: string; url: string }> {
  const topic = requireQuery("web_search", "query", query);
  const sites = ["en.wikipedia.org/wiki", "www.reddit.com/r/answers", "www.nytimes.com/topic", "medium.com/tag", "stackoverflow.com/questions"];
  return [0, 1, 2].map((index) => {
    const site = pickFor(sites, device.seed, "site", topic, index);
    return { title: index === 0 ? capitalize(topic) : `${capitalize(topic)} - ${pickFor(["Guide", "Overview", "Discussion", "Latest"], device.seed, "kind", topic, index)}`, url: `https://${site}/${slugify(topic)}` };
  });
}
