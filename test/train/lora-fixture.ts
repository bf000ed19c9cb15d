// The LoRA training run that lora.test.ts and lora-bf16.test.ts share: a toy llama config and 16 steps of
// LoRA (rank 4, all targets) through the real TrainingGraph and Trainer, with the per-step losses collected.
import type { ModelConfig } from "../../src/model/config.js";
import type { LanguageModel } from "../../src/model/language-model.js";
import { buildForward } from "../../src/model/arch/index.js";
import type { BpeTokenizer } from "../../src/model/tokenizer/index.js";
import type { ComputeContext } from "../../src/ggml/index.js";
import type { LoraWeights } from "../../src/model/lora-weights.js";
import { createTrainableLora } from "../../src/train/lora-init.js";
import { TrainingGraph } from "../../src/train/graph.js";
import { Trainer } from "../../src/train/trainer.js";
import { resolveHyperparameters, LORA_TARGETS } from "../../src/train/options.js";
import { tokenizeExamples } from "../../src/train/examples.js";
import type { textExamples } from "../../src/train/data.js";

export function toyLlamaConfig(vocabSize: number): ModelConfig {
  return {
    architecture: "llama", vocabSize, embeddingLength: 64, blockCount: 2, feedForwardLength: 96,
    headCount: 4, headCountKv: 2, contextLength: 128, ropeFreqBase: 10000, rmsNormEps: 1e-5, tiedEmbeddings: false,
  };
}

export async function trainToyLora(
  model: LanguageModel,
  texts: ReturnType<typeof textExamples>,
  tokenizer: BpeTokenizer,
  directory: string,
  rewriteBackward?: (step: ComputeContext) => void,
): Promise<{ lora: LoraWeights; losses: number[] }> {
  const losses: number[] = [];
  const lora = createTrainableLora(model.ggml, model.specs, { rank: 4, alpha: 8, targets: LORA_TARGETS, seed: 1 });
  const graph = TrainingGraph.create({
    ggml: model.ggml,
    vocabularySize: model.config.vocabSize,
    trainable: lora.parameters.names.map((name) => ({ name, tensor: lora.parameters.get(name), decay: true })),
    forward: (step, inputs) => {
      const forward = buildForward(step, model.config, model.weights, inputs, { lora: lora.tensors(1), differentiable: true });
      return { logits: forward.logits, fillInputs: () => forward.fillPositions(model.ggml) };
    },
    rewriteBackward,
  });
  const hyperparameters = resolveHyperparameters("scratch", { method: "lora", lr: 2e-2, warmupRatio: 0, maxSteps: 16, epochs: 8, batchSize: 4, loraRank: 4, loraAlpha: 8, checkpointEvery: 0 });
  const trainer = new Trainer(graph, {
    hyperparameters, train: tokenizeExamples(texts, tokenizer, 128).examples, directory, progressBar: false,
    onProgress: (progress) => losses.push(progress.loss),
  });
  await trainer.fit();
  graph.dispose();
  return { lora, losses };
}
