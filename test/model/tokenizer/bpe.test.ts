import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileFormatError, InputError } from "../../../src/errors.js";
import { BpeTokenizer, BYTE_TO_CHAR, gpt2Split, partitionSpecial, TOKEN_TYPE } from "../../../src/model/tokenizer/index.js";
import { SPECIAL_TOKENS } from "../../../src/plan/tokens.js";
import { variedStrings } from "./varied-strings.js";

const directory = mkdtempSync(join(tmpdir(), "octoplan-bpe-"));
const S = SPECIAL_TOKENS.length;

describe("GPT-2 pre-tokenizer (llama.cpp's gpt-2 split)", () => {
  it("splits like the GPT-2 regex", () => {
    const cases: Array<[string, string[]]> = [
      ["Hello world", ["Hello", " world"]],
      ["don't we'll I'M", ["don", "'t", " we", "'ll", " I", "'", "M"]],
      ["a  b", ["a", " ", " b"]],
      ["a   \n", ["a", "   \n"]],
      ["x\n\ny", ["x", "\n", "\n", "y"]],
      ["abc123 456", ["abc", "123", " 456"]],
      ["3.14", ["3", ".", "14"]],
      ["  hi", [" ", " hi"]],
      ["東京 café", ["東京", " café"]],
      ["🙂🙂! ?!", ["🙂🙂!", " ?!"]],
      ["e\u0301", ["e", "\u0301"]], // a combining mark is neither letter nor number
      ["a\u0085b", ["a", "\u0085", "b"]], // U+0085 is whitespace in llama.cpp's table
      ["²½", ["²½"]], // \p{N} includes No
      ["", []],
    ];
    for (const [text, expected] of cases) expect(gpt2Split(text), JSON.stringify(text)).toEqual(expected);
  });

  it("cuts special tokens out first, longest first", () => {
    const specials = [{ text: "<nexa_10>", id: 2 }, { text: "<nexa_1>", id: 1 }, { text: "<|end|>", id: 0 }];
    expect(partitionSpecial("a<|end|>b<nexa_1><nexa_10><|end|>", specials)).toEqual([
      { text: "a" }, { special: 0 }, { text: "b" }, { special: 1 }, { special: 2 }, { special: 0 },
    ]);
  });
});

describe("BpeTokenizer training", () => {
  it("learns the most frequent pairs first, ties to the smaller ids", () => {
    // Pre-tokens: "ab", " ab" ×2, " cd" ×2 → a·b (3), then the ties Ġ·c, Ġ·ab, Ġc·d (2 each).
    const tokenizer = BpeTokenizer.train(["ab ab ab cd cd"], { vocabSize: 4096 });
    expect(tokenizer.merges).toEqual(["a b", "Ġ c", "Ġ ab", "Ġc d"]);
    expect(tokenizer.vocabSize).toBe(S + 256 + 4);
    expect(tokenizer.encode(" cd ab")).toEqual([tokenizer.tokenId("Ġcd"), tokenizer.tokenId("Ġab")]);
  });

  it("lays out ids as specials, bytes, merges, with CONTROL types for specials", () => {
    const tokenizer = BpeTokenizer.train(["hello hello"], { vocabSize: 1000 });
    expect(tokenizer.tokens.slice(0, S)).toEqual(SPECIAL_TOKENS);
    expect(tokenizer.tokens.slice(S, S + 256)).toEqual(BYTE_TO_CHAR);
    const types = tokenizer.ggufMetadata().find((entry) => entry.key === "tokenizer.ggml.token_type")!.value as number[];
    expect(types.slice(0, S).every((type) => type === TOKEN_TYPE.CONTROL)).toBe(true);
    expect(types.slice(S).every((type) => type === TOKEN_TYPE.NORMAL)).toBe(true);
    expect(tokenizer.eosId).toBe(SPECIAL_TOKENS.indexOf("<|end|>"));
  });

  it("is deterministic and stops gracefully on a small corpus", () => {
    const corpus = variedStrings(300, 5);
    const first = BpeTokenizer.train(corpus, { vocabSize: 4096 });
    const second = BpeTokenizer.train(corpus, { vocabSize: 4096 });
    expect(second.merges).toEqual(first.merges);
    expect(first.vocabSize).toBeLessThan(4096); // ran out of pairs seen twice
    const tiny = BpeTokenizer.train(["x"], { vocabSize: 4096 });
    expect(tiny.vocabSize).toBe(S + 256);
    expect(tiny.decode(tiny.encode("anything at all ✓"))).toBe("anything at all ✓");
  });

  it("refuses a vocabulary too small for specials + bytes, and an unknown EOS", () => {
    expect(() => BpeTokenizer.train(["x"], { vocabSize: 300 })).toThrow(InputError);
    expect(() => BpeTokenizer.train(["x"], { vocabSize: 300 })).toThrow(/at least 326/);
    expect(() => BpeTokenizer.train(["x"], { eosToken: "<eos>" })).toThrow(/EOS token "<eos>" is not a special token/);
  });

  it("names unknown tokens and ids", () => {
    const tokenizer = BpeTokenizer.train(["x"], { vocabSize: 400 });
    expect(() => tokenizer.tokenId("<nexa_64>")).toThrow(/"<nexa_64>" is not a token of this vocabulary/);
    expect(() => tokenizer.decode([tokenizer.vocabSize])).toThrow(/token id 326 is outside the vocabulary/);
  });
});

describe("BpeTokenizer JSON files", () => {
  it("saves and loads the same tokenizer", () => {
    const tokenizer = BpeTokenizer.train(variedStrings(500, 9), { vocabSize: 600 });
    const path = join(directory, "tokenizer.json");
    tokenizer.save(path);
    const loaded = BpeTokenizer.load(path);
    expect(loaded.tokens).toEqual(tokenizer.tokens);
    expect(loaded.merges).toEqual(tokenizer.merges);
    for (const text of variedStrings(50, 10)) expect(loaded.encode(text)).toEqual(tokenizer.encode(text));
  });

  it("rejects files that are not tokenizer JSON", () => {
    const path = join(directory, "other.json");
    writeFileSync(path, JSON.stringify({ format: "something-else" }));
    expect(() => BpeTokenizer.load(path)).toThrow(FileFormatError);
    expect(() => BpeTokenizer.load(path)).toThrow(/other\.json: "format" is "something-else"/);
    writeFileSync(path, "{ not json");
    expect(() => BpeTokenizer.load(path)).toThrow(/other\.json: cannot read tokenizer JSON/);
  });
});
