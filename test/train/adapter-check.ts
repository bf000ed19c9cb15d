// Shared by the LoRA tests: apply our exported adapter in node-llama-cpp (llama.cpp's own LoRA path) and compare
// its next-token distribution with our forward with LoRA, at every position of `tokens`.
import { getLlama, LlamaLogLevel, type ControlledEvaluateInputItem, type Token } from "node-llama-cpp";
import type { LanguageModel } from "../../src/model/language-model.js";
import type { LoraWeights } from "../../src/model/lora-weights.js";
import { softmax } from "../../src/model/conformance.js";

export interface AdapterComparison {
  /** max |p_ours − p_llama.cpp| over positions and tokens */
  delta: number;
  /** max |p_with_adapter − p_base| in our forward: how much the adapter matters */
  effect: number;
}

export async function compareAdapterWithLlamaCpp(model: LanguageModel, lora: LoraWeights, tokens: number[],
  paths: { basePath: string; adapterPath: string }): Promise<AdapterComparison> {
  const ours = model.logits(tokens, { lora: lora.tensors(1) });
  const baseOnly = model.logits(tokens);
  const V = model.config.vocabSize;
  const llama = await getLlama({ gpu: false, logLevel: LlamaLogLevel.error, build: "never" });
  const llamaModel = await llama.loadModel({ modelPath: paths.basePath });
  const context = await llamaModel.createContext({
    contextSize: 128, batchSize: 128, sequences: 1, flashAttention: false,
    experimentalKvCacheKeyType: "F32", experimentalKvCacheValueType: "F32",
    lora: { adapters: [{ filePath: paths.adapterPath, scale: 1 }] },
  });
  try {
    const outputs = await context.getSequence().controlledEvaluate(
      tokens.map((token): ControlledEvaluateInputItem => [token as Token, { generateNext: { probabilities: true } }]));
    let delta = 0;
    let effect = 0;
    tokens.forEach((_, position) => {
      const theirs = outputs[position]?.next?.probabilities as Map<number, number> | undefined;
      if (!theirs) throw new Error(`node-llama-cpp gave no probabilities at position ${position}`);
      const p = softmax(ours, position * V, V);
      const q = softmax(baseOnly, position * V, V);
      for (let token = 0; token < V; token++) {
        delta = Math.max(delta, Math.abs(p[token]! - (theirs.get(token) ?? 0)));
        effect = Math.max(effect, Math.abs(p[token]! - q[token]!));
      }
    });
    return { delta, effect };
  } finally {
    await context.dispose();
    await llamaModel.dispose();
  }
}
