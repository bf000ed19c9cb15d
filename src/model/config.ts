// ModelConfig: the hyper-parameters of a llama-family model, as stored in GGUF under `{arch}.*` keys, with the
// presets we train from scratch, parameter counting and FLOPs per token (for the engine benchmark's GFLOP/s).

import { InputError } from "../errors.js";

export const ARCHITECTURES = ["llama", "qwen2", "phi3", "gemma"] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export interface ModelConfig {
  architecture: Architecture;
  vocabSize: number;
  embeddingLength: number;
  blockCount: number;
  feedForwardLength: number;
  headCount: number;
  headCountKv: number;
  contextLength: number;
  ropeFreqBase: number;
  rmsNormEps: number;
  tiedEmbeddings: boolean;
}

export const PRESETS = {
  /** For tests and the demo's --fast run: trains in seconds. */
  tiny: { embeddingLength: 128, blockCount: 4, feedForwardLength: 384, headCount: 4, headCountKv: 2, contextLength: 512 },
  /** The full demo's planner: ~4× tiny's cost per token, and it learns to copy entities and count intents. */
  base: { embeddingLength: 256, blockCount: 6, feedForwardLength: 768, headCount: 8, headCountKv: 4, contextLength: 512 },
  /** About 30M parameters with a 4096 vocabulary (29.4M tied): the engine benchmark's model. */
  small: { embeddingLength: 512, blockCount: 8, feedForwardLength: 1536, headCount: 8, headCountKv: 8, contextLength: 1024 },
} as const;
export type PresetName = keyof typeof PRESETS;
/** A preset name, or "WIDTHxLAYERS" (e.g. "192x6") for any other size. */
export type ModelSize = PresetName | `${number}x${number}`;

const SIZE_PATTERN = /^(\d+)x(\d+)$/;

/** The hint for an unknown size, wherever one is named (presetConfig, `train --init`). */
export const MODEL_SIZES_HINT = `Available sizes: ${Object.keys(PRESETS).join(", ")}, or WIDTHxLAYERS such as 192x6`;

/** True when `text` names a preset or a WIDTHxLAYERS size; `presetConfig` gives the reason when not. */
export function isModelSize(text: string): text is ModelSize {
  return text in PRESETS || SIZE_PATTERN.test(text);
}

/**
 * The shape for a WIDTHxLAYERS size: feed-forward 3×width (as the presets), 32-wide heads up to width 256 and
 * 64-wide above (small heads help tiny models more than they cost), grouped-query attention with 2 queries per key.
 */
function customShape(text: string, width: number, layers: number) {
  const headDim = width > 256 ? 64 : 32;
  if (width % headDim !== 0 || width < 32) {
    throw new InputError(`model size '${text}': the width must be a multiple of ${headDim}`, { hint: "e.g. 128x4, 192x6, 256x6, 512x8" });
  }
  if (layers < 1 || layers > 64) throw new InputError(`model size '${text}': layers must be 1–64`);
  const headCount = width / headDim;
  return {
    embeddingLength: width, blockCount: layers, feedForwardLength: 3 * width,
    headCount, headCountKv: headCount % 2 === 0 ? headCount / 2 : headCount, contextLength: 512,
  };
}

export function presetConfig(
  name: ModelSize,
  options: { vocabSize: number; architecture?: Architecture; tiedEmbeddings?: boolean },
): ModelConfig {
  const match = SIZE_PATTERN.exec(name);
  const preset = match ? customShape(name, Number(match[1]), Number(match[2])) : PRESETS[name as PresetName];
  if (preset === undefined) {
    throw new InputError(`unknown model size '${name}'`, { hint: MODEL_SIZES_HINT });
  }
  return validateConfig({
    architecture: options.architecture ?? "llama",
    vocabSize: options.vocabSize,
    ...preset,
    ropeFreqBase: 10000,
    rmsNormEps: 1e-5,
    tiedEmbeddings: options.tiedEmbeddings ?? true,
  });
}

export function headDimension(config: ModelConfig): number {
  return config.embeddingLength / config.headCount;
}

/** Throws an InputError naming the first inconsistent field. */
export function validateConfig(config: ModelConfig): ModelConfig {
  if (!ARCHITECTURES.includes(config.architecture)) {
    throw new InputError(`unknown architecture '${config.architecture}'. Available architectures: ${ARCHITECTURES.join(", ")}`);
  }
  const positive = ["vocabSize", "embeddingLength", "blockCount", "feedForwardLength", "headCount", "headCountKv", "contextLength"] as const;
  for (const field of positive) {
    if (!Number.isInteger(config[field]) || config[field] < 1) throw new InputError(`model config: ${field} must be a positive integer, got ${config[field]}`);
  }
  if (config.embeddingLength % config.headCount !== 0) {
    throw new InputError(`model config: embeddingLength ${config.embeddingLength} is not a multiple of headCount ${config.headCount}`);
  }
  if (config.headCount % config.headCountKv !== 0) {
    throw new InputError(`model config: headCount ${config.headCount} is not a multiple of headCountKv ${config.headCountKv}`);
  }
  if (headDimension(config) % 2 !== 0) throw new InputError("model config: the head dimension must be even for RoPE");
  if (!(config.rmsNormEps > 0) || !(config.ropeFreqBase > 0)) throw new InputError("model config: rmsNormEps and ropeFreqBase must be positive");
  return config;
}

/** Weight counts by kind. Embedding and output are separate because the output is free when tied. */
export function parameterCounts(config: ModelConfig) {
  const d = config.embeddingLength;
  const kvDim = headDimension(config) * config.headCountKv;
  const attention = d * d * 2 + d * kvDim * 2 + (config.architecture === "qwen2" ? d + 2 * kvDim : 0);
  const feedForward = 3 * d * config.feedForwardLength;
  const norms = 2 * d;
  const perBlock = attention + feedForward + norms;
  const embedding = config.vocabSize * d;
  const output = config.tiedEmbeddings ? 0 : config.vocabSize * d;
  return { perBlock, blocks: perBlock * config.blockCount, embedding, output, total: perBlock * config.blockCount + embedding + output + d };
}

/**
 * Forward FLOPs per token at a given sequence length: 2 per multiply-add in every matrix product (the linears and
 * the output head, tied or not), plus attention's QK and AV products averaged over causal positions.
 * Norms, RoPE and softmax are left out (a few percent at these sizes). Training (forward + backward) is 3×.
 */
export function flopsPerToken(config: ModelConfig, sequenceLength: number): number {
  const counts = parameterCounts(config);
  const d = config.embeddingLength;
  const linear = 2 * (counts.blocks - 2 * d * config.blockCount) + 2 * config.vocabSize * d;
  const averageContext = (sequenceLength + 1) / 2;
  const attention = config.blockCount * 2 * 2 * averageContext * d;
  return linear + attention;
}
