// phi3 (Phi-3, Phi-3.5, Phi-4-mini) as llama.cpp builds it (src/models/phi3.cpp):
//   per block: n = RMSNorm(x)·attn_norm; qkv = attn_qkv·n split into Q [d], K [kvDim], V [kvDim] (fused tensor,
//              as HF's qkv_proj and convert_hf_to_gguf.py store it); Q and K get NEOX RoPE; Q is scaled by
//              1/√hd (we fold it into the softmax scale); x += attn_output·attention
//              m = RMSNorm(x)·ffn_norm; gu = ffn_up·m holds [gate; up] (2·ff rows, gate first);
//              x += ffn_down·(silu(gate) ⊙ up)
//   logits = output·RMSNorm(x)·output_norm
// We split the fused tensors with views and use the split SwiGLU because ggml can differentiate only that form;
// the values equal llama.cpp's ggml_swiglu on the fused rows. Left out: LongRoPE factors (128k models), SWA.

import type { Ops } from "../../ggml/ops.js";
import { RopeMode } from "../../ggml/ops.js";
import type { TensorSpec } from "../../ggml/parameter-context.js";
import { assertShape, type Tensor } from "../../ggml/tensor.js";
import { headDimension, type ModelConfig } from "../config.js";
import { linear, rmsNorm, ropeAttention, type ForwardOptions, type WeightSource } from "./layers.js";
import { embed, outputHead, type ForwardInputs } from "./llama.js";

export function phi3Tensors(config: ModelConfig): TensorSpec[] {
  const d = config.embeddingLength;
  const kvDim = headDimension(config) * config.headCountKv;
  const ff = config.feedForwardLength;
  const specs: TensorSpec[] = [{ name: "token_embd.weight", type: "F32", shape: [d, config.vocabSize] }];
  for (let i = 0; i < config.blockCount; i++) {
    specs.push(
      { name: `blk.${i}.attn_norm.weight`, type: "F32", shape: [d] },
      { name: `blk.${i}.attn_qkv.weight`, type: "F32", shape: [d, d + 2 * kvDim] },
      { name: `blk.${i}.attn_output.weight`, type: "F32", shape: [d, d] },
      { name: `blk.${i}.ffn_norm.weight`, type: "F32", shape: [d] },
      { name: `blk.${i}.ffn_up.weight`, type: "F32", shape: [d, 2 * ff] },
      { name: `blk.${i}.ffn_down.weight`, type: "F32", shape: [ff, d] },
    );
  }
  specs.push({ name: "output_norm.weight", type: "F32", shape: [d] });
  if (!config.tiedEmbeddings) specs.push({ name: "output.weight", type: "F32", shape: [d, config.vocabSize] });
  return specs;
}

/** Rows [offset, offset + rows) of a [R, T, B] tensor, made contiguous → [rows, T, B]. */
function rowSlice(ops: Ops, fused: Tensor, offset: number, rows: number): Tensor {
  const [, tokens, batch] = fused.ne;
  return ops.cont(ops.view(fused, [rows, tokens, batch], [fused.nb[1], fused.nb[2]], offset * fused.nb[0]));
}

/** tokens [T, B] → logits [V, T, B]. */
export function buildPhi3Forward(ops: Ops, config: ModelConfig, weights: WeightSource, inputs: ForwardInputs,
  options: ForwardOptions = {}): Tensor {
  const d = config.embeddingLength;
  const headDim = headDimension(config);
  const kvDim = headDim * config.headCountKv;
  const ff = config.feedForwardLength;
  const [tokenCount, batch] = inputs.tokens.ne;
  const rope = { dimensions: headDim, mode: RopeMode.NEOX, freqBase: config.ropeFreqBase, contextLength: config.contextLength };
  let x = embed(ops, config, weights, inputs.tokens); // [d, T, B]
  for (let i = 0; i < config.blockCount; i++) {
    const block = `blk.${i}`;
    const n = rmsNorm(ops, weights, `${block}.attn_norm.weight`, x, config.rmsNormEps); // [d, T, B]
    const qkv = linear(ops, weights, `${block}.attn_qkv.weight`, n, options); // [d + 2·kvDim, T, B]
    const q = rowSlice(ops, qkv, 0, d); // [d, T, B]
    const k = rowSlice(ops, qkv, d, kvDim); // [kvDim, T, B]
    const v = rowSlice(ops, qkv, d + kvDim, kvDim); // [kvDim, T, B]
    // llama.cpp scales Q by 1/√hd here; ropeAttention folds the factor into the softmax scale (same math).
    const attended = ropeAttention(ops, config, q, k, v, inputs.positions, rope); // [d, T, B]
    x = ops.add(x, linear(ops, weights, `${block}.attn_output.weight`, attended, options)); // [d, T, B]

    const m = rmsNorm(ops, weights, `${block}.ffn_norm.weight`, x, config.rmsNormEps); // [d, T, B]
    const gateUp = linear(ops, weights, `${block}.ffn_up.weight`, m, options); // [2·ff, T, B]
    const hidden = ops.swigluSplit(rowSlice(ops, gateUp, 0, ff), rowSlice(ops, gateUp, ff, ff)); // [ff, T, B]
    x = assertShape(ops.add(x, linear(ops, weights, `${block}.ffn_down.weight`, hidden, options)), [d, tokenCount, batch], `${block} output`);
  }
  return outputHead(ops, config, weights, x, options); // [V, T, B]
}
