// Tensor ops: the graph-building methods that know nothing about neural networks (element-wise arithmetic,
// reductions, matrix products, views and layout) over one ggml context. Each checks types and shapes in TypeScript
// first (a failing GGML_ASSERT would abort Node), calls ggml, and asserts the result's shape (ggml ne order).
// ops.ts adds the layers (norms, RoPE, attention masks, softmax, gated units, the loss, the optimizer step).

import type { BaseBindings, NativePointer } from "./bindings.js";
import { assertBroadcastable, assertShape, assertType, GgmlTypeId, ShapeError, Tensor, type TensorType } from "./tensor.js";

const FLOAT_TYPES: TensorType[] = ["F32", "F16", "BF16"];

export class TensorOps {
  constructor(protected readonly base: BaseBindings, readonly context: NativePointer) {}

  protected wrap(pointer: NativePointer, expected: readonly number[], what: string): Tensor {
    return assertShape(Tensor.wrap(pointer), expected, what);
  }

  newTensor(type: TensorType, shape: readonly number[], name?: string): Tensor {
    const [n0, n1 = 1, n2 = 1, n3 = 1] = shape;
    const tensor = Tensor.wrap(this.base.ggml_new_tensor_4d(this.context, GgmlTypeId[type], n0!, n1, n2, n3));
    return name === undefined ? tensor : this.setName(tensor, name);
  }

  setName(tensor: Tensor, name: string): Tensor {
    this.base.ggml_set_name(tensor.pointer, name.slice(0, 63));
    return Tensor.wrap(tensor.pointer);
  }

  // --- element-wise ----------------------------------------------------------------------------------------
  private binary(kind: "add" | "sub" | "mul" | "div", a: Tensor, b: Tensor): Tensor {
    assertType(a, ["F32"], kind);
    assertType(b, ["F32"], kind);
    assertBroadcastable(a, b, kind);
    return this.wrap(this.base[`ggml_${kind}`](this.context, a.pointer, b.pointer), a.ne, kind);
  }
  add(a: Tensor, b: Tensor): Tensor { return this.binary("add", a, b); }
  sub(a: Tensor, b: Tensor): Tensor { return this.binary("sub", a, b); }
  mul(a: Tensor, b: Tensor): Tensor { return this.binary("mul", a, b); }
  div(a: Tensor, b: Tensor): Tensor { return this.binary("div", a, b); }

  private unary(kind: "sqr" | "sqrt" | "neg" | "exp" | "softplus" | "silu" | "gelu" | "cont", a: Tensor): Tensor {
    assertType(a, kind === "cont" ? FLOAT_TYPES : ["F32"], kind);
    return this.wrap(this.base[`ggml_${kind}`](this.context, a.pointer), a.ne, kind);
  }
  sqr(a: Tensor): Tensor { return this.unary("sqr", a); }
  sqrt(a: Tensor): Tensor { return this.unary("sqrt", a); }
  neg(a: Tensor): Tensor { return this.unary("neg", a); }
  exp(a: Tensor): Tensor { return this.unary("exp", a); }
  softplus(a: Tensor): Tensor { return this.unary("softplus", a); }
  silu(a: Tensor): Tensor { return this.unary("silu", a); }
  gelu(a: Tensor): Tensor { return this.unary("gelu", a); }
  cont(a: Tensor): Tensor { return this.unary("cont", a); }

  scale(a: Tensor, factor: number): Tensor {
    assertType(a, ["F32"], "scale");
    return this.wrap(this.base.ggml_scale(this.context, a.pointer, factor), a.ne, "scale");
  }

  // --- reductions ------------------------------------------------------------------------------------------
  sum(a: Tensor): Tensor { return this.wrap(this.base.ggml_sum(this.context, a.pointer), [1], "sum"); }
  sumRows(a: Tensor): Tensor { return this.wrap(this.base.ggml_sum_rows(this.context, a.pointer), [1, a.ne[1], a.ne[2], a.ne[3]], "sum_rows"); }
  mean(a: Tensor): Tensor { return this.wrap(this.base.ggml_mean(this.context, a.pointer), [1, a.ne[1], a.ne[2], a.ne[3]], "mean"); }

  // --- matrix products -------------------------------------------------------------------------------------
  /** a [K, M, a2, a3] × b [K, N, b2, b3] → [M, N, b2, b3]; b2 % a2 == 0 and b3 % a3 == 0 (broadcast). */
  mulMat(a: Tensor, b: Tensor): Tensor {
    assertType(a, FLOAT_TYPES, "mul_mat weight");
    assertType(b, ["F32"], "mul_mat input");
    if (a.ne[0] !== b.ne[0] || b.ne[2] % a.ne[2] !== 0 || b.ne[3] % a.ne[3] !== 0 || a.isTransposed) {
      throw new ShapeError(`mul_mat: ${a.describe()} × ${b.describe()}: inner sizes (ne[0]) must match and a must not be transposed`, {
        hint: "mul_mat(a, b) contracts ne[0] of both; make a contiguous with cont() after transpose().",
      });
    }
    return this.wrap(this.base.ggml_mul_mat(this.context, a.pointer, b.pointer), [a.ne[1], b.ne[1], b.ne[2], b.ne[3]], "mul_mat");
  }

  /** a [M, K] ⊗ b [N, K] → [M, N] (sums over ne[1]). */
  outProd(a: Tensor, b: Tensor): Tensor {
    assertType(a, ["F32", "F16"], "out_prod");
    assertType(b, ["F32"], "out_prod");
    if (a.ne[1] !== b.ne[1]) throw new ShapeError(`out_prod: ${a.describe()} ⊗ ${b.describe()}: ne[1] must match`);
    return this.wrap(this.base.ggml_out_prod(this.context, a.pointer, b.pointer), [a.ne[0], b.ne[0], b.ne[2], b.ne[3]], "out_prod");
  }

  // --- layout ---------------------------------------------------------------------------------------------
  reshape(a: Tensor, shape: readonly number[]): Tensor {
    const count = shape.reduce((product, size) => product * size, 1);
    if (count !== a.elementCount || shape.length < 1 || shape.length > 4) {
      throw new ShapeError(`reshape: ${a.describe()} (${a.elementCount} values) cannot become [${shape.join(", ")}]`);
    }
    if (!a.isContiguous) throw new ShapeError(`reshape: ${a.describe()} is not contiguous`, { hint: "cont() it first." });
    const [n0, n1 = 1, n2 = 1, n3 = 1] = shape;
    return this.wrap(this.base.ggml_reshape_4d(this.context, a.pointer, n0!, n1, n2, n3), shape, "reshape");
  }

  /** ggml_view_4d with explicit byte strides and offset (bounds-checked against the source). */
  view(a: Tensor, shape: readonly number[], strides: readonly number[], offset: number): Tensor {
    const [n0, n1 = 1, n2 = 1, n3 = 1] = shape;
    const [s1 = a.nb[1], s2 = a.nb[2], s3 = a.nb[3]] = strides;
    const lastByte = offset + (n0! - 1) * a.nb[0] + (n1 - 1) * s1 + (n2 - 1) * s2 + (n3 - 1) * s3;
    const sourceBytes = a.nb[3] * a.ne[3];
    if (lastByte >= sourceBytes || offset < 0) {
      throw new ShapeError(`view: [${shape.join(", ")}] at offset ${offset} reaches past the end of ${a.describe()}`);
    }
    return this.wrap(this.base.ggml_view_4d(this.context, a.pointer, n0!, n1, n2, n3, s1, s2, s3, offset), shape, "view");
  }

  /** ggml_permute: source axis i goes to position axes[i]. */
  permute(a: Tensor, axes: readonly [number, number, number, number]): Tensor {
    if ([...axes].sort().join() !== "0,1,2,3") throw new ShapeError(`permute: [${axes.join(", ")}] is not a permutation of 0..3`);
    const ne = [0, 0, 0, 0];
    axes.forEach((target, source) => { ne[target] = a.ne[source]; });
    return this.wrap(this.base.ggml_permute(this.context, a.pointer, axes[0], axes[1], axes[2], axes[3]), ne, "permute");
  }

  transpose(a: Tensor): Tensor {
    return this.wrap(this.base.ggml_transpose(this.context, a.pointer), [a.ne[1], a.ne[0], a.ne[2], a.ne[3]], "transpose");
  }

  cpy(a: Tensor, destination: Tensor): Tensor {
    if (a.elementCount !== destination.elementCount) throw new ShapeError(`cpy: ${a.describe()} → ${destination.describe()}: sizes differ`);
    return this.wrap(this.base.ggml_cpy(this.context, a.pointer, destination.pointer), destination.ne, "cpy");
  }

  cast(a: Tensor, type: TensorType): Tensor {
    return this.wrap(this.base.ggml_cast(this.context, a.pointer, GgmlTypeId[type]), a.ne, "cast");
  }

  /** Rows of a [K, R] picked by I32 indices [N] → [K, N]. */
  getRows(a: Tensor, rows: Tensor): Tensor {
    assertType(rows, ["I32"], "get_rows indices");
    if (rows.ne[1] !== 1 || rows.ne[2] !== 1 || a.ne[2] !== 1) throw new ShapeError(`get_rows: expected a 2-D table and a 1-D index, got ${a.describe()}, ${rows.describe()}`);
    return this.wrap(this.base.ggml_get_rows(this.context, a.pointer, rows.pointer), [a.ne[0], rows.ne[0]], "get_rows");
  }

  /** Tiles a to the given shape (each dimension a multiple of a's). */
  repeat(a: Tensor, shape: readonly [number, number, number, number]): Tensor {
    if (shape.some((size, axis) => size % a.ne[axis] !== 0)) throw new ShapeError(`repeat: ${a.describe()} does not tile [${shape.join(", ")}]`);
    return this.wrap(this.base.ggml_repeat_4d(this.context, a.pointer, ...shape), shape, "repeat");
  }
}
