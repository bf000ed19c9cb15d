// LanguageModel on the real engine: seeded creation is deterministic, save → load round-trips every weight and
// the logits, F16 weights load as F16, batches equal separate sequences, and bad input gets named errors.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Ggml } from "../../../src/ggml/index.js";
import { BpeTokenizer, GgufFile, LanguageModel, presetConfig, parameterCounts, flopsPerToken, validateConfig, writeGguf, type ModelConfig } from "../../../src/model/index.js";

const ggml = await Ggml.create({ threads: 1 });
const directory = fs.mkdtempSync(path.join(os.tmpdir(), "octoplan-lm-"));
afterAll(() => {
  ggml.dispose();
  fs.rmSync(directory, { recursive: true, force: true });
});

const tokenizer = BpeTokenizer.train(["hello world, hello planner", "<|user|>set an alarm<|end|>"], { vocabSize: 360, minFrequency: 1 });
const config: ModelConfig = { architecture: "qwen2", vocabSize: tokenizer.vocabSize, embeddingLength: 32, blockCount: 2, feedForwardLength: 48,
  headCount: 4, headCountKv: 2, contextLength: 64, ropeFreqBase: 10000, rmsNormEps: 1e-6, tiedEmbeddings: false };

describe("LanguageModel", () => {
  it("creates the same weights from the same seed and different ones from another", async () => {
    const first = await LanguageModel.create(config, { ggml, seed: 5 });
    const second = await LanguageModel.create(config, { ggml, seed: 5 });
    const third = await LanguageModel.create(config, { ggml, seed: 6 });
    expect(first.weights.read("blk.1.attn_q.weight")).toEqual(second.weights.read("blk.1.attn_q.weight"));
    expect(first.weights.read("blk.1.attn_q.weight")).not.toEqual(third.weights.read("blk.1.attn_q.weight"));
    expect(first.weights.read("blk.0.attn_norm.weight").every((value) => value === 1)).toBe(true);
    for (const model of [first, second, third]) model.dispose();
  });

  it("saves a GGUF with llama.cpp's keys and loads it back with identical logits", async () => {
    const model = await LanguageModel.create(config, { ggml, seed: 1 });
    const file = path.join(directory, "model.gguf");
    await model.save(file, tokenizer);
    const gguf = await GgufFile.read(file);
    expect(gguf.getString("general.architecture")).toBe("qwen2");
    expect(gguf.getNumber("qwen2.attention.head_count_kv")).toBe(2);
    expect(gguf.getNumber("qwen2.embedding_length")).toBe(32);
    expect(gguf.hasTensor("blk.0.attn_q.bias")).toBe(true);
    expect(gguf.getString("tokenizer.ggml.model")).toBe("gpt2");
    const loaded = await LanguageModel.load(file, { ggml });
    expect(loaded.config).toEqual(config);
    const tokens = tokenizer.encode("hello planner");
    expect(loaded.logits(tokens)).toEqual(model.logits(tokens));
    // a batch of two sequences equals the two sequences one by one
    const other = tokens.map((token) => (token + 7) % config.vocabSize);
    const batch = model.logits([tokens, other]);
    expect(Array.from(batch.subarray(0, tokens.length * config.vocabSize))).toEqual(Array.from(model.logits(tokens)));
    Array.from(batch.subarray(tokens.length * config.vocabSize)).forEach((value, i) => expect(value).toBeCloseTo(model.logits(other)[i]!, 5));
    expect(() => model.logits([config.vocabSize])).toThrow(/outside the vocabulary/);
    model.dispose();
    loaded.dispose();
    loaded.dispose();
  });

  it("keeps F16 weights as F16 and converts on request", async () => {
    const model = await LanguageModel.create({ ...config, architecture: "llama" }, { ggml, seed: 2 });
    const file = path.join(directory, "f16.gguf");
    await model.save(file, tokenizer);
    const gguf = await GgufFile.read(file);
    const f16File = path.join(directory, "f16-real.gguf");
    writeGguf(f16File, {
      metadata: [...gguf.entries],
      tensors: gguf.tensors.map((info) => ({ name: info.name, type: info.shape.length > 1 ? "F16" : "F32", shape: info.shape, data: gguf.tensorF32(info.name) })),
    });
    const half = await LanguageModel.load(f16File, { ggml });
    expect(half.weights.get("blk.0.ffn_up.weight").type).toBe("F16");
    expect(half.weights.get("blk.0.ffn_norm.weight").type).toBe("F32");
    const asFloat = await LanguageModel.load(f16File, { ggml, weightType: "F32" });
    expect(asFloat.weights.get("blk.0.ffn_up.weight").type).toBe("F32");
    const tokens = [3, 9, 27];
    const reference = model.logits(tokens);
    half.logits(tokens).forEach((value, i) => expect(Math.abs(value - reference[i]!)).toBeLessThan(1e-2));
    for (const each of [model, half, asFloat]) each.dispose();
  });

  it("refuses a file that is not a model of a known architecture", async () => {
    const file = path.join(directory, "mamba.gguf");
    writeGguf(file, { metadata: [{ key: "general.architecture", type: "string", value: "mamba" }], tensors: [] });
    await expect(LanguageModel.load(file, { ggml })).rejects.toThrow(/unsupported architecture 'mamba'. Available architectures: llama, qwen2, phi3, gemma/);
  });
});

describe("ModelConfig", () => {
  it("has a ~30M small preset and counts FLOPs from the weights", () => {
    const small = presetConfig("small", { vocabSize: 4096 });
    const counts = parameterCounts(small);
    expect(counts.total).toBeGreaterThan(25e6);
    expect(counts.total).toBeLessThan(35e6);
    // at sequence length 1: 2 FLOPs per weight of every matrix product, output head included
    const matrixWeights = counts.blocks - 2 * small.embeddingLength * small.blockCount + small.vocabSize * small.embeddingLength;
    expect(flopsPerToken(small, 1)).toBe(2 * matrixWeights + small.blockCount * 4 * small.embeddingLength);
    expect(() => validateConfig({ ...small, headCountKv: 3 })).toThrow(/headCount 8 is not a multiple of headCountKv 3/);
    expect(() => presetConfig("huge" as "small", { vocabSize: 10 })).toThrow(/unknown model size .huge./);
  });
});

describe("differentiable forward", () => {
  it("agrees with ggml's GELU kernel for gemma (the training graph computes the same model)", async () => {
    const { randomizeWeights } = await import("../../../src/model/conformance.js");
    const model = await LanguageModel.create({ ...config, architecture: "gemma", tiedEmbeddings: true }, { ggml, seed: 3 });
    randomizeWeights(model, 3);
    const tokens = [5, 17, 99, 120, 7];
    const kernel = model.logits(tokens);
    const composed = model.logits(tokens, { differentiable: true });
    const scale = Math.max(...kernel.map(Math.abs));
    const worst = Math.max(...kernel.map((value, i) => Math.abs(value - composed[i]!)));
    expect(worst).toBeGreaterThan(0); // really a different graph
    expect(worst).toBeLessThan(1e-2 * scale);
    model.dispose();
  });
});
