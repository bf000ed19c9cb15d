// gemma (Gemma 1) as llama.cpp builds it (src/models/gemma.cpp):
//   x = token_embd[tokens] · √d
//   per block: n = RMSNorm(x)·attn_norm; Q, K with NEOX RoPE; Q scaled by 1/√hd (folded into the softmax);
//              x += attn_output·attention;  m = RMSNorm(x)·ffn_norm; x += ffn_down·(gelu(ffn_gate·m) ⊙ ffn_up·m)
//   logits = token_embd·RMSNorm(x)·output_norm   (always tied)
// Norm convention: HF Gemma computes RMSNorm(x)·(1 + w); convert_hf_to_gguf.py stores w + 1 in the GGUF, so
// llama.cpp (and we) multiply by the stored weight directly. A fresh model therefore initialises norms to 1.
// Left out: Gemma 2/3 extras (post-norms, logit soft-capping, sliding windows) and head_dim ≠ d/heads.

import type { Ops } from "../../ggml/ops.js";
import { RopeMode } from "../../ggml/ops.js";
import type { TensorSpec } from "../../ggml/parameter-context.js";
import { assertShape, type Tensor } from "../../ggml/tensor.js";
import { headDimension, type ModelConfig } from "../config.js";
import { geglu, linear, rmsNorm, ropeAttention, type ForwardOptions, type WeightSource } from "./layers.js";
import { decoderTensors, embed, outputHead, LLAMA_VARIANT, type ForwardInputs } from "./llama.js";

/** Same names and shapes as llama, never an output.weight. */
export function gemmaTensors(config: ModelConfig): TensorSpec[] {
  return decoderTensors({ ...config, tiedEmbeddings: true }, LLAMA_VARIANT);
}

/** tokens [T, B] → logits [V, T, B]. */
export function buildGemmaForward(ops: Ops, config: ModelConfig, weights: WeightSource, inputs: ForwardInputs,
  options: ForwardOptions = {}): Tensor {
  const tied = { ...config, tiedEmbeddings: true };
  const d = config.embeddingLength;
  const headDim = headDimension(config);
  const [tokenCount, batch] = inputs.tokens.ne;
  const rope = { dimensions: headDim, mode: RopeMode.NEOX, freqBase: config.ropeFreqBase, contextLength: config.contextLength };
  let x = ops.scale(embed(ops, config, weights, inputs.tokens), Math.sqrt(d)); // [d, T, B]
  for (let i = 0; i < config.blockCount; i++) {
    const block = `blk.${i}`;
    const n = rmsNorm(ops, weights, `${block}.attn_norm.weight`, x, config.rmsNormEps); // [d, T, B]
    const q = linear(ops, weights, `${block}.attn_q.weight`, n, options); // [d, T, B]
    const k = linear(ops, weights, `${block}.attn_k.weight`, n, options); // [kvDim, T, B]
    const v = linear(ops, weights, `${block}.attn_v.weight`, n, options); // [kvDim, T, B]
    // llama.cpp scales Q by 1/√hd here; ropeAttention folds the factor into the softmax scale (same math).
    const attended = ropeAttention(ops, config, q, k, v, inputs.positions, rope); // [d, T, B]
    x = ops.add(x, linear(ops, weights, `${block}.attn_output.weight`, attended, options)); // [d, T, B]

    const m = rmsNorm(ops, weights, `${block}.ffn_norm.weight`, x, config.rmsNormEps); // [d, T, B]
    const gate = linear(ops, weights, `${block}.ffn_gate.weight`, m, options); // [ff, T, B]
    const up = linear(ops, weights, `${block}.ffn_up.weight`, m, options); // [ff, T, B]
    const down = linear(ops, weights, `${block}.ffn_down.weight`, geglu(ops, gate, up, options), options); // [d, T, B]
    x = assertShape(ops.add(x, down), [d, tokenCount, batch], `${block} output`);
  }
  return outputHead(ops, tied, weights, x, options); // [V, T, B]
}
