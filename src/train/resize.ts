// Adding missing special tokens (<|user|> … <nexa_0..63>) to a real base model before fine-tuning:
// the vocabulary grows by n tokens (type USER_DEFINED, so llama.cpp parses them as one token),
// token_embd and output grow by n rows initialised to the mean of the existing rows (a neutral
// start, as transformers' resize_token_embeddings recipes do), and `{arch}.vocab_size` follows.
// Writes a new GGUF (DIR/base.gguf); the caller's base file is never modified.
// Deliberately left out: per-token scores for SentencePiece vocabularies beyond appending 0.
import { GgufFile, writeGguf, type GgufEntry, type GgufTensorInput } from "../model/gguf/index.js";
import { TOKEN_TYPE } from "../model/tokenizer/index.js";
import { InputError } from "../errors.js";

/** Which of `tokens` the base GGUF's vocabulary lacks. */
export function missingTokens(file: GgufFile, tokens: readonly string[]): string[] {
  const vocabulary = new Set(file.getStringArray("tokenizer.ggml.tokens"));
  return tokens.filter((token) => !vocabulary.has(token));
}

export function addTokensToGguf(file: GgufFile, output: string, tokens: readonly string[]): void {
  const oldVocabulary = file.getStringArray("tokenizer.ggml.tokens").length;
  const added = tokens.length;
  const entries: GgufEntry[] = file.entries.map((entry) => {
    if (entry.type !== "array") {
      if (entry.key.endsWith(".vocab_size")) return { ...entry, value: oldVocabulary + added };
      return entry;
    }
    const values = entry.value as unknown[];
    switch (entry.key) {
      case "tokenizer.ggml.tokens": return { ...entry, value: [...(values as string[]), ...tokens] };
      case "tokenizer.ggml.token_type": return { ...entry, value: [...(values as number[]), ...tokens.map(() => TOKEN_TYPE.USER_DEFINED)] };
      case "tokenizer.ggml.scores": return { ...entry, value: [...(values as number[]), ...tokens.map(() => 0)] };
      default: return entry;
    }
  });
  const tensors: GgufTensorInput[] = file.tensors.map((info) => {
    let data = file.tensorF32(info.name);
    let shape = info.shape;
    if ((info.name === "token_embd.weight" || info.name === "output.weight") && shape[1] === oldVocabulary) {
      const width = shape[0]!;
      const mean = new Float32Array(width);
      for (let row = 0; row < oldVocabulary; row++) for (let i = 0; i < width; i++) mean[i]! += data[row * width + i]! / oldVocabulary;
      const grown = new Float32Array(width * (oldVocabulary + added));
      grown.set(data);
      for (let row = oldVocabulary; row < oldVocabulary + added; row++) grown.set(mean, row * width);
      data = grown;
      shape = [width, oldVocabulary + added];
    } else if (info.type !== "F32" && info.type !== "F16" && info.type !== "BF16") {
      throw new InputError(`${file.path}: tensor ${info.name} is ${info.type}; adding tokens needs an F32/F16/BF16 base`, {
        hint: "convert the base to F16 or F32 first (llama.cpp's convert_hf_to_gguf.py --outtype f16)",
      });
    }
    // Trainable in full fine-tuning: everything becomes F32 (AdamW updates F32 weights).
    return { name: info.name, type: "F32", shape, data };
  });
  writeGguf(output, { metadata: entries, tensors });
}
