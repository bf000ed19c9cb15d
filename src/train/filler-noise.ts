// Filler noise for a planner's training requests (train's `fillerNoise`): in a share of the requests, some of the
// filler words ("please", "hey", "could", "quick", "thanks") become random English words ("Shipboard snap a picture
// of the receipt and email it to Emily asap flirts"). People word their requests with fillers the generator never
// used, and a planner trained from scratch on the generator's few hundred fillers treats an unknown one as content:
// it makes up a step or drops one. With the noise it is meant to learn that such words do not change the plan.
// Measured (docs/RESULTS.md, sessions 11–12): +8.7 of 152 requests on the two hand-written sets it was designed from,
// but over three seed pairs a wash (−0.7 of 65 on the third set, −6 of the 570 held-out on average); in the fast
// demo's 2600 steps it cost 7 points held-out.
//
// A filler word is found from the data, not listed: a word of at least 100 requests whose presence raises no
// function's share of the requests by 60% or more (max over f of P(f | word) / P(f) < 1.6), with no digit. Words that
// order steps or say which way ("then", "before", "up") are never fillers, and a word a step of the same request
// contains is kept (it may be copied). Deliberately left out: noise in the steps, other kinds of words, and the
// action model (its inputs are the planner's own steps).
import type { DatasetRecord } from "../data/index.js";
import { Random } from "./random.js";
import { noiseRequests, randomWordList } from "./request-noise.js";

/** Each filler word of a noised request becomes a random word with this probability. */
export const FILLER_REPLACE_RATE = 0.4;
const MIN_REQUESTS = 100;
const MAX_LIFT = 1.6;
/** Words that carry order, direction or reference, which a step's meaning depends on even when no step writes them. */
const NEVER_FILLER = new Set(["then", "after", "before", "once", "but", "and", "n", "when", "also", "first", "finally", "next", "up", "down", "more", "less", "that", "that's", "there", "so", "done", "it", "them"]);

const requestWords = (text: string) => text.toLowerCase().replace(/[^a-z0-9' ]/g, " ").split(/\s+/).filter(Boolean);

/** The filler words of these requests (see the file comment). */
export function fillerWords(records: readonly DatasetRecord[]): Set<string> {
  const requestsWith = new Map<string, number>();
  const functionShare = new Map<string, number>();
  const together = new Map<string, Map<string, number>>();
  for (const record of records) {
    const functions = new Set(record.functions);
    for (const name of functions) functionShare.set(name, (functionShare.get(name) ?? 0) + 1 / records.length);
    for (const word of new Set(requestWords(record.query))) {
      requestsWith.set(word, (requestsWith.get(word) ?? 0) + 1);
      const counts = together.get(word) ?? new Map<string, number>();
      for (const name of functions) counts.set(name, (counts.get(name) ?? 0) + 1);
      together.set(word, counts);
    }
  }
  const fillers = new Set<string>();
  for (const [word, count] of requestsWith) {
    if (count < MIN_REQUESTS || /\d/.test(word) || NEVER_FILLER.has(word)) continue;
    const lift = Math.max(...[...functionShare].map(([name, share]) => (together.get(word)!.get(name) ?? 0) / count / share));
    if (lift < MAX_LIFT) fillers.add(word);
  }
  return fillers;
}

export interface FillerNoiseOptions {
  /** Share of the requests that get noise (0 = none). */
  share: number;
  seed: number;
  /** Default: fillerWords(records). */
  fillers?: ReadonlySet<string>;
  /** Default: randomWordList(). */
  words?: readonly string[];
}

/** The records with filler noise in `share` of their requests (new objects; the steps and calls are unchanged). */
export function addFillerNoise(records: readonly DatasetRecord[], options: FillerNoiseOptions): { records: DatasetRecord[]; noised: number } {
  // Off (every training run calls this): neither count the fillers nor load the word list.
  if (!(options.share > 0)) return { records: [...records], noised: 0 };
  const fillers = options.fillers ?? fillerWords(records);
  const words = options.words ?? randomWordList();
  const random = Random.fromSeed(options.seed);
  return noiseRequests(records, options.share, random, (record) => {
    const inSteps = new Set((record.steps ?? []).flatMap(requestWords));
    let changed = false;
    const query = record.query.split(" ").map((token) => {
      const match = /^([A-Za-z']+)([?.!,]?)$/.exec(token);
      const word = match?.[1]!.toLowerCase();
      if (!match || !word || !fillers.has(word) || inSteps.has(word) || random.next() >= FILLER_REPLACE_RATE) return token;
      changed = true;
      const replacement = words[random.int(words.length)]!;
      const capital = match[1]![0] !== match[1]![0]!.toLowerCase();
      return (capital ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement) + match[2];
    }).join(" ");
    return changed ? query : undefined;
  });
}
