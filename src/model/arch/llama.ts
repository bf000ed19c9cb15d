// llama (Llama 3.x, SmolLM, TinyLlama) as llama.cpp builds it (src/models/llama.cpp):
//   x = token_embd[tokens]
//   per block: x += attn_output · attention(rope(attn_q·n), rope(attn_k·n), attn_v·n), n = RMSNorm(x)·attn_norm
//              x += ffn_down · (silu(ffn_gate·n) ⊙ ffn_up·n),                           n = RMSNorm(x)·ffn_norm
//   logits = output · RMSNorm(x)·output_norm   (output = token_embd when tied)
// RoPE mode NORM (adjacent pairs): convert_hf_to_gguf.py permutes HF's q/k rows so this matches HF's rotate_half.
// qwen2 is the same graph with q/k/v biases and NEOX RoPE, so its file reuses buildDecoder with its own variant.
// Left out: RoPE scaling (YaRN, llama3 rope_freqs), logit soft-capping, sliding windows: none of our models use them.

import type { Ops } from "../../ggml/ops.js";
import { RopeMode } from "../../ggml/ops.js";
import type { TensorSpec } from "../../ggml/parameter-context.js";
import { assertShape, type Tensor } from "../../ggml/tensor.js";
import { headDimension, type ModelConfig } from "../config.js";
import { linear, rmsNorm, ropeAttention, type ForwardOptions, type WeightSource } from "./layers.js";

export interface ForwardInputs {
  /** I32 [T, B] token ids. */
  tokens: Tensor;
  /** I32 [T] positions 0..T-1. */
  positions: Tensor;
}

export interface DecoderVariant {
  ropeMode: number;
  /** qwen2: add attn_{q,k,v}.bias. */
  attentionBias: boolean;
}

export const LLAMA_VARIANT: DecoderVariant = { ropeMode: RopeMode.NORM, attentionBias: false };

/** Tensor names and shapes (ggml ne) as convert_hf_to_gguf.py writes them for llama and qwen2. */
export function decoderTensors(config: ModelConfig, variant: DecoderVariant): TensorSpec[] {
  const d = config.embeddingLength;
  const kvDim = headDimension(config) * config.headCountKv;
  const ff = config.feedForwardLength;
  const specs: TensorSpec[] = [{ name: "token_embd.weight", type: "F32", shape: [d, config.vocabSize] }];
  for (let i = 0; i < config.blockCount; i++) {
    const block = `blk.${i}`;
    specs.push(
      { name: `${block}.attn_norm.weight`, type: "F32", shape: [d] },
      { name: `${block}.attn_q.weight`, type: "F32", shape: [d, d] },
      { name: `${block}.attn_k.weight`, type: "F32", shape: [d, kvDim] },
      { name: `${block}.attn_v.weight`, type: "F32", shape: [d, kvDim] },
      { name: `${block}.attn_output.weight`, type: "F32", shape: [d, d] },
      { name: `${block}.ffn_norm.weight`, type: "F32", shape: [d] },
      { name: `${block}.ffn_gate.weight`, type: "F32", shape: [d, ff] },
      { name: `${block}.ffn_up.weight`, type: "F32", shape: [d, ff] },
      { name: `${block}.ffn_down.weight`, type: "F32", shape: [ff, d] },
    );
    if (variant.attentionBias) {
      specs.push(
        { name: `${block}.attn_q.bias`, type: "F32", shape: [d] },
        { name: `${block}.attn_k.bias`, type: "F32", shape: [kvDim] },
        { name: `${block}.attn_v.bias`, type: "F32", shape: [kvDim] },
      );
    }
  }
  specs.push({ name: "output_norm.weight", type: "F32", shape: [d] });
  if (!config.tiedEmbeddings) specs.push({ name: "output.weight", type: "F32", shape: [d, config.vocabSize] });
  return specs;
}

export function llamaTensors(config: ModelConfig): TensorSpec[] {
  return decoderTensors(config, LLAMA_VARIANT);
}

/** Token embeddings: I32 [T, B] → [d, T, B]. */
export function embed(ops: Ops, config: ModelConfig, weights: WeightSource, tokens: Tensor): Tensor {
  const [tokenCount, batch] = tokens.ne;
  const flat = ops.reshape(tokens, [tokenCount * batch]); // [T·B]
  const rows = ops.getRows(weights.get("token_embd.weight"), flat); // [d, T·B]
  return ops.reshape(rows, [config.embeddingLength, tokenCount, batch]); // [d, T, B]
}

/** Final norm and output head: [d, T, B] → logits [V, T, B]. */
export function outputHead(ops: Ops, config: ModelConfig, weights: WeightSource, x: Tensor, options: ForwardOptions): Tensor {
  if (options.outputRows) {
    const [d, tokenCount, batch] = x.ne;
    const rows = options.outputRows.ne[0];
    x = ops.reshape(ops.getRows(ops.reshape(x, [d, tokenCount * batch]), options.outputRows), [d, rows, 1]); // [d, N, 1]
  }
  const normalized = rmsNorm(ops, weights, "output_norm.weight", x, config.rmsNormEps); // [d, T, B]
  // Tied models reuse token_embd; LoRA on a tied head is left out (llama.cpp would also adapt the embedding).
  const head = config.tiedEmbeddings ? "token_embd.weight" : "output.weight";
  const logits = config.tiedEmbeddings ? ops.mulMat(weights.get(head), normalized) : linear(ops, weights, head, normalized, options);
  return assertShape(logits, [config.vocabSize, x.ne[1], x.ne[2]], "logits");
}

/** The llama/qwen2 decoder: tokens [T, B] → logits [V, T, B]. */
export function buildDecoder(ops: Ops, config: ModelConfig, weights: WeightSource, inputs: ForwardInputs,
  variant: DecoderVariant, options: ForwardOptions = {}): Tensor {
  const d = config.embeddingLength;
  const headDim = headDimension(config);
  const [tokenCount, batch] = inputs.tokens.ne;
  const rope = { dimensions: headDim, mode: variant.ropeMode, freqBase: config.ropeFreqBase, contextLength: config.contextLength };
  let x = embed(ops, config, weights, inputs.tokens); // [d, T, B]
  for (let i = 0; i < config.blockCount; i++) {
    const block = `blk.${i}`;
    const bias = (name: string) => (variant.attentionBias ? `${block}.${name}.bias` : undefined);
    const n = rmsNorm(ops, weights, `${block}.attn_norm.weight`, x, config.rmsNormEps); // [d, T, B]
    const q = linear(ops, weights, `${block}.attn_q.weight`, n, options, bias("attn_q")); // [d, T, B]
    const k = linear(ops, weights, `${block}.attn_k.weight`, n, options, bias("attn_k")); // [kvDim, T, B]
    const v = linear(ops, weights, `${block}.attn_v.weight`, n, options, bias("attn_v")); // [kvDim, T, B]
    const attended = ropeAttention(ops, config, q, k, v, inputs.positions, rope); // [d, T, B]
    x = ops.add(x, linear(ops, weights, `${block}.attn_output.weight`, attended, options)); // [d, T, B]

    const m = rmsNorm(ops, weights, `${block}.ffn_norm.weight`, x, config.rmsNormEps); // [d, T, B]
    const gate = linear(ops, weights, `${block}.ffn_gate.weight`, m, options); // [ff, T, B]
    const up = linear(ops, weights, `${block}.ffn_up.weight`, m, options); // [ff, T, B]
    const down = linear(ops, weights, `${block}.ffn_down.weight`, ops.swigluSplit(gate, up), options); // [d, T, B]
    x = assertShape(ops.add(x, down), [d, tokenCount, batch], `${block} output`);
  }
  return outputHead(ops, config, weights, x, options); // [V, T, B]
}

export function buildLlamaForward(ops: Ops, config: ModelConfig, weights: WeightSource, inputs: ForwardInputs,
  options: ForwardOptions = {}): Tensor {
  return buildDecoder(ops, config, weights, inputs, LLAMA_VARIANT, options);
}
