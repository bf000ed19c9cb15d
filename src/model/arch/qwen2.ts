// qwen2 (Qwen2, Qwen2.5) as llama.cpp builds it (src/models/qwen2.cpp): the llama graph of ./llama.ts with two
// differences, both handled by the variant below:
//   - attn_q, attn_k, attn_v carry biases (blk.{i}.attn_{q,k,v}.bias, ne=[out]);
//   - RoPE mode NEOX (rotate halves), because convert_hf_to_gguf.py does not permute qwen2's q/k weights.
// Tied embeddings are common (Qwen2.5-0.5B); `output.weight` is present only when untied.

import type { Ops } from "../../ggml/ops.js";
import { RopeMode } from "../../ggml/ops.js";
import type { TensorSpec } from "../../ggml/parameter-context.js";
import type { Tensor } from "../../ggml/tensor.js";
import type { ModelConfig } from "../config.js";
import type { ForwardOptions, WeightSource } from "./layers.js";
import { buildDecoder, decoderTensors, type DecoderVariant, type ForwardInputs } from "./llama.js";

export const QWEN2_VARIANT: DecoderVariant = { ropeMode: RopeMode.NEOX, attentionBias: true };

export function qwen2Tensors(config: ModelConfig): TensorSpec[] {
  return decoderTensors(config, QWEN2_VARIANT);
}

/** tokens [T, B] → logits [V, T, B]. */
export function buildQwen2Forward(ops: Ops, config: ModelConfig, weights: WeightSource, inputs: ForwardInputs,
  options: ForwardOptions = {}): Tensor {
  return buildDecoder(ops, config, weights, inputs, QWEN2_VARIANT, options);
}
