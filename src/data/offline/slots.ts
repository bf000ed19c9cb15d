// Shared slot pickers: a contact as spoken and as the call needs it, a file, a device,
// a date/time pair. Kept apart from the intent lists so every domain picks the same way.
import type { IntentContext, Slots } from "./intent.js";
import { CONTACT_NAMES, SPOKEN_BLUETOOTH, SPOKEN_DOCUMENTS, type SpokenDocument } from "./lexicon.js";
import { randomTime, sayDate, type SpokenDate, type SpokenTime } from "./spoken.js";

export interface PickedContact {
  /** What the user says: "Sarah", "Sarah Chen", "Mom". */
  spoken: string;
  /** The full name as stored in the address book. */
  name: string;
  email: string;
}

export function pickContact(context: IntentContext): PickedContact {
  const contact = context.dice.pick(CONTACT_NAMES);
  return { spoken: context.dice.pick(contact.spoken), name: contact.name, email: contact.email };
}

/**
 * Email recipients are said as a name or as the address itself. Steps and calls keep what the
 * user said (the device resolves names to addresses): a plan must never invent a surname.
 */
export function pickRecipient(context: IntentContext): { spoken: string; step: string; email: string } {
  const contact = pickContact(context);
  if (context.dice.chance(0.3)) return { spoken: contact.email, step: contact.email, email: contact.email };
  return { spoken: contact.spoken, step: contact.spoken, email: contact.email };
}

/** A file as the user names it; the search query is that name, so the action step can be read off the plan. */
export function pickDocument(context: IntentContext): { document: SpokenDocument; spoken: string; query: string; slots: Slots } {
  const document = context.dice.pick(SPOKEN_DOCUMENTS);
  const spoken = context.dice.pick(document.names);
  // "John's CV" takes no article; everything else is "the …" in steps and "the/my …" in requests.
  const possessive = /^[A-Z][a-z]+'s /.test(spoken);
  const slots = { doc: possessive ? spoken : context.dice.pick(["the ", "my ", "the "]) + spoken, docStep: possessive ? spoken : `the ${spoken}`, docName: spoken };
  return { document, spoken, query: spoken.replace(/'s\b/g, ""), slots };
}

export function pickBluetooth(context: IntentContext): { name: string; spoken: string } {
  const device = context.dice.pick(SPOKEN_BLUETOOTH);
  const spoken = context.dice.pick(device.spoken);
  // The call names the device as said, minus "my"/"the": the device resolves it forgivingly.
  return { name: spoken.replace(/^(my|the) /i, ""), spoken };
}

/** "7:30 AM": the normalised form used in step texts. */
export function displayClock(hour: number, minute: number): string {
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${hour12}:${String(minute).padStart(2, "0")} ${hour < 12 ? "AM" : "PM"}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "December 3": the normalised date used in step texts. */
export function displayDate(iso: string): string {
  const [, month, day] = iso.split("-").map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${day}`;
}

export interface PickedDateTime {
  date: SpokenDate;
  time: SpokenTime;
  /** "YYYY-MM-DD-HH-MM" */
  stamp: string;
}

export function pickDateTime(context: IntentContext, maxOffset = 20): PickedDateTime {
  const date = sayDate(context.dice, context.now, context.dice.weighted([[1, 5], [context.dice.integer(0, maxOffset), 8]]));
  const time = randomTime(context.dice, "event");
  return { date, time, stamp: `${date.iso}-${time.clock.replace(":", "-")}` };
}

/** Adds minutes to a "YYYY-MM-DD-HH-MM" stamp (the end of an event). */
export function addMinutes(stamp: string, minutes: number): string {
  const [year, month, day, hour, minute] = stamp.split("-").map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute + minutes));
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}-${pad(date.getUTCHours())}-${pad(date.getUTCMinutes())}`;
}

export function merge(...parts: Slots[]): Slots {
  return Object.assign({}, ...parts) as Slots;
}
