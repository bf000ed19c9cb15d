// train(): the library entry point behind `octoplan train`. Reads the data, prepares the model
// (from scratch, from a base GGUF, or from the run's own base.gguf when resuming), builds the
// training graph (full or LoRA, training-parts.ts), runs Trainer.fit(), and writes the outputs (outputs.ts):
//   DIR/model.gguf (full) or DIR/adapter.gguf (LoRA), DIR/training.json, DIR/metrics.jsonl, DIR/checkpoints/.
import type { PreTokenizerName } from "../model/tokenizer/index.js";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { DatasetRecord } from "../data/index.js";
import type { FunctionSet } from "../functions/index.js";
import { InputError } from "../errors.js";
import type { ModelSize } from "../model/config.js";
import { pickHyperparameters, resolveHyperparameters, type Hyperparameters, type PresetName } from "./options.js";
import { thinDuplicates, loadRecords, functionsFromRecords, textExamples, type DataSource } from "./data.js";
import { shapeTokens, tokenizeExamples, type TrainingTask } from "./examples.js";
import { prepareModel, type ModelSource } from "./setup.js";
import { buildTrainingParts, type TrainingParts } from "./training-parts.js";
import { checkNumberFormats, type BaseType, type Precision } from "./frozen.js";
import { Trainer, type TrainingProgress } from "./trainer.js";
import { writeTrainingOutputs } from "./outputs.js";
import { addFillerNoise } from "./filler-noise.js";
import { addInsertNoise } from "./insert-noise.js";

export interface TrainOptions extends Partial<Hyperparameters> {
  data: DataSource;
  eval?: DataSource;
  task: TrainingTask;
  /** Output directory. */
  output: string;
  /** Start from this GGUF (fine-tuning) … */
  base?: string;
  /** … or from a fresh model of this size with a tokenizer trained on the data. */
  /** A fresh model of this size: a preset (tiny, base, small) or WIDTHxLAYERS. */
  init?: ModelSize;
  /** Vocabulary size of the tokenizer trained for --init (default 2048 tiny, 4096 small). */
  vocabSize?: number;
  /**
   * llama.cpp pre-tokenizer of the tokenizer trained for --init: "smollm" (single digits) or "gpt-2". Default by
   * task (defaultPreTokenizer): a planner copies numbers, an action model converts them.
   */
  preTokenizer?: PreTokenizerName;
  preset?: PresetName;
  /** Function set for task "act" (default: the records' domains). */
  functions?: FunctionSet;
  threads?: number;
  /**
   * Type of the base's matrices in memory (default: the file's; F32 for --init). LoRA over bf16/f16 runs the
   * frozen weights' backward through FrozenTransposes; full fine-tuning needs f32.
   */
  baseType?: BaseType;
  /** Full training's products: "f32", or "bf16" over F32 masters (mixed precision, ~1.3× faster; see frozen.ts). */
  precision?: Precision;
  resume?: boolean;
  onProgress?: (progress: TrainingProgress) => void;
  /** Progress bar on stderr (default true). */
  progressBar?: boolean;
  /** Stop early (e.g. on SIGINT): a checkpoint is saved, and `interrupted` is true. */
  signal?: AbortSignal;
  /** Notes for the user (resized vocabulary, truncated examples …); default: stderr. */
  log?: (line: string) => void;
}

export interface TrainResult {
  directory: string;
  /** DIR/model.gguf (full) … */
  modelPath?: string;
  /** … or DIR/adapter.gguf (LoRA), applied on top of basePath. */
  adapterPath?: string;
  basePath: string;
  trainingJsonPath: string;
  metricsPath: string;
  finalLoss: number;
  finalEvalLoss?: number;
  steps: number;
  totalSteps: number;
  interrupted: boolean;
}

/**
 * The pre-tokenizer for a model trained from scratch. A planner mostly copies numbers from the request into its steps
 * (phone numbers, times, amounts), which single-digit tokens make easy: on the full demo's data, +7 points of plan
 * accuracy. An action model converts them ("2:30 PM" → "14:30", "November 28" → "2026-11-28"), which it learnt
 * better in 4000 steps from gpt-2's whole-number tokens: with single digits, end-to-end success fell by 4 points.
 */
export function defaultPreTokenizer(task: TrainingTask): PreTokenizerName {
  return task === "plan" ? "smollm" : "gpt-2";
}

export async function train(options: TrainOptions): Promise<TrainResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + "\n"));
  const { data: _data, eval: _eval, task, output, base, init, preset, functions: _functions, threads, resume, baseType, precision, preTokenizer: _pre, ...overrides } = options;
  if (task !== "plan" && task !== "act") throw new InputError(`unknown task '${String(task)}'`, { hint: "Available tasks: plan, act" });
  if (base && init) throw new InputError("--base and --init exclude each other", { hint: "fine-tune a GGUF with --base, or train from scratch with --init" });
  if (!base && !init && !(resume && existsSync(join(output, "base.gguf")))) {
    throw new InputError("no model to train", { hint: "pass --base model.gguf or --init tiny|base|small" });
  }
  const hyper = resolveHyperparameters(preset ?? (init ? "scratch" : "paper"), pickHyperparameters(overrides));
  const weightType = checkNumberFormats(hyper.method, baseType, precision);
  for (const [share, option] of [[hyper.fillerNoise, "--filler-noise"], [hyper.insertNoise, "--insert-noise"]] as const) {
    if (share > 0 && task !== "plan") throw new InputError(`${option} is for planners (--task plan)`, { hint: "an action model's inputs are the planner's own steps" });
  }

  const trainData = await loadRecords(options.data, "training data");
  const evalData = options.eval ? await loadRecords(options.eval, "eval data") : undefined;
  const functions = task === "act" ? (options.functions ?? functionsFromRecords([...trainData.records, ...(evalData?.records ?? [])])) : undefined;
  // Before the tokenizer and grounding.json learn from the requests, so that both see what the model trains on.
  // Insertion first: the filler statistics then count what the model reads (inserted words are too rare to be fillers).
  const inserted = addInsertNoise(trainData.records, { share: hyper.insertNoise, seed: hyper.seed });
  if (inserted.noised > 0) log(`insertion noise in ${inserted.noised} of ${trainData.records.length} requests`);
  const noise = addFillerNoise(inserted.records, { share: hyper.fillerNoise, seed: hyper.seed });
  if (noise.noised > 0) log(`filler noise in ${noise.noised} of ${trainData.records.length} requests`);
  const trainTexts = textExamples(noise.records, task, functions);
  const evalTexts = evalData ? textExamples(evalData.records, task, functions) : [];

  const source: ModelSource = resume && existsSync(join(output, "base.gguf")) ? { kind: "resume" } : base ? { kind: "base", path: base } : { kind: "init", size: init! };
  const prepared = await prepareModel(source, {
    directory: output,
    corpus: [...trainTexts, ...evalTexts].map((example) => example.prompt + example.target),
    vocabSize: options.vocabSize,
    preTokenizer: options.preTokenizer ?? defaultPreTokenizer(task),
    seed: hyper.seed,
    threads,
    weightType,
    log,
  });
  const { model, tokenizer } = prepared;
  let parts: TrainingParts | undefined;
  try {
    const contextLength = Math.min(hyper.contextLength ?? model.config.contextLength, model.config.contextLength);
    const kept = thinDuplicates(trainTexts, hyper.duplicates);
    if (kept.length < trainTexts.length) log(`kept ${kept.length} of ${trainTexts.length} training examples (duplicates: ${hyper.duplicates})`);
    const decisionTokens = hyper.decisionWeight > 1 ? shapeTokens(tokenizer, task) : undefined;
    const trainSet = tokenizeExamples(kept, tokenizer, contextLength, { promptLoss: hyper.promptLoss, decisionTokens });
    const evalSet = tokenizeExamples(evalTexts, tokenizer, contextLength);
    for (const [name, set] of [["training", trainSet], ["eval", evalSet]] as const) {
      if (set.truncated + set.dropped > 0) {
        log(`note: ${set.truncated} ${name} examples were cut to ${contextLength} tokens and ${set.dropped} dropped (no target left)`);
      }
    }
    if (trainSet.examples.length === 0) throw new InputError("no training example survived tokenization", { hint: "raise --context or check the data" });

    parts = buildTrainingParts(prepared, hyper, precision);
    const { graph, lora } = parts;
    log(`training ${parts.description} on ${trainSet.examples.length} examples`);

    const trainer = new Trainer(graph, {
      hyperparameters: hyper,
      train: trainSet.examples,
      eval: evalSet.examples,
      directory: output,
      resume,
      onProgress: options.onProgress,
      progressBar: options.progressBar,
      signal: options.signal,
    });
    const result = await trainer.fit();
    // The checkpoints keep the last weights and the average apart; the model written is the average.
    if (!result.interrupted && graph.useAverageWeights()) log(`writing the moving average of the weights (decay ${hyper.emaDecay})`);

    const { modelPath, adapterPath, trainingJsonPath } = await writeTrainingOutputs({
      output, task, result, model, tokenizer, lora, hyper, baseType, precision, functions, trainTexts,
      description: prepared.description, basePath: prepared.basePath, trainableParameters: graph.trainableParameters,
      data: { train: typeof options.data === "string" ? options.data : "(in memory)", trainHash: trainData.hash, evalHash: evalData?.hash ?? null,
        trainExamples: trainSet.examples.length, evalExamples: evalSet.examples.length },
    });
    return {
      directory: output, modelPath, adapterPath, basePath: prepared.basePath, trainingJsonPath, metricsPath: join(output, "metrics.jsonl"),
      finalLoss: result.finalLoss, finalEvalLoss: result.finalEvalLoss, steps: result.steps, totalSteps: result.totalSteps, interrupted: result.interrupted,
    };
  } finally {
    parts?.dispose();
    prepared.dispose();
  }
}

export type { DatasetRecord };
