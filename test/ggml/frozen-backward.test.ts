// The frozen-weight backward rewrite: LoRA gradients through F32, F16 and BF16 base weights, computed with
// mul_mat against transposed copies, equal the gradients of ggml's own backward (out_prod) on an F32 base
// holding the same values. BF16 is the case ggml alone cannot run (its out_prod aborts the process).

import { afterAll, describe, expect, it } from "vitest";
import { FrozenTransposes, Ggml, ParameterContext, ShapeError, type TensorType } from "../../src/ggml/index.js";
import { LanguageModel, LoraWeights, adaptableLayouts, SeededRandom, type ModelConfig } from "../../src/model/index.js";
import { lossAndGradients } from "./loss-gradients.js";

const ggml = await Ggml.create({ threads: 1 });
afterAll(() => ggml.dispose());

const config: ModelConfig = { architecture: "llama", vocabSize: 40, embeddingLength: 32, blockCount: 2, feedForwardLength: 64, headCount: 4,
  headCountKv: 2, contextLength: 32, ropeFreqBase: 10000, rmsNormEps: 1e-5, tiedEmbeddings: false };

/** LoRA gradients with the base weights in `type` (values from `baseValues` when given); rewrite or not. */
async function loraGradients(type: TensorType, rewrite: boolean, baseValues?: Map<string, Float32Array>) {
  const source = await LanguageModel.create(config, { ggml, seed: 4 });
  const base = ParameterContext.create(ggml, source.specs.map((spec) => ({ ...spec, type: spec.shape.length === 2 ? type : "F32" })));
  for (const spec of source.specs) base.write(spec.name, baseValues?.get(spec.name) ?? source.weights.read(spec.name));
  const lora = LoraWeights.create(ggml, adaptableLayouts(source.specs), 4, 8);
  const random = new SeededRandom(9);
  for (const name of lora.parameters.names) lora.parameters.write(name, random.normals(lora.parameters.get(name).elementCount, 0.1));
  const frozenNames = source.specs.filter((spec) => spec.shape.length === 2 && spec.name !== "token_embd.weight").map((spec) => spec.name);
  const frozen = rewrite ? FrozenTransposes.create(ggml, base, frozenNames) : undefined;

  try {
    const trainable = lora.parameters.names.map((name) => lora.parameters.get(name));
    const result = lossAndGradients(ggml, config, base, trainable, { T: 6, B: 2 }, { forward: { lora: lora.tensors() }, rewrite: (step) => frozen?.rewrite(step) ?? 0 });
    const storedBase = new Map(source.specs.map((spec) => [spec.name, base.read(spec.name)]));
    return { values: result.gradients, rewritten: result.rewritten ?? 0, storedBase };
  } finally {
    frozen?.dispose();
    for (const each of [lora, base, source]) each.dispose();
  }
}

describe("FrozenTransposes", () => {
  it.each(["F32", "F16", "BF16"] as const)("gives ggml's LoRA gradients through a frozen %s base", async (type) => {
    const fast = await loraGradients(type, true);
    // q, k, v, o, gate, up, down per block + output, except blk.0's q/k/v: their input gradient is not needed
    expect(fast.rewritten).toBe(config.blockCount * 7 + 1 - 3);
    const reference = await loraGradients("F32", false, fast.storedBase); // ggml's out_prod backward, same values
    expect(reference.rewritten).toBe(0);
    expect(fast.values.length).toBe(reference.values.length);
    fast.values.forEach((values, index) => {
      const expected = reference.values[index]!;
      const scale = Math.max(...expected.map(Math.abs));
      expect(scale).toBeGreaterThan(0);
      // F16/BF16 mul_mat converts dy to the weight type, hence the bf16-sized tolerance
      const tolerance = (type === "F32" ? 1e-4 : type === "F16" ? 5e-3 : 2e-2) * scale;
      values.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThanOrEqual(tolerance));
    });
  }, 60_000);
});

describe("ComputeContext backward checks", () => {
  it("refuses, before ggml aborts, a backward through a frozen BF16 base without the rewrite", async () => {
    const error: unknown = await loraGradients("BF16", false).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).message).toMatch(/needs out_prod\([\w.]+\.weight\[.*BF16/);
    expect((error as ShapeError).hint).toMatch(/FrozenTransposes/);
  });
});

describe("FrozenTransposes names", () => {
  it("names a copy of a weight with a long name by its tail, as ggml keeps at most 63 bytes", () => {
    const name = `blk.0.${"x".repeat(49)}.weight`; // 62 bytes: "<name>.T" would be 64
    const weights = ParameterContext.create(ggml, [{ name, type: "F32", shape: [3, 2] }]);
    weights.write(name, new Float32Array([1, 2, 3, 4, 5, 6]));
    const frozen = FrozenTransposes.create(ggml, weights, [name]);
    try {
      expect(frozen.byteSize).toBeGreaterThanOrEqual(6 * 4);
    } finally {
      frozen.dispose();
      weights.dispose();
    }
  });
});
