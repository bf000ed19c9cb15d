// Fast backward through frozen weights (LoRA training on an F32/F16/BF16 base).
//
// For y = mul_mat(W, x) ggml's autodiff computes dx = out_prod(W, transpose(dy)). With W in F16 that out_prod runs
// a slow scalar path (~6× the forward), and with BF16 it aborts the process. The same product is
// dx = mul_mat(Wᵀ, dy), where Wᵀ ne=(out, in) is a contiguous transposed copy of W: mul_mat is ggml's fastest,
// vectorised kernel for every type. So, after ggml_build_backward_expand and before allocation, we rewrite each
// node out_prod(W, transpose(dy)) whose W is a frozen weight into mul_mat(Wᵀ, dy). Same shape [in, T·B], same
// values up to rounding; the transpose view that fed it is left in the graph unused (views cost nothing).
// The copies take as much memory as the frozen weights. Trainable weights keep ggml's own backward.
// Deliberately left out: BF16 out_prod for trainable BF16 weights (train in F32), and non-CPU backends' checks.

import koffi from "koffi";
import { OctoplanError } from "../errors.js";
import { readSource, readTensorLinks, readTensorShape, tensorBytes, writeTensorLinks, type NativePointer, type TensorLinks } from "./bindings.js";
import type { ComputeContext } from "./compute-context.js";
import type { Ggml } from "./ggml.js";
import { derivedTensorName, ParameterContext } from "./parameter-context.js";
import { Tensor } from "./tensor.js";

export class FrozenTransposes {
  private disposed = false;

  private constructor(
    private readonly ggml: Ggml,
    private readonly copies: ParameterContext,
    /** address of W → Wᵀ */
    private readonly byAddress: Map<bigint, Tensor>,
  ) {}

  /** Makes Wᵀ for each named 2-D weight of `weights` (same element type, ne=(out, in)). */
  static create(ggml: Ggml, weights: { get(name: string): Tensor }, names: readonly string[]): FrozenTransposes {
    const sources = names.map((name) => ({ name, tensor: weights.get(name) }));
    for (const { name, tensor } of sources) {
      if (tensor.ne[2] !== 1 || tensor.ne[3] !== 1 || tensor.type === "other" || tensor.type === "I32") {
        throw new OctoplanError(`frozen weight ${name} must be a 2-D F32/F16/BF16 matrix, got ${tensor.describe()}`);
      }
    }
    const copies = ParameterContext.create(ggml, sources.map(({ name, tensor }) => ({
      name: derivedTensorName(name, ".T"), type: tensor.type as "F32" | "F16" | "BF16", shape: [tensor.ne[1], tensor.ne[0]],
    })));
    const byAddress = new Map<bigint, Tensor>();
    for (const { name, tensor } of sources) {
      const [columns, rows] = [tensor.ne[0], tensor.ne[1]]; // W[row][column] = values[row·columns + column]
      const values = ggml.read(tensor);
      const transposed = new Float32Array(values.length);
      for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) transposed[column * rows + row] = values[row * columns + column]!;
      const copyName = derivedTensorName(name, ".T");
      copies.write(copyName, transposed); // values were already representable in the type: exact
      byAddress.set(koffi.address(tensor.pointer), copies.get(copyName));
    }
    return new FrozenTransposes(ggml, copies, byAddress);
  }

  get byteSize(): number {
    return this.copies.byteSize;
  }

  /**
   * Rewrites out_prod(W, transpose(dy)) → mul_mat(Wᵀ, dy) for every frozen W in the graph. Call after
   * step.backward() and before step.allocate(). Returns the number of rewritten nodes.
   */
  rewrite(step: ComputeContext): number {
    if (this.disposed) throw new OctoplanError("FrozenTransposes used after dispose()");
    return rewriteOutProducts(this.ggml, step, this.byAddress);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.copies.dispose();
  }
}

/** The op ids the backward rewrites compare nodes against. */
export interface RewriteOps {
  outProd: number;
  mulMat: number;
  transpose: number;
}

export function rewriteOps(ggml: Ggml): RewriteOps {
  return { outProd: ggml.opId("OUT_PROD"), mulMat: ggml.opId("MUL_MAT"), transpose: ggml.opId("TRANSPOSE") };
}

/**
 * Rewrites every node out_prod(W, transpose(dy)) whose W is a key of `transposes` (by address) into mul_mat(Wᵀ, dy),
 * Wᵀ being the key's value (ne=(out, in), any type mul_mat takes). Nodes whose shapes do not match are left alone.
 * Returns the number of rewritten nodes.
 */
export function rewriteOutProducts(ggml: Ggml, step: ComputeContext, transposes: ReadonlyMap<bigint, Tensor>): number {
  const ops = rewriteOps(ggml);
  let rewritten = 0;
  for (let i = 0; i < step.nodeCount; i++) {
    const node = step.nodePointer(i);
    const bytes = tensorBytes(node);
    if (rewriteInputGradient(node, bytes, readTensorLinks(bytes), transposes, ops)) rewritten++;
  }
  return rewritten;
}

/** One node of rewriteOutProducts (for callers that walk the graph once for several rewrites); true if rewritten. */
export function rewriteInputGradient(node: NativePointer, bytes: DataView, links: TensorLinks, transposes: ReadonlyMap<bigint, Tensor>, ops: RewriteOps): boolean {
  if (links.op !== ops.outProd || !links.second) return false;
  const weightTransposed = transposes.get(links.first);
  if (!weightTransposed) return false;
  const viewPointer = readSource(node, 1)!;
  const view = readTensorLinks(tensorBytes(viewPointer));
  if (view.op !== ops.transpose || !view.first) return false;
  const gradient = Tensor.wrap(readSource(viewPointer, 0)!);
  const { ne } = readTensorShape(bytes);
  // mul_mat(Wᵀ [out, in], dy [out, N]) → [in, N]: must equal the out_prod's shape
  if (gradient.ne[0] !== weightTransposed.ne[0] || ne[0] !== weightTransposed.ne[1] || ne[1] !== gradient.ne[1] || ne[2] !== gradient.ne[2]) return false;
  writeTensorLinks(bytes, { op: ops.mulMat, first: koffi.address(weightTransposed.pointer), second: view.first });
  return true;
}
