// Values a request joins with "and" ("weather in Rome and Milan", "text Ali and Ben that practice is off", "alarms at
// 6 and 6:15"). A small planner often writes the step for one of them and forgets the other, and the decoder's checks
// do not catch it: the plan already has a step of that function, and the clause is covered. When a step writes one
// value of such a pair and no step writes the other, the step is written again with the other value. The new step
// goes right after the first step, or right before it when the forgotten value comes first in the request. A step
// that is the same but for a value the request never says is that step, miswritten, and is corrected instead.
//
// A value is a name or a clock time.
// - A name is one or two capitalised words, not the first word of a sentence ("Text Ana and Ben": "Ana").
// - A clock time is "6", "6:15", "6pm" or "6:15 pm".
// - Both values of a pair are of one kind.
// - The joining words are "and", "&", "or", "with", "vs" and "versus", optionally followed by "in", "for", "at" or "to"
//   ("weather in Rome and in Milan").
// Deliberately left out:
// - lists of three or more ("Rome, Milan and Turin"), whose commas also separate clauses;
// - lower-case values ("weather in rome and milan"), which the pair cannot tell from ordinary words;
// - values that the step writes in another form, except clock times ("six" for 6).
import { withinDistance } from "./grounding.js";
import { stepTime } from "./named-times.js";

const JOINERS = new Set(["and", "&", "or", "with", "vs", "vs.", "versus"]);
const PREPOSITIONS = new Set(["in", "for", "at", "to"]);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’:.&-]*|&/gu;
const NOT_NAMES = new Set(["i", "i'm", "i'll", "i've", "i'd"]);
const TIME = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i;

interface Token {
  text: string;
  /** The first word of the request or of a sentence. */
  sentenceStart: boolean;
}

interface Clock {
  hour: number;
  minute: number;
  meridiem?: "AM" | "PM";
}

/** A name lists its readings, longest first: "San Francisco" then "Francisco" when "San" begins the sentence. */
type Value = { kind: "name"; text: string; readings: string[] } | { kind: "time"; text: string; clock: Clock };

function tokens(request: string): Token[] {
  return [...request.matchAll(WORD)].map((match) => {
    const before = request.slice(0, match.index).trimEnd();
    return { text: match[0].replace(/[.:]+$/, ""), sentenceStart: before === "" || /[.!?:;]$/.test(before) };
  });
}

function parseClock(text: string): Clock | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  if (hour > 23 || minute > 59) return undefined;
  const meridiem = match[3] === undefined ? undefined : match[3].toLowerCase().startsWith("a") ? "AM" : "PM";
  return { hour, minute, meridiem };
}

function name(...readings: string[]): Value {
  return { kind: "name", text: readings.at(-1)!, readings };
}

function isName(token: Token | undefined): boolean {
  return token !== undefined && !token.sentenceStart && /^\p{Lu}/u.test(token.text) && !NOT_NAMES.has(token.text.toLowerCase());
}

/** The value that ends just before token `end` (exclusive), reading leftwards. */
function valueBefore(list: Token[], end: number): Value | undefined {
  const last = list[end - 1];
  if (!last) return undefined;
  const withMeridiem = /^(am|pm)$/i.test(last.text) && list[end - 2] ? `${list[end - 2]!.text} ${last.text}` : last.text;
  const clock = parseClock(withMeridiem);
  if (clock) return { kind: "time", text: withMeridiem, clock };
  if (!isName(last)) return undefined;
  const previous = list[end - 2];
  // A capitalised first word of a sentence may begin the name ("San Francisco vs Sydney") or not ("Text Ana and Ben").
  if (isName(previous)) return name(`${previous!.text} ${last.text}`);
  return previous && previous.sentenceStart && /^\p{Lu}/u.test(previous.text) ? name(`${previous.text} ${last.text}`, last.text) : name(last.text);
}

/** The value that starts at token `start`, reading rightwards past one preposition. */
function valueAfter(list: Token[], start: number): Value | undefined {
  const at = PREPOSITIONS.has(list[start]?.text.toLowerCase() ?? "") ? start + 1 : start;
  const first = list[at];
  if (!first) return undefined;
  const next = list[at + 1];
  const withMeridiem = next && /^(am|pm)$/i.test(next.text) ? `${first.text} ${next.text}` : first.text;
  const clock = parseClock(withMeridiem);
  if (clock) return { kind: "time", text: withMeridiem, clock };
  if (!isName(first)) return undefined;
  return name(isName(next) ? `${first.text} ${next!.text}` : first.text);
}

/** The pairs of values of one kind the request joins, in the order it says them. */
export function coordinatedValues(request: string): Array<[Value, Value]> {
  const list = tokens(request);
  const pairs: Array<[Value, Value]> = [];
  list.forEach((token, index) => {
    if (!JOINERS.has(token.text.toLowerCase())) return;
    const left = valueBefore(list, index);
    const right = valueAfter(list, index + 1);
    if (left && right && left.kind === right.kind && left.text.toLowerCase() !== right.text.toLowerCase()) pairs.push([left, right]);
  });
  return pairs;
}

const STEP_TIME = /\b(\d{1,2})(?::(\d{2}))?(\s*(?:AM|PM|am|pm))?\b/g;

/**
 * A word of a step that writes a word of a name: the same, or one typo away in a word of 4 letters or more ("Torotno"
 * for "Toronto", a swap). Two are too many for names: "Madrid" is two from "Maria".
 */
function writesWord(written: string, said: string): boolean {
  const [a, b] = [written.toLowerCase(), said.toLowerCase()];
  return a === b || (Math.max(a.length, b.length) >= 4 && withinDistance(a, b, 1));
}

/**
 * Where a step writes a value: the name's words in a row (each possibly misspelt in the request, "Torotno" for
 * "Toronto"), or a clock time of the same hour and minute.
 */
function findIn(step: string, value: Value): { start: number; end: number; meridiem?: string } | undefined {
  if (value.kind === "name") {
    const written = [...step.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)];
    for (const reading of value.readings) {
      const said = reading.split(" ");
      for (let index = 0; index + said.length <= written.length; index++) {
        if (said.every((word, offset) => writesWord(written[index + offset]![0].replace(/['’]s$/, ""), word))) {
          const last = written[index + said.length - 1]!;
          return { start: written[index]!.index, end: last.index + last[0].replace(/['’]s$/, "").length };
        }
      }
    }
    return undefined;
  }
  for (const match of step.matchAll(STEP_TIME)) {
    const hour = Number(match[1]);
    const minute = match[2] === undefined ? 0 : Number(match[2]);
    const sameHour = hour === value.clock.hour || (value.clock.meridiem === undefined && hour % 12 === value.clock.hour % 12) || hour === (value.clock.hour % 12) + 12;
    if (sameHour && minute === value.clock.minute) return { start: match.index, end: match.index + match[0].length, meridiem: match[3] };
  }
  return undefined;
}

/**
 * A clock as steps write it (named-times.ts's stepTime, "6:15 PM"): with its own AM/PM, a 24-hour time's ("18:30"),
 * or else the step's; with none of them, bare ("6:15").
 */
function clockText(clock: Clock, stepMeridiem: string | undefined): string {
  const twentyFour = clock.meridiem === undefined && (clock.hour === 0 || clock.hour > 12);
  const meridiem = clock.meridiem ?? stepMeridiem?.trim().toUpperCase();
  if (!twentyFour && meridiem === undefined) return `${clock.hour}:${String(clock.minute).padStart(2, "0")}`;
  const hour = twentyFour ? clock.hour : (clock.hour % 12) + (meridiem === "PM" ? 12 : 0);
  return stepTime(hour * 60 + clock.minute);
}

/**
 * The step with `from` (which it writes) replaced by `to`, and the text around the value; a time keeps the step's own
 * AM/PM unless `to` says one.
 */
function substitute(step: string, from: Value, to: Value): { step: string; before: string; after: string } | undefined {
  const place = findIn(step, from);
  if (!place) return undefined;
  const written = to.kind === "name" ? to.text : clockText(to.clock, place.meridiem);
  const [before, after] = [step.slice(0, place.start), step.slice(place.end)];
  return { step: before + written + after, before, after };
}

/** The plan with a step for each joined value that no step writes, as the file comment says; or the plan itself. */
export function withCoordinatedSteps(request: string, plan: readonly string[], options: { maxSteps: number }): string[] {
  const steps = [...plan];
  for (const [first, second] of coordinatedValues(request)) {
    if (steps.length >= options.maxSteps) break;
    const writes = (value: Value) => steps.findIndex((step) => findIn(step, value) !== undefined);
    const [firstAt, secondAt] = [writes(first), writes(second)];
    if ((firstAt < 0) === (secondAt < 0)) continue;
    const [at, from, to] = firstAt >= 0 ? [firstAt, first, second] : [secondAt, second, first];
    const added = substitute(steps[at]!, from, to);
    if (added === undefined || steps.includes(added.step)) continue;
    // A step that is the same but for a value the request never says ("weather in Rome and Milan" planned as Rome and
    // Madrid) is the forgotten value's step, written with a wrong value: it is corrected instead.
    const miswritten = steps.findIndex((step, index) => index !== at && step.length > added.before.length + added.after.length
      && step.startsWith(added.before) && step.endsWith(added.after)
      && !request.toLowerCase().includes(step.slice(added.before.length, step.length - added.after.length).trim().toLowerCase()));
    if (miswritten >= 0) steps[miswritten] = added.step;
    else steps.splice(firstAt >= 0 ? at + 1 : at, 0, added.step);
  }
  return steps;
}
