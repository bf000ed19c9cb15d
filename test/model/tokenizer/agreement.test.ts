// The proof that our BPE tokenizer is llama.cpp's: train it, store it in a tiny llama GGUF, load
// that in node-llama-cpp (real llama.cpp, vocabulary only) and compare encodings on 1000 strings.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getLlama, LlamaLogLevel, type Llama } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileFormatError } from "../../../src/errors.js";
import { GgufFile, type GgufEntry } from "../../../src/model/gguf/index.js";
import { BpeTokenizer, LlamaVocabTokenizer } from "../../../src/model/tokenizer/index.js";
import { END, SPECIAL_TOKENS } from "../../../src/plan/tokens.js";
import { writeTinyLlamaGguf } from "../../helpers/tiny-llama-gguf.js";
import { variedStrings } from "./varied-strings.js";

const directory = mkdtempSync(join(tmpdir(), "octoplan-tokenizer-"));
const modelPath = join(directory, "tiny.gguf");
let llama: Llama;
let ours: BpeTokenizer;
let theirs: LlamaVocabTokenizer;

beforeAll(async () => {
  ours = BpeTokenizer.train(variedStrings(4000, 11), { vocabSize: 1500 });
  writeTinyLlamaGguf(modelPath, { tokenizerMetadata: ours.ggufMetadata(), blockCount: 1 });
  llama = await getLlama({ gpu: false, logLevel: LlamaLogLevel.disabled });
  theirs = await LlamaVocabTokenizer.create(modelPath, { llama });
});

afterAll(async () => {
  await theirs?.dispose();
  await llama?.dispose();
});

describe("BpeTokenizer agrees with llama.cpp", () => {
  const strings = variedStrings(1000, 2026);

  it("learned a real vocabulary (merges beyond bytes)", () => {
    expect(ours.vocabSize).toBe(1500);
    expect(theirs.vocabSize).toBe(ours.vocabSize);
  });

  it("encodes 1000 varied strings exactly as llama.cpp does (special tokens parsed)", () => {
    const mismatches: string[] = [];
    let tokens = 0;
    for (const text of strings) {
      const expected = theirs.encode(text);
      const actual = ours.encode(text);
      tokens += actual.length;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        mismatches.push(`${JSON.stringify(text)}\n  ours:  ${actual.join(",")}\n  llama: ${expected.join(",")}`);
      }
    }
    expect(mismatches.slice(0, 5).join("\n")).toBe("");
    // The strings exercise merges, not just bytes: on average well under one token per UTF-8 byte.
    const bytes = strings.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    expect(tokens).toBeLessThan(bytes * 0.8);
  });

  it("decodes back to the original text", () => {
    for (const text of strings) expect(ours.decode(ours.encode(text))).toBe(text);
  });

  it("gives special tokens their CONTROL ids in both tokenizers", () => {
    for (const token of SPECIAL_TOKENS) {
      expect(ours.encode(token)).toEqual([ours.tokenId(token)]);
      expect(theirs.tokenId(token)).toBe(ours.tokenId(token));
    }
    expect(theirs.eosId).toBe(ours.tokenId(END));
    expect(ours.eosId).toBe(ours.tokenId(END));
  });

  it("reads the same vocabulary back from the GGUF file", async () => {
    const again = BpeTokenizer.fromGguf(await GgufFile.read(modelPath));
    expect(again.tokens).toEqual(ours.tokens);
    expect(again.merges).toEqual(ours.merges);
    for (const text of strings.slice(0, 50)) expect(again.encode(text)).toEqual(ours.encode(text));
  });
});

describe("BpeTokenizer with the smollm pre-tokenizer (single digits) agrees with llama.cpp", () => {
  const smollmPath = join(directory, "tiny-smollm.gguf");
  let digits: BpeTokenizer;
  let reference: LlamaVocabTokenizer;

  beforeAll(async () => {
    digits = BpeTokenizer.train(variedStrings(4000, 12), { vocabSize: 1500, pre: "smollm" });
    writeTinyLlamaGguf(smollmPath, { tokenizerMetadata: digits.ggufMetadata(), blockCount: 1 });
    reference = await LlamaVocabTokenizer.create(smollmPath, { llama });
  });

  afterAll(async () => {
    await reference?.dispose();
  });

  it("encodes 1000 varied strings exactly as llama.cpp does, every digit a token of its own", () => {
    const mismatches: string[] = [];
    for (const text of variedStrings(1000, 2027)) {
      const expected = reference.encode(text);
      const actual = digits.encode(text);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${JSON.stringify(text)}\n  ours:  ${actual.join(",")}\n  llama: ${expected.join(",")}`);
      expect(digits.decode(actual)).toBe(text);
    }
    expect(mismatches.slice(0, 5).join("\n")).toBe("");
    const pieces = digits.encode("on 2026-11-28 at 14:30, call +14155550222").map((id) => digits.decode([id]));
    expect(pieces.filter((piece) => /\d/.test(piece))).toEqual([..."20261128143014155550222"]);
  });

  it("reads the pre-tokenizer back from the GGUF file", async () => {
    const again = BpeTokenizer.fromGguf(await GgufFile.read(smollmPath));
    expect(again.pre).toBe("smollm");
    expect(again.encode("call +14155550222")).toEqual(digits.encode("call +14155550222"));
  });
});

describe("LlamaVocabTokenizer", () => {
  it("decodes, looks up tokens with errors that name the model, and disposes idempotently", async () => {
    const separate = await LlamaVocabTokenizer.create(modelPath, { llama });
    expect(separate.decode(separate.encode("send email<|end|>"))).toBe("send email<|end|>");
    expect(() => separate.tokenId("not one token at all")).toThrow(/is not a single token of .*tiny\.gguf/);
    expect(() => separate.decode([separate.vocabSize])).toThrow(/outside the vocabulary/);
    await separate.dispose();
    await separate.dispose();
    expect(() => separate.encode("x")).toThrow(/disposed/);
  });

  it("llama.cpp rejects an unknown tokenizer.ggml.pre, so ours must be one it knows", async () => {
    const metadata = ours.ggufMetadata().map((entry): GgufEntry =>
      entry.key === "tokenizer.ggml.pre" ? { key: entry.key, type: "string", value: "octoplan-unknown" } : entry);
    const path = join(directory, "unknown-pre.gguf");
    writeTinyLlamaGguf(path, { tokenizerMetadata: metadata, blockCount: 1 });
    const error = await LlamaVocabTokenizer.create(path, { llama }).catch((caught) => caught);
    expect(error).toBeInstanceOf(FileFormatError);
    expect(error.message).toMatch(/unknown-pre\.gguf: llama.cpp cannot load the vocabulary/);
    expect(() => BpeTokenizer.fromGguf(GgufFile.readSync(path))).toThrow(/tokenizer.ggml.pre is "octoplan-unknown"/);
  });
});
