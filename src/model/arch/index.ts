// The architectures: tensor layouts and forward graph builders, looked up by ModelConfig.architecture.
// buildForward is the entry point for LanguageModel and the trainer: it adds the positions input and returns
// logits [V, T, B] for tokens [T, B].

import type { ComputeContext } from "../../ggml/compute-context.js";
import type { Ggml } from "../../ggml/ggml.js";
import type { Ops } from "../../ggml/ops.js";
import type { TensorSpec } from "../../ggml/parameter-context.js";
import { ShapeError, type Tensor } from "../../ggml/tensor.js";
import { ARCHITECTURES, type Architecture, type ModelConfig } from "../config.js";
import { InputError } from "../../errors.js";
import { buildGemmaForward, gemmaTensors } from "./gemma.js";
import type { ForwardOptions, WeightSource } from "./layers.js";
import { buildLlamaForward, llamaTensors, type ForwardInputs } from "./llama.js";
import { buildPhi3Forward, phi3Tensors } from "./phi3.js";
import { buildQwen2Forward, qwen2Tensors } from "./qwen2.js";

export interface ArchitectureDefinition {
  tensors(config: ModelConfig): TensorSpec[];
  forward(ops: Ops, config: ModelConfig, weights: WeightSource, inputs: ForwardInputs, options?: ForwardOptions): Tensor;
}

export const ARCHITECTURE_DEFINITIONS: Record<Architecture, ArchitectureDefinition> = {
  llama: { tensors: llamaTensors, forward: buildLlamaForward },
  qwen2: { tensors: qwen2Tensors, forward: buildQwen2Forward },
  phi3: { tensors: phi3Tensors, forward: buildPhi3Forward },
  gemma: { tensors: gemmaTensors, forward: buildGemmaForward },
};

export function architectureDefinition(architecture: string): ArchitectureDefinition {
  const definition = ARCHITECTURE_DEFINITIONS[architecture as Architecture];
  if (definition === undefined) {
    throw new InputError(`unsupported architecture '${architecture}'. Available architectures: ${ARCHITECTURES.join(", ")}`);
  }
  return definition;
}

/** The weight tensors (GGUF names, ggml shapes) a model with this config has. */
export function tensorSpecs(config: ModelConfig): TensorSpec[] {
  return architectureDefinition(config.architecture).tensors(config);
}

export interface ForwardGraph {
  /** F32 [V, T, B]. */
  logits: Tensor;
  /** I32 [T]; fill with positionValues(T) after allocate() (or call fillPositions). */
  positions: Tensor;
  fillPositions(ggml: Ggml): void;
}

/** Adds the forward graph for tokens (I32 [T, B], an input of `step`) and returns its logits [V, T, B]. */
export function buildForward(step: ComputeContext, config: ModelConfig, weights: WeightSource, tokens: Tensor,
  options: ForwardOptions = {}): ForwardGraph {
  const tokenCount = tokens.ne[0];
  if (tokens.type !== "I32" || tokens.ne[2] !== 1 || tokens.ne[3] !== 1) {
    throw new ShapeError(`buildForward: tokens must be I32 [T, B], got ${tokens.describe()}`);
  }
  if (tokenCount > config.contextLength) {
    throw new InputError(`sequence of ${tokenCount} tokens is longer than the model's context length ${config.contextLength}`, {
      hint: "Truncate the input or use a model with a longer context.",
    });
  }
  const positions = step.input("I32", [tokenCount], "positions");
  const logits = architectureDefinition(config.architecture).forward(step.ops, config, weights, { tokens, positions }, options);
  return { logits, positions, fillPositions: (ggml) => ggml.write(positions, positionValues(tokenCount)) };
}

export function positionValues(tokenCount: number): Int32Array {
  return Int32Array.from({ length: tokenCount }, (_, i) => i);
}

export { type ForwardOptions, type LoraTensors, type WeightSource, linear, rmsNorm, causalAttention, differentiableGelu } from "./layers.js";
export { type ForwardInputs } from "./llama.js";
export { buildLossGraph, oneHotLabels, type LossGraph } from "./loss.js";
