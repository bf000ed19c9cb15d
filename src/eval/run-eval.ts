// Evaluating model files on a test file: the library function behind `octoplan eval` and the demo.
// It loads the models, reads and checks the JSONL, runs evaluate() with a progress bar, and writes
// `<reportDir>/eval-report.json` (what the web playground shows) and, optionally, the failures.
import { dirname, join } from "node:path";
import { loadAgentParts, type AgentPartsOptions } from "../agent/load.js";
import { readDatasetAll } from "../data/index.js";
import { InputError } from "../errors.js";
import type { FunctionSet } from "../functions/index.js";
import { ChatClient } from "../util/chat-client.js";
import { ProgressBar } from "../util/progress.js";
import { evaluate, type EvalReport } from "./evaluate.js";
import { LlmJudge } from "./judge.js";
import { saveEvalReport, writeFailures } from "./report.js";

export interface EvaluateFilesOptions extends AgentPartsOptions {
  testFile: string;
  functions: FunctionSet;
  judge?: "exact" | "llm";
  judgeModel?: string;
  baseURL?: string;
  apiKeyEnv?: string;
  limit?: number;
  failuresFile?: string;
  /** Folder for eval-report.json; defaults to the planner's folder. */
  reportDir?: string;
  progress?: boolean;
  label?: string;
}

export async function evaluateFiles(options: EvaluateFilesOptions): Promise<EvalReport & { reportPath: string; failureCount?: number }> {
  const { records, errors } = await readDatasetAll(options.testFile, { functions: options.functions });
  if (errors.length > 0) {
    throw new InputError(`${errors.length} invalid record(s) in the test file: ${errors.slice(0, 3).join("; ")}`, {
      hint: "fix or remove those lines (`octoplan data validate` lists them all)",
    });
  }
  if (records.length === 0) throw new InputError(`${options.testFile}: no records`, { hint: "a test file is dataset JSONL, one record per line" });
  const unlabeled = records.find((record) => record.functions.length === 0);
  if (unlabeled) throw new InputError(`${options.testFile}: record ${unlabeled.id} has no gold functions`, { hint: "evaluation needs `functions` (the gold order) on every record" });
  let llmJudge: LlmJudge | undefined;
  if (options.judge === "llm") {
    if (!options.judgeModel || !options.baseURL) throw new InputError("--judge llm needs --judge-model and --base-url", { hint: "e.g. --judge-model gpt-4o --base-url https://api.openai.com/v1 --api-key-env OPENAI_API_KEY" });
    llmJudge = new LlmJudge(ChatClient.create({ baseURL: options.baseURL, model: options.judgeModel, apiKeyEnv: options.apiKeyEnv }), options.functions);
  }
  const { planner, actor } = await loadAgentParts(options);
  const total = Math.min(records.length, options.limit ?? records.length);
  const bar = new ProgressBar({ total, label: options.label ?? "eval", unit: "req", enabled: options.progress ?? true });
  let correct = 0;
  try {
    const report = await evaluate({
      records,
      planner,
      actor,
      functions: options.functions,
      judge: options.judge,
      llmJudge,
      limit: options.limit,
      onProgress: (done, _total, result) => {
        if (result.planCorrect) correct++;
        bar.update(done, `plan acc ${((correct / done) * 100).toFixed(1)}%`);
      },
    });
    bar.finish();
    const reportPath = join(options.reportDir ?? dirname(options.planner), "eval-report.json");
    saveEvalReport(reportPath, report, { testFile: options.testFile, planner: options.planner, actor: options.actor });
    const failureCount = options.failuresFile ? writeFailures(options.failuresFile, report.results) : undefined;
    return { ...report, reportPath, failureCount };
  } finally {
    await planner.dispose?.();
    await actor.dispose?.();
  }
}
