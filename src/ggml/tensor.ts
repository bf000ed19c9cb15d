// A Tensor is a typed handle on a native ggml_tensor: the pointer plus the shape and strides read once when the op
// is created (they never change afterwards). Also: the element types we use, and the shape checks that guard every
// op, because a GGML_ASSERT inside ggml aborts the whole Node process.

import { OctoplanError } from "../errors.js";
import { readTensorName, readTensorShape, tensorBytes, type NativePointer } from "./bindings.js";

/** ggml_type ids (ggml.h) of the element types octoplan creates tensors in. */
export const GgmlTypeId = { F32: 0, F16: 1, I32: 26, BF16: 30 } as const;
export type TensorType = keyof typeof GgmlTypeId;

const TYPE_NAMES = new Map<number, TensorType>(Object.entries(GgmlTypeId).map(([name, id]) => [id, name as TensorType]));

/** Bytes per element of the types above. */
export const TYPE_SIZE: Record<TensorType, number> = { F32: 4, F16: 2, I32: 4, BF16: 2 };

/** A graph op was given tensors of the wrong shape or type; raised before ggml sees them. */
export class ShapeError extends OctoplanError {}

export class Tensor {
  private constructor(
    readonly pointer: NativePointer,
    /** ggml ne: ne[0] is the fastest-varying dimension; always 4 entries. */
    readonly ne: readonly [number, number, number, number],
    /** strides in bytes, ggml nb. */
    readonly nb: readonly [number, number, number, number],
    readonly typeId: number,
    readonly name: string,
  ) {}

  /** Reads the struct's fields once (a copy: a Tensor outlives nothing it reads later). */
  static wrap(pointer: NativePointer): Tensor {
    const bytes = tensorBytes(pointer);
    const { type, ne, nb } = readTensorShape(bytes);
    return new Tensor(pointer, ne, nb, type, readTensorName(bytes));
  }

  /** The element type, or "other" for quantized types this code does not create. */
  get type(): TensorType | "other" {
    return TYPE_NAMES.get(this.typeId) ?? "other";
  }

  /** ne with trailing 1s dropped (at least one dimension): [d, T, B] rather than [d, T, B, 1]. */
  get shape(): number[] {
    const shape = [...this.ne];
    while (shape.length > 1 && shape[shape.length - 1] === 1) shape.pop();
    return shape;
  }

  get elementCount(): number {
    return this.ne[0] * this.ne[1] * this.ne[2] * this.ne[3];
  }

  /** Rows stored contiguously in ggml's order (what ggml_is_contiguous checks for non-quantized types). */
  get isContiguous(): boolean {
    const size = this.type === "other" ? 0 : TYPE_SIZE[this.type];
    return this.nb[0] === size && this.nb[1] === this.nb[0] * this.ne[0] &&
      this.nb[2] === this.nb[1] * this.ne[1] && this.nb[3] === this.nb[2] * this.ne[2];
  }

  get isTransposed(): boolean {
    return this.nb[0] > this.nb[1];
  }

  describe(): string {
    return `${this.name || "tensor"}[${this.shape.join(", ")}] ${this.type === "other" ? `type#${this.typeId}` : this.type}`;
  }
}

function padShape(shape: readonly number[]): number[] {
  const padded = [...shape];
  while (padded.length < 4) padded.push(1);
  return padded;
}

/** Throws a ShapeError unless `tensor` has exactly `expected` (trailing 1s optional). Used after every op. */
export function assertShape(tensor: Tensor, expected: readonly number[], what: string): Tensor {
  const want = padShape(expected);
  if (want.length !== 4 || want.some((size, axis) => size !== tensor.ne[axis])) {
    throw new ShapeError(`${what}: expected shape [${expected.join(", ")}], got ${tensor.describe()}`, {
      hint: "Shapes are in ggml order (ne[0] fastest). Check the model config against the weights.",
    });
  }
  return tensor;
}

/** Throws unless b can be broadcast onto a (ggml_can_repeat(b, a)). */
export function assertBroadcastable(a: Tensor, b: Tensor, what: string): void {
  if (b.ne.some((size, axis) => size === 0 || a.ne[axis] % size !== 0)) {
    throw new ShapeError(`${what}: cannot broadcast ${b.describe()} onto ${a.describe()}`, {
      hint: "Every dimension of the second operand must divide the first's.",
    });
  }
}

export function assertType(tensor: Tensor, allowed: readonly TensorType[], what: string): void {
  if (!allowed.includes(tensor.type as TensorType)) {
    throw new ShapeError(`${what}: ${tensor.describe()} has an unsupported type`, {
      hint: `Allowed types: ${allowed.join(", ")}.`,
    });
  }
}
