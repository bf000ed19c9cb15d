// Android intents, part 1: communication (news, weather, YouTube, email, texts, contacts);
// the maps intents are in android-maps.ts. Phrasings are written to cover the registers people
// use (imperative, question, "I need…", terse) — the composer adds the polite/chatty wrappers.
import { call, type Intent, type IntentContext } from "./intent.js";
import { ROUTES } from "./android-maps.js";
import { freeText, newContact } from "./open-slots.js";
import { EMAIL_BODIES, EMAIL_SUBJECTS, LANGUAGES, NEW_CONTACTS, NEWS_TOPICS, TEXT_MESSAGES, CITIES, VIDEO_TOPICS } from "./lexicon.js";
import { pickContact, pickRecipient } from "./slots.js";

const capitalizeFirst = (text: string) => text[0]!.toUpperCase() + text.slice(1);

export const news: Intent = {
  id: "android.news", domain: "android", functions: ["get_trending_news"],
  say: ["get the latest news on {topic}{lang}", "find trending news about {topic}{lang}", "pull up headlines about {topic}{lang}",
    "look up what's new with {topic}", "show me news about {topic}{lang}", "catch me up on {topic}", "find articles about {topic}{lang}",
    "get me the top stories on {topic}", "check the news for {topic}", "search for trending articles on {topic}{lang}"],
  ask: ["what's the latest on {topic}?", "any news about {topic}?", "news on {topic}{lang} pls", "what's trending with {topic} right now?",
    "tell me today's {topic} news", "anything new about {topic}?", "{topic} news{lang}", "what's happening with {topic}?"],
  steps: [["Search for the latest news about {topic}{lang}", "Get trending news articles about {topic}{lang}", "Find news articles on {topic}{lang}"]],
  unsaid: { mentions: ["lang"], slots: { lang: "" }, arguments: { language: "en" } },
  bind(context: IntentContext) {
    const { dice } = context;
    const topic = freeText(context, "topic", NEWS_TOPICS);
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
    const when = dice.pick(["", "", "", "", " tomorrow", " this weekend", " today", " later", " tmrw", " tonight", " this afternoon", " on Friday", " next week", " tomorrow morning"]);
    return { slots: { city, when }, calls: [call("get_weather_forecast", { location: city })] };
  },
};

/**
 * An email names a subject, a body, or both; whatever the request leaves out is derived, never drawn at random
 * (a random body is a label no model can learn). The step carries every value the call needs, so the action model
 * reads the title and content off the step: no subject → the body is the title; no body → "{Subject}.".
 */
export const email: Intent = {
  id: "android.email", domain: "android", functions: ["send_email"],
  say: ["email {person} {about}", "send an email to {person} {about}", "write to {person} {about}", "drop {person} an email {about}",
    "send {person} an email {about}", "shoot {person} a quick email {about}", "compose an email to {person} {about}"],
  steps: [["Send an email to {personStep} {aboutStep}", "Email {personStep} {aboutStep}", "Compose and send an email to {personStep} {aboutStep}"]],
  bind(context: IntentContext) {
    const { dice } = context;
    const recipient = pickRecipient(context);
    const form = dice.pick(["subject", "subject", "subject", "body", "body", "both"] as const);
    const subject = freeText(context, "subject", EMAIL_SUBJECTS);
    const body = freeText(context, "body", EMAIL_BODIES);
    const about = form === "subject" ? dice.pick([`about ${subject}`, `about ${subject}`, `re ${subject}`, `regarding ${subject}`, `with the subject ${subject}`])
      : form === "body" ? dice.pick([`saying ${body}`, `that ${body}`, `saying "${body}"`, `to say ${body}`])
        : dice.pick([`about ${subject} saying ${body}`, `re ${subject}: ${body}`, `about ${subject} and say ${body}`, `with the subject ${subject} saying ${body}`]);
    const bodyStep = `saying "${capitalizeFirst(body)}"`;
    const aboutStep = form === "subject" ? `about ${subject}` : form === "body" ? bodyStep : `about ${subject} ${bodyStep}`;
    const title = capitalizeFirst(form === "body" ? body : subject);
    const content = form === "subject" ? `${capitalizeFirst(subject)}.` : `${capitalizeFirst(body)}.`;
    return {
      slots: { person: recipient.spoken, personStep: recipient.step, about, aboutStep },
      calls: [call("send_email", { recipient: recipient.spoken, title, content })],
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
    const message = freeText(context, "message", TEXT_MESSAGES);
    return { slots: { person: contact.spoken, message }, calls: [call("send_text_message", { contact_name: contact.spoken, message })] };
  },
};

/** "+14155550222" → "(415) 555-0222", "415-555-0222", "415 555 0222" or as is. */
export function spokenPhone(phone: string, dice: IntentContext["dice"]): string {
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  if (!us) return phone;
  const [, area, exchange, line] = us;
  return dice.pick([phone, `(${area}) ${exchange}-${line}`, `${area}-${exchange}-${line}`, `${area} ${exchange} ${line}`, `${area}.${exchange}.${line}`]);
}

export const contact: Intent = {
  id: "android.contact", domain: "android", functions: ["create_contact"],
  say: ["add {name} to my contacts with the number {phone}", "save {phone} as {name}", "create a new contact for {name}, number {phone}",
    "store {name}'s number, it's {phone}", "make a contact called {name} with phone {phone}", "save {name} in my phone as {phone}"],
  ask: ["can you save this number {phone}? it's {name}", "new contact: {name} {phone}"],
  steps: [["Create a new contact for {name} with phone number {phone}", "Add {name} to the contacts with number {phone}"]],
  bind(context: IntentContext) {
    const { dice } = context;
    const person = newContact(context, NEW_CONTACTS);
    // The number as people write it; the call keeps the same text (the device normalises digits).
    const phone = spokenPhone(person.phone, dice);
    return { slots: { name: person.name, phone }, calls: [call("create_contact", { name: person.name, phone_number: phone })] };
  },
};

export const youtube: Intent = {
  id: "android.youtube", domain: "android", functions: ["search_youtube_videos"],
  say: ["search YouTube for {video}", "find {video} videos on YouTube", "look up {video} on youtube", "pull up some {video} vids on YouTube",
    "find a YouTube video about {video}", "search yt for {video}", "show me {video} on YouTube"],
  ask: ["any good YouTube videos on {video}?", "yt {video}", "is there a YouTube tutorial for {video}?", "{video} on youtube pls"],
  steps: [["Search YouTube for {video} videos", "Find YouTube videos about {video}", "Search YouTube for {video}"]],
  bind(context: IntentContext) {
    const video = freeText(context, "video", VIDEO_TOPICS);
    return { slots: { video }, calls: [call("search_youtube_videos", { query: video })] };
  },
};

export const ANDROID_PHONE: Intent[] = [youtube, news, weather, email, text, contact, ...ROUTES];
