// Builds the agent's parts from plain options (what the CLI, the demo and the benchmark pass): model
// paths, LoRA adapters with scales, and which function domains the models were trained on. The
// FunctionSet order must match training, since <nexa_K> is the K-th function of the set.
import { InputError } from "../errors.js";
import { BUILTIN_DOMAINS, FunctionSet, isDomainName, type DomainName } from "../functions/index.js";
import { OctopusActor } from "./actor.js";
import { JsonActor } from "./json-actor.js";
import { parseLoraOption, type LoraFile } from "./llama.js";
import { LlamaPlanner, type PlannerDecoding } from "./planner.js";
import type { Actor, Planner } from "./types.js";
import type { GroundingWords } from "../plan/grounding-file.js";

export function parseDomains(text: string | undefined): FunctionSet {
  const names = (text ?? "android").split(",").map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    if (!isDomainName(name)) throw new InputError(`unknown domain '${name}'`, { hint: `Available domains: ${BUILTIN_DOMAINS.join(", ")}` });
  }
  return FunctionSet.fromDomains(names as DomainName[]);
}

export interface AgentPartsOptions {
  planner: string;
  plannerLora?: string[];
  actor: string;
  actorLora?: string[];
  /** "octopus" (functional tokens, default) or "json" (docstrings + JSON grammar). */
  actorKind?: "octopus" | "json";
  promptTemplate?: string;
  maxSteps?: number;
  plannerDecoding?: PlannerDecoding;
  /** "auto" (default), "off", a grounding.json file, or the words (LlamaPlannerOptions.grounding). */
  plannerGrounding?: string | GroundingWords;
  /** The same for the (octopus) action model. */
  actorGrounding?: string | GroundingWords;
}

export async function loadAgentParts(options: AgentPartsOptions): Promise<{ planner: Planner; actor: Actor }> {
  const plannerLora: LoraFile[] = (options.plannerLora ?? []).map(parseLoraOption);
  const actorLora: LoraFile[] = (options.actorLora ?? []).map(parseLoraOption);
  const planner = await LlamaPlanner.create({ modelPath: options.planner, lora: plannerLora, promptTemplate: options.promptTemplate, maxSteps: options.maxSteps,
    decoding: options.plannerDecoding, grounding: options.plannerGrounding });
  try {
    const actor = options.actorKind === "json"
      ? await JsonActor.create({ modelPath: options.actor, lora: actorLora })
      : await OctopusActor.create({ modelPath: options.actor, lora: actorLora, grounding: options.actorGrounding });
    return { planner, actor };
  } catch (error) {
    await planner.dispose();
    throw error;
  }
}
