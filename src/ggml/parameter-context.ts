// ParameterContext: long-lived named tensors (model weights, LoRA A/B, optimizer moments) in a no_alloc ggml
// context whose data lives in one backend buffer. Compute graphs (ComputeContext) reference these tensors; they are
// never freed by a step. Names are llama.cpp's GGUF tensor names, so loading and saving is a name lookup.

import { OctoplanError } from "../errors.js";
import type { NativePointer } from "./bindings.js";
import type { Ggml } from "./ggml.js";
import { GgmlTypeId, ShapeError, Tensor, type TensorType } from "./tensor.js";

export interface TensorSpec {
  name: string;
  type: TensorType;
  /** ggml ne order, 1 to 4 dimensions. */
  shape: readonly number[];
}

export class UnknownTensorError extends OctoplanError {}

/**
 * A ggml tensor name derived from another (a copy, a gradient): ggml keeps at most 63 bytes, so a longer one keeps
 * its tail, which holds the distinguishing part ("blk.11.ffn_down.weight#g").
 */
export function derivedTensorName(name: string, suffix: string): string {
  const full = `${name}${suffix}`;
  return full.length > 63 ? full.slice(full.length - 63) : full;
}

export class ParameterContext {
  private disposed = false;

  private constructor(
    private readonly ggml: Ggml,
    private readonly context: NativePointer,
    private readonly buffer: NativePointer,
    private readonly tensors: Map<string, Tensor>,
  ) {}

  static create(ggml: Ggml, specs: readonly TensorSpec[]): ParameterContext {
    const base = ggml.base;
    if (specs.length === 0) throw new OctoplanError("ParameterContext.create: no tensors", { hint: "Pass at least one TensorSpec." });
    const seen = new Set<string>();
    for (const spec of specs) {
      if (seen.has(spec.name)) throw new ShapeError(`duplicate tensor name '${spec.name}'`);
      seen.add(spec.name);
      if (spec.name.length >= 64) throw new ShapeError(`tensor name '${spec.name}' is longer than ggml's 63 characters`);
      if (spec.shape.length < 1 || spec.shape.length > 4 || spec.shape.some((size) => !Number.isInteger(size) || size < 1)) {
        throw new ShapeError(`tensor '${spec.name}': invalid shape [${spec.shape.join(", ")}]`, { hint: "1 to 4 positive integer dimensions." });
      }
    }
    const context = base.ggml_init({ mem_size: base.ggml_tensor_overhead() * (specs.length + 1), mem_buffer: null, no_alloc: true });
    if (!context) throw new OctoplanError("ggml_init failed for the parameter context");
    const tensors = new Map<string, Tensor>();
    for (const spec of specs) {
      const [n0, n1 = 1, n2 = 1, n3 = 1] = spec.shape;
      const pointer = base.ggml_new_tensor_4d(context, GgmlTypeId[spec.type], n0!, n1, n2, n3);
      base.ggml_set_name(pointer, spec.name);
      tensors.set(spec.name, Tensor.wrap(pointer));
    }
    const buffer = base.ggml_backend_alloc_ctx_tensors(context, ggml.backend);
    if (!buffer) {
      base.ggml_free(context);
      throw new OctoplanError("could not allocate the parameter buffer", { hint: "Not enough memory for the model's weights." });
    }
    base.ggml_backend_buffer_clear(buffer, 0);
    return new ParameterContext(ggml, context, buffer, tensors);
  }

  get names(): string[] {
    return [...this.tensors.keys()];
  }

  has(name: string): boolean {
    return this.tensors.has(name);
  }

  get(name: string): Tensor {
    this.assertAlive();
    const tensor = this.tensors.get(name);
    if (tensor === undefined) {
      const names = this.names;
      const listing = `${names.slice(0, 40).join(", ")}${names.length > 40 ? `, … (${names.length} in all)` : ""}`;
      throw new UnknownTensorError(`no tensor named '${name}'. Available tensors: ${listing}`, {
        hint: "Tensor names follow llama.cpp's GGUF names, e.g. blk.0.attn_q.weight.",
      });
    }
    return tensor;
  }

  read(name: string): Float32Array {
    return this.ggml.read(this.get(name));
  }

  write(name: string, values: Float32Array): void {
    this.ggml.write(this.get(name), values);
  }

  /** Total bytes of the backend buffer. */
  get byteSize(): number {
    return this.ggml.base.ggml_backend_buffer_get_size(this.buffer);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.ggml.base.ggml_backend_buffer_free(this.buffer);
    this.ggml.base.ggml_free(this.context);
  }

  private assertAlive(): void {
    if (this.disposed) throw new OctoplanError("this ParameterContext was disposed");
  }
}
