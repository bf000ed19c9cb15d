// AdamW for the training graph: the first and second moments of every trainable tensor in their own backend
// buffer, and one small graph per step of ggml_opt_step_adamw (bias correction, decoupled weight decay) over the
// accumulated gradients, each multiplied by the clipping scale first. The gradients themselves belong to
// TrainingGraph (graph.ts). Deliberately left out: other optimizers, and moments in a type other than F32.
import { ComputeContext, GraphAllocator, ParameterContext, ShapeError, type Ggml, type Tensor } from "../ggml/index.js";
import { OctoplanError } from "../errors.js";
import type { AdamWStep } from "./trainable.js";
import type { CheckpointTensor } from "./checkpoint.js";

export interface OptimizedTensor {
  name: string;
  tensor: Tensor;
  /** Weight decay applies to matrices; 1-D tensors (norm weights) are exempt, as in common recipes. */
  decay: boolean;
}

export class AdamW {
  private disposed = false;

  private constructor(
    private readonly ggml: Ggml,
    private readonly trainable: readonly OptimizedTensor[],
    private readonly state: ParameterContext,
    private readonly allocator: GraphAllocator,
  ) {}

  static create(ggml: Ggml, trainable: readonly OptimizedTensor[]): AdamW {
    // ggml_opt_step_adamw aborts on a tensor that is not F32 or not flagged as a parameter. The tensors AdamW updates
    // are checked here, where their names are known, and flagged: the flag also tells ggml's backward pass which
    // tensors get gradients (TrainingGraph creates its AdamW before it builds any graph).
    for (const { name, tensor } of trainable) {
      if (tensor.type !== "F32" || !tensor.isContiguous) {
        throw new ShapeError(`AdamW: '${name}' is ${tensor.type}${tensor.isContiguous ? "" : ", not contiguous"}; only contiguous F32 tensors can be trained`, {
          hint: "full fine-tuning needs an F32 model (for an F16/BF16 base use --method lora; --precision bf16 keeps F32 weights and computes in BF16)",
        });
      }
      ggml.base.ggml_set_param(tensor.pointer);
    }
    const spec = (name: string, tensor: Tensor) => ({ name, type: "F32" as const, shape: tensor.shape });
    const state = ParameterContext.create(ggml, [
      ...trainable.flatMap(({ name, tensor }) => [spec(`${name}#m`, tensor), spec(`${name}#v`, tensor)]),
      { name: "adamw.decay", type: "F32", shape: [7] },
      { name: "adamw.no_decay", type: "F32", shape: [7] },
      { name: "gradient.scale", type: "F32", shape: [1] },
    ]);
    return new AdamW(ggml, trainable, state, GraphAllocator.create(ggml));
  }

  /** One update of every trainable tensor from its accumulated gradient. */
  step(step: AdamWStep, gradientOf: (name: string) => Tensor): void {
    if (this.disposed) throw new OctoplanError("AdamW used after dispose()");
    const beta1Correction = 1 / (1 - Math.pow(step.beta1, step.iteration));
    const beta2Correction = 1 / (1 - Math.pow(step.beta2, step.iteration));
    const vector = (weightDecay: number) =>
      new Float32Array([step.lr, step.beta1, step.beta2, step.epsilon, weightDecay, beta1Correction, beta2Correction]);
    this.state.write("adamw.decay", vector(step.weightDecay));
    this.state.write("adamw.no_decay", vector(0));
    this.state.write("gradient.scale", new Float32Array([step.gradientScale]));
    const graph = ComputeContext.create(this.ggml, { allocator: this.allocator, maxNodes: 4 * this.trainable.length + 8 });
    try {
      const scale = this.state.get("gradient.scale");
      for (const { name, tensor, decay } of this.trainable) {
        const gradient = graph.ops.mul(gradientOf(name), scale);
        const parameters = this.state.get(decay ? "adamw.decay" : "adamw.no_decay");
        graph.expand(graph.ops.optStepAdamw(tensor, gradient, this.state.get(`${name}#m`), this.state.get(`${name}#v`), parameters));
      }
      graph.compute();
    } finally {
      graph.dispose();
    }
  }

  /** Each tensor's weights and moments (`name`, `name#m`, `name#v`), for a checkpoint. */
  exportState(): CheckpointTensor[] {
    return this.trainable.flatMap(({ name, tensor }) => [
      { name, shape: tensor.shape, data: this.ggml.read(tensor) },
      { name: `${name}#m`, shape: tensor.shape, data: this.state.read(`${name}#m`) },
      { name: `${name}#v`, shape: tensor.shape, data: this.state.read(`${name}#v`) },
    ]);
  }

  importState(tensors: Map<string, CheckpointTensor>): void {
    for (const { name, tensor } of this.trainable) {
      for (const key of [name, `${name}#m`, `${name}#v`]) {
        const saved = tensors.get(key);
        if (!saved || saved.data.length !== tensor.elementCount) {
          throw new OctoplanError(`the checkpoint has no tensor '${key}' with ${tensor.elementCount} values`, {
            hint: "resume with the same model, method and LoRA settings as the run that wrote the checkpoint",
          });
        }
        if (key === name) this.ggml.write(tensor, saved.data);
        else this.state.write(key, saved.data);
      }
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.allocator.dispose();
    this.state.dispose();
  }
}
