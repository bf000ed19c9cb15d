// Android intents, part 5: chains people say in one breath where a later step refers back
// with a pronoun ("add Ravi and text him", "find the notes, print them and email them",
// "screenshot this and text it to James"). Kept as single intents so the composer never
// separates a pronoun from what it refers to; observation-dependent arguments are references.
import { spokenPhone } from "./android-phone.js";
import { call, fromStep, type Intent, type IntentContext } from "./intent.js";
import { newContact } from "./open-slots.js";
import { CITIES, NEW_CONTACTS, SPOKEN_BLUETOOTH, TEXT_MESSAGES } from "./lexicon.js";
import { addMinutes, displayClock, displayDate, pickContact, pickDateTime, pickDocument, pickRecipient } from "./slots.js";

const SCREEN_THINGS = ["this", "this page", "the receipt", "the error", "my screen", "the map", "this chat"];
const PHOTO_SUBJECTS = ["the whiteboard", "the receipt", "the parking spot", "this menu", "the view", "the damage on the car"];

export const contactThenText: Intent = {
  id: "android.contact-text", domain: "android", functions: ["create_contact", "send_text_message"],
  say: ["add {name} to my contacts, {phone}, and text them {message}", "save {first}'s number {phone} and send them a message saying {message}",
    "create a contact for {name} with {phone} then text {first} \"{message}\""],
  ask: ["new contact {name} {phone}, then message them: {message}"],
  steps: [["Create a new contact for {name} with phone number {phone}"], ["Send a text message to {name} saying \"{message}\"", "Text {name}: \"{message}\""]],
  bind(context: IntentContext) {
    const { dice } = context;
    const person = newContact(context, NEW_CONTACTS);
    const phone = spokenPhone(person.phone, dice);
    const message = dice.pick(["welcome to the team!", "nice meeting you today", "this is my number", "see you Saturday", ...TEXT_MESSAGES.slice(0, 6)]);
    return { slots: { name: person.name, first: person.name.split(" ")[0]!, phone, message },
      calls: [call("create_contact", { name: person.name, phone_number: phone }), call("send_text_message", { contact_name: person.name, message })] };
  },
};

export const eventThenTell: Intent = {
  id: "android.event-tell", domain: "android", functions: ["create_calendar_event", "send_text_message"],
  say: ["schedule {activity} with {person} {date} at {time} and let them know", "put {activity} with {person} on my calendar {date} at {time}, then text {person} about it",
    "book {activity} with {person} {date} at {time} and message them the time"],
  steps: [["Create a calendar event for {activity} with {person} on {day} at {start}"], ["Send a text message to {person} about {activity} on {day} at {start}"]],
  bind(context: IntentContext) {
    const person = pickContact(context);
    const when = pickDateTime(context);
    const activity = context.dice.pick(["lunch", "coffee", "a call", "dinner", "a catch-up", "drinks"]);
    const day = displayDate(when.date.iso);
    const start = displayClock(when.time.hour, when.time.minute);
    return { slots: { person: person.spoken, activity, date: when.date.text, time: when.time.text, day, start },
      calls: [call("create_calendar_event", { title: `${activity[0]!.toUpperCase()}${activity.slice(1)} with ${person.spoken}`, start_time: when.stamp, end_time: addMinutes(when.stamp, 60) }),
        call("send_text_message", { contact_name: person.spoken, message: `${activity[0]!.toUpperCase()}${activity.slice(1)} on ${day} at ${start}?` })] };
  },
};

export const findPrintEmail: Intent = {
  id: "android.find-print-email", domain: "android", functions: ["search_files", "print_document", "send_email"],
  say: ["find {doc}, print it and email it to {person}", "print {doc} and also email a copy to {person}", "dig up {doc}, print a copy and send it to {person}"],
  steps: [["Find {docStep}"], ["Print {docStep}"], ["Email {docStep} to {personStep}"]],
  bind(context: IntentContext) {
    const document = pickDocument(context);
    const recipient = pickRecipient(context);
    return { slots: { ...document.slots, person: recipient.spoken, personStep: recipient.step },
      calls: [call("search_files", { query: document.query }), call("print_document", { file_path: fromStep(0, "path") }),
        call("send_email", { recipient: recipient.spoken, title: document.spoken[0]!.toUpperCase() + document.spoken.slice(1), content: fromStep(0, "path", { format: `Attached: {}` }) })] };
  },
};

export const screenshotText: Intent = {
  id: "android.screenshot-text", domain: "android", functions: ["take_screenshot", "send_text_message"],
  say: ["screenshot {what} and text it to {person}", "grab a screenshot of {what} and send it to {person}", "take a screenshot and message it to {person}"],
  steps: [["Take a screenshot{ofWhat}", "Capture a screenshot{ofWhat}"], ["Send the screenshot to {person} by text message", "Text the screenshot to {person}"]],
  unsaid: { mentions: ["what"], slots: { ofWhat: "" } },
  bind(context: IntentContext) {
    const person = pickContact(context);
    const what = context.dice.pick(SCREEN_THINGS);
    return { slots: { what, ofWhat: ` of ${what}`, person: person.spoken },
      calls: [call("take_screenshot", {}), call("send_text_message", { contact_name: person.spoken, message: fromStep(0, "saved", { format: "Screenshot: {}" }) })] };
  },
};

export const screenshotPrint: Intent = {
  id: "android.screenshot-print", domain: "android", functions: ["take_screenshot", "print_document"],
  say: ["screenshot {what} and print it", "take a screenshot of {what} and print it out", "print a screenshot of {what}"],
  steps: [["Take a screenshot of {what}"], ["Print the screenshot"]],
  bind({ dice }: IntentContext) {
    return { slots: { what: dice.pick(SCREEN_THINGS) }, calls: [call("take_screenshot", {}), call("print_document", { file_path: fromStep(0, "saved") })] };
  },
};

export const photoEmail: Intent = {
  id: "android.photo-email", domain: "android", functions: ["take_photo", "send_email"],
  say: ["snap a picture of {subject} and email it to {person}", "take a photo of {subject} and send it to {person} by email", "photograph {subject}, then mail it to {person}"],
  steps: [["Take a photo of {subject} with the back camera"], ["Email the photo to {personStep}"]],
  bind(context: IntentContext) {
    const recipient = pickRecipient(context);
    return { slots: { subject: context.dice.pick(PHOTO_SUBJECTS), person: recipient.spoken, personStep: recipient.step },
      calls: [call("take_photo", { camera: "back" }), call("send_email", { recipient: recipient.spoken, title: "Photo", content: fromStep(0, "saved", { format: "Photo attached: {}" }) })] };
  },
};

export const printerThenPrint: Intent = {
  id: "android.printer-print", domain: "android", functions: ["connect_bluetooth_device", "search_files", "print_document"],
  say: ["connect to {printer}, then find {doc} and print it", "print {doc} on {printer}, connect to it first", "hook up {printer} and print {doc}"],
  steps: [["Connect to {printer} via Bluetooth"], ["Find {docStep}"], ["Print {docStep}"]],
  bind(context: IntentContext) {
    const printer = context.dice.pick(SPOKEN_BLUETOOTH.filter((device) => /printer/i.test(device.name)));
    const spoken = context.dice.pick(printer.spoken.filter((name) => !name.startsWith("my ")));
    const document = pickDocument(context);
    return { slots: { ...document.slots, printer: spoken },
      calls: [call("connect_bluetooth_device", { device_name: spoken.replace(/^the /i, "") }), call("search_files", { query: document.query }),
        call("print_document", { file_path: fromStep(1, "path") })] };
  },
};

export const weatherTwoCities: Intent = {
  id: "android.weather-two", domain: "android", functions: ["get_weather_forecast", "get_weather_forecast"],
  say: ["check the weather in {first} and {second}", "compare the forecast for {first} and {second}", "get me the weather for {first} and {second}"],
  ask: ["weather in {first} and {second}?", "is it warmer in {first} or {second} right now?"],
  steps: [["Check the weather forecast for {first}"], ["Check the weather forecast for {second}"]],
  bind({ dice }: IntentContext) {
    const [first, second] = dice.sample(CITIES, 2).map((city) => city.name) as [string, string];
    return { slots: { first, second }, calls: [call("get_weather_forecast", { location: first }), call("get_weather_forecast", { location: second })] };
  },
};

export const ANDROID_CHAINS: Intent[] = [contactThenText, eventThenTell, findPrintEmail, screenshotText, screenshotPrint, photoEmail, printerThenPrint, weatherTwoCities];
