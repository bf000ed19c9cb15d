// The shared tiny-llama fixture must be a model llama.cpp loads and runs, in every float type.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getLlama, LlamaLogLevel, type Llama, type Token } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GgufFile } from "../../../src/model/gguf/index.js";
import { BpeTokenizer } from "../../../src/model/tokenizer/index.js";
import { writeTinyLlamaGguf } from "../../helpers/tiny-llama-gguf.js";

const directory = mkdtempSync(join(tmpdir(), "octoplan-tiny-llama-"));
const tokenizer = BpeTokenizer.train(["send an email to Alice about the meeting, then open the calendar."], { vocabSize: 400 });
let llama: Llama;

beforeAll(async () => {
  llama = await getLlama({ gpu: false, logLevel: LlamaLogLevel.disabled });
});
afterAll(async () => {
  await llama?.dispose();
});

describe("tiny llama GGUF fixture", () => {
  it("has convert_hf_to_gguf's llama keys and tensor shapes, and is deterministic per seed", async () => {
    const path = join(directory, "keys.gguf");
    const written = writeTinyLlamaGguf(path, { tokenizerMetadata: tokenizer.ggufMetadata(), seed: 5 });
    const file = await GgufFile.read(path);
    expect(file.getString("general.architecture")).toBe("llama");
    for (const key of ["block_count", "context_length", "embedding_length", "feed_forward_length", "attention.head_count",
      "attention.head_count_kv", "rope.freq_base", "attention.layer_norm_rms_epsilon", "rope.dimension_count", "vocab_size"]) {
      expect(file.has(`llama.${key}`), key).toBe(true);
    }
    expect(file.getNumber("llama.rope.dimension_count")).toBe(16);
    expect(file.tensor("token_embd.weight").shape).toEqual([64, tokenizer.vocabSize]);
    expect(file.tensor("blk.1.attn_k.weight").shape).toEqual([64, 32]); // 2 KV heads × 16
    expect(file.tensor("blk.0.ffn_down.weight").shape).toEqual([128, 64]);
    expect(file.tensor("output.weight").shape).toEqual([64, tokenizer.vocabSize]);
    expect(file.tensors).toHaveLength(1 + 2 * 9 + 2);
    const again = writeTinyLlamaGguf(join(directory, "again.gguf"), { tokenizerMetadata: tokenizer.ggufMetadata(), seed: 5 });
    expect(again.tensors[3]!.data).toEqual(written.tensors[3]!.data);
    expect(file.tensorF32("blk.0.attn_q.weight")).toEqual(written.tensors.find((t) => t.name === "blk.0.attn_q.weight")!.data);
  });

  for (const [type, tiedEmbeddings] of [["F32", false], ["F16", true], ["BF16", false]] as const) {
    it(`loads and generates in llama.cpp (${type}${tiedEmbeddings ? ", tied embeddings" : ""})`, async () => {
      const path = join(directory, `tiny-${type}.gguf`);
      writeTinyLlamaGguf(path, { tokenizerMetadata: tokenizer.ggufMetadata(), type, tiedEmbeddings });
      const model = await llama.loadModel({ modelPath: path });
      try {
        expect(model.trainContextSize).toBe(256);
        expect(model.embeddingVectorSize).toBe(64);
        const context = await model.createContext({ contextSize: 64, threads: 1 });
        const sequence = context.getSequence();
        const generated: number[] = [];
        for await (const token of sequence.evaluate(tokenizer.encode("send an email") as Token[], { temperature: 0 })) {
          generated.push(token);
          if (generated.length === 3) break;
        }
        expect(generated).toHaveLength(3);
        for (const token of generated) expect(token).toBeLessThan(tokenizer.vocabSize);
        await context.dispose();
      } finally {
        await model.dispose();
      }
    });
  }
});
