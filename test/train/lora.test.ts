// LoRA training on a tiny llama: the loss falls, the frozen base stays bit-identical, and the
// adapter we export gives, in node-llama-cpp (llama.cpp applying it), the distribution our own
// forward with LoRA computes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LanguageModel } from "../../src/model/language-model.js";
import { buildForward } from "../../src/model/arch/index.js";
import { BpeTokenizer } from "../../src/model/tokenizer/index.js";
import { writeLoraAdapter } from "../../src/model/gguf/index.js";
import type { LoraWeights } from "../../src/model/lora-weights.js";
import { SPECIAL_TOKENS } from "../../src/plan/tokens.js";
import { createTrainableLora } from "../../src/train/lora-init.js";
import { TrainingGraph } from "../../src/train/graph.js";
import { Trainer } from "../../src/train/trainer.js";
import { resolveHyperparameters, LORA_TARGETS } from "../../src/train/options.js";
import { tokenizeExamples } from "../../src/train/examples.js";
import { textExamples } from "../../src/train/data.js";
import { toyRecords } from "./fixtures.js";
import { compareAdapterWithLlamaCpp } from "./adapter-check.js";

const directory = mkdtempSync(join(tmpdir(), "octoplan-lora-train-"));
const texts = textExamples(toyRecords(8), "plan");
const tokenizer = BpeTokenizer.train(texts.map((text) => text.prompt + text.target), { vocabSize: 400, minFrequency: 1, specialTokens: SPECIAL_TOKENS });
let model: LanguageModel;
let lora: LoraWeights;
let before: Map<string, Buffer>;
const losses: number[] = [];

beforeAll(async () => {
  model = await LanguageModel.create({
    architecture: "llama", vocabSize: tokenizer.vocabSize, embeddingLength: 64, blockCount: 2, feedForwardLength: 96,
    headCount: 4, headCountKv: 2, contextLength: 128, ropeFreqBase: 10000, rmsNormEps: 1e-5, tiedEmbeddings: false,
  }, { seed: 5, threads: 2 });
  before = new Map(model.weights.names.map((name) => [name, Buffer.from(model.weights.read(name).buffer)]));
  lora = createTrainableLora(model.ggml, model.specs, { rank: 4, alpha: 8, targets: LORA_TARGETS, seed: 1 });
  const graph = TrainingGraph.create({
    ggml: model.ggml,
    vocabularySize: model.config.vocabSize,
    trainable: lora.parameters.names.map((name) => ({ name, tensor: lora.parameters.get(name), decay: true })),
    forward: (step, inputs) => {
      const forward = buildForward(step, model.config, model.weights, inputs, { lora: lora.tensors(1), differentiable: true });
      return { logits: forward.logits, fillInputs: () => forward.fillPositions(model.ggml) };
    },
  });
  const hyperparameters = resolveHyperparameters("scratch", { method: "lora", lr: 2e-2, warmupRatio: 0, maxSteps: 16, epochs: 8, batchSize: 4, loraRank: 4, loraAlpha: 8, checkpointEvery: 0 });
  const trainer = new Trainer(graph, {
    hyperparameters, train: tokenizeExamples(texts, tokenizer, 128).examples, directory, progressBar: false,
    onProgress: (progress) => losses.push(progress.loss),
  });
  await trainer.fit();
  graph.dispose();
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
