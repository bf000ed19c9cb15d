// ModelConfig ↔ GGUF metadata, with the keys convert_hf_to_gguf.py writes: `{arch}.context_length`,
// `.embedding_length`, `.block_count`, `.feed_forward_length`, `.attention.head_count`, `.attention.head_count_kv`,
// `.rope.freq_base`, `.attention.layer_norm_rms_epsilon`, `.rope.dimension_count`, `.vocab_size`.

import { FileFormatError } from "../errors.js";
import { ARCHITECTURES, headDimension, validateConfig, type Architecture, type ModelConfig } from "./config.js";
import type { GgufFile } from "./gguf/reader.js";
import type { GgufEntry } from "./gguf/types.js";

export function configMetadata(config: ModelConfig, name: string): GgufEntry[] {
  const arch = config.architecture;
  return [
    { key: "general.architecture", type: "string", value: arch },
    { key: "general.name", type: "string", value: name },
    { key: "general.file_type", type: "uint32", value: 0 }, // ALL_F32
    { key: `${arch}.vocab_size`, type: "uint32", value: config.vocabSize },
    { key: `${arch}.context_length`, type: "uint32", value: config.contextLength },
    { key: `${arch}.embedding_length`, type: "uint32", value: config.embeddingLength },
    { key: `${arch}.block_count`, type: "uint32", value: config.blockCount },
    { key: `${arch}.feed_forward_length`, type: "uint32", value: config.feedForwardLength },
    { key: `${arch}.attention.head_count`, type: "uint32", value: config.headCount },
    { key: `${arch}.attention.head_count_kv`, type: "uint32", value: config.headCountKv },
    { key: `${arch}.rope.freq_base`, type: "float32", value: config.ropeFreqBase },
    { key: `${arch}.rope.dimension_count`, type: "uint32", value: headDimension(config) },
    { key: `${arch}.attention.layer_norm_rms_epsilon`, type: "float32", value: config.rmsNormEps },
  ];
}

/** float32 values back to the decimal they were written from (1e-6, not 9.99999997e-7): 7 significant digits. */
function fromFloat32(value: number): number {
  return Number(value.toPrecision(7));
}

export function configFromGguf(file: GgufFile): ModelConfig {
  const architecture = file.getString("general.architecture");
  if (!ARCHITECTURES.includes(architecture as Architecture)) {
    throw new FileFormatError(file.path, `unsupported architecture '${architecture}'. Available architectures: ${ARCHITECTURES.join(", ")}`, {
      hint: "octoplan trains and runs llama, qwen2, phi3 and gemma models.",
    });
  }
  const key = (suffix: string) => `${architecture}.${suffix}`;
  const headCount = file.getNumber(key("attention.head_count"));
  const vocabSize = file.has(key("vocab_size")) ? file.getNumber(key("vocab_size")) : file.tensor("token_embd.weight").shape[1]!;
  const config: ModelConfig = {
    architecture: architecture as Architecture,
    vocabSize,
    embeddingLength: file.getNumber(key("embedding_length")),
    blockCount: file.getNumber(key("block_count")),
    feedForwardLength: file.getNumber(key("feed_forward_length")),
    headCount,
    headCountKv: file.has(key("attention.head_count_kv")) ? file.getNumber(key("attention.head_count_kv")) : headCount,
    contextLength: file.getNumber(key("context_length")),
    ropeFreqBase: file.has(key("rope.freq_base")) ? fromFloat32(file.getNumber(key("rope.freq_base"))) : 10000,
    rmsNormEps: fromFloat32(file.getNumber(key("attention.layer_norm_rms_epsilon"))),
    tiedEmbeddings: !file.hasTensor("output.weight"),
  };
  try {
    return validateConfig(config);
  } catch (error) {
    throw new FileFormatError(file.path, (error as Error).message, { cause: error });
  }
}
