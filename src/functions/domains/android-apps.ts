// Android functions that talk to people and the web. Descriptions are the paper's
// appendix 7.1 where it has them; the others are written in the same style.
import { z } from "zod";
import { getTrendingNews, getWeatherForecast, findRouteGoogleMaps, searchYoutubeVideos, webSearch } from "../device/android-web.js";
import { createContact, sendEmail, sendTextMessage } from "../device/android-messages.js";
import { defineFunction } from "../spec.js";

const domain = "android";

export const getTrendingNewsFunction = defineFunction({
  name: "get_trending_news", domain,
  description: "Retrieves a collection of trending news articles relevant to a specified query and language.",
  parameters: z.object({
    query: z.string().describe("Topic for news articles."),
    language: z.string().describe("ISO 639-1 language code. The default language is English ('en'), but it can be set to any valid ISO 639-1 code to accommodate different language preferences (e.g., 'es' for Spanish, 'fr' for French).").default("en"),
  }),
  returns: "list[str]: A list of strings, where each string represents a single news article. Each article representation includes the article's title and its URL, allowing users to easily access the full article for detailed information.",
  execute: (args, { device }) => getTrendingNews(device, args.query, args.language),
});

export const getWeatherForecastFunction = defineFunction({
  name: "get_weather_forecast", domain,
  description: "Provides a weather forecast for a specified location over a given number of days. Each day's forecast includes a brief description of the expected weather conditions.",
  parameters: z.object({
    location: z.string().describe("The location for which the weather forecast is desired. Can be a city name, ZIP code, or other location identifiers."),
  }),
  returns: "list[str]: A list of strings, each representing the weather forecast for one day. Each string includes the date and a brief description of the weather conditions. Formatted in 'YYYY-MM-DD: Description' format.",
  execute: (args, { device }) => getWeatherForecast(device, args.location),
});

export const sendEmailFunction = defineFunction({
  name: "send_email", domain,
  description: "Sends an email to a specified recipient with a given title and content.",
  parameters: z.object({
    recipient: z.string().describe("The email address of the recipient."),
    title: z.string().describe("The subject line of the email. This is a brief summary or title of the email's purpose or content."),
    content: z.string().describe("The main body text of the email. It contains the primary message, information, or content that is intended to be communicated to the recipient."),
  }),
  execute: (args, { device }) => sendEmail(device, args.recipient, args.title, args.content),
});

export const searchYoutubeVideosFunction = defineFunction({
  name: "search_youtube_videos", domain,
  description: "Searches YouTube for videos matching a query.",
  parameters: z.object({ query: z.string().describe("Search query.") }),
  returns: "list[str]: A list of strings, each string includes video names and URLs.",
  execute: (args, { device }) => searchYoutubeVideos(device, args.query),
});

export const findRouteGoogleMapsFunction = defineFunction({
  name: "find_route_google_maps", domain,
  description: "Computes a route using Google Maps from an origin to a destination.",
  parameters: z.object({
    origin: z.string().describe("Starting location."),
    destination: z.string().describe("Target location."),
    mode: z.enum(["driving", "walking", "bicycling", "transit"]).describe("Mode of transportation, options include 'driving', 'walking', 'bicycling', and 'transit'."),
  }),
  returns: "List[str]: The string provides the route details.",
  execute: (args, { device }) => findRouteGoogleMaps(device, args.origin, args.destination, args.mode),
});

export const sendTextMessageFunction = defineFunction({
  name: "send_text_message", domain,
  description: "Sends a text message to the specified contact.",
  parameters: z.object({
    contact_name: z.string().describe("The name of the recipient contact."),
    message: z.string().describe("The content of the message to be sent. This is what the recipient will receive."),
  }),
  execute: (args, { device }) => sendTextMessage(device, args.contact_name, args.message),
});

export const createContactFunction = defineFunction({
  name: "create_contact", domain,
  description: "Creates a new contact entry in the device's address book.",
  parameters: z.object({
    name: z.string().describe("Full name of the contact. This should include first and last name."),
    phone_number: z.string().describe("phone number of the contact. The phone number should be provided in a standard format, preferably in E.164 format (e.g., +12345678900 for an international format)."),
  }),
  execute: (args, { device }) => createContact(device, args.name, args.phone_number),
});

export const webSearchFunction = defineFunction({
  name: "web_search", domain,
  description: "Searches the web for pages matching a query.",
  parameters: z.object({ query: z.string().describe("Search query, in plain words.") }),
  returns: "list[dict]: A list of results, each with the page title and its URL.",
  execute: (args, { device }) => webSearch(device, args.query),
});
