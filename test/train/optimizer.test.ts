// AdamW (src/train/optimizer.ts) against a float64 reference over several steps: bias-corrected moments, decoupled
// weight decay for matrices only, the gradient scale (clipping), and the checkpoint state round trip.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Ggml, ParameterContext } from "../../src/ggml/index.js";
import { AdamW } from "../../src/train/optimizer.js";
import type { AdamWStep } from "../../src/train/trainable.js";

let ggml: Ggml;
let store: ParameterContext;
let optimizer: AdamW;

const initial = { matrix: Float32Array.from({ length: 12 }, (_, index) => Math.sin(index + 1)), norm: Float32Array.from([1, 0.5, -0.25, 2]) };
const gradients = [0, 1, 2].map((step) => ({
  matrix: Float32Array.from({ length: 12 }, (_, index) => Math.cos(index * 0.7 + step) * (step + 1)),
  norm: Float32Array.from([0.3, -0.2, 0.1 * step, 1.5]),
}));
const settings = { lr: 0.02, beta1: 0.9, beta2: 0.99, epsilon: 1e-8, weightDecay: 0.1 };
const scales = [1, 0.5, 0.25];

/** AdamW in float64, as PyTorch's torch.optim.AdamW computes it. */
function reference(name: "matrix" | "norm", decay: boolean): number[] {
  const weights = Array.from(initial[name]);
  const m = weights.map(() => 0);
  const v = weights.map(() => 0);
  gradients.forEach((gradient, step) => {
    const t = step + 1;
    weights.forEach((weight, index) => {
      const g = gradient[name][index]! * scales[step]!;
      m[index] = settings.beta1 * m[index]! + (1 - settings.beta1) * g;
      v[index] = settings.beta2 * v[index]! + (1 - settings.beta2) * g * g;
      const mHat = m[index]! / (1 - settings.beta1 ** t);
      const vHat = v[index]! / (1 - settings.beta2 ** t);
      const decayed = decay ? weight * (1 - settings.lr * settings.weightDecay) : weight;
      weights[index] = decayed - (settings.lr * mHat) / (Math.sqrt(vHat) + settings.epsilon);
    });
  });
  return weights;
}

beforeAll(() => {
  ggml = Ggml.createSync({ threads: 1 });
  store = ParameterContext.create(ggml, [
    { name: "blk.0.ffn_up.weight", type: "F32", shape: [4, 3] },
    { name: "blk.0.ffn_norm.weight", type: "F32", shape: [4] },
    { name: "grad.matrix", type: "F32", shape: [4, 3] },
    { name: "grad.norm", type: "F32", shape: [4] },
  ]);
  store.write("blk.0.ffn_up.weight", initial.matrix);
  store.write("blk.0.ffn_norm.weight", initial.norm);
  optimizer = AdamW.create(ggml, [
    { name: "blk.0.ffn_up.weight", tensor: store.get("blk.0.ffn_up.weight"), decay: true },
    { name: "blk.0.ffn_norm.weight", tensor: store.get("blk.0.ffn_norm.weight"), decay: false },
  ]);
});

afterAll(() => {
  optimizer.dispose();
  store.dispose();
  ggml.dispose();
});

describe("AdamW", () => {
  it("matches a float64 AdamW over three steps, decaying matrices only", () => {
    const gradientOf = (name: string) => store.get(name.endsWith("ffn_up.weight") ? "grad.matrix" : "grad.norm");
    let saved: ReturnType<AdamW["exportState"]> = [];
    gradients.forEach((gradient, step) => {
      store.write("grad.matrix", gradient.matrix);
      store.write("grad.norm", gradient.norm);
      if (step === 1) saved = optimizer.exportState();
      const update: AdamWStep = { ...settings, iteration: step + 1, gradientScale: scales[step]! };
      optimizer.step(update, gradientOf);
    });
    const matrix = store.read("blk.0.ffn_up.weight");
    const norm = store.read("blk.0.ffn_norm.weight");
    reference("matrix", true).forEach((expected, index) => expect(matrix[index]).toBeCloseTo(expected, 5));
    reference("norm", false).forEach((expected, index) => expect(norm[index]).toBeCloseTo(expected, 5));
    // Without the exemption the norm weights would differ by lr·decay·w per step, well above the tolerance.
    expect(Math.abs(reference("norm", true)[3]! - reference("norm", false)[3]!)).toBeGreaterThan(1e-3);

    // Restoring the state saved before step 2 and replaying steps 2 and 3 gives the same weights, bit for bit.
    optimizer.importState(new Map(saved.map((tensor) => [tensor.name, tensor])));
    gradients.slice(1).forEach((gradient, offset) => {
      store.write("grad.matrix", gradient.matrix);
      store.write("grad.norm", gradient.norm);
      optimizer.step({ ...settings, iteration: offset + 2, gradientScale: scales[offset + 1]! }, gradientOf);
    });
    expect(store.read("blk.0.ffn_up.weight")).toEqual(matrix);
    expect(store.read("blk.0.ffn_norm.weight")).toEqual(norm);
  });

  it("refuses a tensor ggml cannot update (F16), naming it, instead of aborting the process", () => {
    const half = ParameterContext.create(ggml, [{ name: "half.weight", type: "F16", shape: [4] }]);
    try {
      expect(() => AdamW.create(ggml, [{ name: "half.weight", tensor: half.get("half.weight"), decay: false }])).toThrow(/'half\.weight' is F16/);
    } finally {
      half.dispose();
    }
  });

  it("refuses a checkpoint that lacks a moment, naming it", () => {
    const state = optimizer.exportState().filter((tensor) => tensor.name !== "blk.0.ffn_norm.weight#v");
    expect(() => optimizer.importState(new Map(state.map((tensor) => [tensor.name, tensor])))).toThrow(/blk\.0\.ffn_norm\.weight#v/);
  });
});
