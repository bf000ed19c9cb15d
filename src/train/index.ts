// Public API of src/train: train() (what `octoplan train` runs), the loop and its parts.
export { train, type TrainOptions, type TrainResult } from "./train.js";
export { getLr, type LrSchedule, type LrDecay } from "./schedule.js";
export {
  PRESETS as TRAINING_PRESETS, PRESET_NAMES as TRAINING_PRESET_NAMES, ALL_LINEAR, LORA_TARGETS, resolveHyperparameters, parseLoraTargets,
  type Hyperparameters, type TrainingMethod, type LoraTarget, type PresetName as TrainingPresetName,
} from "./options.js";
export { Trainer, type FitOptions, type FitResult, type TrainingProgress } from "./trainer.js";
export { TrainingGraph, type TrainingGraphOptions, type TrainableTensor, type ForwardBuilder } from "./graph.js";
export type { Trainable, AdamWStep } from "./trainable.js";
export { AdamW, type OptimizedTensor } from "./optimizer.js";
export { recordToExamples, tokenizeExamples, makeBatch, type TrainingTask, type TextExample, type TokenizedExample, type Batch } from "./examples.js";
export { planEpoch, batchesPerEpoch, type DataCursor } from "./batches.js";
export { saveCheckpoint, loadCheckpoint, loadLatestCheckpoint, type CheckpointState, type CheckpointTensor } from "./checkpoint.js";
export { Random, type RandomState } from "./random.js";
export { createTrainableLora, loraTargetsOf, type LoraSettings } from "./lora-init.js";
export { addTokensToGguf, missingTokens } from "./resize.js";
export { functionsFromRecords } from "./data.js";
