// Mixed-precision full training: every product that reads a trainable F32 matrix runs on ggml's BF16 mul_mat.
//
// Each linear layer costs three products per step: the forward y = W·x, the input gradient dx = Wᵀ·dy and the
// weight gradient dW = x·dyᵀ. BF16 copies of W and Wᵀ are made again after every optimizer step (refresh()), while
// W itself (the "master" weights), its gradient and AdamW's moments stay F32. After ggml_build_backward_expand,
// rewrite():
//   - points each forward mul_mat(W, x) at W_bf16 (ggml's mul_mat then rounds x to BF16 too, and sums in F32);
//   - turns each out_prod(W, transpose(dy)) into mul_mat(Wᵀ_bf16, dy), as FrozenTransposes does for frozen weights;
//   - turns each weight gradient out_prod(x, dy) into mul_mat(xᵀ, dyᵀ) over BF16 transposes: ggml's out_prod is a
//     plain loop, slower than even F32 mul_mat for the same FLOPs (docs/ENGINE.md). The sum stays F32.
// Graphs without a backward (evaluation) are not rewritten, so evaluation losses are those of the F32 masters,
// the weights that are exported.
// Deliberately left out: F16 copies (F16's range needs loss scaling; BF16 has F32's), the attention's products
// (activation × activation, batched over heads), and embedding lookups (get_rows reads the F32 table).

import koffi from "koffi";
import { OctoplanError } from "../errors.js";
import { readSource, readTensorLinks, readTensorShape, tensorBytes, writeTensorLinks, type NativePointer } from "./bindings.js";
import { ComputeContext } from "./compute-context.js";
import { rewriteInputGradient, rewriteOps, type RewriteOps } from "./frozen-backward.js";
import type { Ggml } from "./ggml.js";
import { derivedTensorName, ParameterContext } from "./parameter-context.js";
import { ShapeError, Tensor, TYPE_SIZE } from "./tensor.js";

/** tinyBLAS's BF16 kernel sums in blocks of 32 (llamafile/sgemm.cpp); other lengths take a slower dot-product loop. */
const SUM_MULTIPLE = 32;

export class MixedPrecisionCopies {
  private disposed = false;

  private constructor(
    private readonly ggml: Ggml,
    private readonly copies: ParameterContext,
    /** Computes every copy from its master: cpy(W, W_bf16) and cpy(transpose(W), Wᵀ_bf16). */
    private readonly refreshGraph: ComputeContext,
    /** address of W → W_bf16, for the forward */
    private readonly forward: Map<bigint, Tensor>,
    /** address of W → Wᵀ_bf16, for the input gradient */
    private readonly transposes: Map<bigint, Tensor>,
    /** F32 zeros [SUM_MULTIPLE · the longest side of any weight]: the padding rows of the weight gradients' operands */
    private readonly zeros: Tensor,
  ) {}

  /** BF16 copies of each named weight of `weights`: 2-D, contiguous F32 matrices. The copies are filled at once. */
  static create(ggml: Ggml, weights: { get(name: string): Tensor }, names: readonly string[]): MixedPrecisionCopies {
    if (names.length === 0) throw new OctoplanError("MixedPrecisionCopies.create: no weights", { hint: "Pass the names of the model's F32 matrices." });
    const masters = names.map((name) => ({ name, tensor: weights.get(name) }));
    for (const { name, tensor } of masters) {
      if (tensor.type !== "F32" || !tensor.isContiguous || tensor.shape.length !== 2) {
        throw new ShapeError(`mixed precision needs ${name} as a contiguous 2-D F32 matrix, got ${tensor.describe()}`, {
          hint: "mixed precision is for full training of an F32 model; for an F16/BF16 base train LoRA (--method lora)",
        });
      }
    }
    const longestSide = Math.max(...masters.map(({ tensor }) => Math.max(tensor.ne[0], tensor.ne[1])));
    const copies = ParameterContext.create(ggml, [
      ...masters.flatMap(({ name, tensor }) => [
        { name: copyName(name, ""), type: "BF16" as const, shape: [tensor.ne[0], tensor.ne[1]] },
        { name: copyName(name, "T"), type: "BF16" as const, shape: [tensor.ne[1], tensor.ne[0]] },
      ]),
      { name: "mixed_precision.zeros", type: "F32", shape: [SUM_MULTIPLE * longestSide] }, // the buffer starts cleared
    ]);
    const refreshGraph = ComputeContext.create(ggml, { maxNodes: 4 * masters.length + 8 });
    const forward = new Map<bigint, Tensor>();
    const transposes = new Map<bigint, Tensor>();
    try {
      for (const { name, tensor } of masters) {
        const copy = copies.get(copyName(name, ""));
        const transposed = copies.get(copyName(name, "T"));
        refreshGraph.expand(refreshGraph.ops.cpy(tensor, copy));
        refreshGraph.expand(refreshGraph.ops.cpy(refreshGraph.ops.transpose(tensor), transposed));
        forward.set(koffi.address(tensor.pointer), copy);
        transposes.set(koffi.address(tensor.pointer), transposed);
      }
      refreshGraph.allocate();
    } catch (error) {
      refreshGraph.dispose();
      copies.dispose();
      throw error;
    }
    const result = new MixedPrecisionCopies(ggml, copies, refreshGraph, forward, transposes, copies.get("mixed_precision.zeros"));
    result.refresh();
    return result;
  }

  get byteSize(): number {
    return this.copies.byteSize;
  }

  /** Makes the copies again from the masters: after every optimizer step, and after loading weights. */
  refresh(): void {
    this.assertOpen();
    this.refreshGraph.compute();
  }

  /**
   * Points a training graph's forward products at the BF16 copies, its input gradients at the transposed copies, and
   * its weight gradients at BF16 transposes, in one walk over the graph (it runs every training step). Call after the
   * backward is built and before allocate(). Returns how many nodes of each kind were rewritten.
   */
  rewrite(step: ComputeContext): { forward: number; inputGradients: number; weightGradients: number } {
    this.assertOpen();
    if (!step.hasGradients) throw new OctoplanError("MixedPrecisionCopies.rewrite: the graph has no backward", { hint: "Evaluation graphs run on the F32 masters; rewrite only training graphs." });
    const ops = rewriteOps(this.ggml);
    const inputs = new Set<bigint>(); // the activations x of the rewritten products; the backward comes after them
    const moves = new Map<number, number[]>(); // weight gradient's index → its appended casts
    let forward = 0;
    let inputGradients = 0;
    const count = step.nodeCount; // appended casts are not walked
    for (let i = 0; i < count; i++) {
      const node = step.nodePointer(i);
      const bytes = tensorBytes(node);
      const links = readTensorLinks(bytes);
      const copy = links.op === ops.mulMat && links.second ? this.forward.get(links.first) : undefined;
      if (copy) {
        writeTensorLinks(bytes, { ...links, first: koffi.address(copy.pointer) });
        inputs.add(links.second);
        forward++;
      } else if (rewriteInputGradient(node, bytes, links, this.transposes, ops)) {
        inputGradients++;
      } else if (links.op === ops.outProd && links.second && inputs.has(links.first)) {
        const appended = this.rewriteWeightGradient(step, node, bytes, ops);
        if (appended) moves.set(i, appended);
      }
    }
    if (moves.size > 0) step.moveAppendedNodes(moves);
    return { forward, inputGradients, weightGradients: moves.size };
  }

  /**
   * dW = out_prod(x [in, N], dy [out, N]) → mul_mat(xᵀ, dyᵀ) with xᵀ [N, in] and dyᵀ [N, out] cast to BF16: the
   * same [in, out] sum over the N rows, on mul_mat's kernel (ggml's out_prod is a scalar-ish loop, several times
   * slower than mul_mat for the same FLOPs). Only 2-D products (linear() flattens its input). Returns the indices of
   * the casts it appended, to be moved before the product, or undefined when the shapes do not fit.
   */
  private rewriteWeightGradient(step: ComputeContext, node: NativePointer, bytes: DataView, ops: RewriteOps): number[] | undefined {
    const x = Tensor.wrap(readSource(node, 0)!);
    const dy = Tensor.wrap(readSource(node, 1)!);
    const { ne } = readTensorShape(bytes);
    const flat = (tensor: Tensor) => tensor.ne[2] === 1 && tensor.ne[3] === 1 && tensor.type === "F32";
    if (!flat(x) || !flat(dy) || x.ne[1] !== dy.ne[1] || ne[0] !== x.ne[0] || ne[1] !== dy.ne[0] || ne[2] !== 1) return undefined;
    const before = step.nodeCount;
    const padding = (SUM_MULTIPLE - (x.ne[1] % SUM_MULTIPLE)) % SUM_MULTIPLE;
    const xTransposed = this.transposedPadded(step, x, padding); // [N + padding, in]
    const dyTransposed = this.transposedPadded(step, dy, padding); // [N + padding, out]
    writeTensorLinks(bytes, { op: ops.mulMat, first: koffi.address(xTransposed.pointer), second: koffi.address(dyTransposed.pointer) }); // [in, out]
    return Array.from({ length: step.nodeCount - before }, (_, offset) => before + offset);
  }

  /**
   * aᵀ in BF16, with `padding` zero rows after its N: tinyBLAS, mul_mat's fast kernel, sums in blocks of 32 and
   * leaves other lengths to a loop several times slower. The copies are expanded into the graph here (at its end;
   * the caller moves them before their consumer). ggml_pad would do it in one node, but element by element, slower
   * than the product it serves; two strided copies into one buffer are about as fast as the cast alone.
   */
  private transposedPadded(step: ComputeContext, a: Tensor, padding: number): Tensor {
    const [rows, length] = [a.ne[0], a.ne[1]]; // a [rows, N]
    if (padding === 0) {
      const cast = step.ops.cast(step.ops.transpose(a), "BF16"); // [N, rows]
      step.expand(cast);
      return cast;
    }
    const padded = step.ops.newTensor("BF16", [length + padding, rows]);
    const rowBytes = (length + padding) * TYPE_SIZE.BF16;
    step.expand(step.ops.cpy(step.ops.transpose(a), step.ops.view(padded, [length, rows], [rowBytes], 0)));
    const zeros = step.ops.view(this.zeros, [padding, rows], [padding * TYPE_SIZE.F32], 0);
    step.expand(step.ops.cpy(zeros, step.ops.view(padded, [padding, rows], [rowBytes], length * TYPE_SIZE.BF16)));
    return padded;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.refreshGraph.dispose();
    this.copies.dispose();
  }

  private assertOpen(): void {
    if (this.disposed) throw new OctoplanError("MixedPrecisionCopies used after dispose()");
  }
}

function copyName(name: string, suffix: "" | "T"): string {
  return derivedTensorName(name, `.bf16${suffix}`);
}
