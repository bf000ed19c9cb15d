// Android intents, part 2: files, printing, Bluetooth, camera, screenshots and web search,
// with the implicit-step chains
// ("print my boarding pass" = find it, then print the path the search returned).
import { call, fromStep, type Intent, type IntentContext } from "./intent.js";
import { freeText } from "./open-slots.js";
import { WEB_QUERIES } from "./lexicon.js";
import { pickBluetooth, pickDocument, pickRecipient, pickContact } from "./slots.js";

export const findFile: Intent = {
  id: "android.find-file", domain: "android", functions: ["search_files"],
  say: ["find {doc}", "look for {doc}", "locate {doc} on my phone", "dig up {doc}", "search my files for {doc}",
    "pull up {doc}", "open {doc}", "find {doc} file"],
  ask: ["where's {doc}?", "do I have {doc} somewhere?", "where did I save {doc}?", "{doc} file?"],
  steps: [["Find {docStep}", "Locate {docStep} on the device", "Search the files for {docStep}"]],
  bind(context: IntentContext) {
    const { query, slots: docSlots } = pickDocument(context);
    return { slots: docSlots, calls: [call("search_files", { query })] };
  },
};

export const printFound: Intent = {
  id: "android.print-found", domain: "android", functions: ["search_files", "print_document"],
  say: ["print {doc}", "print out {doc}", "print a copy of {doc}", "find and print {doc}", "get me a hard copy of {doc}",
    "send {doc} to the printer", "locate {doc} and print it", "run off a copy of {doc}"],
  ask: ["can I get {doc} printed?", "I need a printed copy of {doc}"],
  steps: [["Locate {docStep}", "Find {docStep}", "Search for {docStep} file"], ["Print {docStep}", "Print the located {docName}", "Send {docStep} to the printer"]],
  bind(context: IntentContext) {
    const { query, slots: docSlots } = pickDocument(context);
    return { slots: docSlots, calls: [call("search_files", { query }), call("print_document", { file_path: fromStep(0, "path") })] };
  },
};

export const emailFound: Intent = {
  id: "android.email-found", domain: "android", functions: ["search_files", "send_email"],
  say: ["email {doc} to {person}", "send {person} {doc}", "find {doc} and email it to {person}", "mail {doc} to {person}",
    "forward {doc} to {person}", "share {doc} with {person} by email", "get {doc} over to {person}"],
  ask: ["I need {doc} sent to {person}", "can {person} get a copy of {doc}? email it over"],
  steps: [["Find {docStep}", "Locate {docStep}"], ["Email {docStep} to {personStep}", "Send {docStep} to {personStep} by email"]],
  bind(context: IntentContext) {
    const { query, spoken, slots: docSlots } = pickDocument(context);
    const recipient = pickRecipient(context);
    const title = spoken[0]!.toUpperCase() + spoken.slice(1);
    return { slots: { ...docSlots, person: recipient.spoken, personStep: recipient.step },
      calls: [call("search_files", { query }),
        call("send_email", { recipient: recipient.spoken, title, content: fromStep(0, "path", { format: `Here is ${docSlots.docStep}: {}` }) })] };
  },
};

export const bluetooth: Intent = {
  id: "android.bluetooth", domain: "android", functions: ["connect_bluetooth_device"],
  say: ["connect to {device}", "pair my phone with {device}", "hook up {device} via bluetooth", "connect {device} over Bluetooth",
    "switch the audio to {device}", "link {device} by bluetooth", "get {device} connected"],
  ask: ["bt connect {device}", "can you pair {device}?"],
  steps: [["Connect to {device} via Bluetooth", "Pair the phone with {device} over Bluetooth"]],
  bind(context: IntentContext) {
    const device = pickBluetooth(context);
    return { slots: { device: device.spoken, name: device.name }, calls: [call("connect_bluetooth_device", { device_name: device.name })] };
  },
};

const SCREEN_THINGS = ["this page", "the final summary slide", "my screen", "the chat", "the error message", "the boarding details", "this map", "the receipt"];

export const screenshot: Intent = {
  id: "android.screenshot", domain: "android", functions: ["take_screenshot"],
  say: ["take a screenshot{ofWhat}", "grab a screenshot{ofWhat}", "capture the screen", "snap a screenshot{ofWhat}", "save a screenshot{ofWhat}", "screenshot {this}"],
  ask: ["screenshot pls", "can I get a screenshot{ofWhat}?"],
  steps: [["Take a screenshot{ofWhat}", "Capture a screenshot{ofWhat}"]],
  unsaid: { mentions: ["ofWhat", "this"], slots: { ofWhat: "" } },
  bind({ dice }: IntentContext) {
    const what = dice.chance(0.5) ? dice.pick(SCREEN_THINGS) : "";
    return { slots: { ofWhat: what ? ` of ${what}` : "", this: what || "this" }, calls: [call("take_screenshot", {})] };
  },
};

export const screenshotEmail: Intent = {
  id: "android.screenshot-email", domain: "android", functions: ["take_screenshot", "send_email"],
  say: ["screenshot {what} and email it to {person}", "take a screenshot of {what} and send it to {person}", "grab a screenshot of {what} and mail it to {person}"],
  steps: [["Take a screenshot of {what}", "Capture a screenshot of {what}"], ["Email the screenshot to {personStep}", "Send the screenshot to {personStep} by email"]],
  bind(context: IntentContext) {
    const recipient = pickRecipient(context);
    return { slots: { what: context.dice.pick(SCREEN_THINGS), person: recipient.spoken, personStep: recipient.step },
      calls: [call("take_screenshot", {}), call("send_email", { recipient: recipient.spoken, title: "Screenshot", content: fromStep(0, "saved", { format: "Screenshot attached: {}" }) })] };
  },
};

export const photo: Intent = {
  id: "android.photo", domain: "android", functions: ["take_photo"],
  say: ["take a {shot}", "snap a {shot}", "take a photo with the {camera} camera", "open the {camera} camera and take a picture", "get a {shot} of {subject}"],
  ask: ["{shot} time!", "quick {shot}"],
  steps: [["Take a photo with the {canonical} camera", "Capture a picture using the {canonical} camera"]],
  bind({ dice }: IntentContext) {
    const front = dice.chance(0.5);
    const shot = front ? dice.pick(["selfie", "selfie", "front camera photo", "selfie pic", "front-facing photo"]) : dice.pick(["photo", "picture", "pic", "photo", "snapshot"]);
    return { slots: { shot, camera: front ? dice.pick(["front", "selfie"]) : dice.pick(["back", "rear", "main"]), canonical: front ? "front" : "back",
      subject: front ? "me" : dice.pick(["the whiteboard", "the sunset", "this receipt", "the parking spot", "the menu"]) },
    calls: [call("take_photo", { camera: front ? "front" : "back" })] };
  },
};

export const webSearch: Intent = {
  id: "android.web", domain: "android", functions: ["web_search"],
  say: ["search the web for {query}", "google {query}", "look up {query}", "search online for {query}", "do a web search for {query}", "search for {query}"],
  ask: ["{query}?", "quick search: {query}", "what does the internet say about {query}?"],
  steps: [["Search the web for {query}", "Look up {query} online", "Perform a web search for {query}"]],
  bind(context: IntentContext) {
    const query = freeText(context, "query", WEB_QUERIES);
    return { slots: { query }, calls: [call("web_search", { query })] };
  },
};

export const photoText: Intent = {
  id: "android.photo-text", domain: "android", functions: ["take_photo", "send_text_message"],
  say: ["take a {shot} and text it to {person}", "snap a {shot} and send it to {person}"],
  steps: [["Take a photo with the {canonical} camera"], ["Send the photo to {person} by text message", "Text the photo to {person}"]],
  bind(context: IntentContext) {
    const base = photo.bind(context);
    const person = pickContact(context);
    return { slots: { ...base.slots, person: person.spoken },
      calls: [base.calls[0]!, call("send_text_message", { contact_name: person.spoken, message: fromStep(0, "saved", { format: "Photo: {}" }) })] };
  },
};

const NEARBY = ["coffee shops", "pharmacies", "sushi places", "EV charging stations", "car washes", "gas stations", "ATMs",
  "pizza places", "urgent care clinics", "dog parks", "bakeries", "hardware stores",
  "laundromats", "vet clinics", "Thai restaurants", "gyms", "grocery stores", "bike shops", "ice cream shops", "florists", "taco trucks"];

export const routeWeb: Intent = {
  id: "android.place-search", domain: "android", functions: ["web_search"],
  say: ["find {place} near me", "search for {place} nearby", "look up {place} around here"],
  ask: ["any {place} close by?", "{place} near me?"],
  steps: [["Search the web for {place} nearby", "Look up {place} online"]],
  bind({ dice }: IntentContext) {
    const place = dice.pick(NEARBY);
    return { slots: { place }, calls: [call("web_search", { query: `${place} nearby` })] };
  },
};

export const ANDROID_DEVICE: Intent[] = [findFile, printFound, emailFound, bluetooth, screenshot, screenshotEmail, photo, webSearch, photoText, routeWeb];
