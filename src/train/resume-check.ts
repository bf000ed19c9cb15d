// What a checkpoint records about the run that wrote it, so that --resume refuses to continue a different run.
// A checkpoint's data cursor and learning-rate schedule only mean something for the same examples in the same
// order under the same hyperparameters: resuming with another --lr, --filler-noise, --duplicates or data file
// would silently train a model that neither run describes. So the checkpoint stores the hyperparameters and a
// hash of the tokenized examples (which also covers the tokenizer, filler noise and duplicates), and restore()
// names whatever differs. Only the reporting intervals may change between runs. Checkpoints written before these
// fields existed carry none of them and are not checked (their example count still is).
import { createHash } from "node:crypto";
import { InputError } from "../errors.js";
import type { Hyperparameters } from "./options.js";
import type { TokenizedExample } from "./examples.js";

/** Hyperparameters that change how often the run reports, not what it computes. */
const FREE_TO_CHANGE: ReadonlySet<string> = new Set(["evalEvery", "checkpointEvery"]);
/** Hyperparameters added after checkpoints were first written: a checkpoint without one was trained with this value. */
const ADDED_LATER: Readonly<Record<string, unknown>> = { decisionWeight: 1 };

export interface RunFingerprint {
  trainExamples: number;
  /** sha256 over every example's prompt length and tokens, in order. */
  examplesHash: string;
  hyperparameters: Hyperparameters;
}

export function examplesHash(examples: readonly TokenizedExample[]): string {
  const hash = createHash("sha256");
  for (const example of examples) {
    hash.update(Int32Array.from([example.promptLength, example.tokens.length, ...example.tokens]));
  }
  return hash.digest("hex");
}

export function runFingerprint(hyperparameters: Hyperparameters, examples: readonly TokenizedExample[]): RunFingerprint {
  return { trainExamples: examples.length, examplesHash: examplesHash(examples), hyperparameters };
}

/** Throws when the checkpoint at `path` was written by another run than `current` (see the file comment). */
export function checkResumable(path: string, saved: Record<string, unknown>, current: RunFingerprint): void {
  const hint = "resume with the same data and training options, or start over without --resume (or in another --out)";
  const count = saved.trainExamples;
  if (typeof count === "number" && count !== current.trainExamples) {
    throw new InputError(`${path}: the checkpoint was trained on ${count} examples, this run has ${current.trainExamples}`, { hint });
  }
  if (typeof saved.examplesHash === "string" && saved.examplesHash !== current.examplesHash) {
    throw new InputError(`${path}: the checkpoint was trained on other examples (same count, other tokens)`, { hint });
  }
  const savedHyperparameters = saved.hyperparameters;
  if (savedHyperparameters && typeof savedHyperparameters === "object") {
    const before = { ...ADDED_LATER, ...(savedHyperparameters as Record<string, unknown>) };
    const now = current.hyperparameters as unknown as Record<string, unknown>;
    const differences = [...new Set([...Object.keys(before), ...Object.keys(now)])]
      .filter((key) => !FREE_TO_CHANGE.has(key) && JSON.stringify(before[key]) !== JSON.stringify(now[key]))
      .map((key) => `${key} ${JSON.stringify(before[key]) ?? "unset"} → ${JSON.stringify(now[key]) ?? "unset"}`);
    if (differences.length > 0) {
      throw new InputError(`${path}: the checkpoint was trained with other hyperparameters: ${differences.join(", ")}`, { hint });
    }
  }
}
