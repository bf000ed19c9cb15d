// LoRA training over a BF16 base: ggml's autodiff would abort on the frozen weights' out_prod, so the trainer
// runs their backward through FrozenTransposes (mul_mat against Wᵀ). The loss falls, the BF16 base stays
// bit-identical, the adapter still matches node-llama-cpp on the BF16 base, and train({ baseType: "bf16" }) wires it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LanguageModel } from "../../src/model/language-model.js";
import { BpeTokenizer } from "../../src/model/tokenizer/index.js";
import { writeLoraAdapter } from "../../src/model/gguf/index.js";
import type { LoraWeights } from "../../src/model/lora-weights.js";
import type { FrozenTransposes } from "../../src/ggml/index.js";
import { SPECIAL_TOKENS } from "../../src/plan/tokens.js";
import { frozenTransposes, baseTensorType } from "../../src/train/frozen.js";
import { textExamples } from "../../src/train/data.js";
import { train } from "../../src/train/train.js";
import { toyRecords } from "./fixtures.js";
import { compareAdapterWithLlamaCpp } from "./adapter-check.js";
import { toyLlamaConfig, trainToyLora } from "./lora-fixture.js";

const directory = mkdtempSync(join(tmpdir(), "octoplan-lora-bf16-"));
const texts = textExamples(toyRecords(8), "plan");
const tokenizer = BpeTokenizer.train(texts.map((text) => text.prompt + text.target), { vocabSize: 400, minFrequency: 1, specialTokens: SPECIAL_TOKENS });
let model: LanguageModel;
let lora: LoraWeights;
let frozen: FrozenTransposes | undefined;
let before: Map<string, Buffer>;
let losses: number[] = [];
const rewrites: number[] = [];

beforeAll(async () => {
  const created = await LanguageModel.create(toyLlamaConfig(tokenizer.vocabSize), { seed: 5, threads: 1 });
  const f32Path = join(directory, "base-f32.gguf");
  await created.save(f32Path, tokenizer);
  created.dispose();
  model = await LanguageModel.load(f32Path, { threads: 1, weightType: "BF16" });
  before = new Map(model.weights.names.map((name) => [name, Buffer.from(model.weights.read(name).buffer)]));
  frozen = frozenTransposes(model.ggml, model.weights, model.specs);
  ({ lora, losses } = await trainToyLora(model, texts, tokenizer, directory, (step) => void rewrites.push(frozen!.rewrite(step))));
});

afterAll(() => {
  frozen?.dispose();
  lora?.dispose();
  model?.dispose();
});

describe("LoRA training over a BF16 base", () => {
  it("keeps the matrices BF16 and rewrites every frozen out_prod", () => {
    expect(model.weights.get("blk.0.attn_q.weight").type).toBe("BF16");
    expect(model.weights.get("output.weight").type).toBe("BF16");
    expect(frozen).toBeDefined();
    // 7 linear layers × 2 blocks + the output head, less blk.0's q/k/v (nothing below them is trainable, so
    // ggml computes no dx there), in every step's graph
    expect(rewrites.length).toBeGreaterThanOrEqual(16);
    expect(new Set(rewrites)).toEqual(new Set([12]));
  });

  it("drives the loss down", () => {
    expect(losses).toHaveLength(16);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(losses.slice(-4))).toBeLessThan(mean(losses.slice(0, 4)) - 0.5);
  });

  it("leaves every base weight bit-identical and trains B", () => {
    for (const name of model.weights.names) expect(Buffer.from(model.weights.read(name).buffer).equals(before.get(name)!), name).toBe(true);
    for (const pair of lora.pairs()) expect(pair.b.some((value) => value !== 0), pair.baseName).toBe(true);
  });

  it("exports an adapter that node-llama-cpp applies on the BF16 base like our forward (≤ 1e-3)", async () => {
    const basePath = join(directory, "base-bf16.gguf");
    const adapterPath = join(directory, "adapter.gguf");
    await model.save(basePath, tokenizer);
    writeLoraAdapter(adapterPath, { architecture: "llama", alpha: lora.alpha, pairs: lora.pairs() });
    const tokens = tokenizer.encode(texts[0]!.prompt + texts[0]!.target).slice(0, 24);
    const { delta, effect } = await compareAdapterWithLlamaCpp(model, lora, tokens, { basePath, adapterPath });
    expect(delta).toBeLessThanOrEqual(1e-3);
    expect(effect).toBeGreaterThan(0.02);
  });
});

describe("train({ baseType })", () => {
  it("trains a LoRA over a bf16 copy of a fresh model and records the base type", async () => {
    const output = join(directory, "run");
    const lines: string[] = [];
    const result = await train({
      data: toyRecords(8), task: "plan", output, init: "tiny", vocabSize: 400, method: "lora", loraRank: 4, loraAlpha: 8,
      baseType: "bf16", maxSteps: 3, batchSize: 4, seed: 2, threads: 1, checkpointEvery: 0, progressBar: false, log: (line) => lines.push(line),
    });
    expect(result.steps).toBe(3);
    expect(Number.isFinite(result.finalLoss)).toBe(true);
    expect(existsSync(result.adapterPath!)).toBe(true);
    expect(lines.some((line) => line.includes("over a BF16 base (frozen backward via transposed copies)"))).toBe(true);
    expect(JSON.parse(readFileSync(result.trainingJsonPath, "utf8")).baseType).toBe("bf16");
  });

  it("names the valid base types, and refuses bf16 for full fine-tuning", async () => {
    expect(() => baseTensorType("q8")).toThrow(expect.objectContaining({ hint: expect.stringMatching(/f32, f16, bf16/) }));
    await expect(train({ data: toyRecords(4), task: "plan", output: join(directory, "full"), init: "tiny", method: "full", baseType: "bf16", progressBar: false, log: () => undefined }))
      .rejects.toThrow(/needs --method lora/);
  });
});
