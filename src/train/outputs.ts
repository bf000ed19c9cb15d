// What a finished (or interrupted) training run leaves in its directory: model.gguf (full) or adapter.gguf (LoRA),
// grounding.json beside it, and training.json, the run's record (source, hyperparameters, data hashes, losses).
// An interrupted run writes only training.json: its checkpoint is what resumes it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FunctionSet } from "../functions/index.js";
import { writeLoraAdapter } from "../model/gguf/index.js";
import type { LanguageModel, TokenizerMetadataSource } from "../model/language-model.js";
import type { LoraWeights } from "../model/lora-weights.js";
import { GROUNDING_FILE, writeGrounding } from "../plan/grounding-file.js";
import { learnGrounding } from "../plan/learn-grounding.js";
import { writeFileAtomic } from "../util/atomic.js";
import type { TextExample, TrainingTask } from "./examples.js";
import type { BaseType, Precision } from "./frozen.js";
import type { Hyperparameters } from "./options.js";
import type { FitResult } from "./trainer.js";

export interface TrainingOutputs {
  output: string;
  task: TrainingTask;
  result: FitResult;
  model: LanguageModel;
  tokenizer: TokenizerMetadataSource;
  lora?: LoraWeights;
  hyper: Hyperparameters;
  baseType?: BaseType;
  precision?: Precision;
  functions?: FunctionSet;
  /** Every training example, repeats included: grounding.json counts how often a word was copied. */
  trainTexts: readonly TextExample[];
  description: string;
  basePath: string;
  trainableParameters: number;
  data: { train: string; trainHash: string; evalHash: string | null; trainExamples: number; evalExamples: number };
}

export async function writeTrainingOutputs(run: TrainingOutputs): Promise<{ modelPath?: string; adapterPath?: string; trainingJsonPath: string }> {
  const { output, result, model, lora, hyper } = run;
  const modelPath = hyper.method === "full" && !result.interrupted ? join(output, "model.gguf") : undefined;
  const adapterPath = lora && !result.interrupted ? join(output, "adapter.gguf") : undefined;
  if (modelPath) await model.save(modelPath, run.tokenizer);
  if (adapterPath && lora) {
    writeLoraAdapter(adapterPath, { architecture: model.config.architecture, alpha: lora.alpha, pairs: lora.pairs(),
      metadata: [{ key: "general.name", type: "string", value: "octoplan LoRA" }] });
  }
  // The model's grounding words (plan/grounding.ts), learnt from prompt → target, travel beside it: its decoder
  // keeps a plan, or a call, to what it was given.
  if (!result.interrupted) {
    writeGrounding(join(output, GROUNDING_FILE), learnGrounding(run.trainTexts, { functions: run.functions }));
  }
  const trainingJsonPath = join(output, "training.json");
  writeFileAtomic(trainingJsonPath, JSON.stringify({
    octoplanVersion: packageVersion(),
    task: run.task,
    source: run.description,
    basePath: run.basePath,
    model: model.config,
    hyperparameters: hyper,
    baseType: run.baseType ?? null,
    precision: run.precision ?? "f32",
    trainableParameters: run.trainableParameters,
    data: { ...run.data, functions: run.functions?.names ?? null },
    steps: result.steps,
    totalSteps: result.totalSteps,
    finalLoss: result.finalLoss,
    finalEvalLoss: result.finalEvalLoss ?? null,
    interrupted: result.interrupted,
    outputs: { model: modelPath ?? null, adapter: adapterPath ?? null },
  }, null, 2) + "\n");
  return { modelPath, adapterPath, trainingJsonPath };
}

function packageVersion(): string {
  const path = new URL("../../package.json", import.meta.url);
  return (JSON.parse(readFileSync(path, "utf8")) as { version: string }).version;
}
