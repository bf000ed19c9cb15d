// Trains a tiny planner and a tiny action model from scratch, inside the test process, on offline
// generated data for four android functions (1–2 step requests). The action model is trained with
// the whole android set, so its <nexa_K> are the android indices and the CLI's default
// `--domains android` matches it. A few hundred optimizer steps
// on one thread: enough for the models to learn the formats and most of the mapping, which is what
// the end-to-end tests need (the trace's structure, real GGUF files, real llama.cpp inference).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readDatasetAll, type DatasetRecord } from "../../src/data/index.js";
import { generateDataset } from "../../src/data/generate/index.js";
import { OfflineTeacher } from "../../src/data/offline/index.js";
import { FunctionSet } from "../../src/functions/index.js";
import { train } from "../../src/train/train.js";

export const TEST_FUNCTION_NAMES = ["take_screenshot", "enable_do_not_disturb", "set_timer_alarm", "take_photo"];

export interface TrainedModels {
  directory: string;
  functions: FunctionSet;
  records: DatasetRecord[];
  dataPath: string;
  plannerPath: string;
  actorPath: string;
}

export async function trainTinyModels(steps = 200): Promise<TrainedModels> {
  const directory = mkdtempSync(join(tmpdir(), "octoplan-agent-"));
  const functions = FunctionSet.fromDomains(["android"]);
  const subset = FunctionSet.from(TEST_FUNCTION_NAMES.map((name) => functions.get(name)));
  const dataPath = join(directory, "data.jsonl");
  await generateDataset({ teacher: new OfflineTeacher(), functions: subset, out: dataPath, count: 80, steps: "1-2", seed: 7 });
  const { records } = await readDatasetAll(dataPath);
  const common = { data: dataPath, init: "tiny" as const, preset: "scratch" as const, maxSteps: steps, vocabSize: 512, threads: 1, progressBar: false, log: () => undefined };
  const planner = await train({ ...common, task: "plan", output: join(directory, "planner") });
  const actor = await train({ ...common, task: "act", functions, output: join(directory, "actor") });
  if (!planner.modelPath || !actor.modelPath) throw new Error("training wrote no model.gguf");
  return { directory, functions, records, dataPath, plannerPath: planner.modelPath, actorPath: actor.modelPath };
}

/** Hand-made records in a fresh folder (`prefix` names it), for a test that trains its own tiny models on them. */
export function writeRecords(prefix: string, records: readonly DatasetRecord[]): { directory: string; dataPath: string } {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  const dataPath = join(directory, "data.jsonl");
  writeFileSync(dataPath, records.map((record) => JSON.stringify(record)).join("\n") + "\n");
  return { directory, dataPath };
}

/**
 * The grounded-decoding tests' model: a tiny planner (or, with `functions`, action model) trained from scratch on the
 * records at `dataPath` for 60 steps, into `directory`/planner or `directory`/actor; returns its model.gguf.
 */
export async function trainTinyOn(dataPath: string, directory: string, task: "plan" | "act", functions?: FunctionSet): Promise<string> {
  const trained = await train({
    data: dataPath, init: "tiny", preset: "scratch", task, functions, maxSteps: 60, epochs: 1000, lr: 3e-3, batchSize: 8,
    vocabSize: 400, threads: 1, progressBar: false, log: () => undefined, output: join(directory, task === "plan" ? "planner" : "actor"),
  });
  if (!trained.modelPath) throw new Error("training wrote no model.gguf");
  return trained.modelPath;
}
