import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getLlama, LlamaLogLevel } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GgufFile, readLoraAdapter, writeGguf, writeLoraAdapter, type LoraPair } from "../../../src/model/gguf/index.js";
import { BpeTokenizer } from "../../../src/model/tokenizer/index.js";
import { seededNormal, writeTinyLlamaGguf } from "../../helpers/tiny-llama-gguf.js";

const directory = mkdtempSync(join(tmpdir(), "octoplan-lora-"));
const random = seededNormal(3);

function pair(baseName: string, inFeatures: number, outFeatures: number, rank: number): LoraPair {
  return {
    baseName, inFeatures, outFeatures, rank,
    a: new Float32Array(inFeatures * rank).map(() => random()),
    b: new Float32Array(rank * outFeatures).map(() => random()),
  };
}

describe("LoRA adapter files", () => {
  it("round-trips pairs, alpha and architecture with llama.cpp's keys and shapes", async () => {
    const path = join(directory, "adapter.gguf");
    const pairs = [pair("blk.0.attn_q.weight", 64, 64, 4), pair("blk.1.ffn_down.weight", 128, 64, 4)];
    writeLoraAdapter(path, { architecture: "llama", alpha: 8, pairs, metadata: [{ key: "general.name", type: "string", value: "test" }] });
    const file = await GgufFile.read(path);
    expect(file.getString("general.type")).toBe("adapter");
    expect(file.getString("adapter.type")).toBe("lora");
    expect(file.entries.find((entry) => entry.key === "adapter.lora.alpha")).toEqual({ key: "adapter.lora.alpha", type: "float32", value: 8 });
    expect(file.tensor("blk.1.ffn_down.weight.lora_a").shape).toEqual([128, 4]);
    expect(file.tensor("blk.1.ffn_down.weight.lora_b").shape).toEqual([4, 64]);
    const adapter = await readLoraAdapter(path);
    expect(adapter.architecture).toBe("llama");
    expect(adapter.alpha).toBe(8);
    expect(adapter.pairs).toEqual(pairs);
  });

  it("reports a missing lora_b twin, wrong types and a rank mismatch", async () => {
    const lonely = join(directory, "lonely.gguf");
    const base = [
      { key: "general.architecture", type: "string", value: "llama" },
      { key: "general.type", type: "string", value: "adapter" },
      { key: "adapter.type", type: "string", value: "lora" },
    ] as const;
    const alpha = { key: "adapter.lora.alpha", type: "float32", value: 4 } as const;
    writeGguf(lonely, { metadata: [...base, alpha], tensors: [{ name: "w.lora_a", type: "F32", shape: [4, 2], data: new Float32Array(8) }] });
    await expect(readLoraAdapter(lonely)).rejects.toThrow(/tensor "w.lora_a" has no "w.lora_b" twin/);

    const intAlpha = join(directory, "int-alpha.gguf");
    writeGguf(intAlpha, { metadata: [...base, { key: "adapter.lora.alpha", type: "uint32", value: 4 }], tensors: [] });
    await expect(readLoraAdapter(intAlpha)).rejects.toThrow(/"adapter.lora.alpha" must be a float32, got uint32/);

    const notAdapter = join(directory, "model.gguf");
    writeGguf(notAdapter, { metadata: [{ key: "general.type", type: "string", value: "model" }], tensors: [] });
    await expect(readLoraAdapter(notAdapter)).rejects.toThrow(/general.type is "model", expected "adapter"/);

    const mismatch = join(directory, "mismatch.gguf");
    writeGguf(mismatch, {
      metadata: [...base, alpha],
      tensors: [
        { name: "w.lora_a", type: "F32", shape: [4, 2], data: new Float32Array(8) },
        { name: "w.lora_b", type: "F32", shape: [3, 4], data: new Float32Array(12) },
      ],
    });
    await expect(readLoraAdapter(mismatch)).rejects.toThrow(/rank 2 .* rank 3/);
    expect(() => writeLoraAdapter(mismatch, { architecture: "llama", alpha: 4, pairs: [{ ...pair("w", 4, 4, 2), rank: 3 }] }))
      .toThrow(/a has 8 values, expected inFeatures·rank = 4·3/);
  });

  describe("llama.cpp", () => {
    let llama: Awaited<ReturnType<typeof getLlama>>;
    const modelPath = join(directory, "tiny.gguf");
    beforeAll(async () => {
      const tokenizer = BpeTokenizer.train(["a small corpus for a tiny model, with a few words."], { vocabSize: 400 });
      writeTinyLlamaGguf(modelPath, { tokenizerMetadata: tokenizer.ggufMetadata() });
      llama = await getLlama({ gpu: false, logLevel: LlamaLogLevel.disabled });
    });
    afterAll(async () => {
      await llama?.dispose();
    });

    it("accepts our adapter and rejects one whose shapes do not fit the model", async () => {
      const model = await llama.loadModel({ modelPath });
      try {
        const good = join(directory, "good-adapter.gguf");
        writeLoraAdapter(good, { architecture: "llama", alpha: 4, pairs: [pair("blk.0.attn_q.weight", 64, 64, 2), pair("blk.1.ffn_up.weight", 64, 128, 2)] });
        const context = await model.createContext({ contextSize: 64, threads: 1, lora: { adapters: [{ filePath: good }] } });
        await context.dispose();
        const bad = join(directory, "bad-adapter.gguf");
        writeLoraAdapter(bad, { architecture: "llama", alpha: 4, pairs: [pair("blk.0.attn_q.weight", 32, 64, 2)] });
        await expect(model.createContext({ contextSize: 64, threads: 1, lora: { adapters: [{ filePath: bad }] } })).rejects.toThrow();
      } finally {
        await model.dispose();
      }
    });
  });
});
