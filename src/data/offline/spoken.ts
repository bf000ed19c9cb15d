// Times, dates and numbers the way people say them, each paired with the normalised value
// the call needs ("quarter to eight" → "07:45", "next Friday" → "2026-12-04"). Relative dates
// resolve against the device clock (`now`, "YYYY-MM-DDTHH:MM"). Every spoken form is chosen so
// that it has one reading: clock words without am/pm ("half past seven") are only used for
// morning hours, and afternoon/evening times always carry a marker. Left out on purpose:
// numeric day/month forms like 3/12, whose order differs between countries.
import type { Dice } from "./random.js";

const SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

export function numberWords(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 100) return String(value);
  if (value === 100) return "a hundred";
  if (value < 20) return SMALL[value]!;
  const tens = TENS[Math.floor(value / 10)]!;
  return value % 10 === 0 ? tens : `${tens}-${SMALL[value % 10]}`;
}

/** Digits most of the time, words some of the time ("set the volume to seven"). */
export function sayNumber(dice: Dice, value: number, wordsProbability = 0.3): string {
  return dice.chance(wordsProbability) ? numberWords(value) : String(value);
}

const pad = (value: number) => String(value).padStart(2, "0");

export interface SpokenTime {
  text: string;
  /** "HH:MM", 24-hour. */
  clock: string;
  hour: number;
  minute: number;
}

function hourWord(hour24: number): string {
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return numberWords(hour12);
}

function dayPart(hour: number): string {
  if (hour < 12) return "in the morning";
  if (hour < 17) return "in the afternoon";
  if (hour < 21) return "in the evening";
  return "at night";
}

/** One spoken form of hour:minute (24-hour input). */
export function sayTime(dice: Dice, hour: number, minute: number): SpokenTime {
  const clock = `${pad(hour)}:${pad(minute)}`;
  const morning = hour >= 5 && hour < 12;
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const suffix = hour < 12 ? dice.pick(["am", " am", "a.m.", " AM"]) : dice.pick(["pm", " pm", "p.m.", " PM"]);
  const forms: string[] = [
    minute === 0 ? `${hour12}${suffix}` : `${hour12}:${pad(minute)}${suffix}`,
    clock,
    `${hour12}:${pad(minute)} ${dayPart(hour)}`,
  ];
  if (hour === 12 && minute === 0) forms.push("noon", "midday", "12 noon");
  if (hour === 0 && minute === 0) forms.push("midnight");
  // Clock words: unmarked only in the morning, otherwise with a day-part marker.
  const marker = morning ? dice.pick(["", "", ` ${dayPart(hour)}`]) : ` ${dayPart(hour)}`;
  if (hour !== 0 && !(hour === 12 && minute === 0)) {
    const nextHour = (hour + 1) % 24;
    if (minute === 0) forms.push(`${hourWord(hour)} o'clock${marker}`, `${hourWord(hour)}${marker || " " + suffix.trim()}`);
    if (minute === 30) forms.push(`half past ${hourWord(hour)}${marker}`, `${hourWord(hour)} thirty${marker}`);
    if (minute === 15) forms.push(`quarter past ${hourWord(hour)}${marker}`, `a quarter past ${hourWord(hour)}${marker}`);
    if (minute === 45 && nextHour !== 0 && nextHour !== 12) forms.push(`quarter to ${hourWord(nextHour)}${marker}`);
    if ([5, 10, 20, 25].includes(minute)) forms.push(`${numberWords(minute)} past ${hourWord(hour)}${marker}`);
    if ([40, 50, 55].includes(minute) && nextHour !== 0 && nextHour !== 12) {
      forms.push(`${numberWords(60 - minute)} to ${hourWord(nextHour)}${marker}`);
    }
    if (minute >= 10 && minute % 5 === 0) forms.push(`${hourWord(hour)} ${numberWords(minute)}${marker || " " + suffix.trim()}`);
  }
  return { text: dice.pick(forms), clock, hour, minute };
}

const MINUTES = [0, 0, 0, 15, 30, 30, 45, 10, 20, 40, 50, 5];

/** A plausible time for an alarm (mostly early morning) or a meeting (daytime). */
export function randomTime(dice: Dice, purpose: "alarm" | "event" | "any"): SpokenTime {
  const hour = purpose === "alarm" ? dice.weighted([[dice.integer(5, 9), 6], [dice.integer(10, 23), 2], [dice.integer(0, 4), 1]])
    : purpose === "event" ? dice.integer(8, 19) : dice.integer(0, 23);
  return sayTime(dice, hour, dice.pick(MINUTES));
}

export interface Clock {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
}

export function parseNow(now: string): Clock {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(now);
  if (!match) throw new RangeError(`now must look like 2026-11-25T09:00, got '${now}'`);
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  return { year, month, day, hour, minute };
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"];

function ordinal(day: number): string {
  const suffix = day % 10 === 1 && day !== 11 ? "st" : day % 10 === 2 && day !== 12 ? "nd" : day % 10 === 3 && day !== 13 ? "rd" : "th";
  return `${day}${suffix}`;
}

export interface SpokenDate {
  /** Reads after a verb: "tomorrow", "on Friday", "on December 3rd". */
  text: string;
  /** "YYYY-MM-DD". */
  iso: string;
  offsetDays: number;
}

export function addDays(clock: Clock, days: number): { year: number; month: number; day: number; weekday: number } {
  const date = new Date(Date.UTC(clock.year, clock.month - 1, clock.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}

export function isoDate(clock: Clock, days: number): string {
  const date = addDays(clock, days);
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * A date `offsetDays` after now, said one of several ways. Conventions (documented so that a
 * human reader agrees): "on Friday"/"this Friday" = the next Friday within six days; "next Friday"
 * = the Friday 7–13 days away; "on the 3rd" only when the 3rd is within the coming month.
 */
export function sayDate(dice: Dice, now: Clock, offsetDays: number): SpokenDate {
  const target = addDays(now, offsetDays);
  const iso = isoDate(now, offsetDays);
  const weekday = WEEKDAYS[target.weekday]!;
  const month = MONTHS[target.month - 1]!;
  const forms: string[] = [
    `on ${month} ${ordinal(target.day)}`, `on ${month} ${target.day}`, `on the ${ordinal(target.day)} of ${month}`,
    `on ${month.slice(0, 3)} ${target.day}`, `on ${target.day} ${month}`,
  ];
  if (offsetDays === 0) forms.push("today", "today", "later today");
  if (offsetDays === 1) forms.push("tomorrow", "tomorrow", "tomorrow", "tmrw");
  if (offsetDays === 2) forms.push("the day after tomorrow", "in two days", "in 2 days");
  if (offsetDays >= 2 && offsetDays <= 6) forms.push(`on ${weekday}`, `this ${weekday}`, `this coming ${weekday}`);
  if (offsetDays >= 7 && offsetDays <= 13) forms.push(`next ${weekday}`, `${weekday} next week`);
  if (offsetDays === 7) forms.push("in a week", "a week from today");
  if (offsetDays === 14) forms.push("in two weeks", "two weeks from today");
  if (offsetDays >= 3 && offsetDays <= 9) forms.push(`in ${numberWords(offsetDays)} days`, `in ${offsetDays} days`);
  if (offsetDays > 0 && offsetDays < 28) forms.push(`on the ${ordinal(target.day)}`);
  return { text: dice.pick(forms), iso, offsetDays };
}

/** "on Friday" → "Friday": for "Friday's weather", "flights for Friday". */
export function bareDate(spoken: SpokenDate): string {
  return spoken.text.replace(/^on /, "");
}
