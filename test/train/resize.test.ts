// Fine-tuning a base whose vocabulary lacks our special tokens: they are appended, token_embd and
// output grow by mean-initialised rows, and the model still computes the same logits on old tokens.
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LanguageModel } from "../../src/model/language-model.js";
import { BpeTokenizer } from "../../src/model/tokenizer/index.js";
import { GgufFile } from "../../src/model/gguf/index.js";
import { SPECIAL_TOKENS } from "../../src/plan/tokens.js";
import { addTokensToGguf, missingTokens } from "../../src/train/resize.js";

describe("adding special tokens to a base model", () => {
  it("grows the vocabulary and the embeddings, keeping old logits", async () => {
    const directory = mkdtempSync(join(tmpdir(), "octoplan-resize-"));
    const tokenizer = BpeTokenizer.train(["plain text without any of our markers", "set an alarm"], {
      vocabSize: 300, minFrequency: 1, specialTokens: ["<|end|>"], eosToken: "<|end|>",
    });
    const model = await LanguageModel.create({
      architecture: "llama", vocabSize: tokenizer.vocabSize, embeddingLength: 32, blockCount: 1, feedForwardLength: 48,
      headCount: 4, headCountKv: 2, contextLength: 32, ropeFreqBase: 10000, rmsNormEps: 1e-5, tiedEmbeddings: false,
    }, { seed: 2, threads: 2 });
    const original = join(directory, "original.gguf");
    const resized = join(directory, "resized.gguf");
    const tokens = tokenizer.encode("set an alarm");
    let before: Float32Array;
    try {
      await model.save(original, tokenizer);
      before = model.logits(tokens);
    } finally {
      model.dispose();
    }
    const file = await GgufFile.read(original);
    const missing = missingTokens(file, SPECIAL_TOKENS);
    expect(missing).toHaveLength(SPECIAL_TOKENS.length - 1);
    addTokensToGguf(file, resized, missing);

    const grown = await GgufFile.read(resized);
    const oldSize = tokenizer.vocabSize;
    expect(grown.getStringArray("tokenizer.ggml.tokens")).toHaveLength(oldSize + missing.length);
    expect(grown.tensor("token_embd.weight").shape).toEqual([32, oldSize + missing.length]);
    expect(grown.tensor("output.weight").shape).toEqual([32, oldSize + missing.length]);
    expect(missingTokens(grown, SPECIAL_TOKENS)).toEqual([]);
    const grownTokenizer = BpeTokenizer.fromGguf(grown);
    expect(grownTokenizer.encode("<nexa_3>")).toEqual([grownTokenizer.tokenId("<nexa_3>")]);

    const loaded = await LanguageModel.load(resized, { threads: 2 });
    try {
      expect(loaded.config.vocabSize).toBe(oldSize + missing.length);
      const after = loaded.logits(tokens);
      for (let position = 0; position < tokens.length; position++) {
        for (let token = 0; token < oldSize; token++) {
          expect(after[position * loaded.config.vocabSize + token]).toBeCloseTo(before[position * oldSize + token]!, 5);
        }
      }
    } finally {
      loaded.dispose();
    }
  });
});
