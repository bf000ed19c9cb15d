// Building blocks shared by the architecture files: a linear layer with optional LoRA, RMSNorm with its weight,
// causal multi-head attention with GQA (and RoPE in front of it), and the GELU used in training graphs. Each
// follows llama.cpp's llm_graph_context (build_lora_mm, build_norm, build_attn_mha) so our logits match llama.cpp's.

import type { Ops, RopeOptions } from "../../ggml/ops.js";
import { ShapeError, type Tensor } from "../../ggml/tensor.js";
import { headDimension, type ModelConfig } from "../config.js";

/** The weights a forward graph reads: a ParameterContext, or anything that looks tensors up by GGUF name. */
export interface WeightSource {
  get(name: string): Tensor;
  has(name: string): boolean;
}

/** LoRA pairs keyed by the adapted weight's name ("blk.0.attn_q.weight"), A ne=(in, r), B ne=(r, out). */
export interface LoraTensors {
  /** alpha / rank (times the user's adapter scale). */
  scale: number;
  pairs: ReadonlyMap<string, { a: Tensor; b: Tensor }>;
  /** Training only (added by the trainer): returns the LoRA branch's input after dropout, x [in, T, B] → [in, T, B]. */
  dropout?: (name: string, x: Tensor) => Tensor;
}

export interface ForwardOptions {
  lora?: LoraTensors;
  /**
   * Build only differentiable ops (for training graphs): GELU becomes x·sigmoid(1.5958·(x + 0.044715x³)) made of
   * ops ggml can differentiate, instead of ggml's GELU kernel (no backward in ggml). Values agree to ~1e-4.
   */
  differentiable?: boolean;
  /**
   * I32 [N]: compute the output head only for these positions (index t + T·b of the flattened [T, B]); the logits
   * are then [V, N, 1]. Training needs logits only where there is a target, and the head is a large part of a
   * small model's cost. RMSNorm works per position, so selecting before the final norm changes nothing else.
   */
  outputRows?: Tensor;
}

/** y = W·x (+ bias) + scale·B(A·x): W ne=(in, out), x [in, T, B] → [out, T, B]. */
export function linear(ops: Ops, weights: WeightSource, name: string, x: Tensor, options: ForwardOptions, biasName?: string): Tensor {
  const weight = weights.get(name);
  // A 2-D input [in, T·B]: the backward's weight gradient is then one [in, out] product instead of B products that
  // repeat_back sums, and mixed precision can turn it into a mul_mat (src/ggml/mixed-precision.ts).
  const batched = x.ne[2] * x.ne[3] > 1 && x.isContiguous;
  const flat = batched ? ops.reshape(x, [x.ne[0], x.ne[1] * x.ne[2] * x.ne[3]]) : x; // [in, T·B]
  let y = ops.mulMat(weight, flat); // [out, T·B]
  const pair = options.lora?.pairs.get(name);
  if (pair) {
    if (pair.a.ne[0] !== weight.ne[0] || pair.b.ne[1] !== weight.ne[1] || pair.a.ne[1] !== pair.b.ne[0]) {
      throw new ShapeError(`LoRA for ${name}: A ${pair.a.describe()} / B ${pair.b.describe()} do not fit W ${weight.describe()}`, {
        hint: "A has ne=(in, rank) and B has ne=(rank, out).",
      });
    }
    const low = ops.mulMat(pair.a, options.lora!.dropout?.(name, flat) ?? flat); // [r, T·B]
    y = ops.add(y, ops.scale(ops.mulMat(pair.b, low), options.lora!.scale)); // [out, T·B]
  }
  if (biasName !== undefined && weights.has(biasName)) y = ops.add(y, weights.get(biasName));
  return batched ? ops.reshape(y, [weight.ne[1], x.ne[1], x.ne[2], x.ne[3]]) : y; // [out, T, B]
}

/** RMSNorm(x)·w over ne[0]; x [d, T, B]. */
export function rmsNorm(ops: Ops, weights: WeightSource, name: string, x: Tensor, eps: number): Tensor {
  return ops.mul(ops.rmsNorm(x, eps), weights.get(name));
}

export interface AttentionShape {
  headDim: number;
  heads: number;
  headsKv: number;
  /** Multiplies Q·K before the softmax (1/√headDim, or 1 when Q was pre-scaled). */
  scale: number;
}

/**
 * Causal self-attention core. q [hd, H, T, B], k and v [hd, Hkv, T, B] (already rotated) → [hd·H, T, B].
 * GQA: K and V heads are repeated so that query head h reads KV head ⌊h / (H/Hkv)⌋, as ggml's broadcasting
 * mul_mat does in llama.cpp; done explicitly because ggml's backward of a broadcast mul_mat only handles B = 1.
 */
export function causalAttention(ops: Ops, q: Tensor, k: Tensor, v: Tensor, shape: AttentionShape): Tensor {
  const { headDim, heads, headsKv } = shape;
  const [, , tokens, batch] = q.ne;
  if (headsKv !== heads) {
    const group = heads / headsKv;
    // [hd, Hkv, T, B] → [hd, 1, Hkv, T·B] → tile to [hd, g, Hkv, T·B] → [hd, H, T, B] (head = kv·g + j)
    const repeatHeads = (t: Tensor) =>
      ops.reshape(ops.repeat(ops.reshape(t, [headDim, 1, headsKv, tokens * batch]), [headDim, group, headsKv, tokens * batch]),
        [headDim, heads, tokens, batch]);
    k = repeatHeads(k);
    v = repeatHeads(v);
  }
  const qHeads = ops.permute(q, [0, 2, 1, 3]); // [hd, T, H, B]
  const kHeads = ops.permute(k, [0, 2, 1, 3]); // [hd, T, H, B]
  const scores = ops.mulMat(kHeads, qHeads); // [T_k, T_q, H, B]
  const probabilities = ops.softMax(ops.diagMaskInf(scores, 0), shape.scale); // [T_k, T_q, H, B]
  const vTransposed = ops.cont(ops.permute(v, [1, 2, 0, 3])); // [T_k, hd, H, B]
  const mixed = ops.mulMat(vTransposed, probabilities); // [hd, T_q, H, B]
  const merged = ops.cont(ops.permute(mixed, [0, 2, 1, 3])); // [hd, H, T, B]
  return ops.reshape(merged, [headDim * heads, tokens, batch]); // [d, T, B]
}

/**
 * Attention after the Q/K/V projections, as every architecture here has it: RoPE on Q and K, then causalAttention
 * with softmax scale 1/√hd. q [d, T, B], k and v [kvDim, T, B] → [d, T, B].
 * gemma and phi3 in llama.cpp scale Q by 1/√hd and use softmax scale 1; we fold the same factor into the softmax
 * (same math) because ggml's backward of scale needs a contiguous gradient and Q's gradient arrives permuted.
 */
export function ropeAttention(ops: Ops, config: ModelConfig, q: Tensor, k: Tensor, v: Tensor, positions: Tensor,
  rope: RopeOptions): Tensor {
  const headDim = headDimension(config);
  const [, tokens, batch] = q.ne;
  const qHeads = ops.rope(ops.reshape(q, [headDim, config.headCount, tokens, batch]), positions, rope); // [hd, H, T, B]
  const kHeads = ops.rope(ops.reshape(k, [headDim, config.headCountKv, tokens, batch]), positions, rope); // [hd, Hkv, T, B]
  const vHeads = ops.reshape(v, [headDim, config.headCountKv, tokens, batch]); // [hd, Hkv, T, B]
  return causalAttention(ops, qHeads, kHeads, vHeads,
    { headDim, heads: config.headCount, headsKv: config.headCountKv, scale: 1 / Math.sqrt(headDim) }); // [d, T, B]
}

/** GELU (tanh form) from differentiable ops: x·σ(2·√(2/π)·(x + 0.044715x³)), σ(u) = exp(−softplus(−u)). */
export function differentiableGelu(ops: Ops, x: Tensor): Tensor {
  const cubic = ops.mul(ops.mul(x, x), x);
  const inner = ops.scale(ops.add(x, ops.scale(cubic, 0.044715)), 2 * Math.sqrt(2 / Math.PI));
  const sigmoid = ops.exp(ops.neg(ops.softplus(ops.neg(inner))));
  return ops.mul(x, sigmoid);
}

/** gelu(gate)·up, with ggml's fused kernel (inference) or differentiable ops (training). */
export function geglu(ops: Ops, gate: Tensor, up: Tensor, options: ForwardOptions): Tensor {
  return options.differentiable ? ops.mul(differentiableGelu(ops, gate), up) : ops.gegluSplit(gate, up);
}
