// Our byte-level BPE tokenizer for models trained from scratch, stored in GGUF as a llama.cpp
// "gpt2" vocabulary with tokenizer.ggml.pre = "gpt-2" or "smollm" (pretokenize.ts). encode() reproduces llama.cpp's
// tokenization of that vocabulary (special tokens parsed, no BOS); the agreement test checks it
// against node-llama-cpp on 1000 strings.
// Id layout: special tokens first (in SPECIAL_TOKENS order), then the 256 bytes in byte order,
// then one token per learned merge. BOS and padding are the EOS token (<|end|>), as GPT-2 uses
// <|endoftext|> for all three; add_bos_token is false.
import { readFileSync } from "node:fs";
import { FileFormatError, InputError } from "../../errors.js";
import { writeFileAtomic } from "../../util/atomic.js";
import type { GgufFile } from "../gguf/reader.js";
import type { GgufEntry } from "../gguf/types.js";
import { byteEncode, pushTokenBytes } from "./byte-level.js";
import { BpeMerger } from "./bpe-merge.js";
import { TOKEN_TYPE, trainBpe, type BpeData, type BpeTrainOptions } from "./bpe-train.js";
import { isPreTokenizerName, partitionSpecial, preTokenize, PRE_TOKENIZERS, specialOrder, type PreTokenizerName } from "./pretokenize.js";
import type { Tokenizer } from "./tokenizer.js";

const SPECIAL_TYPES = new Set<number>([TOKEN_TYPE.UNKNOWN, TOKEN_TYPE.CONTROL, TOKEN_TYPE.USER_DEFINED]);
/** The pre-tokenizer of a tokenizer read from a file that does not name one. */
const LEGACY_PRE: PreTokenizerName = "gpt-2";

// ignoreBOM: a leading U+FEFF is text like any other and must survive decode(encode(s)).
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

export class BpeTokenizer implements Tokenizer {
  private readonly textToId = new Map<string, number>();
  private readonly specials: Array<{ text: string; id: number }>;
  private readonly merger: BpeMerger;

  private constructor(private readonly data: BpeData) {
    // As llama.cpp loads a vocabulary: a duplicated token text maps to its last id, a duplicated
    // merge keeps its first rank. (Our trainer never writes either.)
    data.tokens.forEach((text, id) => this.textToId.set(text, id));
    this.specials = specialOrder(data.tokens.flatMap((text, id) => (SPECIAL_TYPES.has(data.tokenTypes[id]!) ? [{ text, id }] : [])));
    const ranks = new Map<string, number>();
    data.merges.forEach((merge, rank) => {
      if (!ranks.has(merge)) ranks.set(merge, rank);
    });
    this.merger = new BpeMerger(ranks);
  }

  static fromData(data: BpeData, source = "tokenizer data"): BpeTokenizer {
    const { tokens, tokenTypes, merges } = data;
    if (tokenTypes.length !== tokens.length) throw new FileFormatError(source, `${tokens.length} tokens but ${tokenTypes.length} token types`);
    for (const [field, id] of [["eos", data.eosId], ["bos", data.bosId], ["padding", data.paddingId]] as const) {
      if (!Number.isInteger(id) || id < 0 || id >= tokens.length) throw new FileFormatError(source, `${field} token id ${id} is outside the ${tokens.length}-token vocabulary`);
    }
    if (data.pre !== undefined && !isPreTokenizerName(data.pre)) {
      throw new FileFormatError(source, `pre-tokenizer "${String(data.pre)}" is not one of ${PRE_TOKENIZERS.join(", ")}`);
    }
    merges.forEach((merge, rank) => {
      if (merge.indexOf(" ", 1) < 0) throw new FileFormatError(source, `merge #${rank} "${merge}" is not "left right"`);
    });
    return new BpeTokenizer(data);
  }

  static train(corpus: Iterable<string>, options: BpeTrainOptions = {}): BpeTokenizer {
    return new BpeTokenizer(trainBpe(corpus, options));
  }

  get pre(): PreTokenizerName {
    return this.data.pre ?? LEGACY_PRE;
  }

  get vocabSize(): number {
    return this.data.tokens.length;
  }
  get eosId(): number {
    return this.data.eosId;
  }
  get bosId(): number {
    return this.data.bosId;
  }
  get tokens(): readonly string[] {
    return this.data.tokens;
  }
  get merges(): readonly string[] {
    return this.data.merges;
  }

  encode(text: string): number[] {
    const ids: number[] = [];
    for (const fragment of partitionSpecial(text, this.specials)) {
      if (!("text" in fragment)) {
        ids.push(fragment.special);
        continue;
      }
      for (const word of preTokenize(fragment.text, this.pre)) {
        for (const symbol of this.merger.mergeWord(byteEncode(word))) {
          const id = this.textToId.get(symbol);
          if (id !== undefined) {
            ids.push(id);
            continue;
          }
          // llama.cpp's fallback: look up each byte of the symbol's UTF-8 as a one-byte token.
          for (const byte of Buffer.from(symbol, "utf8")) {
            const byteId = byte < 0x80 ? this.textToId.get(String.fromCharCode(byte)) : undefined;
            if (byteId !== undefined) ids.push(byteId);
          }
        }
      }
    }
    return ids;
  }

  decode(ids: readonly number[]): string {
    const bytes: number[] = [];
    for (const id of ids) {
      const text = this.data.tokens[id];
      if (text === undefined) throw new InputError(`token id ${id} is outside the vocabulary (0…${this.vocabSize - 1})`);
      if (SPECIAL_TYPES.has(this.data.tokenTypes[id]!)) for (const byte of Buffer.from(text, "utf8")) bytes.push(byte);
      else pushTokenBytes(text, bytes);
    }
    return decoder.decode(new Uint8Array(bytes));
  }

  tokenId(text: string): number {
    const id = this.textToId.get(text);
    if (id !== undefined) return id;
    const special = this.specials.map((item) => item.text);
    throw new InputError(`"${text}" is not a token of this vocabulary`, {
      hint: `special tokens: ${special.slice(0, 10).join(", ")}${special.length > 10 ? `, … (${special.length})` : ""}`,
    });
  }

  /** The tokenizer.ggml.* entries of a llama.cpp gpt2 vocabulary. */
  ggufMetadata(): GgufEntry[] {
    const { tokens, tokenTypes, merges, bosId, eosId, paddingId } = this.data;
    return [
      { key: "tokenizer.ggml.model", type: "string", value: "gpt2" },
      { key: "tokenizer.ggml.pre", type: "string", value: this.pre },
      { key: "tokenizer.ggml.tokens", type: "array", itemType: "string", value: tokens },
      { key: "tokenizer.ggml.token_type", type: "array", itemType: "int32", value: tokenTypes },
      { key: "tokenizer.ggml.merges", type: "array", itemType: "string", value: merges },
      { key: "tokenizer.ggml.bos_token_id", type: "uint32", value: bosId },
      { key: "tokenizer.ggml.eos_token_id", type: "uint32", value: eosId },
      { key: "tokenizer.ggml.padding_token_id", type: "uint32", value: paddingId },
      { key: "tokenizer.ggml.add_bos_token", type: "bool", value: false },
      { key: "tokenizer.ggml.add_eos_token", type: "bool", value: false },
    ];
  }

  static fromGguf(file: GgufFile): BpeTokenizer {
    const model = file.getString("tokenizer.ggml.model");
    const hint = "use LlamaVocabTokenizer for other vocabularies: it tokenizes through llama.cpp itself";
    if (model !== "gpt2") throw new FileFormatError(file.path, `tokenizer.ggml.model is "${model}"; BpeTokenizer reads only "gpt2"`, { hint });
    const pre = file.has("tokenizer.ggml.pre") ? file.getString("tokenizer.ggml.pre") : "(missing)";
    if (!isPreTokenizerName(pre)) throw new FileFormatError(file.path, `tokenizer.ggml.pre is "${pre}"; BpeTokenizer reproduces only ${PRE_TOKENIZERS.join(", ")}`, { hint });
    const tokens = file.getStringArray("tokenizer.ggml.tokens");
    const eosId = file.getNumber("tokenizer.ggml.eos_token_id");
    const id = (key: string) => (file.has(key) ? file.getNumber(key) : eosId);
    return BpeTokenizer.fromData({
      tokens,
      tokenTypes: file.has("tokenizer.ggml.token_type") ? file.getNumberArray("tokenizer.ggml.token_type") : tokens.map(() => TOKEN_TYPE.NORMAL),
      merges: file.getStringArray("tokenizer.ggml.merges"),
      eosId,
      bosId: id("tokenizer.ggml.bos_token_id"),
      paddingId: id("tokenizer.ggml.padding_token_id"),
      pre,
    }, file.path);
  }

  save(path: string): void {
    writeFileAtomic(path, JSON.stringify({ format: "octoplan-bpe", version: 1, ...this.data, pre: this.pre }) + "\n");
  }

  static load(path: string): BpeTokenizer {
    let parsed: Partial<BpeData> & { format?: string };
    try {
      parsed = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw new FileFormatError(path, `cannot read tokenizer JSON: ${(error as Error).message}`, { hint: "write it with BpeTokenizer.save()", cause: error });
    }
    if (parsed.format !== "octoplan-bpe") throw new FileFormatError(path, `"format" is ${JSON.stringify(parsed.format)}, expected "octoplan-bpe"`);
    for (const field of ["tokens", "tokenTypes", "merges"] as const) {
      if (!Array.isArray(parsed[field])) throw new FileFormatError(path, `field "${field}" must be an array`);
    }
    return BpeTokenizer.fromData(parsed as BpeData, path);
  }
}
