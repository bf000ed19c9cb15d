// The number formats of training's products. LoRA: which type its frozen base's matrices are trained over
// (--base-type), and the FrozenTransposes (src/ggml/frozen-backward.ts) that make the backward through them fast.
//
// ggml's autodiff computes dx for y = W·x with out_prod(W, dyᵀ): a slow scalar path for F16 and an abort for
// BF16. FrozenTransposes keeps a contiguous Wᵀ per frozen matrix and rewrites those nodes to mul_mat(Wᵀ, dy),
// ggml's vectorised kernel. It costs one more copy of the frozen matrices, so it is used where it pays: F16 and
// BF16 always (BF16 cannot train without it), F32 only when asked (measured about even, see docs/BENCHMARKS.md).
// Full training's counterpart, --precision bf16, keeps F32 masters and BF16 copies for the products
// (MixedPrecisionCopies, src/ggml/mixed-precision.ts).
// Deliberately left out: quantized frozen bases (dequantized to F32 on load).
import { FrozenTransposes, MixedPrecisionCopies, type Ggml, type Tensor, type TensorSpec, type TensorType } from "../ggml/index.js";
import { InputError } from "../errors.js";
import type { TrainingMethod } from "./options.js";
import type { TrainingGraphOptions } from "./graph.js";

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

/** The number format of full training's matrix products: f32, or bf16 over F32 master weights (mixed precision). */
export type Precision = "f32" | "bf16";
export const PRECISIONS: readonly Precision[] = ["f32", "bf16"];

/**
 * Checks --base-type and --precision against the method before any work; returns the base's ggml type (undefined:
 * the file's own). LoRA's products run in its frozen base's type, full training's in --precision.
 */
export function checkNumberFormats(method: TrainingMethod, baseType: string | undefined, precision: string | undefined): TensorType | undefined {
  const weightType = baseTensorType(baseType);
  if (weightType && weightType !== "F32" && method === "full") {
    throw new InputError(`--base-type ${baseType} needs --method lora`, { hint: "full fine-tuning trains F32 weights: use --base-type f32 or leave it out, and --precision bf16 for BF16 products" });
  }
  if (precision !== undefined && !PRECISIONS.includes(precision as Precision)) {
    throw new InputError(`unknown precision '${precision}'`, { hint: `Available precisions: ${PRECISIONS.join(", ")}` });
  }
  if (precision !== undefined && precision !== "f32" && method !== "full") {
    throw new InputError(`--precision ${precision} is for full training`, { hint: "LoRA's products run in its base's type: use --base-type bf16" });
  }
  return weightType;
}

/** BF16 copies of every trainable matrix for --precision bf16 (checked by checkNumberFormats); undefined for f32. */
export function mixedPrecisionCopies(ggml: Ggml, weights: { get(name: string): Tensor }, specs: readonly TensorSpec[],
  precision: Precision | undefined): MixedPrecisionCopies | undefined {
  if (precision !== "bf16") return undefined;
  return MixedPrecisionCopies.create(ggml, weights, specs.filter((spec) => spec.shape.length === 2).map((spec) => spec.name));
}

/**
 * The training graph's hooks for both: the backward rewrites (LoRA's frozen transposes, full training's BF16
 * products), and the BF16 copies made again whenever the weights change.
 */
export function numberFormatHooks(frozen: FrozenTransposes | undefined, copies: MixedPrecisionCopies | undefined):
  Pick<TrainingGraphOptions, "rewriteBackward" | "onWeightsChanged"> {
  return {
    rewriteBackward: (step) => { frozen?.rewrite(step); copies?.rewrite(step); },
    onWeightsChanged: () => copies?.refresh(),
  };
}
