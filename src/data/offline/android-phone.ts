// Android intents, part 1: communication and organising (news, weather, email, texts,
// contacts, alarms, calendar, maps). Phrasings are written to cover the registers people
// use (imperative, question, "I need…", terse) — the composer adds the polite/chatty wrappers.
import { call, type Intent, type IntentContext } from "./intent.js";
import { EMAIL_BODIES, EMAIL_SUBJECTS, EVENT_TITLES, LANGUAGES, NEW_CONTACTS, NEWS_TOPICS, PLACES, TEXT_MESSAGES, TIMER_LABELS, TRAVEL_MODES, CITIES, VIDEO_TOPICS } from "./lexicon.js";
import { addMinutes, displayClock, displayDate, pickContact, pickDateTime, pickRecipient } from "./slots.js";
import { randomTime, sayNumber } from "./spoken.js";

const capitalizeFirst = (text: string) => text[0]!.toUpperCase() + text.slice(1);

export const news: Intent = {
  id: "android.news", domain: "android", functions: ["get_trending_news"],
  say: ["get the latest news on {topic}{lang}", "find trending news about {topic}{lang}", "pull up headlines about {topic}{lang}",
    "look up what's new with {topic}", "show me news about {topic}{lang}", "catch me up on {topic}", "find articles about {topic}{lang}",
    "get me the top stories on {topic}", "check the news for {topic}", "search for trending articles on {topic}{lang}"],
  ask: ["what's the latest on {topic}?", "any news about {topic}?", "news on {topic}{lang} pls", "what's trending with {topic} right now?",
    "tell me today's {topic} news", "anything new about {topic}?", "{topic} news{lang}", "what's happening with {topic}?"],
  steps: [["Search for the latest news about {topic}{lang}", "Get trending news articles about {topic}{lang}", "Find news articles on {topic}{lang}"]],
  bind({ dice }: IntentContext) {
    const topic = dice.pick(NEWS_TOPICS);
    const [language, code] = dice.chance(0.25) ? dice.pick(LANGUAGES) : ["English", "en"];
    const lang = code === "en" ? (dice.chance(0.15) ? " in English" : "") : ` in ${language}`;
    return { slots: { topic, lang }, calls: [call("get_trending_news", { query: topic, language: code })] };
  },
};

export const weather: Intent = {
  id: "android.weather", domain: "android", functions: ["get_weather_forecast"],
  say: ["check the weather in {city}{when}", "get the forecast for {city}", "look up the weather forecast in {city}",
    "see if it's going to rain in {city}{when}", "find out the weather in {city}{when}", "get me the {city} forecast"],
  ask: ["what's the weather like in {city}?", "wx {city}?", "is it going to rain in {city}{when}?", "how hot will it be in {city}{when}?",
    "do I need an umbrella in {city}{when}?", "weather in {city}", "what's the forecast for {city}{when}?", "is it cold in {city} right now?"],
  steps: [["Check the weather forecast for {city}", "Get the weather forecast in {city}", "Look up the weather in {city}"]],
  bind({ dice }: IntentContext) {
    const city = dice.pick(CITIES).name;
    const when = dice.pick(["", "", "", " tomorrow", " this weekend", " today", " later"]);
    return { slots: { city, when }, calls: [call("get_weather_forecast", { location: city })] };
  },
};

export const email: Intent = {
  id: "android.email", domain: "android", functions: ["send_email"],
  say: ["email {person} about {subject}", "send an email to {person} saying {body}", "write to {person} about {subject}",
    "drop {person} an email about {subject}", "send {person} an email with the subject {subject}", "email {person} that {body}",
    "shoot {person} a quick email: {body}", "compose an email to {person} about {subject} saying {body}"],
  steps: [["Send an email to {personStep} about {subject}", "Email {personStep} regarding {subject}", "Compose and send an email to {personStep} about {subject}"]],
  bind(context: IntentContext) {
    const { dice } = context;
    const recipient = pickRecipient(context);
    const subject = dice.pick(EMAIL_SUBJECTS);
    const body = dice.pick(EMAIL_BODIES);
    return {
      slots: { person: recipient.spoken, personStep: recipient.step, subject, body },
      calls: [call("send_email", { recipient: recipient.spoken, title: capitalizeFirst(subject), content: capitalizeFirst(body) + "." })],
    };
  },
};

export const text: Intent = {
  id: "android.text", domain: "android", functions: ["send_text_message"],
  say: ["text {person} that {message}", "send a message to {person} saying \"{message}\"", "message {person}: {message}",
    "tell {person} {message}", "let {person} know {message}", "shoot {person} a text saying {message}", "sms {person} '{message}'",
    "send {person} a text: {message}", "reply to {person} with \"{message}\""],
  steps: [["Send a text message to {person} saying \"{message}\"", "Text {person}: \"{message}\"", "Send {person} a message: \"{message}\""]],
  bind(context: IntentContext) {
    const contact = pickContact(context);
    const message = context.dice.pick(TEXT_MESSAGES);
    return { slots: { person: contact.spoken, message }, calls: [call("send_text_message", { contact_name: contact.spoken, message })] };
  },
};

export const contact: Intent = {
  id: "android.contact", domain: "android", functions: ["create_contact"],
  say: ["add {name} to my contacts with the number {phone}", "save {phone} as {name}", "create a new contact for {name}, number {phone}",
    "store {name}'s number, it's {phone}", "make a contact called {name} with phone {phone}", "save {name} in my phone as {phone}"],
  ask: ["can you save this number {phone}? it's {name}", "new contact: {name} {phone}"],
  steps: [["Create a new contact for {name} with phone number {phone}", "Add {name} to the contacts with number {phone}"]],
  bind({ dice }: IntentContext) {
    const person = dice.pick(NEW_CONTACTS);
    return { slots: { name: person.name, phone: person.phone }, calls: [call("create_contact", { name: person.name, phone_number: person.phone })] };
  },
};

export const alarm: Intent = {
  id: "android.alarm", domain: "android", functions: ["set_timer_alarm"],
  say: ["set an alarm for {time}{labelled}", "wake me up at {time}{labelled}", "set an alarm at {time}{labelled}", "put an alarm on for {time}{labelled}",
    "set my alarm to {time}{labelled}", "make an alarm for {time}{labelled}", "alarm at {time}{labelled}"],
  ask: ["alarm {time} pls", "wake me at {time}", "I need to be up at {time}", "can I get an alarm for {time}{labelled}?", "gotta be up by {time}"],
  steps: [["Set an alarm for {clock}{labelStep}", "Set an alarm at {clock}{labelStep}"]],
  bind({ dice }: IntentContext) {
    const time = randomTime(dice, "alarm");
    const label = dice.chance(0.4) ? dice.pick(TIMER_LABELS) : "alarm";
    const labelled = label === "alarm" ? "" : dice.pick([` called ${label}`, ` labeled ${label}`, ` for ${label}`, ` named "${label}"`]);
    const labelStep = label === "alarm" ? "" : ` labeled ${label}`;
    return { slots: { time: time.text, clock: displayClock(time.hour, time.minute), labelled, labelStep }, calls: [call("set_timer_alarm", { time: time.clock, label })] };
  },
};

export const calendar: Intent = {
  id: "android.calendar", domain: "android", functions: ["create_calendar_event"],
  say: ["schedule {title} {date} at {time}", "add {title} to my calendar {date} at {time}", "put {title} on my calendar for {date} at {time}",
    "book {title} {date} at {time} for {duration}", "create a calendar event called {title} {date} at {time}",
    "block off {duration} {date} at {time} for {title}", "set up {title} {date} at {time}", "pencil in {title} {date} at {time}"],
  ask: ["I have {title} {date} at {time}, put it in my calendar", "{title} {date} {time}, add it to the calendar"],
  steps: [["Create a calendar event for {title} on {day} from {start} to {end}", "Schedule {title} on {day} at {start}", "Add {title} to the calendar on {day} at {start}"]],
  bind(context: IntentContext) {
    const { dice } = context;
    const when = pickDateTime(context);
    const [duration, minutes] = dice.pick([["an hour", 60], ["one hour", 60], ["30 minutes", 30], ["half an hour", 30], ["two hours", 120], ["45 minutes", 45]] as const);
    const title = dice.pick(EVENT_TITLES);
    const end = addMinutes(when.stamp, minutes);
    const [endHour, endMinute] = end.split("-").slice(3).map(Number) as [number, number];
    return {
      slots: { title, date: when.date.text, time: when.time.text, duration, day: displayDate(when.date.iso),
        start: displayClock(when.time.hour, when.time.minute), end: displayClock(endHour, endMinute) },
      calls: [call("create_calendar_event", { title: capitalizeFirst(title), start_time: when.stamp, end_time: end })],
    };
  },
};

export const route: Intent = {
  id: "android.route", domain: "android", functions: ["find_route_google_maps"],
  say: ["get directions from {origin} to {destination} {mode}", "find the fastest route from {origin} to {destination} {mode}",
    "map a route from {origin} to {destination} {mode}", "show me how to get from {origin} to {destination} {mode}", "plan a route {mode} from {origin} to {destination}"],
  ask: ["what's the best way to {destination} from {origin}?", "how long from {origin} to {destination} {mode}?", "{origin} to {destination} {mode}, how far?"],
  steps: [["Find a {modeWord} route from {originStep} to {destination} on Google Maps", "Get {modeWord} directions from {originStep} to {destination}"]],
  bind({ dice }: IntentContext) {
    const [spokenMode, mode] = dice.pick(TRAVEL_MODES);
    const destination = dice.pick(PLACES);
    const origin = dice.pick(PLACES.filter((place) => place !== destination));
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

export const timer: Intent = {
  id: "android.timer", domain: "android", functions: ["set_timer_alarm"],
  say: ["set a timer for {minutes} minutes for the {label}", "start a {minutes} minute timer for the {label}", "set a {label} timer for {minutes} minutes"],
  ask: ["{label} timer {minutes} min", "{minutes} minute timer for the {label} please"],
  steps: [["Set a {minutesDigits}-minute {label} timer, until {clock}", "Set a {label} timer alarm for {clock}"]],
  bind({ dice, now }: IntentContext) {
    const count = dice.pick([5, 10, 15, 20, 25, 30, 45]);
    const total = now.hour * 60 + now.minute + count;
    const hour = Math.floor(total / 60) % 24;
    const minute = total % 60;
    const label = dice.pick(TIMER_LABELS);
    return { slots: { minutes: sayNumber(dice, count, 0.4), minutesDigits: String(count), label, clock: displayClock(hour, minute) },
      calls: [call("set_timer_alarm", { time: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`, label })] };
  },
};

export const youtube: Intent = {
  id: "android.youtube", domain: "android", functions: ["search_youtube_videos"],
  say: ["search YouTube for {video}", "find {video} videos on YouTube", "look up {video} on youtube", "pull up some {video} vids on YouTube",
    "find a YouTube video about {video}", "search yt for {video}", "show me {video} on YouTube"],
  ask: ["any good YouTube videos on {video}?", "yt {video}", "is there a YouTube tutorial for {video}?", "{video} on youtube pls"],
  steps: [["Search YouTube for {video} videos", "Find YouTube videos about {video}", "Search YouTube for {video}"]],
  bind({ dice }: IntentContext) {
    const video = dice.pick(VIDEO_TOPICS);
    return { slots: { video }, calls: [call("search_youtube_videos", { query: video })] };
  },
};

export const ANDROID_PHONE: Intent[] = [youtube, news, weather, email, text, contact, alarm, calendar, route, routeFromHere, timer];
