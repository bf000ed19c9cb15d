import { describe, expect, it } from "vitest";
import { isModelSize, parameterCounts, presetConfig } from "../../src/model/config.js";
import { InputError } from "../../src/errors.js";

describe("model sizes", () => {
  it("resolves presets and WIDTHxLAYERS sizes to llama shapes llama.cpp accepts", () => {
    expect(presetConfig("tiny", { vocabSize: 2048 })).toMatchObject({ embeddingLength: 128, blockCount: 4, headCount: 4, headCountKv: 2 });
    expect(presetConfig("base", { vocabSize: 2048 })).toMatchObject({ embeddingLength: 256, blockCount: 6, feedForwardLength: 768 });
    const custom = presetConfig("192x6", { vocabSize: 2048 });
    expect(custom).toMatchObject({ embeddingLength: 192, blockCount: 6, feedForwardLength: 576, headCount: 6, headCountKv: 3 });
    expect(presetConfig("512x2", { vocabSize: 100 })).toMatchObject({ headCount: 8, headCountKv: 4 });
    // tiny: 4 × (2·128² + 2·128·64 + 3·128·384 + 2·128) + 2048·128 + 128 (tied output).
    expect(parameterCounts(presetConfig("tiny", { vocabSize: 2048 })).total).toBe(4 * (32768 + 16384 + 147456 + 256) + 262144 + 128);
  });

  it("names what is wrong with a size, with the valid options", () => {
    expect(isModelSize("base")).toBe(true);
    expect(isModelSize("256x6")).toBe(true);
    expect(isModelSize("huge")).toBe(false);
    expect(() => presetConfig("huge" as "tiny", { vocabSize: 10 })).toThrow(/unknown model size 'huge'/);
    expect(() => presetConfig("100x2", { vocabSize: 10 })).toThrow(InputError);
    expect(() => presetConfig("100x2", { vocabSize: 10 })).toThrow(/multiple of 32/);
    expect(() => presetConfig("128x0", { vocabSize: 10 })).toThrow(/layers must be 1–64/);
  });
});
