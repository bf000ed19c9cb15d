// Intent words: request words (and pairs of neighbouring words) that, in (nearly) every training record that says
// them, come with a step of one function: "louder" with set_volume, "screen capture" with take_screenshot, "wake"
// with set_timer_alarm. A planner that ends a plan without such a step has most likely dropped that clause, its
// most common error on the demo's data ("…, and grab a screen capture" planned without the screenshot). Cover
// words (grounding.ts) catch a dropped clause only when it names something the plan copies ("Dublin"); words that
// ask for an action ("louder") are not copied. A rule is counted when the records that say the word twice also have
// two such steps ("screenshot this chat … then save a screenshot"), so a plan that merged two clauses is caught too.
// Steps are mapped to functions by how they begin: the shortest beginning ("take a screenshot", "set an", "email")
// that always meant one function in training; a step that begins otherwise counts as none.
//
// Deliberately left out: words that the plans repeat in at least half their records (names, places), unless
// counted: cover words keep those in the plan, and a name seen with one function only in generated data ("Noah" in
// new contacts) says nothing about a person's request. Features with a function word ("them", "turn it"): the
// generator ties some to one function ("ping them"), people use them everywhere (docs/AGENT.md).
import { wordsOf } from "./grounding.js";
import type { SupportWords } from "./support-words.js";

export interface IntentWords {
  /** A step's beginning (lower-case words, digits as #) → the function such steps always called in training. */
  stepFunctions: Record<string, string>;
  /** A request word or word pair → [function, counted]: the plan needs such a step (as many as the request says it, when counted). */
  intents: Record<string, Array<[string, boolean]>>;
  /** A request word, pair or stem → the functions whose steps it allows, when the training plans hold to that (support-words.ts; learnt beside intent words by learn-grounding.ts). */
  supports?: SupportWords;
}

export interface IntentWordOptions {
  /** Ignore words said in fewer training records than this (default 200). */
  minCount?: number;
  /** Share of a word's records whose plan has the step, for it to be an intent word (default 0.99). */
  minRatio?: number;
  /** Records that say a word twice needed before its rule may be counted (default 20). */
  minCountedRecords?: number;
}

export interface PlannedRecord {
  query: string;
  steps: readonly string[];
  /** The function of each step, in order. */
  functions: readonly string[];
}

// Words that carry no intent of their own; a feature with one of them is never an intent word.
const FUNCTION_WORDS = new Set(("a an the this that these those it its it's them they their he him his she her we us our you your i me my " +
  "to of in on at by for from with into onto about over under up down out off as and or but so if then than when while " +
  "is are was were be been am do does did have has had will would can could should may might must shall " +
  "all both each some any no not just also too very please pls plz thanks thx").split(" "));

/** A step beginning shorter than this many words is kept only when this many training steps began with it. */
const MIN_BEGINNING_STEPS = 20;
const MAX_BEGINNING_WORDS = 4;

/** A step's words as step beginnings spell them: lower case, digits as #. */
export function stepWords(step: string): string[] {
  return wordsOf(step).map((word) => word.replace(/\d+/g, "#"));
}

/** Each word and each pair of neighbouring words of a request, with how often it says them. */
export function requestFeatures(request: string): Map<string, number> {
  const words = wordsOf(request);
  const features = new Map<string, number>();
  const add = (feature: string) => features.set(feature, (features.get(feature) ?? 0) + 1);
  words.forEach((word, index) => {
    add(word);
    if (index > 0) add(`${words[index - 1]} ${word}`);
  });
  return features;
}

/** The shortest step beginnings that always meant one function (at least MIN_BEGINNING_STEPS steps). */
export function learnStepFunctions(records: Iterable<PlannedRecord>): Record<string, string> {
  const seen = new Map<string, Map<string, number>>();
  for (const record of records) {
    record.steps.forEach((step, index) => {
      const words = stepWords(step);
      for (let length = 1; length <= Math.min(words.length, MAX_BEGINNING_WORDS); length++) {
        const beginning = words.slice(0, length).join(" ");
        const functions = seen.get(beginning) ?? new Map<string, number>();
        functions.set(record.functions[index]!, (functions.get(record.functions[index]!) ?? 0) + 1);
        seen.set(beginning, functions);
      }
    });
  }
  const table: Record<string, string> = {};
  // Shortest first, so that a beginning whose shorter part already decides is not kept.
  const beginnings = [...seen.keys()].sort((a, b) => a.split(" ").length - b.split(" ").length);
  for (const beginning of beginnings) {
    const functions = seen.get(beginning)!;
    const [name, count] = [...functions][0]!;
    if (functions.size !== 1 || count < MIN_BEGINNING_STEPS) continue;
    const words = beginning.split(" ");
    if (words.some((_, length) => length > 0 && table[words.slice(0, length).join(" ")] !== undefined)) continue;
    table[beginning] = name;
  }
  return table;
}

/** The function a step calls, by how it begins, if any beginning in `stepFunctions` decides it. */
export function stepFunction(step: string, stepFunctions: Readonly<Record<string, string>>): string | undefined {
  const words = stepWords(step);
  for (let length = 1; length <= Math.min(words.length, MAX_BEGINNING_WORDS); length++) {
    const name = stepFunctions[words.slice(0, length).join(" ")];
    if (name !== undefined) return name;
  }
  return undefined;
}

/** Whether a word carries no intent of its own (a feature with one is never an intent or support word). */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word);
}

/** The intent words of a training set (see the file comment). */
export function learnIntentWords(records: readonly PlannedRecord[], options: IntentWordOptions = {}): IntentWords {
  const minCount = options.minCount ?? 200;
  const minRatio = options.minRatio ?? 0.99;
  const minCountedRecords = options.minCountedRecords ?? 20;
  const said = new Map<string, number>();
  const copied = new Map<string, number>();
  // feature → function → [records with a step of it, records saying the feature twice or more, of which enough steps]
  const together = new Map<string, Map<string, [number, number, number]>>();
  for (const record of records) {
    const planWords = new Set(record.steps.flatMap(wordsOf));
    const functions = new Map<string, number>();
    for (const name of record.functions) functions.set(name, (functions.get(name) ?? 0) + 1);
    for (const [feature, times] of requestFeatures(record.query)) {
      said.set(feature, (said.get(feature) ?? 0) + 1);
      if (feature.split(" ").every((word) => planWords.has(word))) copied.set(feature, (copied.get(feature) ?? 0) + 1);
      const counts = together.get(feature) ?? new Map<string, [number, number, number]>();
      together.set(feature, counts);
      for (const [name, steps] of functions) {
        const entry = counts.get(name) ?? [0, 0, 0];
        entry[0]++;
        if (times >= 2) {
          entry[1]++;
          if (steps >= times) entry[2]++;
        }
        counts.set(name, entry);
      }
    }
  }
  const intents: Record<string, Array<[string, boolean]>> = {};
  for (const [feature, count] of said) {
    if (count < minCount || feature.split(" ").some(isFunctionWord)) continue;
    const mostlyCopied = (copied.get(feature) ?? 0) >= count / 2;
    for (const [name, [withStep, twice, enough]] of together.get(feature)!) {
      if (withStep < count * minRatio) continue;
      const counted = twice >= minCountedRecords && enough >= twice * minRatio;
      if (mostlyCopied && !counted) continue;
      (intents[feature] ??= []).push([name, counted]);
    }
  }
  return { stepFunctions: learnStepFunctions(records), intents };
}

/**
 * The steps the plan leaves out, one entry per missing step, as "function (feature)": a function needs as many steps
 * as the most any of its intent words asks for.
 */
export function missingIntents(request: string | ReadonlyMap<string, number>, steps: readonly string[], intentWords: IntentWords): string[] {
  return missingSteps(request, steps, intentWords).map(({ name, feature }) => `${name} ("${feature}")`);
}

/** missingIntents' steps as the function and the intent word (feature) that asks for each. */
export function missingSteps(request: string | ReadonlyMap<string, number>, steps: readonly string[], intentWords: IntentWords): Array<{ name: string; feature: string }> {
  const features = typeof request === "string" ? requestFeatures(request) : request;
  const needed = new Map<string, { steps: number; feature: string }>();
  for (const [feature, times] of features) {
    for (const [name, counted] of intentWords.intents[feature] ?? []) {
      const count = counted ? times : 1;
      if (count > (needed.get(name)?.steps ?? 0)) needed.set(name, { steps: count, feature });
    }
  }
  if (needed.size === 0) return [];
  const planned = new Map<string, number>();
  for (const step of steps) {
    const name = stepFunction(step, intentWords.stepFunctions);
    if (name !== undefined) planned.set(name, (planned.get(name) ?? 0) + 1);
  }
  const missing: Array<{ name: string; feature: string }> = [];
  for (const [name, { steps: count, feature }] of needed) {
    for (let have = planned.get(name) ?? 0; have < count; have++) missing.push({ name, feature });
  }
  return missing;
}

/** The functions the intent words of `text` ask for. */
export function askedFunctions(text: string, intentWords: IntentWords): Set<string> {
  return new Set([...requestFeatures(text).keys()].flatMap((feature) => (intentWords.intents[feature] ?? []).map(([name]) => name)));
}
