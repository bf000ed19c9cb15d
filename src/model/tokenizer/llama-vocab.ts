// The tokenizer of a real model: llama.cpp's own, through node-llama-cpp, loading only the
// vocabulary (`vocabOnly: true`, no weights). It is exact by construction, for every vocabulary
// type and pre-tokenizer llama.cpp knows. Special tokens in the text are parsed; no BOS is added.
// Deliberately left out: a GPU (vocabulary work never needs one).
import { getLlama, LlamaLogLevel, type Llama, type LlamaModel, type Token } from "node-llama-cpp";
import { FileFormatError, InputError } from "../../errors.js";
import type { Tokenizer } from "./tokenizer.js";

export interface LlamaVocabOptions {
  /** Reuse a loaded llama.cpp binding (loading one takes about a second). */
  llama?: Llama;
}

export class LlamaVocabTokenizer implements Tokenizer {
  private disposed = false;
  readonly vocabSize: number;

  private constructor(private readonly model: LlamaModel, readonly modelPath: string) {
    let count = 0;
    for (const _token of model.iterateAllTokens()) count++;
    this.vocabSize = count;
  }

  static async create(modelPath: string, options: LlamaVocabOptions = {}): Promise<LlamaVocabTokenizer> {
    const llama = options.llama ?? (await getLlama({ gpu: false, logLevel: LlamaLogLevel.error }));
    try {
      const model = await llama.loadModel({ modelPath, vocabOnly: true });
      return new LlamaVocabTokenizer(model, modelPath);
    } catch (error) {
      throw new FileFormatError(modelPath, `llama.cpp cannot load the vocabulary: ${(error as Error).message}`, {
        hint: "check that the file is a GGUF model with tokenizer.ggml.* metadata llama.cpp supports",
        cause: error,
      });
    }
  }

  private live(): LlamaModel {
    if (this.disposed) throw new InputError(`the tokenizer of ${this.modelPath} was disposed`);
    return this.model;
  }

  get eosId(): number {
    const eos = this.live().tokens.eos;
    if (eos === null) throw new FileFormatError(this.modelPath, "the vocabulary has no EOS token", { hint: "set tokenizer.ggml.eos_token_id" });
    return eos;
  }

  encode(text: string): number[] {
    return [...this.live().tokenize(text, true)];
  }

  decode(ids: readonly number[]): string {
    for (const id of ids) {
      if (!Number.isInteger(id) || id < 0 || id >= this.vocabSize) throw new InputError(`token id ${id} is outside the vocabulary (0…${this.vocabSize - 1})`);
    }
    return this.live().detokenize(ids as readonly Token[], true);
  }

  tokenId(text: string): number {
    const ids = this.encode(text);
    if (ids.length !== 1 || this.decode(ids) !== text) {
      throw new InputError(`"${text}" is not a single token of ${this.modelPath} (it encodes to ${ids.length} tokens)`, {
        hint: "tokenId() looks up whole tokens such as special tokens; use encode() for text",
      });
    }
    return ids[0]!;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.model.dispose();
  }
}
