// LoRA's frozen base in the training graph: which type its matrices are trained over (--base-type), and
// the FrozenTransposes (src/ggml/frozen-backward.ts) that make the backward through them fast.
//
// ggml's autodiff computes dx for y = W·x with out_prod(W, dyᵀ): a slow scalar path for F16 and an abort for
// BF16. FrozenTransposes keeps a contiguous Wᵀ per frozen matrix and rewrites those nodes to mul_mat(Wᵀ, dy),
// ggml's vectorised kernel. It costs one more copy of the frozen matrices, so it is used where it pays: F16 and
// BF16 always (BF16 cannot train without it), F32 only when asked (measured about even, see docs/BENCHMARKS.md).
// Deliberately left out: quantized frozen bases (dequantized to F32 on load).
import { FrozenTransposes, type Ggml, type Tensor, type TensorSpec, type TensorType } from "../ggml/index.js";
import { InputError } from "../errors.js";

export type BaseType = "f32" | "f16" | "bf16";
export const BASE_TYPES: readonly BaseType[] = ["f32", "f16", "bf16"];

/** The ggml type for a --base-type value; undefined keeps the file's own types. */
export function baseTensorType(baseType: string | undefined): TensorType | undefined {
  if (baseType === undefined) return undefined;
  const index = BASE_TYPES.indexOf(baseType as BaseType);
  if (index < 0) throw new InputError(`unknown base type '${baseType}'`, { hint: `Available base types: ${BASE_TYPES.join(", ")}` });
  return (["F32", "F16", "BF16"] as const)[index];
}

/**
 * Wᵀ copies for every frozen 2-D weight (LoRA targets, the output head, tied embeddings) whose type is
 * F16/BF16, or F32 too with `includeF32`. Undefined when there is none.
 */
export function frozenTransposes(ggml: Ggml, weights: { get(name: string): Tensor }, specs: readonly TensorSpec[],
  options: { includeF32?: boolean } = {}): FrozenTransposes | undefined {
  const names = specs
    .filter((spec) => spec.shape.length === 2)
    .filter((spec) => {
      const type = weights.get(spec.name).type;
      return type === "F16" || type === "BF16" || (options.includeF32 === true && type === "F32");
    })
    .map((spec) => spec.name);
  return names.length > 0 ? FrozenTransposes.create(ggml, weights, names) : undefined;
}
