// The language-model loss graph shared by the gradient checks, the engine benchmark and (optionally) the trainer:
// inputs tokens I32 [T, B] and target distributions F32 [V, T·B] (one-hot rows), output the mean cross-entropy over
// the T·B rows. Left out: masking (ggml's cross_entropy_loss averages over all rows; the trainer handles masks).

import type { ComputeContext } from "../../ggml/compute-context.js";
import type { Tensor } from "../../ggml/tensor.js";
import type { ModelConfig } from "../config.js";
import { buildForward, type ForwardGraph } from "./index.js";
import type { ForwardOptions, WeightSource } from "./layers.js";

export interface LossGraph {
  tokens: Tensor;
  labels: Tensor;
  loss: Tensor;
  forward: ForwardGraph;
}

/** Adds inputs, forward and loss to `step`, marks the loss, and expands the graph (mark parameters before). */
export function buildLossGraph(step: ComputeContext, config: ModelConfig, weights: WeightSource, tokenCount: number, batch: number,
  options: ForwardOptions = {}): LossGraph {
  const tokens = step.input("I32", [tokenCount, batch], "tokens");
  const labels = step.input("F32", [config.vocabSize, tokenCount * batch], "labels");
  const forward = buildForward(step, config, weights, tokens, options); // logits [V, T, B]
  const loss = step.ops.crossEntropyLoss(step.ops.reshape(forward.logits, [config.vocabSize, tokenCount * batch]), labels); // scalar
  step.markOutput(loss);
  step.markLoss(loss);
  step.expand(loss);
  return { tokens, labels, loss, forward };
}

/** One-hot target rows [V, N] for target ids (next tokens). */
export function oneHotLabels(targets: ArrayLike<number>, vocabSize: number): Float32Array {
  const labels = new Float32Array(vocabSize * targets.length);
  for (let row = 0; row < targets.length; row++) labels[row * vocabSize + targets[row]!] = 1;
  return labels;
}
