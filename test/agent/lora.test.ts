// LoRA adapters reach llama.cpp through createContext({ lora }) with their scales: an adapter whose
// B is zero changes nothing, and a strong adapter on the output head changes what greedy decoding
// picks. The model is a random tiny llama; the adapter is written with the engine's GGUF writer.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LlamaPlanner, generateGreedy } from "../../src/agent/index.js";
import { BpeTokenizer } from "../../src/model/index.js";
import { writeLoraAdapter } from "../../src/model/gguf/index.js";
import { SPECIAL_TOKENS } from "../../src/plan/tokens.js";
import { seededNormal, writeTinyLlamaGguf } from "../helpers/tiny-llama-gguf.js";

async function completion(modelPath: string, lora?: { path: string; scale: number }): Promise<string> {
  const planner = await LlamaPlanner.create({ modelPath, lora: lora ? [lora] : [] });
  try {
    return (await generateGreedy(planner.local, planner.prompt("turn the fan on"), { stop: [], maxTokens: 8 })).text;
  } finally {
    await planner.dispose();
  }
}

describe("planner with LoRA adapters", () => {
  it("applies adapters with their scale", async () => {
    const directory = mkdtempSync(join(tmpdir(), "octoplan-lora-"));
    const tokenizer = BpeTokenizer.train(["turn the fan on", "set the mode"], { vocabSize: 400, specialTokens: SPECIAL_TOKENS });
    const modelPath = join(directory, "base.gguf");
    const tiny = writeTinyLlamaGguf(modelPath, { tokenizerMetadata: tokenizer.ggufMetadata(), seed: 3, tiedEmbeddings: false });
    const head = tiny.tensors.find((tensor) => tensor.name === "output.weight");
    if (!head) throw new Error("the tiny model has no output.weight");
    const [inFeatures, outFeatures] = head.shape;
    const rank = 4;
    const normal = seededNormal(11);
    const a = Float32Array.from({ length: inFeatures * rank }, () => normal());
    const write = (name: string, b: Float32Array) => {
      const path = join(directory, name);
      writeLoraAdapter(path, { architecture: "llama", alpha: rank, pairs: [{ baseName: "output.weight", a, b, inFeatures, outFeatures, rank }] });
      return path;
    };
    const zero = write("zero.gguf", new Float32Array(rank * outFeatures));
    const strong = write("strong.gguf", Float32Array.from({ length: rank * outFeatures }, () => 20 * normal()));

    const plain = await completion(modelPath);
    expect(await completion(modelPath, { path: zero, scale: 1 })).toBe(plain);
    expect(await completion(modelPath, { path: strong, scale: 0 })).toBe(plain);
    expect(await completion(modelPath, { path: strong, scale: 1 })).not.toBe(plain);
  });
});
