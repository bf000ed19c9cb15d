// The moving average of the weights (src/train/weight-average.ts) against a float64 reference: the warm-up of the
// decay, the update after each step, the checkpoint round trip, and writing the average into the weights.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Ggml, ParameterContext } from "../../src/ggml/index.js";
import { WeightAverage } from "../../src/train/weight-average.js";

let ggml: Ggml;
let store: ParameterContext;
const names = ["blk.0.attn_q.weight", "output_norm.weight"] as const;
const shapes = { "blk.0.attn_q.weight": [3, 2], "output_norm.weight": [4] } as const;
/** The weights after steps 0 (initial), 1, 2, 3. */
const weightsAt = (name: (typeof names)[number], step: number) =>
  Float32Array.from({ length: name === "output_norm.weight" ? 4 : 6 }, (_, index) => Math.sin(index + 1 + 3 * step) * (step + 1));

beforeAll(() => {
  ggml = Ggml.createSync({ threads: 1 });
  store = ParameterContext.create(ggml, names.map((name) => ({ name, type: "F32" as const, shape: [...shapes[name]] })));
  // As in training, where AdamW flags them: ggml then counts each weight as a graph node, which the update must fit.
  for (const name of names) ggml.base.ggml_set_param(store.get(name).pointer);
});

afterAll(() => {
  store.dispose();
  ggml.dispose();
});

const trainable = () => names.map((name) => ({ name, tensor: store.get(name), decay: true }));
const setWeights = (step: number) => names.forEach((name) => store.write(name, weightsAt(name, step)));

function reference(name: (typeof names)[number], decay: number, steps: number): number[] {
  let average = Array.from(weightsAt(name, 0));
  for (let step = 1; step <= steps; step++) {
    const d = Math.min(decay, 1 - 1 / step);
    const weights = weightsAt(name, step);
    average = average.map((value, index) => d * value + (1 - d) * weights[index]!);
  }
  return average;
}

describe("WeightAverage", () => {
  it("follows avg ← d·avg + (1 − d)·w with the warmed-up decay, and writes the average into the weights", () => {
    setWeights(0);
    const average = WeightAverage.create(ggml, trainable(), 0.6);
    try {
      expect(average.decayAt(1)).toBe(0); // the mean of the weights so far: the initial ones never count …
      expect(average.decayAt(2)).toBe(0.5); // … until the window is full …
      expect(average.decayAt(3)).toBe(0.6); // … then the decay (1 − 1/3 > 0.6)
      let saved: ReturnType<WeightAverage["exportState"]> = [];
      for (let step = 1; step <= 3; step++) {
        setWeights(step);
        if (step === 3) saved = average.exportState();
        average.update(step);
      }
      average.copyIntoWeights();
      for (const name of names) {
        const got = store.read(name);
        reference(name, 0.6, 3).forEach((expected, index) => expect(got[index]).toBeCloseTo(expected, 6));
        // The average is not the last weights (or the test could not tell them apart).
        expect(Math.abs(got[0]! - weightsAt(name, 3)[0]!)).toBeGreaterThan(0.1);
      }
      // Restoring the average saved before step 3 and replaying it gives the same bits.
      const final = names.map((name) => store.read(name));
      average.importState(new Map(saved.map((tensor) => [tensor.name, tensor])));
      setWeights(3);
      average.update(3);
      average.copyIntoWeights();
      names.forEach((name, index) => expect(store.read(name)).toEqual(final[index]));
    } finally {
      average.dispose();
    }
  });

  it("refuses a checkpoint without the average, and a decay outside (0, 1)", () => {
    const average = WeightAverage.create(ggml, trainable(), 0.9);
    try {
      expect(() => average.importState(new Map())).toThrow(/no weight average 'blk\.0\.attn_q\.weight#ema'.*|emaDecay/);
    } finally {
      average.dispose();
    }
    expect(() => WeightAverage.create(ggml, trainable(), 1)).toThrow(/decay must be in \(0, 1\)/);
  });
});
