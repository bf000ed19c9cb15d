// What the two kinds of request noise (filler-noise.ts, insert-noise.ts) share: the English words they draw from, and
// the walk over the records that picks a share of the requests and rewrites them. Only the request changes; steps,
// functions and calls stay as they are, so the plan a model learns is the same with and without the noise.
import { createRequire } from "node:module";
import type { DatasetRecord } from "../data/index.js";
import type { Random } from "./random.js";

let englishWords: readonly string[] | undefined;

/** Lower-case English words of 3 to 10 letters (the an-array-of-english-words package, MIT), loaded once. */
export function randomWordList(): readonly string[] {
  englishWords ??= (createRequire(import.meta.url)("an-array-of-english-words") as string[]).filter((word) => /^[a-z]{3,10}$/.test(word));
  return englishWords;
}

/**
 * The records with `rewrite` applied to `share` of their requests (new objects; the input is not modified). For each
 * record, `random` first decides whether it is picked; `rewrite` then draws from the same stream and returns the new
 * request, or undefined to leave it unchanged (not counted as noised). Off at share 0.
 */
export function noiseRequests(
  records: readonly DatasetRecord[],
  share: number,
  random: Random,
  rewrite: (record: DatasetRecord) => string | undefined,
): { records: DatasetRecord[]; noised: number } {
  if (!(share > 0)) return { records: [...records], noised: 0 };
  let noised = 0;
  const result = records.map((record) => {
    if (random.next() >= share) return record;
    const query = rewrite(record);
    if (query === undefined) return record;
    noised++;
    return { ...record, query };
  });
  return { records: result, noised };
}
