// An exponential moving average of the trained weights (Polyak averaging, as in the EMA checkpoints of image and
// language models): after optimizer step t, avg ← d·avg + (1 − d)·w with d = min(decay, 1 − 1/t). Until the window
// of about 1/(1 − decay) steps has filled, that is the plain mean of the weights so far, so the random initial weights
// never count (a first try used TensorFlow's (1 + t)/(10 + t), which stays below 0.999 until step 8990 and so made
// every decay above that the same in the demo's 8000 steps). Small batches make each step's weights
// noisy; the average smooths that noise out at no cost in steps. The averages live in their own backend buffer and
// are updated by one small graph per step; train() writes them in place of the last weights at the end of a run.
// Deliberately left out: averaging only after some step, and several decays at once.
import { ComputeContext, GraphAllocator, ParameterContext, derivedTensorName, type Ggml } from "../ggml/index.js";
import { OctoplanError } from "../errors.js";
import type { CheckpointTensor } from "./checkpoint.js";
import type { OptimizedTensor } from "./optimizer.js";

const SUFFIX = "#ema";

export class WeightAverage {
  private disposed = false;

  private constructor(
    private readonly ggml: Ggml,
    private readonly trainable: readonly OptimizedTensor[],
    private readonly averages: ParameterContext,
    private readonly allocator: GraphAllocator,
    readonly decay: number,
  ) {}

  /** Starts the average at the current weights. */
  static create(ggml: Ggml, trainable: readonly OptimizedTensor[], decay: number): WeightAverage {
    if (!(decay > 0 && decay < 1)) throw new OctoplanError(`weight average: decay must be in (0, 1), got ${decay}`);
    const averages = ParameterContext.create(ggml, trainable.map(({ name, tensor }) => ({ name: derivedTensorName(name, SUFFIX), type: "F32" as const, shape: tensor.shape })));
    for (const { name, tensor } of trainable) averages.write(derivedTensorName(name, SUFFIX), ggml.read(tensor));
    return new WeightAverage(ggml, trainable, averages, GraphAllocator.create(ggml), decay);
  }

  /** The decay used after optimizer step `iteration` (1-based). */
  decayAt(iteration: number): number {
    return Math.min(this.decay, 1 - 1 / iteration);
  }

  /** Folds the weights after optimizer step `iteration` (1-based) into the average. */
  update(iteration: number): void {
    this.assertAlive();
    const decay = this.decayAt(iteration);
    // Five nodes a tensor: two scales, the add, the cpy, and the weight itself (ggml counts a parameter as a node).
    const graph = ComputeContext.create(this.ggml, { allocator: this.allocator, maxNodes: 5 * this.trainable.length + 8 });
    try {
      for (const { name, tensor } of this.trainable) {
        const average = this.averages.get(derivedTensorName(name, SUFFIX));
        const next = graph.ops.add(graph.ops.scale(average, decay), graph.ops.scale(tensor, 1 - decay));
        graph.expand(graph.ops.cpy(next, average));
      }
      graph.compute();
    } finally {
      graph.dispose();
    }
  }

  /** Overwrites the trained weights with their average (the end of a run). */
  copyIntoWeights(): void {
    this.assertAlive();
    for (const { name, tensor } of this.trainable) this.ggml.write(tensor, this.averages.read(derivedTensorName(name, SUFFIX)));
  }

  /** `name#ema` for each trainable tensor, for a checkpoint. */
  exportState(): CheckpointTensor[] {
    return this.trainable.map(({ name, tensor }) => ({ name: name + SUFFIX, shape: tensor.shape, data: this.averages.read(derivedTensorName(name, SUFFIX)) }));
  }

  importState(tensors: Map<string, CheckpointTensor>): void {
    for (const { name, tensor } of this.trainable) {
      const saved = tensors.get(name + SUFFIX);
      if (!saved || saved.data.length !== tensor.elementCount) {
        throw new OctoplanError(`the checkpoint has no weight average '${name + SUFFIX}' with ${tensor.elementCount} values`, {
          hint: "resume with the same emaDecay as the run that wrote the checkpoint (a run without an average cannot continue with one)",
        });
      }
      this.averages.write(derivedTensorName(name, SUFFIX), saved.data);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.allocator.dispose();
    this.averages.dispose();
  }

  private assertAlive(): void {
    if (this.disposed) throw new OctoplanError("WeightAverage used after dispose()");
  }
}
