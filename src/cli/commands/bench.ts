// `octoplan bench paper --table 2 [--fast] [--json] [--out DIR]`: reproduces a table of the paper
// (thin layer over src/eval/table2.ts; heavy modules are imported inside the action).
import type { Command } from "commander";
import { InputError } from "../../errors.js";
import { optionalWholeNumber } from "../option-values.js";

const TABLES = ["2"];

export function register(program: Command): void {
  const bench = program.command("bench").description("Benchmarks that reproduce the paper's experiments");
  bench
    .command("paper")
    .description("Reproduce a table of the Octo-planner paper (Table 2: multi-LoRA merging across 1..4 domains)")
    .requiredOption("--table <n>", `which table (available: ${TABLES.join(", ")})`)
    .option("--fast", "few training steps and small adapters (a quick, noisy run; see docs/MULTI_LORA.md)")
    .option("--out <dir>", "working directory: data, models, adapters, results (resumable)", ".cache/table2")
    .option("--threads <n>", "CPU threads for training and inference")
    .option("--json", "print the report as JSON on stdout")
    .option("--no-progress", "no progress bars")
    .action(async (options: { table: string; fast?: boolean; out: string; threads?: string; json?: boolean; progress: boolean }) => {
      if (!TABLES.includes(options.table)) {
        throw new InputError(`no benchmark for table ${options.table}. Available tables: ${TABLES.join(", ")}`, { hint: "octoplan bench paper --table 2 --fast" });
      }
      const threads = optionalWholeNumber(options.threads, "--threads", { example: 2 });
      const { runTable2 } = await import("../../eval/table2.js");
      const report = await runTable2({ out: options.out, fast: options.fast, settings: threads ? { threads } : {}, progress: options.progress });
      if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else {
        const { table2Markdown } = await import("../../eval/table2-report.js");
        process.stdout.write(`${table2Markdown(report)}\nwrote ${report.files.json}, ${report.files.markdown}, ${report.files.plot}\n`);
      }
    });
}
