// The model options that `run`, `eval` and `serve` share, declared once so that the three
// commands cannot drift apart in names, defaults or help text.
import type { Command } from "commander";
import type { AgentPartsOptions } from "../agent/load.js";

/** Commander accumulator for repeatable options such as `--planner-lora A.gguf --planner-lora B.gguf:0.5`. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** --planner, --actor, their LoRA adapters, the actor kind, the function domains and the prompt template. */
export function addAgentModelOptions(command: Command): Command {
  return command
    .requiredOption("--planner <file>", "planner model (GGUF)")
    .requiredOption("--actor <file>", "action model (GGUF)")
    .option("--planner-lora <file[:scale]>", "LoRA adapter for the planner (repeatable)", collect, [])
    .option("--actor-lora <file[:scale]>", "LoRA adapter for the action model (repeatable)", collect, [])
    .option("--actor-kind <kind>", "octopus (functional tokens) or json (docstrings + JSON grammar)", "octopus")
    .option("--domains <list>", "function domains the models were trained on, comma-separated", "android")
    .option("--prompt-template <text>", "planner prompt with a {query} placeholder")
    .option("--planner-decoding <name>", "distinct-steps (greedy, never the same step twice) or greedy", "distinct-steps")
    .option("--planner-grounding <auto|off|file>", "keep plans to the request (names it said, clauses it asked for): auto (grounding.json beside the planner), off, or a file", "auto")
    .option("--actor-grounding <auto|off|file>", "keep calls to the step and observation: auto (grounding.json beside the action model), off, or a file", "auto");
}

/** The parsed values of addAgentModelOptions, in the shape loadAgentParts (and evaluateFiles) take. */
export function agentModelSelection(options: Record<string, any>): AgentPartsOptions {
  return {
    planner: options.planner,
    plannerLora: options.plannerLora,
    actor: options.actor,
    actorLora: options.actorLora,
    actorKind: options.actorKind,
    promptTemplate: options.promptTemplate,
    plannerDecoding: options.plannerDecoding,
    plannerGrounding: options.plannerGrounding,
    actorGrounding: options.actorGrounding,
  };
}
