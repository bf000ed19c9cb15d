// `octoplan eval --test FILE.jsonl --planner P.gguf --actor A.gguf`: the benchmark, with a progress
// bar and a closing table (or one JSON object with --json), per-record failures to --failures, and
// the report saved as eval-report.json next to the planner (or in --report-dir).
import type { Command } from "commander";
import { addAgentModelOptions, agentModelSelection } from "../agent-options.js";
import { parseDomains } from "../../agent/index.js";
import { InputError } from "../../errors.js";
import { optionalWholeNumber } from "../option-values.js";
import { evaluateFiles, formatMetricsTable } from "../../eval/index.js";

export function register(program: Command): void {
  const command = program
    .command("eval")
    .description("benchmark a planner and an action model on a test set (plan accuracy, end-to-end success, latency)")
    .requiredOption("--test <file>", "test set (dataset JSONL with gold functions)");
  addAgentModelOptions(command)
    .option("--judge <kind>", "exact or llm", "exact")
    .option("--judge-model <name>", "model name for --judge llm")
    .option("--base-url <url>", "OpenAI-compatible endpoint for --judge llm")
    .option("--api-key-env <name>", "environment variable holding the judge's API key", "OPENAI_API_KEY")
    .option("--limit <n>", "evaluate only the first N records")
    .option("--failures <file>", "write the failed records (query, expected, got) as JSONL")
    .option("--report-dir <dir>", "where to write eval-report.json (default: the planner's folder)")
    .option("--json", "print one JSON object with every metric")
    .action(async (options: Record<string, any>) => {
      if (options.judge !== "exact" && options.judge !== "llm") throw new InputError(`unknown judge '${options.judge}'`, { hint: "use --judge exact or --judge llm" });
      const limit = optionalWholeNumber(options.limit, "--limit", { example: 50 });
      const report = await evaluateFiles({
        testFile: options.test,
        ...agentModelSelection(options),
        functions: parseDomains(options.domains),
        judge: options.judge,
        judgeModel: options.judgeModel,
        baseURL: options.baseUrl,
        apiKeyEnv: options.apiKeyEnv,
        limit,
        failuresFile: options.failures,
        reportDir: options.reportDir,
        progress: !options.json,
      });
      if (options.json) {
        console.log(JSON.stringify({ ...report.metrics, failures: report.failureCount ?? null, failuresFile: options.failures ?? null, report: report.reportPath }));
        return;
      }
      console.log(formatMetricsTable(report.metrics, `evaluation of ${options.test}`));
      if (options.failures) console.log(`${report.failureCount} failure(s) written to ${options.failures}`);
      console.log(`report: ${report.reportPath}`);
    });
}
