// Insertion noise for a planner's training requests (train's `insertNoise`): in a share of the requests, one or two
// random English words are put between two words ("set an alarm for 7 bluejay and turn on do not disturb"). Filler
// noise (filler-noise.ts) teaches that an unknown word in a filler's place changes nothing; people also add words
// where the generator has none ("the wedding guest list thing", "connect my speaker real quick"), and a planner trained
// from scratch reads each such word as a new clause. Here it learns to plan through them.
//
// A word is never put inside a phrase the request shares with one of its steps (between "guest" and "list" when a
// step writes "guest list"), so what the steps copy stays whole; nor before the first word or after the last.
// Deliberately left out: noise in the steps, deleting or swapping words (they would change what a step may copy),
// and the action model (its inputs are the planner's own steps).
import type { DatasetRecord } from "../data/index.js";
import { Random } from "./random.js";
import { noiseRequests, randomWordList } from "./request-noise.js";

/** A noised request gets 1 to this many words. */
export const MAX_INSERTED_WORDS = 2;

const normalize = (token: string) => token.toLowerCase().replace(/[^a-z0-9]/g, "");

export interface InsertNoiseOptions {
  /** Share of the requests that get noise (0 = none). */
  share: number;
  seed: number;
  /** Default: randomWordList(). */
  words?: readonly string[];
}

/** The records with 1–2 random words inserted in `share` of their requests (new objects; steps and calls unchanged). */
export function addInsertNoise(records: readonly DatasetRecord[], options: InsertNoiseOptions): { records: DatasetRecord[]; noised: number } {
  // Off (every training run calls this): do not load the word list.
  if (!(options.share > 0)) return { records: [...records], noised: 0 };
  const words = options.words ?? randomWordList();
  // Its own stream: the same seed as filler noise must not draw the same requests for both.
  const random = Random.fromSeed(options.seed ^ 0x5eed1);
  return noiseRequests(records, options.share, random, (record) => {
    const stepText = ` ${(record.steps ?? []).join(" ").toLowerCase().replace(/[^a-z0-9 ]/g, "").replace(/\s+/g, " ")} `;
    const tokens = record.query.split(" ");
    const count = 1 + random.int(MAX_INSERTED_WORDS);
    let inserted = 0;
    for (let k = 0; k < count; k++) {
      // Boundary i is between tokens[i - 1] and tokens[i]; a pair a step writes is not split.
      const boundaries: number[] = [];
      for (let i = 1; i < tokens.length; i++) {
        if (!stepText.includes(` ${normalize(tokens[i - 1]!)} ${normalize(tokens[i]!)} `)) boundaries.push(i);
      }
      if (boundaries.length === 0) break;
      tokens.splice(boundaries[random.int(boundaries.length)]!, 0, words[random.int(words.length)]!);
      inserted++;
    }
    return inserted > 0 ? tokens.join(" ") : undefined;
  });
}
