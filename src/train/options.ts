// Training options: the paper's hyperparameters are the defaults (preset "paper"); the
// "scratch" preset is for the tiny models we train from random weights (see
// docs/TRAINING.md for why they need a learning rate ~200× larger). Explicit options
// always win over the preset.
import { InputError } from "../errors.js";
import type { LrDecay } from "./schedule.js";

export type TrainingMethod = "full" | "lora";
export type LoraTarget = "q" | "k" | "v" | "o" | "gate" | "up" | "down" | "output";
export const LORA_TARGETS: readonly LoraTarget[] = ["q", "k", "v", "o", "gate", "up", "down", "output"];
/** "all-linear" follows PEFT: every linear layer of the blocks, not the output head. */
export const ALL_LINEAR: readonly LoraTarget[] = ["q", "k", "v", "o", "gate", "up", "down"];

export interface Hyperparameters {
  method: TrainingMethod;
  lr: number;
  minLr: number;
  decay: LrDecay;
  warmupRatio: number;
  batchSize: number;
  gradAccum: number;
  epochs: number;
  /** Stop after this many optimizer steps (overrides epochs when smaller). */
  maxSteps?: number;
  weightDecay: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** Clip the global gradient norm to this value; 0 disables clipping. */
  maxGradNorm: number;
  loraRank: number;
  loraAlpha: number;
  loraTargets: readonly LoraTarget[];
  loraDropout: number;
  /**
   * Also train on the prompt's tokens (the request), as a language model, not only on the answer. Models
   * trained from scratch learn the requests' language from it; a pretrained base already has it.
   */
  promptLoss: boolean;
  /**
   * What to do with repeated examples (the same prompt and target): "keep" them all, keep the square root of their
   * count ("sqrt", rounded down), or keep one ("once"). Generated data repeats its easy examples (the same print step
   * and file path hundreds of times), and a step budget spent on them is not spent on the rare, hard ones.
   */
  duplicates: Duplicates;
  /**
   * Keep an exponential moving average of the trained weights and write the average, not the last weights (0 = off).
   * The decay after step t is min(emaDecay, 1 − 1/t): the plain mean of the weights so far until the window of
   * about 1/(1 − emaDecay) steps has filled, then an exponential average.
   */
  emaDecay: number;
  /**
   * Planner training only: the share of requests in which filler words ("please", "hey", "quick") become random
   * English words (filler-noise.ts), so that unfamiliar wording does not change the plan. 0 = off.
   */
  fillerNoise: number;
  /**
   * Planner training only: the share of requests that get one or two random English words inserted between two of
   * their words (insert-noise.ts), so that a word the generator never uses does not add or drop a step. 0 = off.
   */
  insertNoise: number;
  /**
   * How many times the loss counts each token that decides a plan's shape (examples.ts, `decisionLabels`): the
   * first token of every step, each `<nexa_split>` and the closing `<|end|>` (for the action model, the functional
   * token that picks the function). Integers 1–16; 1 = every target token counts once (off).
   */
  decisionWeight: number;
  seed: number;
  /** Longest example in tokens; longer ones are cut (and counted). */
  contextLength?: number;
  evalEvery: number;
  checkpointEvery: number;
}

export const DUPLICATES = ["keep", "sqrt", "once"] as const;
export type Duplicates = (typeof DUPLICATES)[number];

export type PresetName = "paper" | "scratch";
export const PRESET_NAMES: readonly PresetName[] = ["paper", "scratch"];

const paper: Hyperparameters = {
  method: "full",
  lr: 5e-6,
  minLr: 0,
  decay: "linear",
  warmupRatio: 0.2,
  batchSize: 4,
  gradAccum: 1,
  epochs: 2,
  weightDecay: 0.0,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  maxGradNorm: 1.0,
  loraRank: 64,
  loraAlpha: 256,
  loraTargets: ALL_LINEAR,
  loraDropout: 0,
  promptLoss: false,
  duplicates: "keep",
  emaDecay: 0,
  fillerNoise: 0,
  insertNoise: 0,
  decisionWeight: 1,
  seed: 0,
  evalEvery: 100,
  checkpointEvery: 200,
};

export const PRESETS: Record<PresetName, Hyperparameters> = {
  paper,
  scratch: {
    ...paper,
    lr: 1e-3,
    minLr: 1e-4,
    decay: "cosine",
    warmupRatio: 0.05,
    batchSize: 8,
    epochs: 4,
    weightDecay: 0.01,
    beta2: 0.99,
    loraRank: 16,
    loraAlpha: 32,
    evalEvery: 50,
    checkpointEvery: 100,
  },
};

export function resolveHyperparameters(preset: PresetName | undefined, overrides: Partial<Hyperparameters>): Hyperparameters {
  const name = preset ?? "paper";
  const base = PRESETS[name];
  if (!base) {
    throw new InputError(`unknown preset '${String(preset)}'`, { hint: `Available presets: ${PRESET_NAMES.join(", ")}` });
  }
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const result = { ...base, ...defined } as Hyperparameters;
  validateHyperparameters(result);
  return result;
}

export function parseLoraTargets(text: string): LoraTarget[] {
  if (text === "all-linear") return [...ALL_LINEAR];
  if (text === "all") return [...LORA_TARGETS];
  const names = text.split(",").map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    if (!LORA_TARGETS.includes(name as LoraTarget)) {
      throw new InputError(`unknown LoRA target '${name}'`, {
        hint: `Available targets: all-linear, all, ${LORA_TARGETS.join(", ")} (comma-separated)`,
      });
    }
  }
  if (names.length === 0) throw new InputError("--targets is empty", { hint: "use all-linear or e.g. q,v" });
  return names as LoraTarget[];
}

function validateHyperparameters(values: Hyperparameters): void {
  const positive: (keyof Hyperparameters)[] = ["lr", "batchSize", "gradAccum", "epochs", "loraRank", "loraAlpha"];
  for (const key of positive) {
    const value = values[key];
    if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) {
      throw new InputError(`option '${key}' must be a positive number, got ${String(value)}`);
    }
  }
  for (const key of ["batchSize", "gradAccum", "epochs", "loraRank"] as const) {
    if (!Number.isInteger(values[key])) throw new InputError(`option '${key}' must be an integer, got ${values[key]}`);
  }
  if (values.method !== "full" && values.method !== "lora") {
    throw new InputError(`unknown method '${String(values.method)}'`, { hint: "Available methods: full, lora" });
  }
  if (!(values.warmupRatio >= 0 && values.warmupRatio < 1)) {
    throw new InputError(`option 'warmupRatio' must be in [0, 1), got ${values.warmupRatio}`);
  }
  if (!(values.loraDropout >= 0 && values.loraDropout < 1)) {
    throw new InputError(`option 'loraDropout' must be in [0, 1), got ${values.loraDropout}`);
  }
  if (!DUPLICATES.includes(values.duplicates)) {
    throw new InputError(`unknown duplicates policy '${String(values.duplicates)}'`, { hint: `Available policies: ${DUPLICATES.join(", ")}` });
  }
  if (!(values.weightDecay >= 0 && values.weightDecay <= 1)) {
    throw new InputError(`option 'weightDecay' must be in [0, 1], got ${values.weightDecay}`);
  }
  if (!(values.emaDecay >= 0 && values.emaDecay < 1)) {
    throw new InputError(`option 'emaDecay' must be in [0, 1), got ${values.emaDecay}`, { hint: "0 turns the average off; 0.999 averages over about 1000 steps" });
  }
  if (!(values.fillerNoise >= 0 && values.fillerNoise <= 1)) {
    throw new InputError(`option 'fillerNoise' must be in [0, 1], got ${values.fillerNoise}`, { hint: "the share of training requests that get filler noise; the demo's planner uses 0.5" });
  }
  if (!(values.insertNoise >= 0 && values.insertNoise <= 1)) {
    throw new InputError(`option 'insertNoise' must be in [0, 1], got ${values.insertNoise}`, { hint: "the share of training requests that get random words inserted" });
  }
  if (!(Number.isInteger(values.decisionWeight) && values.decisionWeight >= 1 && values.decisionWeight <= 16)) {
    throw new InputError(`option 'decisionWeight' must be an integer from 1 to 16, got ${values.decisionWeight}`, { hint: "1 counts every target token once; 3 counts the plan's step starts, splits and end three times" });
  }
  if (values.maxSteps !== undefined && !(Number.isInteger(values.maxSteps) && values.maxSteps > 0)) {
    throw new InputError(`option 'maxSteps' must be a positive integer, got ${values.maxSteps}`);
  }
}

const HYPERPARAMETER_KEYS: readonly (keyof Hyperparameters)[] = [
  "method", "lr", "minLr", "decay", "warmupRatio", "batchSize", "gradAccum", "epochs", "maxSteps", "weightDecay", "beta1", "beta2",
  "epsilon", "maxGradNorm", "loraRank", "loraAlpha", "loraTargets", "loraDropout", "promptLoss", "duplicates", "emaDecay", "fillerNoise", "insertNoise", "decisionWeight", "seed", "contextLength", "evalEvery", "checkpointEvery",
];

/** The hyperparameters among `values` (train()'s options), the undefined ones left out so a preset's stand. */
export function pickHyperparameters(values: Record<string, unknown>): Partial<Hyperparameters> {
  return Object.fromEntries(HYPERPARAMETER_KEYS.filter((key) => values[key] !== undefined).map((key) => [key, values[key]]));
}
