// The models and test set a benchmark runs on: the ones named by --planner/--actor (and --test), or the
// demo's under --out (runs/demo), produced first by `octoplan demo --fast` when they are missing.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { runDemo } from "../src/eval/index.js";

export interface BenchModelOptions {
  planner?: string;
  actor?: string;
  test?: string;
  /** The demo's output folder. */
  out: string;
}

export async function benchModelPaths(options: BenchModelOptions): Promise<{ planner: string; actor: string; test: string }> {
  const test = options.test ?? join(options.out, "data", "test.jsonl");
  if (options.planner && options.actor) return { planner: options.planner, actor: options.actor, test };
  const planner = join(options.out, "planner", "model.gguf");
  const actor = join(options.out, "actor", "model.gguf");
  if (!existsSync(planner) || !existsSync(actor)) {
    process.stderr.write(`no models in ${options.out}: running \`octoplan demo --fast --out ${options.out}\` first\n`);
    await runDemo({ out: options.out, fast: true });
  }
  return { planner, actor, test };
}
