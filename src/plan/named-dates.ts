// The calendar dates a request names, as plan steps write them ("December 4"), so that the planner's decoder can
// hold a step's date to the request. A small planner copies a day badly ("December 9th" planned as "December 5") or
// works a relative date out wrong ("on Saturday" as November 26); either way the agent acts on another day.
//
// Read against the device clock: explicit dates ("December 9th", "Dec 9", "9 December", "the 9th of December"),
// relative days ("today", "tomorrow", "the day after tomorrow", "in 3 days", "in a week", "in two weeks"), weekdays
// ("on Friday", "next Friday", "Friday next week") and a bare day of the month ("on the 4th"). A form that people
// read two ways allows both: "next Friday" the coming Friday or the one after it, "on the 4th" this month's or the
// next. A request that names no date leaves steps free. Month names get one typo ("Decmber").
// Deliberately left out: numeric forms (3/12, whose order differs between countries), years, and ranges
// ("from Monday to Friday").

import { learnClockRule, type ClockRule, type ClockRuleOptions } from "./clock-rule.js";
import { withinDistance } from "./grounding.js";
import { numberFromWord } from "./number-words.js";

/** The months as steps write them ("December 4"). */
export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"];
const WEEKDAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** The clock of the simulated device and of the offline teacher's requests: what training data is read against. */
export const DATA_CLOCK = "2026-11-25T09:00";

/** A device clock's date: the "YYYY-MM-DD" part of "YYYY-MM-DDTHH:MM". */
export interface CalendarDay {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

export function parseClockDay(now: string): CalendarDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(now);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
}

function shifted(today: CalendarDay, days: number): Date {
  return new Date(Date.UTC(today.year, today.month - 1, today.day + days));
}

/** "December 4", as steps write a date. */
function stepDate(date: Date): string {
  return `${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** The month a word names (full, three letters, "Sept", or a full name with one letter wrong, missing or doubled). */
function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\.$/, "");
  for (let index = 0; index < 12; index++) {
    const name = MONTH_NAMES[index]!.toLowerCase();
    if (lower === name || lower === name.slice(0, 3) || (index === 8 && lower === "sept")) return index + 1;
    if (name.length >= 5 && lower.length >= 4 && lower[0] === name[0] && withinDistance(lower, name, 1)) return index + 1;
  }
  return undefined;
}

/** Whether the request says `name` as one of its words, allowing one typo in names of 5 letters or more. */
function says(words: readonly string[], name: string, also: readonly string[] = []): boolean {
  return words.some((word) => word === name || also.includes(word) || (name.length >= 5 && word.length >= 4 && word[0] === name[0] && withinDistance(word, name, 1)));
}

const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const WORD = String.raw`([a-z]+\.?)`;
const COUNT = String.raw`(\d+|[a-z]+(?:-[a-z]+)?)`;

/**
 * The dates `request` names, written as steps write them ("December 4"), against the device's day `today`. Empty
 * when it names none.
 */
export function namedDates(request: string, today: CalendarDay): Set<string> {
  const text = request.toLowerCase().replace(/\bteh\b/g, "the");
  const words = text.split(/[^a-z0-9]+/).filter(Boolean);
  const dates = new Set<string>();
  const explicit = (month: number | undefined, day: number) => {
    if (month === undefined || day < 1 || day > 31) return;
    // Steps write no year, so any year's calendar will do; 2024's has February 29.
    const date = new Date(Date.UTC(2024, month - 1, day));
    if (date.getUTCMonth() !== month - 1) return; // February 30
    dates.add(stepDate(date));
  };
  const after = (days: number) => dates.add(stepDate(shifted(today, days)));

  for (const match of text.matchAll(new RegExp(String.raw`\b${WORD}\s+${DAY}\b`, "g"))) explicit(monthOf(match[1]!), Number(match[2]));
  for (const match of text.matchAll(new RegExp(String.raw`\b${DAY}\s+(?:of\s+)?${WORD}`, "g"))) explicit(monthOf(match[2]!), Number(match[1]));
  if (says(words, "today", ["tday", "tonight"]) || /\bthis (morning|afternoon|evening)\b/.test(text)) after(0);
  if (says(words, "tomorrow", ["tmrw", "tmr", "tmrrw", "trw", "tmw", "2moro"])) after(1);
  if (/\bday after\b/.test(text)) after(2);
  for (const match of text.matchAll(new RegExp(String.raw`\bin ${COUNT} days?\b`, "g"))) {
    const count = numberFromWord(match[1]!);
    if (count !== undefined && count <= 60) after(count);
  }
  if (/\bin (a|one|1) week\b|\ba week from (today|now)\b/.test(text)) after(7);
  if (/\bin (two|2) weeks\b|\btwo weeks from (today|now)\b/.test(text)) after(14);
  const todayWeekday = shifted(today, 0).getUTCDay();
  WEEKDAY_NAMES.forEach((name, weekday) => {
    const at = words.findIndex((word) => says([word], name));
    if (at < 0) return;
    const ahead = ((weekday - todayWeekday + 7) % 7) || 7; // the coming one, 1..7 days away
    // "next Friday" and "Friday next week" may mean either Friday; "on Friday" and "this Friday" mean the coming one.
    const next = words[at - 1] === "next" || (words[at + 1] === "next" && words[at + 2] === "week");
    after(ahead);
    if (next) after(ahead + 7);
  });
  for (const match of text.matchAll(/\bthe (\d{1,2})(?:st|nd|rd|th)\b(?:\s+(of\s+)?([a-z]+))?/g)) {
    if (match[3] !== undefined && monthOf(match[3]) !== undefined) continue; // "the 9th of December": read above
    const day = Number(match[1]);
    let found = 0;
    for (let days = 1; days <= 62 && found < 2; days++) {
      if (shifted(today, days).getUTCDate() === day) { after(days); found++; }
    }
  }
  return dates;
}

/** A whole date in a step ("December 14"). */
const STEP_DATE = new RegExp(String.raw`\b(${MONTH_NAMES.join("|")}) \d{1,2}\b`);
/** A month name in a step, and the day after it so far ("December", "December 1", "December 14"). */
const STEP_DATE_PREFIX = new RegExp(String.raw`\b(${MONTH_NAMES.join("|")})\b( ?)(\d{0,2})`, "g");

/**
 * Whether `text` (plan steps so far) writes only dates in `allowed`: each complete "Month D" must be one of them, and
 * a day still being written must begin one. A month name just written must be the month of one, and one followed
 * by a word instead of a day ("the November expenses") must be a month the request says (`requestMonths`): else a
 * planner kept from its wrong day could go on with "on November text message".
 */
export function keepsNamedDates(text: string, allowed: ReadonlySet<string>, requestMonths: ReadonlySet<number> = new Set()): boolean {
  const some = (prefix: string) => [...allowed].some((date) => date.startsWith(prefix));
  for (const match of text.matchAll(STEP_DATE_PREFIX)) {
    const [written, month, , day] = match as unknown as [string, string, string, string];
    const end = match.index! + written.length;
    const said = requestMonths.has(MONTH_NAMES.indexOf(month) + 1);
    if (day === "") {
      // No day (yet): at the end, the month must be one a date is allowed in; before a word, one the request says.
      if (end === text.length ? !some(`${month} `) && !said : !said) return false;
    } else if (end === text.length ? !some(`${month} ${day}`) : /\d/.test(text[end]!) || !allowed.has(`${month} ${day}`)) {
      return false;
    }
  }
  return true;
}

/** The months a request names by name ("Nov", "December"), for keepsNamedDates. */
export function namedMonths(request: string): Set<number> {
  const months = new Set<number>();
  for (const word of request.split(/[^A-Za-z.]+/)) {
    const month = word.length >= 3 ? monthOf(word) : undefined;
    if (month !== undefined) months.add(month);
  }
  return months;
}

/** The check a planner's decoder runs on its text so far, or undefined when the request names no date. */
export function namedDatesCheck(request: string, today: CalendarDay): ((text: string) => boolean) | undefined {
  const allowed = namedDates(request, today);
  if (allowed.size === 0) return undefined;
  const months = namedMonths(request);
  return (text) => keepsNamedDates(text, allowed, months);
}

/**
 * Whether the training plans write only dates their requests name, read against `now` (the clock the data was
 * written against): the rule when they do (clock-rule.ts).
 */
export function learnNamedDates(records: Iterable<{ query: string; steps: readonly string[] }>, now: string, options: ClockRuleOptions = {}): ClockRule | undefined {
  const today = parseClockDay(now);
  if (!today) return undefined;
  return learnClockRule(records, now, STEP_DATE, (request) => namedDatesCheck(request, today), options);
}
