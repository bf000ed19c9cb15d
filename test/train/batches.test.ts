import { describe, expect, it } from "vitest";
import { planEpoch, batchesPerEpoch } from "../../src/train/batches.js";
import { makeBatch, tokenizeExamples, type TokenizedExample } from "../../src/train/examples.js";
import { Random } from "../../src/train/random.js";

function examples(count: number): TokenizedExample[] {
  return Array.from({ length: count }, (_, index) => ({
    id: String(index),
    tokens: Array.from({ length: 3 + ((index * 7) % 11) }, (_, t) => t + index),
    promptLength: 2,
  }));
}

describe("planEpoch", () => {
  it("covers every example once, is seeded, and differs between epochs", () => {
    const items = examples(50);
    const first = planEpoch(items, 4, 1, 0);
    expect(first.flat().sort((a, b) => a - b)).toEqual(items.map((_, index) => index));
    expect(first.length).toBe(batchesPerEpoch(50, 4));
    expect(planEpoch(items, 4, 1, 0)).toEqual(first);
    expect(planEpoch(items, 4, 1, 1)).not.toEqual(first);
    expect(planEpoch(items, 4, 2, 0)).not.toEqual(first);
  });

  it("buckets by length so a batch pads little", () => {
    const items = examples(64);
    for (const batch of planEpoch(items, 4, 3, 0)) {
      const lengths = batch.map((index) => items[index]!.tokens.length);
      // sorted within the window: each batch is a run of the sorted order
      expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    }
  });
});

describe("makeBatch", () => {
  it("shifts labels by one, masks the prompt and the padding", () => {
    const batch = makeBatch([
      { id: "a", tokens: [10, 11, 12, 13], promptLength: 2 },
      { id: "b", tokens: [20, 21, 22], promptLength: 1 },
    ]);
    expect(batch.length).toBe(3);
    expect(batch.rows).toBe(2);
    expect([...batch.inputs]).toEqual([10, 11, 12, 20, 21, 0]);
    expect([...batch.labels]).toEqual([11, 12, 13, 21, 22, 0]);
    // a: label 11 is prompt; 12, 13 are targets. b: 21, 22 are targets; the pad is not.
    expect([...batch.mask]).toEqual([0, 1, 1, 1, 1, 0]);
    expect(batch.targetTokens).toBe(4);
    expect(batch.tokens).toBe(5);
  });
});

describe("tokenizeExamples", () => {
  const characters = { encode: (text: string) => [...text].map((character) => character.charCodeAt(0)) };
  it("keeps the prompt/target boundary and truncates to the context", () => {
    const result = tokenizeExamples(
      [
        { id: "short", prompt: "ab", target: "cd" },
        { id: "long", prompt: "abc", target: "defghij" },
        { id: "no-target-left", prompt: "abcdefghijk", target: "z" },
      ],
      characters,
      5,
    );
    expect(result.examples.map((example) => example.id)).toEqual(["short", "long"]);
    expect(result.examples[0]!.promptLength).toBe(2);
    expect(result.examples[1]!.tokens.length).toBe(6);
    expect(result.truncated).toBe(1);
    expect(result.dropped).toBe(1);
  });
});

describe("Random", () => {
  it("is seeded and resumes from its state", () => {
    const random = Random.fromSeed(42);
    random.next();
    const state = random.getState();
    const expected = [random.next(), random.next(), random.nextUint32()];
    const resumed = Random.fromState(state);
    expect([resumed.next(), resumed.next(), resumed.nextUint32()]).toEqual(expected);
    expect(Random.fromSeed(42).next()).not.toBe(Random.fromSeed(43).next());
    const values = Array.from({ length: 1000 }, () => random.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });
});
