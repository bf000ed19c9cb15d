// One node-llama-cpp runtime per process (CPU only: this workplace has no GPU), and a small owner
// class for "a GGUF model + one context + one sequence", which is all the planner and the actors need.
// Deliberately left out: batching several sequences in one context. The agent runs one request at a
// time, and a second sequence would double the KV cache for nothing.
import { existsSync } from "node:fs";
import {
  getLlama,
  LlamaLogLevel,
  type Llama,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaModel,
  type Token,
} from "node-llama-cpp";
import { InputError } from "../errors.js";

const SMALL_MODEL_BYTES = 64 * 1024 * 1024;

let sharedRuntime: Promise<Llama> | undefined;

/** The process-wide llama.cpp runtime (created on first use, CPU only, warnings silenced). */
export function sharedLlama(): Promise<Llama> {
  sharedRuntime ??= getLlama({ gpu: false, logLevel: LlamaLogLevel.error, build: "never" });
  return sharedRuntime;
}

/** A LoRA adapter file and its scale, as `--planner-lora A.gguf:0.5` spells it. */
export interface LoraFile {
  path: string;
  scale?: number;
}

export interface LocalModelOptions {
  modelPath: string;
  lora?: LoraFile[];
  /** KV cache length in tokens; prompts plus completions must fit. */
  contextSize?: number;
  threads?: number;
}

/** Parses "adapter.gguf" or "adapter.gguf:0.5" (the scale defaults to 1). */
export function parseLoraOption(text: string): LoraFile {
  const match = /^(.*?)(?::(-?\d+(?:\.\d+)?))?$/.exec(text);
  const path = match?.[1] ?? text;
  const scale = match?.[2] === undefined ? 1 : Number(match[2]);
  if (path.length === 0) throw new InputError(`LoRA option '${text}' has no file`, { hint: "use FILE.gguf or FILE.gguf:SCALE" });
  return { path, scale };
}

export class LocalModel {
  private disposed = false;
  private readonly singleTokenIds = new Map<string, Token | undefined>();

  private constructor(
    readonly llama: Llama,
    readonly model: LlamaModel,
    readonly context: LlamaContext,
    readonly sequence: LlamaContextSequence,
    readonly modelPath: string,
  ) {}

  static async load(options: LocalModelOptions): Promise<LocalModel> {
    for (const path of [options.modelPath, ...(options.lora ?? []).map((adapter) => adapter.path)]) {
      if (!existsSync(path)) throw new InputError(`model file not found: ${path}`, { hint: "train one with `octoplan train` or run `octoplan demo`" });
    }
    const llama = await sharedLlama();
    const model = await llama.loadModel({ modelPath: options.modelPath });
    const lora = options.lora?.length
      ? { adapters: options.lora.map((adapter) => ({ filePath: adapter.path, scale: adapter.scale ?? 1 })) }
      : undefined;
    const contextSize = Math.min(options.contextSize ?? 2048, model.trainContextSize);
    // Small models decode faster on one thread: llama.cpp's threads spin-wait on each other, which
    // costs more than the matmuls of a tiny model (and is ruinous on a shared, busy CPU).
    const threads = options.threads ?? (model.size < SMALL_MODEL_BYTES ? 1 : undefined);
    const context = await model.createContext({ contextSize, lora, threads, sequences: 1 });
    return new LocalModel(llama, model, context, context.getSequence(), options.modelPath);
  }

  /** Tokenizes with special tokens recognised, so `<|user|>` is one token, as in training. */
  tokenize(text: string): Token[] {
    return this.model.tokenize(text, true);
  }

  /** Id of a special token when it is a single token in this vocabulary, else undefined (cached). */
  singleTokenId(text: string): Token | undefined {
    if (!this.singleTokenIds.has(text)) {
      const tokens = this.model.tokenize(text, true);
      this.singleTokenIds.set(text, tokens.length === 1 ? tokens[0] : undefined);
    }
    return this.singleTokenIds.get(text);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.context.dispose();
    await this.model.dispose();
  }
}
