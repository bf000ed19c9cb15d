// grounding.json: a planner's word lists and rules, or an action model's words and argument rules (learn-grounding.ts
// lists them), written by the trainer beside model.gguf or adapter.gguf and found there again by the planner or actor
// ("auto"). A JSON file rather than GGUF metadata so that a LoRA planner over somebody else's base carries it too.
import { readFileSync } from "node:fs";
import { InputError } from "../errors.js";
import { writeFileAtomic } from "../util/atomic.js";
import type { CopyArguments } from "./copy-arguments.js";
import type { TimestampArguments } from "./timestamp-arguments.js";
import type { DistinctArguments } from "./distinct-arguments.js";
import type { EmbeddedArguments } from "./embedded-arguments.js";
import type { ClockRule } from "./clock-rule.js";
import { DATA_CLOCK, parseClockDay } from "./named-dates.js";
import { minuteOfDay } from "./named-times.js";
import type { IntentWords } from "./intent-words.js";
import type { ClauseScope } from "./clause-scope.js";
import type { ClauseOrder } from "./clause-order.js";

export const GROUNDING_FILE = "grounding.json";

export interface GroundingWords {
  /** Step words that must come from the request. */
  copyWords: string[];
  /** Request words that must reach the plan. */
  coverWords: string[];
  /** An action model's: function → parameters whose value is a piece of the prompt. */
  copyArguments?: CopyArguments;
  /** An action model's: the copied arguments whose value is a piece of the step alone, never of the observation. */
  stepArguments?: CopyArguments;
  /** An action model's: function → parameter → rules [n, k, m] (n times named: the k-th plus m minutes). */
  timestampArguments?: TimestampArguments;
  /** An action model's: function → pairs of copied arguments whose values must not overlap. */
  distinctArguments?: DistinctArguments;
  /** An action model's: function → [parameter, opening, embedded parameter] (embedded-arguments.ts). */
  embeddedArguments?: EmbeddedArguments;
  /** An action model's: function → parameters whose times and dates are those its step writes (moment-arguments.ts). */
  momentArguments?: CopyArguments;
  /** A planner's: its steps write only dates the request names, read against this clock (named-dates.ts). */
  namedDates?: ClockRule;
  /** A planner's: its steps write only times the request names or works out, read against this clock (named-times.ts). */
  namedTimes?: ClockRule;
  /** A planner's: an event's end is the one named for its start, else its start plus a named length or an hour (event-ends.ts). */
  eventEnds?: boolean;
  /** A planner's: a time written other than as a range's end is named, or the clock plus a named wait (named-starts.ts). */
  namedStarts?: boolean;
  /** A planner's: request words that ask for a step of one function, and how steps map to functions (intent-words.ts). */
  intentWords?: IntentWords;
  /** A planner's: a step's dates and times come from the clauses it is about (clause-scope.ts). */
  clauseScope?: ClauseScope;
  /** A planner's: without an order word, steps come in the order of the clauses they are about (clause-order.ts). */
  clauseOrder?: ClauseOrder;
}

export function writeGrounding(path: string, words: GroundingWords): void {
  writeFileAtomic(path, JSON.stringify({ kind: "octoplan.grounding", version: 1, ...words }) + "\n");
}

/** A plain object (not an array) whose every value passes `isEntry`. */
function isTable(value: unknown, isEntry: (entry: unknown) => boolean): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every(isEntry);
}

/** An array of strings (of `length` of them, when given). */
function isStrings(names: unknown, length?: number): names is string[] {
  return Array.isArray(names) && (length === undefined || names.length === length) && names.every((name) => typeof name === "string");
}

/** Whether a grounding.json field holds intent words (readGrounding names the field when it does not). */
export function isIntentWords(value: unknown): value is IntentWords {
  const { stepFunctions, intents, supports } = (isTable(value, () => true) ? value : {}) as Partial<Record<keyof IntentWords, unknown>>;
  return isTable(stepFunctions, (name) => typeof name === "string") && isTable(intents, (rules) => Array.isArray(rules)
    && rules.every((rule) => Array.isArray(rule) && rule.length === 2 && typeof rule[0] === "string" && typeof rule[1] === "boolean"))
    && (supports === undefined || isTable(supports, (names) => isStrings(names)));
}

export function readGrounding(path: string): GroundingWords {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(`${path}: not a readable grounding file (${(error as Error).message})`, { hint: "It is written by `octoplan train` beside the model; use --planner-grounding off or --actor-grounding off to decode without it." });
  }
  const list = (field: string): string[] => {
    const value = parsed[field] ?? [];
    if (!Array.isArray(value) || !value.every((word) => typeof word === "string")) {
      throw new InputError(`${path}: field '${field}' must be an array of strings`, { hint: '{ "copyWords": ["maria", …], "coverWords": ["dublin", …] }' });
    }
    return value;
  };
  /** An optional object field whose every value passes `isEntry`, or an error that names the field and shows one. */
  const table = <T>(field: string, isEntry: (entry: unknown) => boolean, what: string, example: string): T => {
    const value = parsed[field] ?? {};
    if (!isTable(value, isEntry)) throw new InputError(`${path}: field '${field}' must map function names to ${what}`, { hint: `{ "${field}": ${example} }` });
    return value as T;
  };
  // [n, k, m]: the k-th (from 0) of n ≥ 1 named times, plus m minutes.
  const isRules = (rules: unknown) => Array.isArray(rules) && rules.every((rule) => Array.isArray(rule) && rule.length === 3
    && rule.every((value) => Number.isInteger(value)) && rule[0] >= 1 && rule[1] >= 0 && rule[1] < rule[0]);
  const copyArguments = table<CopyArguments>("copyArguments", (names) => isStrings(names), "arrays of parameter names", '{ "send_email": ["recipient"] }');
  const stepArguments = table<CopyArguments>("stepArguments", (names) => isStrings(names), "arrays of parameter names", '{ "send_email": ["title"] }');
  const timestampArguments = table<TimestampArguments>("timestampArguments", (parameters) => isTable(parameters, isRules),
    "parameters and their rules [n, k, m]", '{ "create_calendar_event": { "end_time": [[1, 0, 60], [2, 1, 0]] } }');
  const distinctArguments = table<DistinctArguments>("distinctArguments", (pairs) => Array.isArray(pairs) && pairs.every((pair) => isStrings(pair, 2)),
    "pairs of parameter names", '{ "find_route_google_maps": [["origin", "destination"]] }');
  const momentArguments = table<CopyArguments>("momentArguments", (names) => isStrings(names), "arrays of parameter names", '{ "send_text_message": ["message"] }');
  const embeddedArguments = table<EmbeddedArguments>("embeddedArguments", (triples) => Array.isArray(triples) && triples.every((triple) => isStrings(triple, 3)),
    "triples [parameter, opening, embedded parameter]", '{ "send_email": [["content", "Here is the ", "title"]] }');
  /** { now } of a named-values rule, or an error that names the field. */
  const clockRule = (field: "namedDates" | "namedTimes"): ClockRule | undefined => {
    const value = parsed[field];
    if (value === undefined) return undefined;
    const now = typeof value === "object" && value !== null ? (value as { now?: unknown }).now : undefined;
    if (typeof now !== "string" || !parseClockDay(now) || minuteOfDay(now) === undefined) {
      throw new InputError(`${path}: field '${field}' must be an object with the clock its values are read against`, { hint: `{ "${field}": { "now": "${DATA_CLOCK}" } }` });
    }
    return { now };
  };
  const namedDates = clockRule("namedDates");
  const namedTimes = clockRule("namedTimes");
  const flag = (field: "eventEnds" | "namedStarts"): boolean | undefined => {
    const value = parsed[field];
    if (value !== undefined && typeof value !== "boolean") throw new InputError(`${path}: field '${field}' must be true or false`, { hint: `{ "${field}": true }` });
    return value;
  };
  const eventEnds = flag("eventEnds");
  const namedStarts = flag("namedStarts");
  const intentWords = parsed.intentWords;
  if (intentWords !== undefined && !isIntentWords(intentWords)) {
    throw new InputError(`${path}: field 'intentWords' must hold stepFunctions (step beginning → function) and intents (word → [function, counted] pairs), and optionally supports (word → functions)`, {
      hint: '{ "intentWords": { "stepFunctions": { "take a screenshot": "take_screenshot" }, "intents": { "louder": [["set_volume", false]] } } }',
    });
  }
  const commonWordsRule = (field: "clauseScope" | "clauseOrder"): { commonWords: string[] } | undefined => {
    const value = parsed[field];
    if (value !== undefined && !isStrings((value as { commonWords?: unknown } | null)?.commonWords)) {
      throw new InputError(`${path}: field '${field}' must be an object with the words too common to anchor a step`, { hint: `{ "${field}": { "commonWords": ["calendar", "text"] } }` });
    }
    return value as { commonWords: string[] } | undefined;
  };
  const clauseScope = commonWordsRule("clauseScope");
  const clauseOrder = commonWordsRule("clauseOrder");
  return {
    copyWords: list("copyWords"), coverWords: list("coverWords"), copyArguments, stepArguments, timestampArguments, distinctArguments, embeddedArguments,
    momentArguments, ...(namedDates && { namedDates }), ...(namedTimes && { namedTimes }), ...(eventEnds !== undefined && { eventEnds }), ...(namedStarts !== undefined && { namedStarts }),
    ...(intentWords !== undefined && { intentWords }), ...(clauseScope !== undefined && { clauseScope }), ...(clauseOrder !== undefined && { clauseOrder }),
  };
}
