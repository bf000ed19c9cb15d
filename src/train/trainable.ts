// What the training loop needs from a model being trained. The ggml implementation is
// TrainingGraph (graph.ts); the loop (trainer.ts) sees only this, so it reads top to bottom.
import type { Batch } from "./examples.js";
import type { CheckpointTensor } from "./checkpoint.js";

export interface AdamWStep {
  lr: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  weightDecay: number;
  /** 1-based AdamW iteration, for bias correction. */
  iteration: number;
  /** Gradients are multiplied by this before the update (global-norm clipping). */
  gradientScale: number;
}

export interface Trainable {
  /** Trainable parameter count. */
  readonly trainableParameters: number;
  /** Zeroes the gradient accumulators (start of an optimizer step). */
  zeroGradients(): void;
  /**
   * Forward and backward on one micro-batch; adds `lossScale ·` ∂loss/∂θ to the accumulators.
   * `dropoutSeed` seeds LoRA dropout for this micro-batch. Returns the mean loss over target tokens.
   */
  accumulate(batch: Batch, lossScale: number, dropoutSeed: number): number;
  /** L2 norm of the accumulated gradient over all trainable tensors. */
  gradientNorm(): number;
  /** One AdamW update of every trainable tensor from the accumulated gradient. */
  optimizerStep(step: AdamWStep): void;
  /** Mean loss over target tokens, forward only (no dropout). */
  evalLoss(batch: Batch): number;
  /** Trainable weights and AdamW moments, for checkpoints. */
  exportState(): CheckpointTensor[];
  importState(tensors: Map<string, CheckpointTensor>): void;
  dispose(): void;
}
