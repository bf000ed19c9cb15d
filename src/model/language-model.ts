// LanguageModel: a config plus its weights in a ParameterContext. Create one from a config with a seeded init (for
// from-scratch training), load one from GGUF (F32/F16/BF16 kept as stored, Q8_0/Q4_0 dequantized to F32), save it
// in the layout convert_hf_to_gguf.py writes, and compute logits with the architecture's forward graph.
// Left out: KV caching and sampling (inference runs in node-llama-cpp); this class serves training and checks.

import { FileFormatError, InputError } from "../errors.js";
import { ComputeContext } from "../ggml/compute-context.js";
import { Ggml } from "../ggml/ggml.js";
import { ParameterContext, type TensorSpec } from "../ggml/parameter-context.js";
import type { TensorType } from "../ggml/tensor.js";
import { buildForward, tensorSpecs, type ForwardOptions } from "./arch/index.js";
import { validateConfig, type ModelConfig } from "./config.js";
import { GgufFile } from "./gguf/reader.js";
import type { GgufEntry } from "./gguf/types.js";
import { writeGguf } from "./gguf/writer.js";
import { configFromGguf, configMetadata } from "./model-metadata.js";
import { SeededRandom } from "./random.js";

export interface LanguageModelOptions {
  /** Share one Ggml (backend + threads) between models; otherwise the model creates and disposes its own. */
  ggml?: Ggml;
  threads?: number;
}

export interface LoadOptions extends LanguageModelOptions {
  /** Convert every weight to this type on load (default: keep F32/F16/BF16 as stored). */
  weightType?: TensorType;
}

/** Anything that contributes tokenizer.ggml.* metadata (BpeTokenizer does). */
export interface TokenizerMetadataSource {
  ggufMetadata(): GgufEntry[];
}

export class LanguageModel {
  private disposed = false;

  private constructor(
    readonly config: ModelConfig,
    readonly ggml: Ggml,
    private readonly ownsGgml: boolean,
    readonly weights: ParameterContext,
    readonly specs: readonly TensorSpec[],
  ) {}

  /** A fresh model: N(0, 0.02) matrices, residual outputs scaled by 1/√(2·blocks) (GPT-2), norms 1, biases 0. */
  static async create(config: ModelConfig, options: LanguageModelOptions & { seed?: number } = {}): Promise<LanguageModel> {
    validateConfig(config);
    const specs = tensorSpecs(config);
    const ggml = options.ggml ?? (await Ggml.create({ threads: options.threads }));
    const weights = ParameterContext.create(ggml, specs);
    const random = new SeededRandom(options.seed ?? 0);
    const residualStd = 0.02 / Math.sqrt(2 * config.blockCount);
    for (const spec of specs) {
      const count = spec.shape.reduce((product, size) => product * size, 1);
      let values: Float32Array;
      if (spec.name.endsWith("norm.weight")) values = new Float32Array(count).fill(1);
      else if (spec.name.endsWith(".bias")) values = new Float32Array(count);
      else values = random.normals(count, /attn_output|ffn_down/.test(spec.name) ? residualStd : 0.02);
      weights.write(spec.name, values);
    }
    return new LanguageModel(config, ggml, options.ggml === undefined, weights, specs);
  }

  static async load(path: string, options: LoadOptions = {}): Promise<LanguageModel> {
    const file = await GgufFile.read(path);
    const config = configFromGguf(file);
    const expected = tensorSpecs(config);
    const missing = expected.filter((spec) => !file.hasTensor(spec.name)).map((spec) => spec.name);
    if (missing.length > 0) {
      throw new FileFormatError(path, `missing tensors for ${config.architecture}: ${missing.slice(0, 8).join(", ")}${missing.length > 8 ? ", …" : ""}`, {
        hint: "Is this a full model rather than a LoRA adapter? Tensor names must follow llama.cpp's GGUF names.",
      });
    }
    const specs = expected.map((spec): TensorSpec => {
      const info = file.tensor(spec.name);
      if (info.shape.join() !== spec.shape.join()) {
        throw new FileFormatError(path, `tensor ${spec.name} has shape [${info.shape.join(", ")}], expected [${spec.shape.join(", ")}] from the metadata`);
      }
      const stored = ["F32", "F16", "BF16"].includes(info.type) ? (info.type as TensorType) : "F32";
      // Norms and biases stay F32: ggml's element-wise ops here take F32 operands.
      const type = spec.shape.length === 1 ? "F32" : options.weightType ?? stored;
      return { ...spec, type };
    });
    const ggml = options.ggml ?? (await Ggml.create({ threads: options.threads }));
    const weights = ParameterContext.create(ggml, specs);
    for (const spec of specs) weights.write(spec.name, file.tensorF32(spec.name));
    return new LanguageModel(config, ggml, options.ggml === undefined, weights, specs);
  }

  /** Writes a GGUF llama.cpp can load: the architecture's metadata keys, the tokenizer's, and every weight. */
  async save(path: string, tokenizer: TokenizerMetadataSource, options: { name?: string } = {}): Promise<void> {
    const tokenizerEntries = tokenizer.ggufMetadata();
    const vocabulary = tokenizerEntries.find((entry) => entry.key === "tokenizer.ggml.tokens");
    if (vocabulary && Array.isArray(vocabulary.value) && vocabulary.value.length !== this.config.vocabSize) {
      throw new InputError(`the tokenizer has ${vocabulary.value.length} tokens but the model's vocabSize is ${this.config.vocabSize}`, {
        hint: "Save with the tokenizer the model was created for.",
      });
    }
    writeGguf(path, {
      // Default name "octoplan": llama.cpp sets Phi-3 token attributes when general.name contains "phi3", which
      // requires Phi-3's own vocabulary ("</s>", "<unk>") and fails on ours.
      metadata: [...configMetadata(this.config, options.name ?? "octoplan"), ...tokenizerEntries],
      tensors: this.specs.map((spec) => ({
        name: spec.name,
        type: spec.type === "I32" ? "F32" : spec.type,
        shape: [...spec.shape],
        data: this.weights.read(spec.name),
      })),
    });
  }

  /**
   * Logits for a batch of equal-length sequences (or one sequence): ggml order [V, T, B], i.e. the logits of
   * token t in sequence b start at ((b·T) + t)·V.
   */
  logits(tokens: readonly number[] | readonly (readonly number[])[], options: ForwardOptions = {}): Float32Array {
    if (this.disposed) throw new InputError("this LanguageModel was disposed");
    const sequences = (typeof tokens[0] === "number" ? [tokens] : tokens) as readonly (readonly number[])[];
    const length = sequences[0]?.length ?? 0;
    if (length === 0 || sequences.some((sequence) => sequence.length !== length)) {
      throw new InputError("logits: give one or more non-empty token sequences of equal length");
    }
    const ids = Int32Array.from(sequences.flat());
    const bad = ids.find((id) => id < 0 || id >= this.config.vocabSize);
    if (bad !== undefined) throw new InputError(`token id ${bad} is outside the vocabulary (0..${this.config.vocabSize - 1})`);
    const step = ComputeContext.create(this.ggml);
    try {
      const input = step.input("I32", [length, sequences.length], "tokens");
      const forward = buildForward(step, this.config, this.weights, input, options);
      step.markOutput(forward.logits);
      step.expand(forward.logits);
      step.allocate();
      this.ggml.write(input, ids);
      forward.fillPositions(this.ggml);
      step.compute();
      return this.ggml.read(forward.logits);
    } finally {
      step.dispose();
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.weights.dispose();
    if (this.ownsGgml) this.ggml.dispose();
  }
}
