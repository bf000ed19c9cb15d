// The order of batches in one epoch: seeded shuffle, then length bucketing (sort by length
// inside windows of `bucketWindow` batches, cut into batches, shuffle the batch order).
// The plan for epoch e depends only on (seed, e), so a checkpoint stores just the data
// cursor {epoch, batch} and a resumed run rebuilds exactly the same batches.
import { Random } from "./random.js";
import type { TokenizedExample } from "./examples.js";

export interface DataCursor {
  epoch: number;
  /** Index of the next batch to train on within the epoch. */
  batch: number;
}

/** Lists of example indices, one list per batch. */
export function planEpoch(
  examples: readonly TokenizedExample[],
  batchSize: number,
  seed: number,
  epoch: number,
  bucketWindow = 16,
): number[][] {
  const random = Random.fromSeed((Math.imul(seed >>> 0, 1000003) + epoch * 7919 + 1) >>> 0);
  const order = random.shuffle(examples.map((_, index) => index));
  const batches: number[][] = [];
  const window = batchSize * bucketWindow;
  for (let start = 0; start < order.length; start += window) {
    // Stable sort by length: padding stays small without making the order deterministic in length.
    const chunk = order
      .slice(start, start + window)
      .sort((a, b) => examples[a]!.tokens.length - examples[b]!.tokens.length);
    for (let offset = 0; offset < chunk.length; offset += batchSize) batches.push(chunk.slice(offset, offset + batchSize));
  }
  return random.shuffle(batches);
}

export function batchesPerEpoch(exampleCount: number, batchSize: number, bucketWindow = 16): number {
  const window = batchSize * bucketWindow;
  const fullWindows = Math.floor(exampleCount / window);
  const rest = exampleCount - fullWindows * window;
  return fullWindows * bucketWindow + Math.ceil(rest / batchSize);
}
