/* global document */
// The simulated phone panel: draws a DeviceState snapshot section by section and highlights the
// sections that changed since the current run started. `data-version` on #phone counts redraws
// that changed the state (the browser test reads it).
import { $, element } from "./dom.js";

let previousState;
/** Sections changed since the current run started; they stay highlighted until the next run. */
const changedSections = new Set();

/** A new run starts: earlier highlights go. */
export function startRun() {
  changedSections.clear();
}

/** A new session: forget the last drawing. */
export function resetPhone() {
  previousState = undefined;
  changedSections.clear();
  $("phone").dataset.version = "0";
}

const SECTIONS = [
  ["alarms", "Alarms", (state) => state.alarms.map((alarm) => `${alarm.time}${alarm.label ? " · " + alarm.label : ""}`)],
  ["calendar", "Calendar", (state) => state.calendar.map((event) => `${event.startTime.replace("T", " ")} ${event.title}`)],
  ["messages", "Messages", (state) => [
    ...state.sentTexts.map((text) => `SMS to ${text.contactName}: ${text.message}`),
    ...state.sentEmails.map((email) => `Email to ${email.recipient}: ${email.title}`),
  ]],
  ["files", "Files", (state) => state.files.map((file) => file.path)],
  ["media", "Photos and screenshots", (state) => [...state.photos.map((photo) => `photo ${photo}`), ...state.screenshots.map((shot) => `screenshot ${shot}`)]],
  ["cart", "Cart", (state) => state.cart.map((item) => `${item.quantity} × ${item.name} ($${item.unitPrice})`)],
  ["orders", "Orders", (state) => state.orders.map((order) => `${order.id} ${order.status} $${order.total}`)],
  ["bookings", "Bookings", (state) => [
    ...state.bookings.flights.map((flight) => `✈ ${flight.origin}→${flight.destination} ${flight.date} (${flight.confirmation})`),
    ...state.bookings.hotels.map((hotel) => `🏨 ${hotel.hotelName}, ${hotel.nights} nights (${hotel.confirmation})`),
    ...state.bookings.cars.map((car) => `🚗 ${car.company} ${car.carClass} in ${car.city} (${car.confirmation})`),
  ]],
];

// Volume levels run 0..10, brightness 0..100: the bar shows the fraction of `max`.
function meter(label, value, max) {
  const row = element("div");
  const bar = element("span", "meter");
  const fill = element("span");
  fill.style.width = `${Math.max(0, Math.min(100, (100 * value) / max))}%`;
  bar.append(fill);
  row.append(bar, document.createTextNode(`${label} ${value}`));
  return row;
}

export function renderPhone(state) {
  const container = $("phone-sections");
  container.replaceChildren();
  const sound = element("div", "phone-section");
  sound.dataset.section = "settings";
  sound.append(element("h3", "", "Sound and display"));
  for (const [kind, level] of Object.entries(state.volume)) sound.append(meter(`${kind} volume`, level, 10));
  sound.append(meter("brightness", state.brightness, 100));
  sound.append(element("div", "", `Do not disturb: ${state.doNotDisturb ? "on" : "off"}`));
  const sections = [sound];
  for (const [key, title, lines] of SECTIONS) {
    const section = element("div", "phone-section");
    section.dataset.section = key;
    section.append(element("h3", "", title));
    const items = lines(state);
    if (items.length === 0) section.append(element("div", "empty", "none"));
    else {
      const list = element("ul");
      for (const line of items) list.append(element("li", "", line));
      section.append(list);
    }
    sections.push(section);
  }
  // Sections whose content changed during this run are highlighted, so a landing call is visible.
  for (const section of sections) {
    const key = section.dataset.section;
    const before = previousState ? sectionText(previousState, key) : undefined;
    if (before !== undefined && before !== sectionText(state, key)) changedSections.add(key);
    if (changedSections.has(key)) section.classList.add("changed");
    container.append(section);
  }
  const phone = $("phone");
  if (previousState && JSON.stringify(previousState) !== JSON.stringify(state)) phone.dataset.version = String(Number(phone.dataset.version) + 1);
  previousState = state;
}

function sectionText(state, key) {
  if (key === "settings") return JSON.stringify([state.volume, state.brightness, state.doNotDisturb]);
  const entry = SECTIONS.find(([name]) => name === key);
  return entry ? JSON.stringify(entry[2](state)) : "";
}
