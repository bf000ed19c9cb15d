// Support words: the other side of intent words (intent-words.ts). An intent word asks for a step ("louder" → a
// set_volume step in 99% of the records that say it); a support word allows one: a request word, word pair or word
// stem said in at least one training record in a thousand (and 20), at least 30% of which have a step of that
// function ("weather", "how many", "print" for "printing"). A step whose function no word of its request supports
// is what a small planner writes when it has not understood ("how many tablespoons in a cup" planned as a text
// message to "many"), or when it goes on after the request is done ("…, and look for my tax return" + "Increase
// screen brightness by 20%"). The planner's decoder searches such a plan again (agent/plan-search.ts).
//
// The rule is kept only when the training plans hold to it: at most 0.5% of them may have an unsupported step (on
// the full demo's data 0.27%, mostly requests that say only what is wrong: "screen's too bright"). At 40% instead of
// 30%, 0.5% of the fast demo's 18k requests break it, so it would be learnt or not by chance. People say only what
// is wrong more often ("do I need a coat today", "I'm in a meeting, no interruptions please"), so the decoder keeps
// a plan its search finds only when it has fewer unsupported steps and leaves out no more; a right plan is lost when
// its step is unsupported and a supported one fits as well ("meeting" supports a text message).
//
// Deliberately left out: support by clause (a word anywhere in the request supports every step), the probability
// of a function given a word (one word is enough), and a real stemmer (stem() only strips -ing, -ed, -es and -s).
import { SPECIAL_TAG } from "./tokens.js";
import { isFunctionWord, requestFeatures, stepFunction, stepWords, type PlannedRecord } from "./intent-words.js";

/** Request word, pair of neighbouring words or word stem → the functions whose steps it supports. */
export type SupportWords = Record<string, string[]>;

export interface SupportWordOptions {
  /** Ignore words said in fewer training records than this (default one in a thousand records, at least 20). */
  minCount?: number;
  /** Share of a word's records with a step of the function, for the word to support it (default 0.3). */
  minRatio?: number;
  /** Largest share of training plans with an unsupported step for the rule to be kept (default 0.005). */
  maxBroken?: number;
}

/** What the decoder asks of a request's support words (supportCheck). */
export interface SupportCheck {
  /** The indices of a plan's steps whose function no word of the request supports. */
  unsupported(steps: readonly string[]): number[];
  /** How many of a plan's steps begin as no training step of any function did (the planner's garbage). */
  unknown(steps: readonly string[]): number;
  /** Whether a step's text so far may stand: no special tag, and it decides a supported function or may still begin one. */
  allows(stepText: string): boolean;
  /** Whether a step may close with this text: it decides a supported function. */
  closes(stepText: string): boolean;
}

/** The support words of `records` (steps mapped to functions by `stepFunctions`), or none when too many plans break the rule. */
export function learnSupportWords(
  records: readonly PlannedRecord[],
  stepFunctions: Readonly<Record<string, string>>,
  options: SupportWordOptions = {},
): SupportWords | undefined {
  // Relative, so that the fast demo's 18k requests learn the rule too (at 50 their plans break it 1.4% of the time).
  const minCount = options.minCount ?? Math.max(20, Math.round(records.length / 1000));
  const minRatio = options.minRatio ?? 0.3;
  const said = new Map<string, number>();
  const withFunction = new Map<string, Map<string, number>>();
  // Each request's features, read once: for the counts here and for the check of the rule below.
  const featuresOf = records.map((record) => supportFeatures(record.query));
  records.forEach((record, index) => {
    const functions = new Set(record.functions);
    for (const feature of featuresOf[index]!) {
      if (feature.split(" ").some(isFunctionWord)) continue;
      said.set(feature, (said.get(feature) ?? 0) + 1);
      const counts = withFunction.get(feature) ?? new Map<string, number>();
      for (const name of functions) counts.set(name, (counts.get(name) ?? 0) + 1);
      withFunction.set(feature, counts);
    }
  });
  const support: SupportWords = {};
  for (const [feature, count] of said) {
    if (count < minCount) continue;
    for (const [name, together] of withFunction.get(feature)!) if (together >= count * minRatio) (support[feature] ??= []).push(name);
  }
  // A pair adds nothing for a function that one of its words supports alone: a request with the pair has the word.
  for (const [feature, names] of Object.entries(support)) {
    const words = feature.split(" ");
    if (words.length === 1) continue;
    const own = names.filter((name) => !words.some((word) => support[word]?.includes(name)));
    if (own.length === 0) delete support[feature];
    else support[feature] = own;
  }
  const broken = records.filter((record, index) => unsupportedIn(supportedFunctions(featuresOf[index]!, support), record.steps, stepFunctions).length > 0).length;
  return broken <= records.length * (options.maxBroken ?? 0.005) ? support : undefined;
}

/** The steps of a plan for `request` whose function (by `stepFunctions`) none of the request's words supports. */
export function unsupportedSteps(request: string, steps: readonly string[], support: SupportWords, stepFunctions: Readonly<Record<string, string>>): number[] {
  return unsupportedIn(supportedBy(request, support), steps, stepFunctions);
}

/** The functions the words of `text` (a request or one of its clauses) support. */
export function supportedBy(text: string, support: SupportWords): Set<string> {
  return supportedFunctions(supportFeatures(text), support);
}

function supportedFunctions(features: ReadonlySet<string>, support: SupportWords): Set<string> {
  return new Set([...features].flatMap((feature) => support[feature] ?? []));
}

/** The indices of the steps whose function (by `stepFunctions`) is not in `supported`; steps of no known function pass. */
function unsupportedIn(supported: ReadonlySet<string>, steps: readonly string[], stepFunctions: Readonly<Record<string, string>>): number[] {
  return steps.flatMap((step, index) => {
    const name = stepFunction(step, stepFunctions);
    return name === undefined || supported.has(name) ? [] : [index];
  });
}

/**
 * A request's words and pairs of neighbouring words (intent-words.ts), and each word's stem: "printing" supports a
 * print as "print" does, though the generator rarely says it.
 */
export function supportFeatures(request: string): Set<string> {
  const features = new Set(requestFeatures(request).keys());
  for (const feature of [...features]) if (!feature.includes(" ")) features.add(stem(feature));
  return features;
}

/** A crude English stem: "printing", "printed", "prints" → "print"; "shopping" → "shop"; "videos" → "video". */
export function stem(word: string): string {
  const suffix = /^(.{3,}?)(ing|ed|es|s)$/.exec(word);
  if (!suffix || (suffix[2] === "s" && word.endsWith("ss"))) return word;
  const base = suffix[1]!;
  // "shopp" → "shop", but "call" and "press" stay.
  return suffix[2] !== "s" && suffix[2] !== "es" && /([b-df-hj-np-tv-z])\1$/.test(base) && !/(ll|ss|ff|zz)$/.test(base) ? base.slice(0, -1) : base;
}

/** The support check for one request, read once (the decoder checks every plan it ends, and every token of a re-decoded step). */
export function supportCheck(request: string, support: SupportWords, stepFunctions: Readonly<Record<string, string>>): SupportCheck {
  const supported = supportedBy(request, support);
  // For each beginning's first words ("", "search"), the words that may follow ("search", "youtube") and the
  // functions a step that goes on so can still call: what a step still being written may go on with.
  const nextWords = new Map<string, Map<string, Set<string>>>();
  for (const [beginning, name] of Object.entries(stepFunctions)) {
    beginning.split(" ").forEach((word, index, words) => {
      const before = words.slice(0, index).join(" ");
      const next = nextWords.get(before) ?? new Map<string, Set<string>>();
      nextWords.set(before, next.set(word, (next.get(word) ?? new Set()).add(name)));
    });
  }
  return {
    unsupported: (steps) => unsupportedIn(supported, steps, stepFunctions),
    unknown: (steps) => steps.filter((step) => stepFunction(step, stepFunctions) === undefined).length,
    closes: (stepText) => supported.has(stepFunction(stepText, stepFunctions) ?? ""),
    allows: (stepText) => {
      if (stepText.search(SPECIAL_TAG) >= 0) return false;
      const words = stepWords(stepText);
      // The last word is still being written unless a space follows it ("Send a" may become "Send an").
      const [complete, open] = /\s$/.test(stepText) ? [words, ""] : [words.slice(0, -1), words.at(-1) ?? ""];
      const name = stepFunction(complete.join(" "), stepFunctions);
      if (name !== undefined) return supported.has(name);
      const next = nextWords.get(complete.join(" ")) ?? new Map<string, Set<string>>();
      return [...next].some(([word, names]) => word.startsWith(open) && [...names].some((reachable) => supported.has(reachable)));
    },
  };
}
