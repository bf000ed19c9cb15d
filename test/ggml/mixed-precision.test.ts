// Mixed-precision full training: the loss and every weight's gradient, with the products over BF16 copies, equal
// ggml's own F32 backward on the same weights rounded to BF16 (the remaining difference is the activations' rounding
// inside mul_mat); the forward really reads the copies, and refresh() really updates them.

import { afterAll, describe, expect, it } from "vitest";
import { Ggml, MixedPrecisionCopies, ParameterContext, ShapeError } from "../../src/ggml/index.js";
import { LanguageModel, type ModelConfig } from "../../src/model/index.js";
import { lossAndGradients as computeLossAndGradients } from "./loss-gradients.js";

const ggml = await Ggml.create({ threads: 1 });
afterAll(() => ggml.dispose());

const config: ModelConfig = { architecture: "llama", vocabSize: 40, embeddingLength: 32, blockCount: 2, feedForwardLength: 64, headCount: 4,
  headCountKv: 2, contextLength: 32, ropeFreqBase: 10000, rmsNormEps: 1e-5, tiedEmbeddings: false };

/** Round to nearest even BF16, as ggml's fp32 → bf16 conversion does for finite values. */
function roundToBfloat(values: Float32Array): Float32Array {
  const bits = new Uint32Array(values.slice().buffer);
  for (let i = 0; i < bits.length; i++) bits[i] = ((bits[i]! + 0x7fff + ((bits[i]! >>> 16) & 1)) & 0xffff0000) >>> 0;
  return new Float32Array(bits.buffer);
}

/** Loss and gradients of every weight; products over BF16 copies when `copies` is given. */
function lossAndGradients(weights: ParameterContext, names: readonly string[], copies?: MixedPrecisionCopies, [T, B] = [6, 2]) {
  const trainable = names.map((name) => weights.get(name));
  return computeLossAndGradients(ggml, config, weights, trainable, { T, B }, { rewrite: copies ? (step) => copies.rewrite(step) : undefined });
}

async function fixture() {
  const model = await LanguageModel.create(config, { ggml, seed: 4 });
  const names = model.specs.map((spec) => spec.name);
  const matrices = model.specs.filter((spec) => spec.shape.length === 2).map((spec) => spec.name);
  const weights = ParameterContext.create(ggml, model.specs);
  for (const name of names) weights.write(name, model.weights.read(name));
  model.dispose();
  return { weights, names, matrices };
}

describe("MixedPrecisionCopies", () => {
  // 12 tokens: the weight gradients' operands are padded to 32 rows; 32 tokens: no padding
  it.each([[6, 2], [16, 2]])("gives the F32 backward's loss and gradients on BF16-rounded weights (T=%i, B=%i)", async (T, B) => {
    const { weights, names, matrices } = await fixture();
    const copies = MixedPrecisionCopies.create(ggml, weights, matrices);
    try {
      const mixed = lossAndGradients(weights, names, copies, [T, B]);
      // every q, k, v, o, gate, up, down and the output head; token_embd is read by get_rows, not a product
      expect(mixed.rewritten).toEqual({ forward: config.blockCount * 7 + 1, inputGradients: config.blockCount * 7 + 1, weightGradients: config.blockCount * 7 + 1 });

      const rounded = ParameterContext.create(ggml, names.map((name) => ({ name, type: "F32" as const, shape: weights.get(name).shape })));
      for (const name of names) rounded.write(name, matrices.includes(name) && name !== "token_embd.weight" ? roundToBfloat(weights.read(name)) : weights.read(name));
      const reference = lossAndGradients(rounded, names, undefined, [T, B]);
      rounded.dispose();

      expect(Math.abs(mixed.loss - reference.loss)).toBeLessThan(1e-2 * reference.loss);
      mixed.gradients.forEach((values, index) => {
        const expected = reference.gradients[index]!;
        const scale = Math.max(...expected.map(Math.abs));
        expect(scale, names[index]).toBeGreaterThan(0);
        // mul_mat rounds its activations (and dy) to BF16 as well: 8 significant bits
        values.forEach((value, i) => expect(Math.abs(value - expected[i]!), names[index]).toBeLessThanOrEqual(2e-2 * scale));
      });
    } finally {
      copies.dispose();
      weights.dispose();
    }
  }, 60_000);

  it("computes the forward from the copies until refresh() makes them again", async () => {
    const { weights, names, matrices } = await fixture();
    const copies = MixedPrecisionCopies.create(ggml, weights, matrices);
    try {
      const before = lossAndGradients(weights, names, copies).loss;
      const output = weights.read("output.weight");
      weights.write("output.weight", output.map((value) => value * 3));
      expect(lossAndGradients(weights, names).loss).not.toBeCloseTo(before, 3); // the F32 graph sees the new head
      expect(lossAndGradients(weights, names, copies).loss).toBe(before); // the mixed one still reads the old copy
      copies.refresh();
      const after = lossAndGradients(weights, names, copies).loss;
      expect(Math.abs(after - lossAndGradients(weights, names).loss)).toBeLessThan(1e-2 * after);
    } finally {
      copies.dispose();
      weights.dispose();
    }
  }, 60_000);

  it("refuses a weight that is not a 2-D F32 matrix, naming it", async () => {
    const { weights } = await fixture();
    const half = ParameterContext.create(ggml, [{ name: "blk.0.attn_q.weight", type: "BF16", shape: [32, 32] }]);
    try {
      expect(() => MixedPrecisionCopies.create(ggml, half, ["blk.0.attn_q.weight"])).toThrow(ShapeError);
      expect(() => MixedPrecisionCopies.create(ggml, weights, ["blk.0.attn_norm.weight"])).toThrow(/blk\.0\.attn_norm\.weight.*2-D F32/);
    } finally {
      half.dispose();
      weights.dispose();
    }
  });
});
