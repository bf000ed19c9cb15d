// A toy planning/action set for the trainer tests: short, patterned, so a tiny model's loss
// falls within a few dozen steps. Function names and arguments follow ../shared/functions.md.
import type { DatasetRecord } from "../../src/data/index.js";

const CONTACTS = ["Alice", "Bob", "Carol", "Dave"];
const CITIES = ["Paris", "Tokyo", "Lima", "Oslo"];

export function toyRecords(count = 12): DatasetRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const contact = CONTACTS[index % CONTACTS.length]!;
    const city = CITIES[(index >> 2) % CITIES.length]!;
    return {
      id: `toy-${index}`,
      query: `Check the weather in ${city} and text ${contact}`,
      steps: [`Get the weather forecast for ${city}`, `Send a text message to ${contact}`],
      functions: ["get_weather_forecast", "send_text_message"],
      calls: [
        { name: "get_weather_forecast", arguments: { location: city } },
        { name: "send_text_message", arguments: { contact_name: contact, message: `Weather in ${city}` } },
      ],
      observations: [`{"location": "${city}", "forecast": "sunny"}`, `{"sent": true}`],
      domains: ["android"],
    };
  });
}
