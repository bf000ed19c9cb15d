// Ops: every graph-building method over one ggml context. The tensor ops (arithmetic, products, layout) are
// TensorOps in tensor-ops.ts; this file adds the neural-network ones. Each checks types and shapes in TypeScript
// first (a failing GGML_ASSERT would abort Node), calls ggml, and asserts the result's shape (ggml ne order).
// Only the ops the architectures and the trainer use are here; add more the same way.

import { assertShape, assertType, ShapeError, type Tensor } from "./tensor.js";
import { TensorOps } from "./tensor-ops.js";

/** RoPE modes (ggml.h): NORM rotates adjacent pairs (llama), NEOX rotates halves (qwen2, phi3, gemma). */
export const RopeMode = { NORM: 0, NEOX: 2 } as const;

export interface RopeOptions {
  dimensions: number;
  mode: number;
  freqBase: number;
  contextLength: number;
}

export class Ops extends TensorOps {
  // --- neural-network ops ------------------------------------------------------------------------------------
  rmsNorm(a: Tensor, eps: number): Tensor {
    assertType(a, ["F32"], "rms_norm");
    return this.wrap(this.base.ggml_rms_norm(this.context, a.pointer, eps), a.ne, "rms_norm");
  }

  norm(a: Tensor, eps: number): Tensor {
    assertType(a, ["F32"], "norm");
    return this.wrap(this.base.ggml_norm(this.context, a.pointer, eps), a.ne, "norm");
  }

  /** a [headDim, heads, T, B] rotated by I32 positions [T]. */
  rope(a: Tensor, positions: Tensor, options: RopeOptions): Tensor {
    assertType(positions, ["I32"], "rope positions");
    if (positions.ne[0] !== a.ne[2] || options.dimensions > a.ne[0] || options.dimensions % 2 !== 0) {
      throw new ShapeError(`rope: ${a.describe()} needs ${a.ne[2]} positions and an even n_dims ≤ ${a.ne[0]}, got ${positions.describe()}, ${options.dimensions}`);
    }
    return this.wrap(this.base.ggml_rope_ext(this.context, a.pointer, positions.pointer, null, options.dimensions, options.mode,
      options.contextLength, options.freqBase, 1, 0, 1, 0, 0), a.ne, "rope");
  }

  /** Sets entries above the diagonal (key position > query position + nPast) to -inf. */
  diagMaskInf(a: Tensor, nPast = 0): Tensor {
    return this.wrap(this.base.ggml_diag_mask_inf(this.context, a.pointer, nPast), a.ne, "diag_mask_inf");
  }

  /** softmax(a·scale + mask) along ne[0]. */
  softMax(a: Tensor, scale: number, mask?: Tensor): Tensor {
    assertType(a, ["F32"], "soft_max");
    if (mask && (mask.ne[0] !== a.ne[0] || mask.ne[1] < a.ne[1])) throw new ShapeError(`soft_max: mask ${mask.describe()} does not cover ${a.describe()}`);
    return this.wrap(this.base.ggml_soft_max_ext(this.context, a.pointer, mask?.pointer ?? null, scale, 0), a.ne, "soft_max");
  }

  /** silu(gate) · up, both [F, ...]; differentiable (split form). */
  swigluSplit(gate: Tensor, up: Tensor): Tensor {
    assertShape(up, gate.ne, "swiglu up");
    return this.wrap(this.base.ggml_swiglu_split(this.context, gate.pointer, up.pointer), gate.ne, "swiglu");
  }

  /** gelu(gate) · up with ggml's GELU (not differentiable in ggml; see arch/activations.ts). */
  gegluSplit(gate: Tensor, up: Tensor): Tensor {
    assertShape(up, gate.ne, "geglu up");
    return this.wrap(this.base.ggml_geglu_split(this.context, gate.pointer, up.pointer), gate.ne, "geglu");
  }

  /** Mean cross-entropy between logits [V, N] and target probabilities [V, N] → scalar. */
  crossEntropyLoss(logits: Tensor, labels: Tensor): Tensor {
    assertShape(labels, logits.ne, "cross_entropy_loss labels");
    return this.wrap(this.base.ggml_cross_entropy_loss(this.context, logits.pointer, labels.pointer), [1], "cross_entropy_loss");
  }

  /** In-place AdamW step; adamwParams is F32 [7]: alpha, beta1, beta2, eps, wd, beta1h, beta2h. */
  optStepAdamw(parameter: Tensor, gradient: Tensor, m: Tensor, v: Tensor, adamwParams: Tensor): Tensor {
    // ggml's CPU kernel updates F32 only (anything else aborts the process).
    for (const tensor of [parameter, gradient, m, v]) assertType(tensor, ["F32"], "opt_step_adamw");
    for (const other of [gradient, m, v]) assertShape(other, parameter.ne, "opt_step_adamw");
    assertShape(adamwParams, [7], "opt_step_adamw params");
    return this.wrap(this.base.ggml_opt_step_adamw(this.context, parameter.pointer, gradient.pointer, m.pointer, v.pointer, adamwParams.pointer),
      parameter.ne, "opt_step_adamw");
  }
}
