// The training graph against references computed here in float64: the masked loss (with decision labels counted
// k times), its gradient (central finite differences) and accumulation over micro-batches; and that its AdamW steps drive the loss
// down (AdamW's own numbers are checked in optimizer.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Ggml, type ParameterContext } from "../../src/ggml/index.js";
import type { TrainingGraph } from "../../src/train/graph.js";
import { makeBatch, type Batch } from "../../src/train/examples.js";
import { createBigramGraph } from "../helpers/bigram-graph.js";

const V = 11;
const d = 6;
let ggml: Ggml;
let store: ParameterContext;
let graph: TrainingGraph;

// A bigram model: logits[:, t] = W_out · E[:, token_t]. Small enough for a float64 reference.
function referenceLoss(embedding: Float32Array, output: Float32Array, batch: Batch): number {
  let total = 0;
  for (let row = 0; row < batch.length * batch.rows; row++) {
    const weight = batch.mask[row]!;
    if (!weight) continue;
    const token = batch.inputs[row]!;
    const logits = Array.from({ length: V }, (_, v) => {
      let sum = 0;
      for (let k = 0; k < d; k++) sum += output[v * d + k]! * embedding[token * d + k]!;
      return sum;
    });
    const max = Math.max(...logits);
    const logSum = Math.log(logits.reduce((sum, value) => sum + Math.exp(value - max), 0)) + max;
    total += weight * (logSum - logits[batch.labels[row]!]!);
  }
  return total / batch.targetTokens;
}

const batchA = makeBatch([
  { id: "a", tokens: [1, 2, 3, 4, 5, 6], promptLength: 3 },
  { id: "b", tokens: [7, 2, 9], promptLength: 1 },
]);
const batchB = makeBatch([{ id: "c", tokens: [3, 3, 8, 10, 0], promptLength: 2 }]);
// Tokens 4 and 6 of "a" are decisions (a step start and a closer, say), counted 3 times each.
const weighted = makeBatch([
  { id: "a", tokens: [1, 2, 3, 4, 5, 6], promptLength: 3, decisions: [3, 5] },
  { id: "b", tokens: [7, 2, 9], promptLength: 1, decisions: [1] },
], 3);

beforeAll(() => {
  ggml = Ggml.createSync({ threads: 2 });
  ({ store, graph } = createBigramGraph(ggml, { vocabularySize: V, dimension: d, seed: 7, range: 1 }));
});

afterAll(() => {
  graph.dispose();
  store.dispose();
  ggml.dispose();
});

/** Accumulates `batch` and checks both weight gradients against central finite differences of referenceLoss. */
function expectFiniteDifferenceGradients(batch: Batch): void {
  graph.zeroGradients();
  graph.accumulate(batch, 1, 0);
  for (const name of ["token_embd.weight", "output.weight"]) {
    const gradient = graph.readGradient(name);
    const weights = store.read(name);
    const probe = (index: number, delta: number) => {
      const changed = Float64Array.from(weights);
      changed[index]! += delta;
      const embedding = name === "token_embd.weight" ? Float32Array.from(changed) : store.read("token_embd.weight");
      const output = name === "output.weight" ? Float32Array.from(changed) : store.read("output.weight");
      return referenceLoss(embedding, output, batch);
    };
    const h = 1e-3;
    let checked = 0;
    for (let index = 0; index < weights.length; index++) {
      const numeric = (probe(index, h) - probe(index, -h)) / (2 * h);
      expect(gradient[index]).toBeCloseTo(numeric, 3);
      if (Math.abs(numeric) > 1e-3) checked++;
    }
    expect(checked).toBeGreaterThan(5);
  }
}

describe("TrainingGraph", () => {
  it("computes the mean cross-entropy over target tokens only (prompt and padding masked)", () => {
    const expected = referenceLoss(store.read("token_embd.weight"), store.read("output.weight"), batchA);
    expect(graph.evalLoss(batchA)).toBeCloseTo(expected, 5);
    graph.zeroGradients();
    expect(graph.accumulate(batchA, 1, 0)).toBeCloseTo(expected, 5);
  });

  it("back-propagates the gradient of that loss (central finite differences)", () => {
    expectFiniteDifferenceGradients(batchA);
    // Token 0 is only ever padding (masked rows) and token 9 never an input: their embedding rows
    // get exactly zero gradient, so masked rows send nothing back.
    const embeddingGradient = graph.readGradient("token_embd.weight");
    for (const token of [0, 9]) expect([...embeddingGradient.subarray(token * d, (token + 1) * d)].every((value) => value === 0)).toBe(true);
  });

  it("counts a decision label k times, in the loss and its gradient", () => {
    expect(weighted.targetTokens).toBe(batchA.targetTokens + 3 * 2);
    expect([...weighted.mask].filter((count) => count === 3)).toHaveLength(3);
    const expected = referenceLoss(store.read("token_embd.weight"), store.read("output.weight"), weighted);
    expect(Math.abs(expected - referenceLoss(store.read("token_embd.weight"), store.read("output.weight"), batchA))).toBeGreaterThan(1e-3);
    expect(graph.evalLoss(weighted)).toBeCloseTo(expected, 5);
    expectFiniteDifferenceGradients(weighted);
  });

  it("accumulates micro-batches: scale·g(A) + scale·g(B)", () => {
    graph.zeroGradients();
    graph.accumulate(batchA, 1, 0);
    const gradientA = graph.readGradient("output.weight");
    graph.zeroGradients();
    graph.accumulate(batchB, 1, 0);
    const gradientB = graph.readGradient("output.weight");
    graph.zeroGradients();
    graph.accumulate(batchA, 0.5, 0);
    graph.accumulate(batchB, 0.5, 0);
    const both = graph.readGradient("output.weight");
    both.forEach((value, index) => expect(value).toBeCloseTo(0.5 * gradientA[index]! + 0.5 * gradientB[index]!, 6));
    const norm = Math.sqrt(
      [...graph.readGradient("token_embd.weight"), ...both].reduce((sum, value) => sum + value * value, 0),
    );
    expect(graph.gradientNorm()).toBeCloseTo(norm, 6);
  });

  it("drives the loss down", () => {
    const first = graph.evalLoss(batchA);
    for (let iteration = 1; iteration <= 20; iteration++) {
      graph.zeroGradients();
      graph.accumulate(batchA, 1, 0);
      graph.optimizerStep({ lr: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0, iteration, gradientScale: 1 });
    }
    expect(graph.evalLoss(batchA)).toBeLessThan(first * 0.5);
  });
});
