// Clause scope: a step's dates and times come from the part of the request that the step is about. named-dates.ts
// and named-times.ts allow every date and time the request names or works out, anywhere in it, so a small planner
// could give "save swim class to my calendar on December 11th at seven in the evening" the 6:05 AM of "an alarm
// for 06:05", or "dinner on 1 December at 2:05 PM" the 10:00 AM of "wake me an hour from now".
//
// The request is cut into clauses at punctuation and at joining words ("and", "then", "once", "before", …), but not
// inside a time ("between 2 and 3 pm", "an hour and a half", "the day after tomorrow", "8 a.m."), and a piece that
// is only a time or a length ("set a timer for bread, twenty minutes") stays with the clause before it. A step is
// about the clauses that hold one of its anchor words: a word of three letters or more that is no date or time word
// and that is not common in training requests (in more than 5% of them: "calendar", "text", "alarm"), so that
// "Create a calendar event for swim class on …" is about "save swim class to my calendar on December 11th at seven
// in the evening", and "Send a text message to Sophie about coffee" about the event's clause and "let Sophie know".
// Those clauses' text must allow the step's dates and times as the whole request's does (the same readers); when a
// step has no anchor, or its clauses name no date (time), the whole request's check alone holds it.
//
// Learnt like the date and time rules (clock-rule.ts): `train` writes `clauseScope` with the common words to
// grounding.json when at most 0.5% of the training plans that write a date or time for a request of two clauses or
// more break it. On session 13's demo data 6 of 16008 do (typos in a spoken time: "haf past four"), and no date.
// Deliberately left out: pronouns ("text them about it" has no anchor but "text"), and clauses joined by a comma
// alone that still belong together ("add an event, vet appointment, in 8 days at three"): the length merge catches
// only pieces that are nothing but a time.
import { learnClockRule, type ClockRuleOptions } from "./clock-rule.js";
import { wordsOf } from "./grounding.js";
import { keepsNamedDates, MONTH_NAMES, namedDates, namedMonths, parseClockDay, type CalendarDay } from "./named-dates.js";
import { allowedStepTimes, keepsNamedTimes, minuteOfDay } from "./named-times.js";
import { SPLIT } from "./tokens.js";

/** The rule as grounding.json keeps it: the words too common in training requests to anchor a step. */
export interface ClauseScope {
  commonWords: string[];
}

/** Punctuation that ends a clause (not the dots of "a.m." or "Dr."), and the words that join two. */
const CLAUSE_BREAK = /(?<!(?:[ap]\.m|\bdr|\bmr|\bmrs|\bms|\bst))[,;.!?]+(?=\s|$)|\s(?:and|then|also|plus|&|\+|n|but|after that|once|before|after|finally|lastly)\s/gi;
/** Words of dates, times and lengths: never anchors, and all a piece that belongs to the clause before it may say. */
const MOMENT_WORD = /^(\d.*|am|pm|a\.m|p\.m|morning|afternoon|evening|night|tonight|noon|midday|midnight|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tmrw|minutes?|mins?|hours?|days?|weeks?|half|quarter|past|o'clock|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|(?:twenty|thirty|forty|fifty)(?:-[a-z]+)?)$/;
const FILLER_WORD = /^(the|for|and|at|in|on|from|to|of|a|an|it|it's|is|by|until|till|about|around|next|this)$/;
const SHARE_COMMON = 0.05;
/** A step that writes a time or a date. */
const STEP_MOMENT = new RegExp(String.raw`\d:\d\d [AP]M|\b(?:${MONTH_NAMES.join("|")}) \d`);

/** A clause of a request, with what comes before it: the joining words ("but", "and then") and punctuation. */
export interface RequestClause {
  text: string;
  /** The joining words before it, lower case ("" for none). */
  joiner: string;
  /** Whether punctuation comes before it (the first clause: true). */
  afterPunctuation: boolean;
}

/** The clauses of a request (see the file comment), in order, with the breaks before them. */
export function splitClauses(request: string): RequestClause[] {
  const clauses: RequestClause[] = [];
  let last = 0;
  let joiner = "";
  let afterPunctuation = true;
  const close = (end: number) => {
    const text = request.slice(last, end).trim();
    if (text === "") return;
    clauses.push({ text, joiner, afterPunctuation });
    joiner = "";
    afterPunctuation = false;
  };
  for (const match of request.matchAll(CLAUSE_BREAK)) {
    const before = request.slice(0, match.index);
    const after = request.slice(match.index + match[0].length);
    if (/\band\b/i.test(match[0]) && (/\bbetween\b[^,;.]*$/i.test(before) || /^a half\b/i.test(after))) continue;
    if (/\bafter\b/i.test(match[0]) && /^tomorrow\b/i.test(after)) continue;
    close(match.index);
    const word = match[0].trim().toLowerCase();
    if (/^[,;.!?]+$/.test(word)) afterPunctuation = true;
    else joiner = joiner === "" ? word : `${joiner} ${word}`;
    last = match.index + match[0].length;
  }
  close(request.length);
  for (let index = clauses.length - 1; index > 0; index--) {
    if (wordsOf(clauses[index]!.text).every((word) => MOMENT_WORD.test(word) || FILLER_WORD.test(word))) {
      clauses[index - 1]!.text += ` ${clauses[index]!.text}`;
      clauses.splice(index, 1);
    }
  }
  return clauses;
}

/** The clauses of a request (see the file comment), in order. */
export function requestClauses(request: string): string[] {
  return splitClauses(request).map((clause) => clause.text);
}

/** A step's anchor words: three letters or more, no date or time word, not common in training requests. */
export function stepAnchors(step: string, commonWords: ReadonlySet<string>): string[] {
  return wordsOf(step).filter((word) => word.length >= 3 && !MOMENT_WORD.test(word) && !commonWords.has(word));
}

/** The words of three letters or more that are in more than 5% of the training requests. */
export function commonRequestWords(records: ReadonlyArray<{ query: string }>): string[] {
  const asked = new Map<string, number>();
  for (const record of records) for (const word of new Set(wordsOf(record.query))) asked.set(word, (asked.get(word) ?? 0) + 1);
  return [...asked].filter(([word, count]) => word.length >= 3 && count > SHARE_COMMON * records.length).map(([word]) => word).sort();
}

/** The text of the clauses `step` is about (joined by " ; "), or undefined when it has no anchor in any. */
export function stepScope(step: string, clauses: ReadonlyArray<{ text: string; words: ReadonlySet<string> }>, commonWords: ReadonlySet<string>): string | undefined {
  const anchors = stepAnchors(step, commonWords);
  const about = clauses.filter((clause) => anchors.some((word) => clause.words.has(word)));
  return about.length === 0 ? undefined : about.map((clause) => clause.text).join(" ; ");
}

/** The clocks the scoped checks read against: those of the planner's date and time rules that are on. */
export interface ScopeClocks {
  today?: CalendarDay;
  clockMinutes?: number;
}

/**
 * The check a planner's decoder runs on its text so far: each step (closed or being written) keeps to the dates and
 * times its clauses allow. Undefined when neither clock is given or the request has a single clause.
 */
export function clauseScopeCheck(request: string, scope: ClauseScope, clocks: ScopeClocks): ((text: string) => boolean) | undefined {
  const { today, clockMinutes } = clocks;
  if (today === undefined && clockMinutes === undefined) return undefined;
  const clauses = requestClauses(request).map((text) => ({ text, words: new Set(wordsOf(text)) }));
  if (clauses.length < 2) return undefined;
  const commonWords = new Set(scope.commonWords);
  const months = namedMonths(request);
  // Per scope text, its allowed dates and times (undefined: it names none, and the whole request's check holds).
  const allowedIn = new Map<string, { dates?: Set<string>; times?: Set<string> }>();
  const allowedFor = (text: string) => {
    let allowed = allowedIn.get(text);
    if (!allowed) {
      const dates = today && namedDates(text, today);
      const times = clockMinutes === undefined ? undefined : allowedStepTimes(text, clockMinutes);
      allowed = { dates: dates?.size ? dates : undefined, times: times?.size ? times : undefined };
      allowedIn.set(text, allowed);
    }
    return allowed;
  };
  const closedSteps = new Map<string, boolean>();
  const keeps = (step: string): boolean => {
    if (!/\d/.test(step)) return true; // no date or time written yet
    const text = stepScope(step, clauses, commonWords);
    if (text === undefined) return true;
    const { dates, times } = allowedFor(text);
    return (!dates || keepsNamedDates(step, dates, months)) && (!times || keepsNamedTimes(step, times, request));
  };
  return (text) => {
    const steps = text.split(SPLIT);
    const open = steps.pop()!;
    for (const step of steps) {
      let kept = closedSteps.get(step);
      if (kept === undefined) closedSteps.set(step, (kept = keeps(step)));
      if (!kept) return false;
    }
    return keeps(open);
  };
}

/**
 * The rule, when the training plans that write a date or a time keep to their clauses (at most `maxMisses` of at
 * least `minCount` break it), read against `now` as the date and time rules are; undefined otherwise.
 */
export function learnClauseScope(
  records: ReadonlyArray<{ query: string; steps: readonly string[] }>,
  now: string,
  options: ClockRuleOptions = {},
): ClauseScope | undefined {
  const today = parseClockDay(now);
  const clockMinutes = minuteOfDay(now);
  if (!today || clockMinutes === undefined) return undefined;
  const scope = { commonWords: commonRequestWords(records) };
  // The check reads steps as the decoder writes them, split at <nexa_split>.
  const plans = records.map((record) => ({ query: record.query, steps: [record.steps.join(SPLIT)] }));
  return learnClockRule(plans, now, STEP_MOMENT, (request) => clauseScopeCheck(request, scope, { today, clockMinutes }), options) && scope;
}
