// The tiny planner and action model the server tests serve: trained in the test setup by the
// agent's own fixture (test/agent/trained-models.ts), then cached under .cache/ so later runs (and
// the other server test files) load them in a second. Delete .cache/server-models-* to retrain.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DatasetRecord } from "../../src/data/index.js";
import { FunctionSet } from "../../src/functions/index.js";
import { repoRoot } from "../helpers/cli.js";
import { trainTinyModels } from "../agent/trained-models.js";

const CACHE = join(repoRoot, ".cache", "server-models-v1");

export interface ServerTestModels {
  plannerPath: string;
  actorPath: string;
  functions: FunctionSet;
  records: DatasetRecord[];
}

export async function serverTestModels(): Promise<ServerTestModels> {
  const plannerPath = join(CACHE, "planner.gguf");
  const actorPath = join(CACHE, "actor.gguf");
  const recordsPath = join(CACHE, "records.json");
  if (!existsSync(recordsPath)) {
    const trained = await trainTinyModels();
    // Built in a scratch folder and renamed, so a killed run never leaves a half cache behind.
    const scratch = `${CACHE}.partial-${process.pid}`;
    mkdirSync(scratch, { recursive: true });
    copyFileSync(trained.plannerPath, join(scratch, "planner.gguf"));
    copyFileSync(trained.actorPath, join(scratch, "actor.gguf"));
    writeFileSync(join(scratch, "records.json"), JSON.stringify(trained.records));
    mkdirSync(join(repoRoot, ".cache"), { recursive: true });
    try {
      renameSync(scratch, CACHE);
    } catch (error) {
      // Another test file finished training first: its cache is as good as ours.
      rmSync(scratch, { recursive: true, force: true });
      if (!existsSync(recordsPath)) throw error;
    }
  }
  const records = JSON.parse(readFileSync(recordsPath, "utf8")) as DatasetRecord[];
  return { plannerPath, actorPath, functions: FunctionSet.fromDomains(["android"]), records };
}
