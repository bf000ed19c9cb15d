// The model a run starts from, with its tokenizer:
//   init   a fresh model of a preset size and a byte-level BPE trained on the run's texts,
//          saved as DIR/base.gguf (so LoRA adapters and resumes have a base to point to);
//   base   a GGUF model and its own vocabulary; when it lacks our special tokens they are added
//          (vocabulary + resized token_embd/output) into DIR/base.gguf, and the log says so;
//   resume DIR/base.gguf from an earlier run of this folder.
// With `weightType` the matrices are converted to that type in memory (LoRA over a BF16 base); the
// GGUF on disk keeps its own type, so adapters still point at base.gguf / the --base file.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { LanguageModel, type TokenizerMetadataSource } from "../model/language-model.js";
import { presetConfig, type ModelSize } from "../model/config.js";
import { GgufFile } from "../model/gguf/index.js";
import { BpeTokenizer, isPreTokenizerName, LlamaVocabTokenizer, type PreTokenizerName, type Tokenizer } from "../model/tokenizer/index.js";
import { buildForward, type ForwardOptions } from "../model/arch/index.js";
import { SPECIAL_TOKENS } from "../plan/tokens.js";
import type { ComputeContext, Tensor, TensorType } from "../ggml/index.js";
import { addTokensToGguf, missingTokens } from "./resize.js";

export type ModelSource = { kind: "init"; size: ModelSize } | { kind: "base"; path: string } | { kind: "resume" };

export interface PreparedModel {
  model: LanguageModel;
  tokenizer: Tokenizer & TokenizerMetadataSource;
  /** The GGUF the trained weights/adapter belong to. */
  basePath: string;
  description: string;
  /** Forward for the training graph. */
  buildForward(step: ComputeContext, inputs: Tensor, options: ForwardOptions): { logits: Tensor; fillInputs: () => void };
  dispose(): void;
}

export interface PrepareOptions {
  directory: string;
  /** Texts to train a tokenizer on (init only). */
  corpus: string[];
  vocabSize?: number;
  /** Pre-tokenizer of the tokenizer trained for an init model (train's defaultPreTokenizer picks it by task). */
  preTokenizer: PreTokenizerName;
  seed: number;
  threads?: number;
  /** Convert the 2-D weights to this type in memory (default: F32 for init, the file's types otherwise). */
  weightType?: TensorType;
  log: (line: string) => void;
}

export async function prepareModel(source: ModelSource, options: PrepareOptions): Promise<PreparedModel> {
  const ownBase = join(options.directory, "base.gguf");
  let basePath: string;
  let description: string;
  if (source.kind === "init") {
    const vocabSize = options.vocabSize ?? (source.size === "small" ? 4096 : 2048);
    const tokenizer = BpeTokenizer.train(options.corpus, { vocabSize, specialTokens: SPECIAL_TOKENS, pre: options.preTokenizer });
    const config = presetConfig(source.size, { vocabSize: tokenizer.vocabSize });
    const created = await LanguageModel.create(config, { seed: options.seed, threads: options.threads });
    try {
      await created.save(ownBase, tokenizer, { name: `octoplan-${source.size}` });
    } finally {
      if (options.weightType && options.weightType !== "F32") created.dispose();
    }
    options.log(`created a ${source.size} model (${tokenizer.vocabSize}-token BPE trained on ${options.corpus.length} texts) → ${ownBase}`);
    const model = options.weightType && options.weightType !== "F32"
      ? await LanguageModel.load(ownBase, { threads: options.threads, weightType: options.weightType })
      : created;
    return wrap(model, tokenizer, ownBase, `init ${source.size}`, () => undefined);
  }
  if (source.kind === "resume") {
    basePath = ownBase;
    description = "resume";
  } else {
    basePath = source.path;
    description = `base ${source.path}`;
    const file = await GgufFile.read(source.path);
    const missing = missingTokens(file, SPECIAL_TOKENS);
    if (missing.length > 0) {
      addTokensToGguf(file, ownBase, missing);
      options.log(`the base vocabulary lacked ${missing.length} special tokens (${missing.slice(0, 3).join(" ")} …): added them, resized token_embd/output, wrote ${ownBase}`);
      basePath = ownBase;
    }
  }
  if (!existsSync(basePath)) throw new Error(`internal: base ${basePath} missing`);
  const file = await GgufFile.read(basePath);
  const tokenizerEntries = file.entries.filter((entry) => entry.key.startsWith("tokenizer."));
  const model = await LanguageModel.load(basePath, { threads: options.threads, weightType: options.weightType });
  const isOurBpe = file.getString("tokenizer.ggml.model") === "gpt2" && file.has("tokenizer.ggml.pre") && isPreTokenizerName(file.getString("tokenizer.ggml.pre"));
  if (isOurBpe) return wrap(model, BpeTokenizer.fromGguf(file), basePath, description, () => undefined);
  const vocabulary = await LlamaVocabTokenizer.create(basePath);
  // Its GGUF metadata is the base file's own tokenizer.* entries, written back unchanged on save.
  const tokenizer: Tokenizer & TokenizerMetadataSource = {
    encode: (text) => vocabulary.encode(text),
    decode: (ids) => vocabulary.decode(ids),
    tokenId: (text) => vocabulary.tokenId(text),
    vocabSize: vocabulary.vocabSize,
    eosId: vocabulary.eosId,
    ggufMetadata: () => tokenizerEntries,
  };
  return wrap(model, tokenizer, basePath, description, () => vocabulary.dispose());
}

function wrap(model: LanguageModel, tokenizer: Tokenizer & TokenizerMetadataSource, basePath: string, description: string,
  disposeTokenizer: () => void): PreparedModel {
  return {
    model,
    tokenizer,
    basePath,
    description,
    buildForward(step, inputs, forwardOptions) {
      const forward = buildForward(step, model.config, model.weights, inputs, forwardOptions);
      return { logits: forward.logits, fillInputs: () => forward.fillPositions(model.ggml) };
    },
    dispose() {
      disposeTokenizer();
      model.dispose();
    },
  };
}
