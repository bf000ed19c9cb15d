// A tiny random llama model in exactly the layout convert_hf_to_gguf.py writes for LlamaForCausalLM:
// the same metadata keys and tensor names/shapes (ggml ne order, shape[0] = input features).
// Defaults: 2 layers, d=64, 4 heads, 2 KV heads (GQA), FFN 128. Weights come from a seeded PRNG,
// so a seed always gives the same file. Shared fixture: tokenizer, engine and conformance tests.
// Deliberately left out: the Q/K row permutation convert_hf_to_gguf applies to HF weights
// (random weights are generated directly in llama.cpp's layout).
import type { ModelConfig } from "../../src/model/config.js";
import { writeGguf, type GgufEntry, type GgufTensorInput } from "../../src/model/gguf/index.js";

export interface TinyLlamaOptions {
  /** tokenizer.ggml.* entries, e.g. BpeTokenizer.ggufMetadata(); vocab size = token count. */
  tokenizerMetadata: GgufEntry[];
  seed?: number;
  blockCount?: number;
  embeddingLength?: number;
  headCount?: number;
  headCountKv?: number;
  feedForwardLength?: number;
  contextLength?: number;
  ropeFreqBase?: number;
  rmsNormEps?: number;
  /** No output.weight: the output projection reuses token_embd.weight. */
  tiedEmbeddings?: boolean;
  type?: "F32" | "F16" | "BF16";
  name?: string;
}

/** The ModelConfig this fixture writes (always llama). */
export type TinyLlamaConfig = ModelConfig & { architecture: "llama" };

export interface TinyLlama {
  config: TinyLlamaConfig;
  /** Exactly what was written (before any F16/BF16 rounding). */
  tensors: GgufTensorInput[];
}

/** mulberry32 → standard normal via Box–Muller: deterministic across platforms. */
export function seededNormal(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

const FILE_TYPE = { F32: 0, F16: 1, BF16: 32 } as const; // llama_ftype ALL_F32, MOSTLY_F16, MOSTLY_BF16

export function writeTinyLlamaGguf(path: string, options: TinyLlamaOptions): TinyLlama {
  const tokens = options.tokenizerMetadata.find((entry) => entry.key === "tokenizer.ggml.tokens");
  if (!tokens || !Array.isArray(tokens.value)) throw new Error("tokenizerMetadata lacks tokenizer.ggml.tokens");
  const config: TinyLlamaConfig = {
    architecture: "llama",
    vocabSize: tokens.value.length,
    embeddingLength: options.embeddingLength ?? 64,
    blockCount: options.blockCount ?? 2,
    feedForwardLength: options.feedForwardLength ?? 128,
    headCount: options.headCount ?? 4,
    headCountKv: options.headCountKv ?? 2,
    contextLength: options.contextLength ?? 256,
    ropeFreqBase: options.ropeFreqBase ?? 10000,
    rmsNormEps: options.rmsNormEps ?? 1e-5,
    tiedEmbeddings: options.tiedEmbeddings ?? false,
  };
  const type = options.type ?? "F32";
  const random = seededNormal(options.seed ?? 1);
  const d = config.embeddingLength;
  const headDim = d / config.headCount;
  const kvDim = headDim * config.headCountKv;
  const tensors: GgufTensorInput[] = [];
  // Linear weights ~ N(0, 1/in) keep activations O(1) through the layers.
  const matrix = (name: string, inputs: number, outputs: number) => {
    const data = new Float32Array(inputs * outputs).map(() => random() / Math.sqrt(inputs));
    tensors.push({ name, type, shape: [inputs, outputs], data });
  };
  // Norm weights stay F32, as convert_hf_to_gguf keeps 1-D tensors in F32.
  const norm = (name: string) => {
    tensors.push({ name, type: "F32", shape: [d], data: new Float32Array(d).map(() => 1 + 0.1 * random()) });
  };

  tensors.push({ name: "token_embd.weight", type, shape: [d, config.vocabSize], data: new Float32Array(d * config.vocabSize).map(() => random()) });
  for (let block = 0; block < config.blockCount; block++) {
    const prefix = `blk.${block}`;
    norm(`${prefix}.attn_norm.weight`);
    matrix(`${prefix}.attn_q.weight`, d, d);
    matrix(`${prefix}.attn_k.weight`, d, kvDim);
    matrix(`${prefix}.attn_v.weight`, d, kvDim);
    matrix(`${prefix}.attn_output.weight`, d, d);
    norm(`${prefix}.ffn_norm.weight`);
    matrix(`${prefix}.ffn_gate.weight`, d, config.feedForwardLength);
    matrix(`${prefix}.ffn_up.weight`, d, config.feedForwardLength);
    matrix(`${prefix}.ffn_down.weight`, config.feedForwardLength, d);
  }
  norm("output_norm.weight");
  if (!config.tiedEmbeddings) matrix("output.weight", d, config.vocabSize);

  const metadata: GgufEntry[] = [
    { key: "general.architecture", type: "string", value: "llama" },
    { key: "general.type", type: "string", value: "model" },
    { key: "general.name", type: "string", value: options.name ?? "tiny-llama" },
    { key: "llama.block_count", type: "uint32", value: config.blockCount },
    { key: "llama.context_length", type: "uint32", value: config.contextLength },
    { key: "llama.embedding_length", type: "uint32", value: d },
    { key: "llama.feed_forward_length", type: "uint32", value: config.feedForwardLength },
    { key: "llama.attention.head_count", type: "uint32", value: config.headCount },
    { key: "llama.attention.head_count_kv", type: "uint32", value: config.headCountKv },
    { key: "llama.rope.freq_base", type: "float32", value: config.ropeFreqBase },
    { key: "llama.attention.layer_norm_rms_epsilon", type: "float32", value: config.rmsNormEps },
    { key: "general.file_type", type: "uint32", value: FILE_TYPE[type] },
    { key: "llama.vocab_size", type: "uint32", value: config.vocabSize },
    { key: "llama.rope.dimension_count", type: "uint32", value: headDim },
    ...options.tokenizerMetadata,
    { key: "general.quantization_version", type: "uint32", value: 2 },
  ];
  writeGguf(path, { metadata, tensors });
  return { config, tensors };
}
