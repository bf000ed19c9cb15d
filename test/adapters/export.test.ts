// mergeLoraIntoBase / `octoplan export --merge`: the merged GGUF computes what the base computes
// with the adapter applied (our forward with LoRA is the reference), and scales are honoured.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LanguageModel } from "../../src/model/language-model.js";
import { LoraWeights, adaptableLayouts } from "../../src/model/lora-weights.js";
import { BpeTokenizer } from "../../src/model/tokenizer/index.js";
import { writeLoraAdapter } from "../../src/model/gguf/index.js";
import { SeededRandom } from "../../src/model/random.js";
import { parseAdapterReference } from "../../src/adapters/export.js";
import { runCli } from "../helpers/cli.js";

const directory = mkdtempSync(join(tmpdir(), "octoplan-export-"));
const basePath = join(directory, "base.gguf");
const adapterPath = join(directory, "adapter.gguf");
const tokenizer = BpeTokenizer.train(["Set an alarm for 7 am and text Bob", "Book a flight to Oslo"], { vocabSize: 400, minFrequency: 1 });
const tokens = tokenizer.encode("Set an alarm and book a flight to Oslo");
let model: LanguageModel;
let lora: LoraWeights;

beforeAll(async () => {
  model = await LanguageModel.create({
    architecture: "llama", vocabSize: tokenizer.vocabSize, embeddingLength: 32, blockCount: 2, feedForwardLength: 64,
    headCount: 4, headCountKv: 2, contextLength: 64, ropeFreqBase: 10000, rmsNormEps: 1e-5, tiedEmbeddings: false,
  }, { seed: 3, threads: 2 });
  lora = LoraWeights.create(model.ggml, adaptableLayouts(model.specs), 4, 16);
  const random = new SeededRandom(9);
  for (const layout of lora.layouts) {
    lora.parameters.write(`${layout.baseName}.lora_a`, random.normals(layout.inFeatures * 4, 0.3));
    lora.parameters.write(`${layout.baseName}.lora_b`, random.normals(4 * layout.outFeatures, 0.3));
  }
  await model.save(basePath, tokenizer);
  writeLoraAdapter(adapterPath, { architecture: "llama", alpha: 16, pairs: lora.pairs() });
});

afterAll(() => {
  lora?.dispose();
  model?.dispose();
});

async function mergedLogits(path: string): Promise<Float32Array> {
  const merged = await LanguageModel.load(path, { threads: 2 });
  try {
    return merged.logits(tokens);
  } finally {
    merged.dispose();
  }
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  return a.reduce((max, value, index) => Math.max(max, Math.abs(value - b[index]!)), 0);
}

describe("octoplan export --merge", () => {
  it("writes a full model equal to base + (alpha/r)·B·A, honouring :scale", async () => {
    for (const scale of [1, 0.5]) {
      const output = join(directory, `merged-${scale}.gguf`);
      const result = runCli(["export", "--base", basePath, "--lora", scale === 1 ? adapterPath : `${adapterPath}:${scale}`, "--merge", "--out", output]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/merged 15 tensors/);
      const expected = model.logits(tokens, { lora: lora.tensors(scale) });
      const merged = await mergedLogits(output);
      expect(maxDifference(merged, expected)).toBeLessThan(1e-3);
      // and the adapter changes the model, so the comparison above can fail
      expect(maxDifference(merged, model.logits(tokens))).toBeGreaterThan(0.1);
    }
  });

  it("explains a missing --merge and a mismatched base", () => {
    const noMerge = runCli(["export", "--base", basePath, "--lora", adapterPath, "--out", join(directory, "x.gguf")]);
    expect(noMerge.status).not.toBe(0);
    expect(noMerge.stderr).toMatch(/export needs --merge/);
    const wrong = runCli(["export", "--base", adapterPath, "--lora", adapterPath, "--merge", "--out", join(directory, "y.gguf")]);
    expect(wrong.status).not.toBe(0);
  });

  it("parses adapter references with an optional scale", () => {
    expect(parseAdapterReference("a.gguf")).toEqual({ path: "a.gguf" });
    expect(parseAdapterReference("dir/a.gguf:0.25")).toEqual({ path: "dir/a.gguf", scale: 0.25 });
    expect(parseAdapterReference("C:/x.gguf:-1e-1")).toEqual({ path: "C:/x.gguf", scale: -0.1 });
  });
});
