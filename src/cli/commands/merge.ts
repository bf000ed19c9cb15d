// `octoplan merge --base B.gguf --lora A.gguf[:w] --lora C.gguf[:w] … --method M --out OUT.gguf [--full]`:
// merges LoRA adapters with PEFT's combination types (thin layer over src/adapters/merge.ts).
import type { Command } from "commander";
import { InputError } from "../../errors.js";
import { optionalNumber } from "../option-values.js";

interface MergeCommandOptions {
  base: string; lora: string[]; method: string; density?: string; majoritySign?: string; rank?: string; seed?: string; out: string; full?: boolean; json?: boolean;
}

export function register(program: Command): void {
  program
    .command("merge")
    .description("Merge LoRA adapters into one adapter (or a full model): linear, cat, svd, ties, dare_linear, dare_ties, magnitude_prune, *_svd")
    .requiredOption("--base <file>", "base model GGUF the adapters were trained on")
    .requiredOption("--lora <file[:weight]>", "LoRA adapter GGUF with an optional weight (repeatable)", (value: string, previous: string[] = []) => [...previous, value])
    .option("--method <method>", "combination type (PEFT's add_weighted_adapter names)", "linear")
    .option("--density <fraction>", "fraction of values kept by ties / dare_* / magnitude_prune (default 0.5)")
    .option("--majority-sign <method>", "sign election for ties / dare_ties: total | frequency (default total)")
    .option("--rank <r>", "output rank for linear / svd / *_svd (default: Σr for linear, max r for svd)")
    .option("--seed <n>", "seed of the DARE masks and the randomized SVD (default 0)")
    .requiredOption("--out <file>", "output GGUF")
    .option("--full", "write a full model (base + merged ΔW) instead of an adapter")
    .option("--json", "print the summary as JSON")
    .action(async (options: MergeCommandOptions) => {
      const { mergeAdapters, parseWeightedAdapter, checkMergeMethod } = await import("../../adapters/index.js");
      const method = checkMergeMethod(options.method);
      const majoritySign = options.majoritySign;
      if (majoritySign !== undefined && majoritySign !== "total" && majoritySign !== "frequency") {
        throw new InputError(`unknown --majority-sign '${majoritySign}'. Available: total, frequency`, { hint: "pass --majority-sign total" });
      }
      const summary = await mergeAdapters({
        base: options.base, adapters: options.lora.map(parseWeightedAdapter), method, output: options.out, full: options.full,
        density: optionalNumber(options.density, "--density"), majoritySign, rank: optionalNumber(options.rank, "--rank", true), seed: optionalNumber(options.seed, "--seed", true),
      });
      if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
      else process.stdout.write(`${summary.method}: merged ${summary.tensors} tensors from ${options.lora.length} adapters into ${summary.kind} ${summary.output}${summary.rank ? ` (rank ${summary.rank})` : ""} in ${Math.round(summary.ms)} ms\n`);
    });
}
