// What an ended plan leaves out of its request: cover words (grounding.ts) that none of its steps contains, and
// steps that its intent words (intent-words.ts) ask for. The planner's decoder searches again while a plan leaves
// something out, and keeps the plan that leaves out least.
import { uncoveredWords, wordsOf } from "./grounding.js";
import { missingIntents, requestFeatures, type IntentWords } from "./intent-words.js";

export interface LeftOutRules {
  coverWords?: ReadonlySet<string>;
  intentWords?: IntentWords;
}

/** Counts, for plans of `request`, the cover words and intended steps they leave out (the request is read once). */
export function leftOutCounter(request: string, rules: LeftOutRules): (steps: readonly string[]) => number {
  const { coverWords, intentWords } = rules;
  const words = coverWords && coverWords.size > 0 ? new Set(wordsOf(request)) : undefined;
  const features = intentWords ? requestFeatures(request) : undefined;
  return (steps) => (words && coverWords ? uncoveredWords(words, steps, coverWords).length : 0)
    + (features && intentWords ? missingIntents(features, steps, intentWords).length : 0);
}
