// `octoplan conformance [--json] [--arch a,b] [--threads N]`: writes a tiny random model per architecture, loads
// it in node-llama-cpp and compares next-token distributions with our forward graph, without and with a LoRA
// adapter. Prints each architecture's max |Δp| (and |Δ log p|); exits non-zero when any exceeds the tolerance.
import type { Command } from "commander";
import { InputError } from "../../errors.js";
import { optionalWholeNumber } from "../option-values.js";
import { ARCHITECTURES, type Architecture } from "../../model/config.js";
import { CONFORMANCE_TOLERANCE, runConformance } from "../../model/conformance.js";

interface ConformanceOptions { json?: boolean; arch?: string; threads?: string }

function parseArchitectures(text: string | undefined): Architecture[] | undefined {
  if (text === undefined) return undefined;
  const names = text.split(",").map((name) => name.trim()).filter((name) => name !== "");
  for (const name of names) {
    if (!ARCHITECTURES.includes(name as Architecture)) {
      throw new InputError(`Unknown architecture '${name}'. Available architectures: ${ARCHITECTURES.join(", ")}`, { hint: "For example --arch llama,qwen2" });
    }
  }
  return names as Architecture[];
}

export function register(program: Command): void {
  program
    .command("conformance")
    .description("Check that our ggml forward graphs match llama.cpp's logits for every architecture, with and without LoRA")
    .option("--json", "print the results as JSON")
    .option("--arch <names>", `comma-separated architectures (${ARCHITECTURES.join(", ")}); default: all`)
    .option("--threads <count>", "CPU threads for both engines (default 1: the models are tiny)")
    .action(async (options: ConformanceOptions) => {
      const threads = optionalWholeNumber(options.threads, "--threads", { example: 1 });
      const results = await runConformance({
        architectures: parseArchitectures(options.arch), threads,
        log: options.json ? undefined : (line) => process.stderr.write(`${line}\n`),
      });
      if (options.json) {
        console.log(JSON.stringify({ tolerance: CONFORMANCE_TOLERANCE, results }, null, 2));
      } else {
        const format = (value: number) => value.toExponential(2).padStart(9);
        console.log(`architecture  max|Δp|   max|Δlog p|  LoRA max|Δp|  LoRA max|Δlog p|  (tolerance |Δp| ≤ ${CONFORMANCE_TOLERANCE})`);
        for (const result of results) {
          console.log(`${result.architecture.padEnd(12)} ${format(result.maxProbabilityDelta)} ${format(result.maxLogProbabilityDelta)}    ` +
            `${format(result.withLora.maxProbabilityDelta)}     ${format(result.withLora.maxLogProbabilityDelta)}  ${result.passed ? "ok" : "FAILED"}`);
        }
      }
      if (results.some((result) => !result.passed)) process.exitCode = 1;
    });
}
