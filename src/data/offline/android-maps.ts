// Android intents: getting around (find_route_google_maps), from a spoken origin or from where the phone is.
import { call, type Intent, type IntentContext } from "./intent.js";
import { PLACES, TRAVEL_MODES } from "./lexicon.js";
import { freeText } from "./open-slots.js";

export const route: Intent = {
  id: "android.route", domain: "android", functions: ["find_route_google_maps"],
  say: ["get directions from {origin} to {destination} {mode}", "find the fastest route from {origin} to {destination} {mode}",
    "map a route from {origin} to {destination} {mode}", "show me how to get from {origin} to {destination} {mode}", "plan a route {mode} from {origin} to {destination}"],
  ask: ["what's the best way to {destination} from {origin}?", "how long from {origin} to {destination} {mode}?", "{origin} to {destination} {mode}, how far?"],
  steps: [["Find a {modeWord} route from {originStep} to {destination} on Google Maps", "Get {modeWord} directions from {originStep} to {destination}"]],
  unsaid: { mentions: ["mode"], slots: { modeWord: "driving" }, arguments: { mode: "driving" } },
  bind(context: IntentContext) {
    const { dice } = context;
    const [spokenMode, mode] = dice.pick(TRAVEL_MODES);
    const destination = freeText(context, "place", PLACES);
    const origin = freeText(context, "place", PLACES.filter((place) => place !== destination));
    const modeWord = { driving: "driving", walking: "walking", bicycling: "cycling", transit: "public transit" }[mode];
    // Without a spoken origin the route starts where the phone is.
    return { slots: { destination, origin, mode: spokenMode, modeWord, originStep: origin },
      calls: [call("find_route_google_maps", { origin, destination, mode })] };
  },
};

/** The same route intent, with origin left to the phone's location ("current location"). */
export const routeFromHere: Intent = {
  ...route, id: "android.route-here",
  say: ["get directions to {destination} {mode}", "navigate to {destination} {mode}", "show me the way to {destination} {mode}",
    "take me to {destination} {mode}", "route me to {destination} {mode}", "find a route to {destination} {mode}", "pull up directions to {destination} {mode}"],
  ask: ["how do I get to {destination} {mode}?", "how far is {destination} {mode}?", "directions to {destination} {mode} pls"],
  bind(context: IntentContext) {
    const binding = route.bind(context);
    const args = binding.calls[0]!.arguments;
    return { slots: { ...binding.slots, originStep: "current location" },
      calls: [call("find_route_google_maps", { ...args, origin: "current location" })] };
  },
};

export const ROUTES: Intent[] = [route, routeFromHere];
