// Grounded plan steps: a step may not name a person, address, device or message the request never said.
// A small planner that fails to copy an entity writes a frequent one from training instead ("email
// maria.garcia@yahoo.com" planned as "Email … to m.brown@globex.com"), and the agent would then act on
// somebody else. Which words must be copied is learnt from the training data itself: a "copy word" is a step
// word that, in (nearly) every training record where a step uses it, the request also contains. Template words
// ("Send", "calendar") and derived values ("11:00 AM" for "in two hours", "8" for "louder") fail that test and
// stay free. The planner's decoder (agent/distinct-steps.ts) backtracks out of a step that writes a copy word the
// request does not contain.
//
// The other direction catches the planner's most common error, a skipped intent: a "cover word" is a request word
// that (nearly) every training plan repeats ("Dublin", "Priya", "NDA"). A plan about to end while a cover word of the
// request is in none of its steps has probably left a clause out, so the decoder searches for a plan that covers it.
//
// Presence is forgiving: a request word within a small edit distance counts ("conefrence" for "conference"), so
// a typo in the request neither hides a copy word in training nor blocks it when planning; so does a part of a word
// ("ORD" in "ORD-Madrid").
// Deliberately left out: multi-word entities as units (each word is checked on its own, which is enough to catch
// a substituted name or address) and words seen fewer than `minCount` times (nothing is known about them).

import { SPECIAL_TAG } from "./tokens.js";

export interface CopyWordOptions {
  /** Ignore words used in fewer training records than this (default 50: a rare template is not evidence). */
  minCount?: number;
  /** Share of a word's records whose request contains it, for it to be a copy word (default 0.98). */
  minRatio?: number;
}

const SAMPLE = 200;
const EDGE_PUNCTUATION = /^["'“”‘’([]+|["'“”‘’)\].,!?;:]+$/g;

// Words are split at spaces, at the punctuation of a call ("<nexa_3>('Maria', 'hi')") and at special tokens, so
// the same lists serve a planner (request → steps) and an action model (prompt → call). Tags become spaces of the
// same length, so that a word's position is its position in the text.
const WORD = /[^\s(),=]+/g;

interface WordSpan {
  word: string;
  start: number;
  end: number;
}

/** The words of a text with their places, as the grounding check compares them (see wordsOf). */
function wordSpans(text: string): WordSpan[] {
  const untagged = text.replace(SPECIAL_TAG, (tag) => " ".repeat(tag.length));
  return [...untagged.matchAll(WORD)]
    .map((match) => ({ word: bare(match[0].toLowerCase()), start: match.index, end: match.index + match[0].length }))
    .filter((span) => span.word !== "");
}

/** The words of a text as the grounding check compares them: lower case, edge punctuation and "'s" removed. */
export function wordsOf(text: string): string[] {
  return wordSpans(text).map((span) => span.word);
}

function bare(word: string): string {
  return word.replace(EDGE_PUNCTUATION, "").replace(/['’]s$/, "");
}

/** A request's words: a decoder that checks many steps against one request passes them once, as a set. */
export type RequestWords = string | ReadonlySet<string>;

function requestWordSet(request: RequestWords): ReadonlySet<string> {
  return typeof request === "string" ? new Set(wordsOf(request)) : request;
}

/** Edit distance with adjacent swaps (optimal string alignment), stopping once it must exceed `limit`. */
export function withinDistance(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return false;
    before = previous;
    previous = current;
  }
  return previous[b.length]! <= limit;
}

/**
 * True when `word` is in the request: as a word, inside one ("ord" in "ORD-Madrid"), or as a near miss of one
 * (1 edit up to 5 letters, 2 beyond; none under 4).
 */
export function isSaid(word: string, requestWords: ReadonlySet<string>): boolean {
  if (requestWords.has(word)) return true;
  for (const candidate of requestWords) if (candidate.includes(word)) return true;
  if (word.length < 4) return false;
  const limit = word.length <= 5 ? 1 : 2;
  for (const candidate of requestWords) if (withinDistance(word, candidate, limit)) return true;
  return false;
}

/**
 * Short words and short numbers are never copy words: "a" is inside every request, and "12" or "40%" is as often
 * worked out ("5 nights starting December 7") as copied. Phone numbers and addresses stay.
 */
function mayBeCopied(word: string): boolean {
  return word.length >= 3 && !(word.length <= 5 && !/\p{L}/u.test(word));
}

/** The copy words of a training set (see the file comment), sorted. */
export function learnCopyWords(records: Iterable<{ query: string; steps: readonly string[] }>, options: CopyWordOptions = {}): string[] {
  const minCount = options.minCount ?? 50;
  const minRatio = options.minRatio ?? 0.98;
  const used = new Map<string, number>();
  const said = new Map<string, number>();
  // Exact presence first; the near-miss check is slow, so it runs only for words that could still qualify.
  const unsaid = new Map<string, Array<ReadonlySet<string>>>();
  for (const record of records) {
    const requestWords = new Set(wordsOf(record.query));
    for (const word of new Set(record.steps.flatMap(wordsOf))) {
      used.set(word, (used.get(word) ?? 0) + 1);
      if (requestWords.has(word)) said.set(word, (said.get(word) ?? 0) + 1);
      else {
        const list = unsaid.get(word) ?? [];
        if (list.length < SAMPLE) list.push(requestWords);
        unsaid.set(word, list);
      }
    }
  }
  const words: string[] = [];
  for (const [word, count] of used) {
    if (count < minCount || !mayBeCopied(word)) continue;
    const missing = count - (said.get(word) ?? 0);
    const sample = unsaid.get(word) ?? [];
    // Past SAMPLE misses, the near-miss share of the first SAMPLE stands for all of them.
    const nearMissShare = sample.length === 0 ? 0 : sample.filter((requestWords) => isSaid(word, requestWords)).length / sample.length;
    if (missing * (1 - nearMissShare) <= count * (1 - minRatio)) words.push(word);
  }
  return words.sort();
}

/** The cover words of a training set (see the file comment), sorted: request words every plan repeats. */
export function learnCoverWords(records: Iterable<{ query: string; steps: readonly string[] }>, options: CopyWordOptions = {}): string[] {
  const minCount = options.minCount ?? 50;
  // Every plan, by default: a word that some plans leave out ("meeting" in "I'm going into a meeting", 7 of 2215)
  // would send the search after a clause that is not there.
  const minRatio = options.minRatio ?? 1;
  const asked = new Map<string, number>();
  const planned = new Map<string, number>();
  for (const record of records) {
    const planWords = new Set(record.steps.flatMap(wordsOf));
    for (const word of new Set(wordsOf(record.query))) {
      asked.set(word, (asked.get(word) ?? 0) + 1);
      if (planWords.has(word)) planned.set(word, (planned.get(word) ?? 0) + 1);
    }
  }
  return [...asked].filter(([word, count]) => count >= minCount && mayBeCopied(word) && (planned.get(word) ?? 0) >= count * minRatio)
    .map(([word]) => word).sort();
}

/** The cover words of the request that no step contains (forgivingly, as isSaid). */
export function uncoveredWords(request: RequestWords, steps: readonly string[], coverWords: ReadonlySet<string>): string[] {
  const planWords = new Set(steps.flatMap(wordsOf));
  return [...requestWordSet(request)].filter((word) => coverWords.has(word) && !isSaid(word, planWords));
}

/** The first copy word of `step` that `request` does not contain, with its position in the step's text. */
export function ungroundedWord(step: string, request: RequestWords, copyWords: ReadonlySet<string>): WordSpan | undefined {
  const requestWords = requestWordSet(request);
  return wordSpans(step).find((span) => copyWords.has(span.word) && !isSaid(span.word, requestWords));
}
