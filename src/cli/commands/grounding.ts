// `octoplan grounding --data FILE --task plan|act --out grounding.json`: learns a grounding.json from training
// records, as `train` does beside its model (docs/AGENT.md, "Grounded plans"). For a model trained before a kind of
// rule existed (an action model from before timestamp or distinct arguments), or for one trained elsewhere; pass the
// file to run/eval/serve with --planner-grounding or --actor-grounding, or write it beside the model as grounding.json.
// Left out: request noise. `train --filler-noise` learns a planner's lists from the noised requests; this command reads
// the records as they are, so its cover words may be a few more (random words no longer break a word's record).
import type { Command } from "commander";
import { InputError } from "../../errors.js";
import { writeGrounding, type GroundingWords } from "../../plan/grounding-file.js";
import { learnGrounding } from "../../plan/learn-grounding.js";
import { functionsFromRecords, loadRecords, textExamples } from "../../train/data.js";
import { functionSetOption } from "../option-values.js";

interface GroundingCommandOptions {
  data: string;
  task: string;
  out: string;
  functions?: string;
  json?: boolean;
}

/** How many rules of each kind: words, (an action model's) parameters, pairs or triples of them, (a planner's) intent and support words. */
function countRules(words: GroundingWords): Record<string, number> {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    copyWords: words.copyWords.length,
    coverWords: words.coverWords.length,
    copyArguments: sum(Object.values(words.copyArguments ?? {}).map((names) => names.length)),
    stepArguments: sum(Object.values(words.stepArguments ?? {}).map((names) => names.length)),
    timestampArguments: sum(Object.values(words.timestampArguments ?? {}).map((parameters) => Object.keys(parameters).length)),
    distinctArguments: sum(Object.values(words.distinctArguments ?? {}).map((pairs) => pairs.length)),
    embeddedArguments: sum(Object.values(words.embeddedArguments ?? {}).map((triples) => triples.length)),
    momentArguments: sum(Object.values(words.momentArguments ?? {}).map((names) => names.length)),
    intentWords: Object.keys(words.intentWords?.intents ?? {}).length,
    supportWords: Object.keys(words.intentWords?.supports ?? {}).length,
  };
}

/** A planner's rules that are on (each is learnt only when its training plans hold to it). */
function planRules(words: GroundingWords): string[] {
  return (["namedDates", "namedTimes", "eventEnds", "namedStarts", "clauseScope", "clauseOrder"] as const).filter((rule) => words[rule]);
}

export function register(program: Command): void {
  program
    .command("grounding")
    .description("Learn a grounding.json (copy and cover words; a planner's date, time and intent rules; an action model's argument rules) from training records")
    .requiredOption("--data <file>", "the records the model was trained on (JSONL)")
    .requiredOption("--task <task>", "plan or act")
    .requiredOption("--out <file>", "where to write grounding.json (written whole, or not at all)")
    .option("--functions <domains|file>", "function set for --task act (default: the records' domains)")
    .option("--json", "print the counts as JSON")
    .action(async (options: GroundingCommandOptions) => {
      const { task } = options;
      if (task !== "plan" && task !== "act") throw new InputError(`--task: unknown task '${task}'`, { hint: "Available tasks: plan, act" });
      if (options.functions && task !== "act") throw new InputError("--functions is for --task act", { hint: "a planner's grounding needs no function set" });
      const { records } = await loadRecords(options.data, "training data");
      const functions = task === "act" ? (options.functions ? functionSetOption(options.functions, "--functions") : functionsFromRecords(records)) : undefined;
      const words = learnGrounding(textExamples(records, task, functions), { functions });
      writeGrounding(options.out, words);
      const counts = countRules(words);
      const rules = planRules(words);
      process.stdout.write(options.json
        ? `${JSON.stringify({ out: options.out, task, records: records.length, ...counts, rules })}\n`
        : `${options.out}: from ${records.length} records, ${Object.entries(counts).map(([kind, count]) => `${count} ${kind}`).join(", ")}`
          + `${rules.length > 0 ? `; rules: ${rules.join(", ")}` : ""}\n`);
    });
}
