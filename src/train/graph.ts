// The training graph on top of the engine's forward pass: masked cross-entropy, backward
// into persistent gradient accumulators, the global gradient norm, and AdamW (optimizer.ts).
//
// Memory (each in its own backend buffer):
//   parameters  owned by the model (the engine's weights, or our LoraWeights)
//   gradients   one F32 accumulator per trainable tensor + the loss gradient (held at 1)
//   optimizer   AdamW's moments and step vectors (optimizer.ts)
//   compute     a ComputeContext per micro-batch (forward + backward), placed by one GraphAllocator
//
// Targets: only the positions with a target (the plan or the call, not the prompt or the padding) go through
// the output head: the forward gets their indices (`outputRows`) and returns logits [V, N] for those N
// positions, so the loss is a plain mean over targets. This matters for small models, whose head is a large
// part of the cost. A forward builder that ignores outputRows (rowsSelected unset) returns [V, T, B]; its rows
// are then picked from the full logits (same loss, no saving).
// Mixed precision (BF16 products over F32 masters) plugs in through rewriteBackward and onWeightsChanged
// (src/ggml/mixed-precision.ts). Deliberately left out: gradient checkpointing, multiple devices.
import koffi from "koffi";
import { ComputeContext, GraphAllocator, ParameterContext, assertShape, derivedTensorName, type Ggml, type Tensor } from "../ggml/index.js";
import { targetRows, type Batch } from "./examples.js";
import type { AdamWStep, Trainable } from "./trainable.js";
import type { CheckpointTensor } from "./checkpoint.js";
import { AdamW, type OptimizedTensor } from "./optimizer.js";
import { WeightAverage } from "./weight-average.js";

export type TrainableTensor = OptimizedTensor;

/**
 * Adds the forward graph for input ids [T, B] to `step` and returns logits [V, T, B], plus a
 * callback that fills the graph's own inputs (positions, dropout masks) once it is allocated.
 */
export type ForwardBuilder = (
  step: ComputeContext,
  inputs: Tensor,
  options: { training: boolean; dropoutSeed: number; outputRows?: Tensor },
) => {
  logits: Tensor;
  /** True when the builder passed outputRows to the forward, so logits are [V, N, 1] for those rows only. */
  rowsSelected?: boolean;
  fillInputs?: () => void;
};

export interface TrainingGraphOptions {
  ggml: Ggml;
  trainable: TrainableTensor[];
  forward: ForwardBuilder;
  vocabularySize: number;
  /** Node capacity of one forward graph (the backward gets its own room on top). */
  maxNodes?: number;
  /**
   * Called after ggml_build_backward_expand, before allocation: rewrites the backward graph, e.g.
   * FrozenTransposes turning out_prod through frozen F16/BF16 weights into mul_mat (see frozen.ts).
   */
  rewriteBackward?: (step: ComputeContext) => void;
  /** Called after the trainable weights change (optimizer step, checkpoint import), e.g. to refresh BF16 copies. */
  onWeightsChanged?: () => void;
  /** Keep an exponential moving average of the trainable weights with this decay (weight-average.ts); 0 or unset: none. */
  emaDecay?: number;
}

export class TrainingGraph implements Trainable {
  private disposed = false;
  private readonly byAddress = new Map<bigint, Tensor>();

  private constructor(
    private readonly options: TrainingGraphOptions,
    private readonly gradients: ParameterContext,
    private readonly optimizer: AdamW,
    private readonly allocator: GraphAllocator,
    private readonly average: WeightAverage | undefined,
  ) {
    // AdamW.create has flagged every trainable tensor as a parameter, which is what ggml's backward reads.
    options.trainable.forEach(({ name, tensor }) => this.byAddress.set(koffi.address(tensor.pointer), gradients.get(gradientName(name))));
  }

  static create(options: TrainingGraphOptions): TrainingGraph {
    const { ggml, trainable } = options;
    // First: it refuses what it cannot update (by name) before anything else is allocated, and flags the parameters.
    const optimizer = AdamW.create(ggml, trainable);
    const spec = (name: string, tensor: Tensor) => ({ name, type: "F32" as const, shape: tensor.shape });
    const gradients = ParameterContext.create(ggml, [
      ...trainable.map(({ name, tensor }) => spec(gradientName(name), tensor)),
      { name: "loss.grad", type: "F32", shape: [1] },
    ]);
    const average = options.emaDecay ? WeightAverage.create(ggml, trainable, options.emaDecay) : undefined;
    const graph = new TrainingGraph(options, gradients, optimizer, GraphAllocator.create(ggml), average);
    graph.zeroGradients();
    return graph;
  }

  get trainableParameters(): number {
    return this.options.trainable.reduce((sum, { tensor }) => sum + tensor.elementCount, 0);
  }

  zeroGradients(): void {
    const base = this.options.ggml.base;
    for (const { name } of this.options.trainable) {
      const accumulator = this.gradients.get(gradientName(name));
      base.ggml_backend_tensor_memset(accumulator.pointer, 0, 0, accumulator.elementCount * 4);
    }
    this.gradients.write("loss.grad", new Float32Array([1]));
  }

  accumulate(batch: Batch, lossScale: number, dropoutSeed: number): number {
    return this.run(batch, { backward: true, lossScale, dropoutSeed });
  }

  evalLoss(batch: Batch): number {
    return this.run(batch, { backward: false, lossScale: 1, dropoutSeed: 0 });
  }

  /** Builds, allocates and computes one forward (+ backward) graph; returns the mean loss over targets. */
  private run(batch: Batch, how: { backward: boolean; lossScale: number; dropoutSeed: number }): number {
    const { ggml, vocabularySize: V } = this.options;
    const { length: T, rows: B } = batch;
    if (batch.targetTokens === 0) return 0;
    const step = ComputeContext.create(ggml, { gradients: how.backward, allocator: this.allocator, maxNodes: this.options.maxNodes });
    try {
      const ops = step.ops;
      const N = batch.targetTokens;
      const inputs = step.input("I32", [T, B], "inputs");
      const outputRows = step.input("I32", [N], "target_rows"); // positions t + T·b that have a target (k times for weight k)
      const labels = step.input("F32", [V, N], "labels"); // one-hot rows
      const forward = this.options.forward(step, inputs, { training: how.backward, dropoutSeed: how.dropoutSeed, outputRows });
      const logits = forward.rowsSelected
        ? ops.reshape(assertShape(forward.logits, [V, N, 1], "logits of the target rows"), [V, N])
        : ops.getRows(ops.reshape(assertShape(forward.logits, [V, T, B], "logits"), [V, T * B]), outputRows); // [V, N]
      const loss = ops.scale(ops.crossEntropyLoss(logits, labels), how.lossScale); // [1], mean over targets
      step.markOutput(loss);
      step.markLoss(loss);
      step.expand(loss);
      if (how.backward) this.backward(step, loss);
      step.allocate();

      ggml.write(inputs, batch.inputs);
      forward.fillInputs?.();
      const { rows, oneHot } = targetRows(batch, V);
      ggml.write(outputRows, rows);
      ggml.write(labels, oneHot);
      step.compute();
      return ggml.read(loss)[0]! / how.lossScale;
    } finally {
      step.dispose();
    }
  }

  /**
   * ggml_build_backward_expand takes `ggml_tensor ** grad_accs` indexed like the forward graph's
   * nodes: our accumulator for each trainable tensor, the loss gradient for the loss, null
   * elsewhere. Gradients of a micro-batch are then added into the accumulators in place.
   */
  private backward(step: ComputeContext, loss: Tensor): void {
    const nodes = step.nodeCount;
    const table = new BigUint64Array(nodes);
    const lossAddress = koffi.address(loss.pointer);
    const base = this.options.ggml.base;
    for (let index = 0; index < nodes; index++) {
      const address = koffi.address(base.ggml_graph_node(step.graph, index));
      const accumulator = address === lossAddress ? this.gradients.get("loss.grad") : this.byAddress.get(address);
      if (accumulator) table[index] = koffi.address(accumulator.pointer);
    }
    base.ggml_build_backward_expand(step.ops.context, step.graph, table);
    this.options.rewriteBackward?.(step);
  }

  /** The accumulated gradient of one trainable tensor (for tests and debugging). */
  readGradient(name: string): Float32Array {
    return this.gradients.read(gradientName(name));
  }

  gradientNorm(): number {
    // Summed in float64, tensor by tensor, in a fixed order: deterministic.
    let sumOfSquares = 0;
    for (const { name } of this.options.trainable) {
      const values = this.gradients.read(gradientName(name));
      for (let index = 0; index < values.length; index++) sumOfSquares += values[index]! * values[index]!;
    }
    return Math.sqrt(sumOfSquares);
  }

  optimizerStep(step: AdamWStep): void {
    this.optimizer.step(step, (name) => this.gradients.get(gradientName(name)));
    this.average?.update(step.iteration);
    this.options.onWeightsChanged?.();
  }

  exportState(): CheckpointTensor[] {
    return [...this.optimizer.exportState(), ...(this.average?.exportState() ?? [])];
  }

  importState(tensors: Map<string, CheckpointTensor>): void {
    this.optimizer.importState(tensors);
    this.average?.importState(tensors);
    this.options.onWeightsChanged?.();
  }

  /** Replaces the trained weights by their moving average, when the run keeps one (the end of training). */
  useAverageWeights(): boolean {
    if (!this.average) return false;
    this.average.copyIntoWeights();
    this.options.onWeightsChanged?.();
    return true;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.allocator.dispose();
    this.gradients.dispose();
    this.optimizer.dispose();
    this.average?.dispose();
  }
}

function gradientName(name: string): string {
  return derivedTensorName(name, "#g");
}
