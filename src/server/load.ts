// Loads what `octoplan serve` serves from file options: the planner and the actor (through the
// agent's loadAgentParts, so LoRA scales and actor kinds mean the same as in `run` and `eval`), and an
// optional base model for /v1/chat/completions. The default eval report is the one `octoplan eval`
// writes next to the planner.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { LocalModel, loadAgentParts, parseLoraOption, type Actor, type Planner } from "../agent/index.js";

export interface ServeModelOptions {
  planner: string;
  actor: string;
  plannerLora?: string[];
  actorLora?: string[];
  actorKind?: "octopus" | "json";
  base?: string;
  baseLora?: string[];
  promptTemplate?: string;
}

export interface LoadedServeModels {
  planner: Planner;
  actor: Actor;
  models: Record<string, LocalModel>;
  modelFiles: Record<string, string>;
  dispose: () => Promise<void>;
}

export async function loadServeModels(options: ServeModelOptions): Promise<LoadedServeModels> {
  const parts = await loadAgentParts(options);
  const models: Record<string, LocalModel> = {};
  const modelFiles: Record<string, string> = { planner: describe(options.planner, options.plannerLora), actor: describe(options.actor, options.actorLora) };
  const dispose = async () => {
    await parts.planner.dispose?.();
    await parts.actor.dispose?.();
    for (const model of Object.values(models)) await model.dispose();
  };
  try {
    if (options.base) {
      models.base = await LocalModel.load({ modelPath: options.base, lora: (options.baseLora ?? []).map(parseLoraOption) });
      modelFiles.base = describe(options.base, options.baseLora);
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { ...parts, models, modelFiles, dispose };
}

export function defaultEvalReport(plannerPath: string): string | undefined {
  const path = join(dirname(plannerPath), "eval-report.json");
  return existsSync(path) ? path : undefined;
}

function describe(path: string, lora: string[] | undefined): string {
  return lora?.length ? `${path} + ${lora.join(" + ")}` : path;
}
