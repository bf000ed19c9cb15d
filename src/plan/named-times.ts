// The clock times a request names, as plan steps write them ("6:10 PM"), and those worked out from them: a named
// time plus a named duration ("at 4:10 pm for 45 minutes" ends at 4:55 PM) or plus an hour (an event's default
// length), and the device clock plus a named duration that is a wait ("in two hours", "a 30 minute timer"; not "at
// 19:30 for an hour"). The planner's decoder holds a step's times to these: a small planner writes "tomorrow at
// 18:10" as "8:10 AM" or a 10-minute timer as "until 9:15 AM".
//
// Spoken forms read: "18:10", "6:10pm", "6 p.m.", "6:10 in the evening", "seven o'clock", "half past seven", "quarter
// to eight", "twenty to eleven", "six ten", "noon", "midnight", "at 7", "2-3pm"; a time without am/pm or a day part
// is read both ways. Durations: "45 minutes", "45 mins", "thirty minutes", "an hour", "two hours", "half an hour",
// "an hour and a half", one typo in the unit. Typos in the time words themselves ("fiev past six") are not read.
// Deliberately left out: time zones, ranges without a second time ("all afternoon"), and seconds.

import { learnClockRule, type ClockRule, type ClockRuleOptions } from "./clock-rule.js";
import { namedDurations } from "./named-durations.js";
import { numberFromWord } from "./number-words.js";

const DAY_MINUTES = 24 * 60;

/** "6:10 PM", as steps write a time (minutes after midnight). */
export function stepTime(minutes: number): string {
  const total = ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  const hour = Math.floor(total / 60);
  const minute = total % 60;
  return `${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, "0")} ${hour < 12 ? "AM" : "PM"}`;
}

const HOUR_WORD = String.raw`(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine";
/** Minutes said in words: "ten", "twenty-five", "forty" (what "ten past", "six ten" and "twenty to" use). */
const MINUTE_WORDS = String.raw`(?:twenty|thirty|forty|fifty)(?:-(?:${UNIT_WORDS}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|${UNIT_WORDS}`;
const MINUTE_WORD = `(${MINUTE_WORDS})`;
const MARKER = String.raw`(?:\s*(a\.?m\.?|p\.?m\.?)(?![a-z])|\s+(in the morning|in the afternoon|in the evening|at night|tonight))?`;

/** The hours (0..23) an hour said on a 12-hour clock may mean, given its am/pm or day part (none: both). */
function hours(hour12: number, suffix: string | undefined, part: string | undefined): number[] {
  const base = hour12 % 12;
  if (suffix?.startsWith("a") || part === "in the morning") return [base];
  if (suffix?.startsWith("p") || (part !== undefined && part !== "in the morning")) return [base + 12];
  return [base, base + 12];
}

/** Minutes after midnight of every time `request` names (each reading of an ambiguous one). */
export function namedClockTimes(request: string): Set<number> {
  const text = request.toLowerCase();
  const times = new Set<number>();
  const add = (candidates: number[], minute: number) => {
    if (minute < 0 || minute > 59) return;
    for (const hour of candidates) if (hour >= 0 && hour < 24) times.add(hour * 60 + minute);
  };
  for (const match of text.matchAll(new RegExp(String.raw`\b(\d{1,2}):(\d{2})${MARKER}`, "g"))) {
    const hour = Number(match[1]);
    const marked = match[3] !== undefined || match[4] !== undefined;
    add(hour > 12 || hour === 0 || (!marked && match[1]!.length === 2) ? [hour] : hours(hour, match[3], match[4]), Number(match[2]));
  }
  for (const match of text.matchAll(/(?<![\d:])\b(\d{1,2})\s*(a\.?m\.?|p\.?m\.?)(?![a-z])/g)) add(hours(Number(match[1]), match[2], undefined), 0);
  const hourOf = (word: string) => numberFromWord(word)!;
  for (const match of text.matchAll(new RegExp(String.raw`\b${HOUR_WORD} o'?clock${MARKER}`, "g"))) add(hours(hourOf(match[1]!), match[2], match[3]), 0);
  for (const match of text.matchAll(new RegExp(String.raw`\b(half|(?:a )?quarter|${MINUTE_WORD}) (past|to) ${HOUR_WORD}${MARKER}`, "g"))) {
    const said = match[1]!;
    const minutes = said === "half" ? 30 : said.endsWith("quarter") ? 15 : numberFromWord(said);
    if (minutes === undefined || minutes >= 60) continue;
    const hour = hourOf(match[4]!);
    if (match[3] === "past") add(hours(hour, match[5], match[6]), minutes);
    else add(hours(hour, match[5], match[6]).map((value) => value - 1), 60 - minutes);
  }
  for (const match of text.matchAll(new RegExp(String.raw`\b${HOUR_WORD} ${MINUTE_WORD}${MARKER}`, "g"))) {
    const minutes = numberFromWord(match[2]!);
    if (minutes !== undefined && minutes >= 10 && minutes < 60) add(hours(hourOf(match[1]!), match[3], match[4]), minutes);
  }
  const minutesBefore = String.raw`(?<!(?<!\b(?:from|between|past) )\b(?:${MINUTE_WORDS}) (?:past|to) )`;
  for (const match of text.matchAll(new RegExp(String.raw`(?<!\b(?:half past|quarter past|quarter to|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) )${minutesBefore}\b${HOUR_WORD}${MARKER}`, "g"))) {
    // An hour with its day part, but not the hour of "quarter to eight" or "twenty to seven in the evening" ("from
    // five to seven in the evening" and "half past ten to eleven am" are ranges), nor the minutes of "six ten in the
    // evening".
    if (match[2] !== undefined || match[3] !== undefined) add(hours(hourOf(match[1]!), match[2], match[3]), 0);
  }
  // A bare hour after "at", "from", "until" ("at 7") or before a range's end ("2-3pm", "10 to 11:30"): either
  // reading. Not after "volume" or "brightness" ("set the media volume to 7"), which would allow 7:00 for an event.
  for (const match of text.matchAll(/(?<!\b(?:volume|brightness|level|ringer|ringtone)(?: \w+)? )\b(?:at|from|until|till|to|by) (\d{1,2})(?: o'?clock)?(?![\d:.])(?!\s*(a\.?m|p\.?m))/g)) {
    add(hours(Number(match[1]), undefined, undefined), 0);
  }
  for (const match of text.matchAll(/(?<![\d:])\b(\d{1,2})\s*(?:-|–|to)\s*\d/g)) add(hours(Number(match[1]), undefined, undefined), 0);
  if (/\b(noon|midday)\b/.test(text)) times.add(12 * 60);
  if (/\bmidnight\b/.test(text)) times.add(0);
  return times;
}

/**
 * The times, as steps write them, that a step may write other than as a range's end: the named ones, and the clock
 * plus a wait ("in two hours", "a 10 minute timer"; an event's length, "at 19:30 for an hour", is no wait).
 */
export function namedStartTimes(request: string, clockMinutes: number): Set<string> {
  const starts = new Set([...namedClockTimes(request)].map(stepTime));
  for (const duration of namedDurations(request)) if (!duration.afterTime) starts.add(stepTime(clockMinutes + duration.minutes));
  return starts;
}

/**
 * The times, as steps write them, that a plan for `request` may write, given the device clock (minutes after
 * midnight): the starts, and the ends worked out from a named time (plus an hour, or plus a named duration). Empty
 * when the request names no time and no duration.
 */
export function allowedStepTimes(request: string, clockMinutes: number): Set<string> {
  const allowed = namedStartTimes(request, clockMinutes);
  const durations = namedDurations(request);
  for (const time of namedClockTimes(request)) {
    allowed.add(stepTime(time + 60));
    for (const duration of durations) allowed.add(stepTime(time + duration.minutes));
  }
  return allowed;
}

/**
 * Whether `text` (plan steps so far) writes only times in `allowed`: each "H:MM AM" must be one of them, and one
 * still being written must begin one or be a piece of the request. Times in other forms are not checked.
 */
export function keepsNamedTimes(text: string, allowed: ReadonlySet<string>, request = ""): boolean {
  const said = (written: string) => request.includes(written.trimEnd()); // "1:1 with my manager", "a 2:1 ratio"
  const begins = (written: string) => [...allowed].some((time) => time.startsWith(written)) || said(written);
  // An hour has one or two digits; the pattern below would not see "120:00 AM" at all.
  for (const match of text.matchAll(/\d{3,}:/g)) if (!said(match[0])) return false;
  for (const match of text.matchAll(/\b(\d{1,2}):(\d{0,2})( ?)([AP]?)(M?)/g)) {
    const [written, , minutes, space, half, m] = match as unknown as [string, string, string, string, string, string];
    const end = match.index! + written.length;
    if (end === text.length) {
      if (!begins(written)) return false; // being written: the start of an allowed time or of a copy
    } else if (minutes.length === 2 && space === " " && half !== "" && m === "M") {
      if (!allowed.has(written)) return false;
    } else if (!said(written)) {
      return false; // cut short ("until 9:1<nexa_split>") or another form
    }
  }
  // An hour where a time goes ("from 6", "at 6", "until 6", "for 6", "PM to 6") must become an allowed time: a planner kept
  // from "6:" would otherwise go on with "from 6 at 6 walking". A number the request says may stand ("at 5 stars").
  for (const match of text.matchAll(/\b(?:from|at|until|for|[AP]M to) (\d+)(?=(\D|$))/g)) {
    const end = match.index! + match[0].length;
    const hour = match[1]!;
    const number = new RegExp(String.raw`(^|\D)${hour}(\D|$)`).test(request);
    if (hour.length > 2) {
      // No hour at all ("Set an alarm for 1020"): only a number the request says, or the start of one.
      if (end === text.length ? !request.includes(hour) : !number) return false;
      continue;
    }
    if (end === text.length ? ![...allowed].some((time) => time.startsWith(hour)) && !number : text[end] !== ":" && !number) return false;
  }
  return true;
}

/** Minutes after midnight of a "YYYY-MM-DDTHH:MM" clock. */
export function minuteOfDay(now: string): number | undefined {
  const match = /T(\d{2}):(\d{2})/.exec(now);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** The check a planner's decoder runs on its text so far, or undefined when the request names no time. */
export function namedTimesCheck(request: string, minutes: number): ((text: string) => boolean) | undefined {
  const allowed = allowedStepTimes(request, minutes);
  return allowed.size === 0 ? undefined : (text) => keepsNamedTimes(text, allowed, request);
}

/** Whether the training plans write only times their requests name or work out, read against `now` (clock-rule.ts). */
export function learnNamedTimes(records: Iterable<{ query: string; steps: readonly string[] }>, now: string, options: ClockRuleOptions = {}): ClockRule | undefined {
  const minutes = minuteOfDay(now);
  if (minutes === undefined) return undefined;
  return learnClockRule(records, now, /\d:\d\d [AP]M/, (request) => namedTimesCheck(request, minutes), options);
}
