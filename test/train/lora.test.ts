// LoRA training on a tiny llama: the loss falls, the frozen base stays bit-identical, and the
// adapter we export gives, in node-llama-cpp (llama.cpp applying it), the distribution our own
// forward with LoRA computes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LanguageModel } from "../../src/model/language-model.js";
import { BpeTokenizer } from "../../src/model/tokenizer/index.js";
import { writeLoraAdapter } from "../../src/model/gguf/index.js";
import type { LoraWeights } from "../../src/model/lora-weights.js";
import { SPECIAL_TOKENS } from "../../src/plan/tokens.js";
import { textExamples } from "../../src/train/data.js";
import { toyRecords } from "./fixtures.js";
import { compareAdapterWithLlamaCpp } from "./adapter-check.js";
import { toyLlamaConfig, trainToyLora } from "./lora-fixture.js";

const directory = mkdtempSync(join(tmpdir(), "octoplan-lora-train-"));
const texts = textExamples(toyRecords(8), "plan");
const tokenizer = BpeTokenizer.train(texts.map((text) => text.prompt + text.target), { vocabSize: 400, minFrequency: 1, specialTokens: SPECIAL_TOKENS });
let model: LanguageModel;
let lora: LoraWeights;
let before: Map<string, Buffer>;
let losses: number[] = [];

beforeAll(async () => {
  model = await LanguageModel.create(toyLlamaConfig(tokenizer.vocabSize), { seed: 5, threads: 2 });
  before = new Map(model.weights.names.map((name) => [name, Buffer.from(model.weights.read(name).buffer)]));
  ({ lora, losses } = await trainToyLora(model, texts, tokenizer, directory));
});

afterAll(() => {
  lora?.dispose();
  model?.dispose();
});

describe("LoRA training", () => {
  it("drives the loss down", () => {
    expect(losses).toHaveLength(16);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(losses.slice(-4))).toBeLessThan(mean(losses.slice(0, 4)) - 0.5);
  });

  it("leaves every base weight bit-identical and trains A and B", () => {
    for (const name of model.weights.names) expect(Buffer.from(model.weights.read(name).buffer).equals(before.get(name)!), name).toBe(true);
    const pairs = lora.pairs();
    expect(pairs.map((pair) => pair.baseName)).toContain("output.weight");
    expect(pairs.map((pair) => pair.baseName)).toContain("blk.1.ffn_down.weight");
    for (const pair of pairs) expect(pair.b.some((value) => value !== 0), pair.baseName).toBe(true);
  });

  it("exports an adapter that node-llama-cpp applies exactly like our forward (≤ 1e-3)", async () => {
    const basePath = join(directory, "base.gguf");
    const adapterPath = join(directory, "adapter.gguf");
    await model.save(basePath, tokenizer);
    writeLoraAdapter(adapterPath, { architecture: "llama", alpha: lora.alpha, pairs: lora.pairs() });
    expect(readFileSync(adapterPath).subarray(0, 4).toString("latin1")).toBe("GGUF");
    const tokens = tokenizer.encode(texts[0]!.prompt + texts[0]!.target).slice(0, 24);
    const { delta, effect } = await compareAdapterWithLlamaCpp(model, lora, tokens, { basePath, adapterPath });
    expect(delta).toBeLessThanOrEqual(1e-3);
    // The adapter matters: without it the distribution is far away, so the check above can fail.
    expect(effect).toBeGreaterThan(0.02);
  });
});
