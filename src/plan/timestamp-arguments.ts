// Timestamp arguments: a YYYY-MM-DD-HH-MM argument whose date and time every training call took from a date and a
// time its step names ("December 3 from 1:45 PM to 2:45 PM" → start "2026-12-03-13-45", end "2026-12-03-14-45"):
// the time picked by its place among the step's times, maybe shifted by a fixed amount (an event "at 2:05 PM" ends
// an hour later). A small action model converts the words badly ("December 1 at 2:05 PM" → "2026-12-13-14-05";
// swapped starts and ends; ends equal to starts) on 38 of 566 held-out requests' calls. Which parameters qualify, and
// by which rules (n times named → the k-th, plus m minutes), is learnt from the action model's training data and
// written to grounding.json beside the copied arguments (copy-arguments.ts).
//
// Only the step is read, not the previous observation (stepSource). Read on whole prompts, a step "at 2:05 PM" after
// an observation with a time of its own taught the rule "of two times, the first plus an hour", which then let
// "from 6:00 PM to 6:30 PM" end at 7:00 PM (five of 566 held-out requests, session 18). A parameter whose training
// values came from the observation would fit no rule on its step, and is then not held at all.
//
// While such an argument is written, the decoder (agent/distinct-steps.ts, option `accept`) keeps it a prefix of a
// value whose month and day are a named date and whose time a rule gives; the year stays free (steps rarely name
// it). A step that names no date, or a number of times no rule knows, leaves it free.
// Deliberately left out: relative dates ("tomorrow"; the planner writes the date out), and other formats.
import type { ArgumentCheck } from "./call-strings.js";
import type { FunctionCall } from "./action-call.js";
import { stepSource } from "./copy-arguments.js";

/** [n, k, m]: when the step names n times, the value's time is the k-th of them (from 0) plus m minutes. */
export type TimeRule = [number, number, number];
/** Function → parameter → the rules its training values followed. */
export type TimestampArguments = Record<string, Record<string, TimeRule[]>>;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})$/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, "gi");
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?![a-z])`, "gi");
const ISO_DATE = /\b\d{4}-(\d{2})-(\d{2})\b/g;
const CLOCK_12 = /\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\b/gi;
const CLOCK_24 = /\b(\d{1,2}):(\d{2})\b(?!\s*[ap]\.?m\b)/gi;
/** A leap year, so that February 29 exists; the year never reaches the argument. */
const YEAR = 2000;

export interface NamedMoments {
  /** [month 1–12, day] */
  dates: Array<[number, number]>;
  /** Minutes after midnight, in the order the text names them (each once). */
  times: number[];
}

/** The dates and clock times `text` names (step words, or an observation's ISO dates and HH:MM times). */
export function namedMoments(text: string): NamedMoments {
  const dates: Array<[number, number]> = [];
  const addDate = (month: number, day: number) => {
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && !dates.some(([m, d]) => m === month && d === day)) dates.push([month, day]);
  };
  for (const match of text.matchAll(MONTH_DAY)) addDate(MONTHS.indexOf(match[1]!.toLowerCase()) + 1, Number(match[2]));
  for (const match of text.matchAll(DAY_MONTH)) addDate(MONTHS.indexOf(match[2]!.toLowerCase()) + 1, Number(match[1]));
  for (const match of text.matchAll(ISO_DATE)) addDate(Number(match[1]), Number(match[2]));
  const found: Array<{ at: number; minutes: number }> = [];
  for (const match of text.matchAll(CLOCK_12)) {
    const hour = Number(match[1]) % 12 + (match[3]!.toLowerCase() === "p" ? 12 : 0);
    if (Number(match[1]) <= 12) found.push({ at: match.index, minutes: hour * 60 + Number(match[2] ?? 0) });
  }
  for (const match of text.matchAll(CLOCK_24)) {
    if (Number(match[1]) < 24 && Number(match[2]) < 60) found.push({ at: match.index, minutes: Number(match[1]) * 60 + Number(match[2]) });
  }
  const times = new Set(found.sort((a, b) => a.at - b.at).map((time) => time.minutes));
  return { dates, times: [...times] };
}

/** Minutes from the start of YEAR to month/day hour:minute. */
function minutesOf(month: number, day: number, minuteOfDay: number): number {
  return (Date.UTC(YEAR, month - 1, day) - Date.UTC(YEAR, 0, 1)) / 60000 + minuteOfDay;
}

/** "MM-DD-HH-MM" of a minute of YEAR. */
function render(minutes: number): string {
  const date = new Date(Date.UTC(YEAR, 0, 1) + minutes * 60000);
  const two = (value: number) => String(value).padStart(2, "0");
  return `${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}-${two(date.getUTCHours())}-${two(date.getUTCMinutes())}`;
}

/** The rules ("n:k:m") under which one of the named dates with a named time gives `value`'s month, day, hour, minute. */
function rulesFor(value: string, named: NamedMoments): string[] {
  const match = TIMESTAMP.exec(value);
  if (!match) return [];
  const target = minutesOf(Number(match[2]), Number(match[3]), Number(match[4]) * 60 + Number(match[5]));
  const n = named.times.length;
  return named.dates.flatMap(([month, day]) => named.times.map((time, k) => `${n}:${k}:${target - minutesOf(month, day, time)}`));
}

/**
 * The string parameters whose every value (but `1 − minRatio` of them, over at least `minCount` calls) one of at
 * most `maxRules` rules gives, each rule the only one for at least `minRuleCount` calls, with those rules (most used
 * first). The last condition keeps a one-off value from adding a rule that would only loosen the check.
 */
export function learnTimestampArguments(
  examples: Iterable<{ prompt: string; call: FunctionCall }>,
  options: { minCount?: number; minRatio?: number; maxRules?: number; minRuleCount?: number } = {},
): TimestampArguments {
  const minCount = options.minCount ?? 20;
  const minRuleCount = options.minRuleCount ?? 5;
  const minRatio = options.minRatio ?? 0.995;
  const maxRules = options.maxRules ?? 8;
  const seen = new Map<string, Array<Set<string>>>(); // function\0parameter → each call's possible rules
  for (const { prompt, call } of examples) {
    let named: NamedMoments | undefined;
    for (const [parameter, value] of Object.entries(call.arguments)) {
      if (typeof value !== "string" || !TIMESTAMP.test(value)) continue;
      named ??= namedMoments(stepSource(prompt));
      const key = `${call.name}\u0000${parameter}`;
      const calls = seen.get(key) ?? [];
      calls.push(new Set(rulesFor(value, named)));
      seen.set(key, calls);
    }
  }
  const result: TimestampArguments = {};
  for (const [key, calls] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
    if (calls.length < minCount) continue;
    // Greedy cover: the rule that explains most of the calls left, until nearly all are explained.
    const rules: string[] = [];
    let left = calls;
    while (left.length > (1 - minRatio) * calls.length && rules.length < maxRules) {
      const counts = new Map<string, number>();
      for (const options of left) for (const rule of options) counts.set(rule, (counts.get(rule) ?? 0) + 1);
      // Ties go to the smaller shift: a time the step names is likelier meant than one derived from another.
      const shift = (rule: string) => Math.abs(Number(rule.split(":")[2]));
      const best = [...counts].sort((a, b) => b[1] - a[1] || shift(a[0]) - shift(b[0]) || a[0].localeCompare(b[0]))[0];
      if (!best || best[1] < minRuleCount) break;
      rules.push(best[0]);
      left = left.filter((options) => !options.has(best[0]));
    }
    if (left.length > (1 - minRatio) * calls.length) continue;
    const [name, parameter] = key.split("\u0000") as [string, string];
    (result[name] ??= {})[parameter] = rules.map((rule) => rule.split(":").map(Number) as TimeRule);
  }
  return result;
}

/** The "MM-DD-HH-MM" endings the `rules` allow in a prompt that names `named`. */
export function timestampEndings(named: NamedMoments, rules: readonly TimeRule[]): Set<string> {
  const endings = new Set<string>();
  for (const [n, k, shift] of rules) {
    if (n !== named.times.length) continue;
    for (const [month, day] of named.dates) endings.add(render(minutesOf(month, day, named.times[k]!) + shift));
  }
  return endings;
}

/**
 * Timestamp arguments must stay a prefix of "YYYY-" plus one of their allowed endings. `endings` maps function →
 * parameter → endings (timestampEndingsFor); a parameter without endings is free.
 */
export function timestampCheck(endings: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>): ArgumentCheck {
  return (name, parameter, { value, closed }) => {
    const allowed = endings.get(name)?.get(parameter);
    if (!allowed || allowed.size === 0) return true;
    if (!/^\d{0,4}$/.test(value.slice(0, 4)) || (value.length > 4 && value[4] !== "-")) return false;
    const rest = value.slice(5);
    for (const ending of allowed) if (closed ? ending === rest : ending.startsWith(rest)) return true;
    return false;
  };
}

/** For one action prompt: function → parameter → allowed endings, for the parameters when its step names a date and a time. */
export function timestampEndingsFor(prompt: string, timestampArguments: TimestampArguments): Map<string, Map<string, Set<string>>> {
  const result = new Map<string, Map<string, Set<string>>>();
  const functions = Object.entries(timestampArguments);
  if (functions.length === 0) return result;
  const named = namedMoments(stepSource(prompt));
  if (named.dates.length === 0 || named.times.length === 0) return result;
  for (const [name, parameters] of functions) {
    result.set(name, new Map(Object.entries(parameters).map(([parameter, rules]) => [parameter, timestampEndings(named, rules)])));
  }
  return result;
}
