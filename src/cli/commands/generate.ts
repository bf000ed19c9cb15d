// `octoplan generate`: thin layer over generateDataset. Picks the function set (--domain or
// --functions FILE), the teacher (offline, or openai:MODEL through src/data/teachers/llm-spec.ts,
// loaded only when asked for), shows a progress bar with accepted/rejected counts and ETA,
// and ends with the rejection reasons and the step histogram.
import type { Command } from "commander";
import { InputError } from "../../errors.js";
import { fractionOption, wholeNumberOption } from "../option-values.js";
import { FunctionSet } from "../../functions/function-set.js";
import { BUILTIN_DOMAINS, isDomainName, type DomainName } from "../../functions/domains/index.js";
import { loadFunctionSpecs } from "../../functions/load.js";
import { generateDataset, PAPER_EXAMPLES_PER_FUNCTION, PAPER_PRESET_COUNT, type GenerationSummary } from "../../data/generate/pipeline.js";
import type { Teacher } from "../../data/generate/teacher.js";
import { STEP_PHRASINGS, type StepPhrasing } from "../../data/offline/intent.js";
import { OfflineTeacher } from "../../data/offline/teacher.js";
import { ProgressBar } from "../../util/progress.js";

interface GenerateCliOptions {
  domain?: string;
  functions?: string;
  count?: string;
  preset?: string;
  out: string;
  steps: string;
  seed: string;
  teacher: string;
  stepPhrasing: string;
  openSlots: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  concurrency?: string;
  validate: boolean;
  progress: boolean;
  json?: boolean;
}

async function functionSetOf(options: GenerateCliOptions): Promise<FunctionSet> {
  if (options.domain && options.functions) throw new InputError("pass either --domain or --functions, not both", { hint: "--domain android,ecommerce or --functions tools.json" });
  if (options.functions) return FunctionSet.from(await loadFunctionSpecs(options.functions));
  if (!options.domain) throw new InputError("which functions? pass --domain or --functions", { hint: `Built-in domains: ${BUILTIN_DOMAINS.join(", ")}; or --functions FILE (OpenAI tools JSON or docstrings)` });
  const domains = options.domain.split(",").map((domain) => domain.trim()).filter((domain) => domain !== "");
  for (const domain of domains) {
    if (!isDomainName(domain)) throw new InputError(`--domain: unknown domain '${domain}'. Available domains: ${BUILTIN_DOMAINS.join(", ")}`, { hint: "Separate several with commas: --domain android,ecommerce" });
  }
  return FunctionSet.fromDomains(domains as DomainName[]);
}

function stepPhrasingOf(value: string): StepPhrasing {
  if ((STEP_PHRASINGS as readonly string[]).includes(value)) return value as StepPhrasing;
  throw new InputError(`--step-phrasing: unknown value '${value}'. Available: ${STEP_PHRASINGS.join(", ")}`, { hint: "--step-phrasing canonical" });
}

async function teacherOf(options: GenerateCliOptions): Promise<Teacher> {
  if (options.teacher === "offline") return new OfflineTeacher({ stepPhrasing: stepPhrasingOf(options.stepPhrasing), openSlots: fractionOption(options.openSlots, "--open-slots", "0.5") });
  if (!options.teacher.startsWith("openai:")) {
    throw new InputError(`--teacher: unknown teacher '${options.teacher}'. Available teachers: offline, openai:MODEL`, { hint: "For example --teacher openai:gpt-4o --base-url http://127.0.0.1:8080/v1" });
  }
  let module: { createLlmTeacher?: (spec: string, settings: Record<string, unknown>) => Teacher };
  try {
    module = (await import("../../data/teachers/llm-spec.js")) as typeof module;
  } catch (error) {
    throw new InputError("the LLM teacher is not available in this build", { hint: "Use --teacher offline", cause: error });
  }
  if (!module.createLlmTeacher) throw new InputError("the LLM teacher module has no createLlmTeacher", { hint: "Use --teacher offline" });
  return module.createLlmTeacher(options.teacher, {
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    ...(options.apiKeyEnv ? { apiKeyEnv: options.apiKeyEnv } : {}),
    ...(options.concurrency ? { concurrency: wholeNumberOption(options.concurrency, "--concurrency", { example: 4 }) } : {}),
    validate: options.validate,
  });
}

export function formatSummary(summary: GenerationSummary, seconds: number): string {
  const lines = [`${summary.out}: ${summary.total}/${summary.target} records (${summary.added} new, ${summary.existing} already there) from ${summary.candidates} candidates in ${seconds.toFixed(1)} s, teacher ${summary.teacher}`];
  const reasons = Object.entries(summary.rejected).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  lines.push(reasons.length === 0 ? "rejected: none" : "rejected:");
  for (const [reason, count] of reasons) lines.push(`  ${reason.padEnd(22)} ${String(count).padStart(6)}  e.g. ${summary.rejectionExamples[reason as keyof GenerationSummary["rejectionExamples"]] ?? ""}`);
  lines.push("steps:");
  const most = Math.max(1, ...Object.values(summary.stepHistogram));
  for (const [steps, count] of Object.entries(summary.stepHistogram)) lines.push(`  ${steps} ${String(count).padStart(6)} ${"█".repeat(Math.round((count / most) * 30))}`);
  if (!summary.complete) lines.push("incomplete: the candidate budget ran out before every step count was filled; run again to continue");
  return lines.join("\n");
}

export function register(program: Command): void {
  program
    .command("generate")
    .description("Generate a planning dataset (paper §3.2): teacher candidates → quality gate on the simulated device → JSONL, resumable")
    .option("--domain <names>", `built-in domains, comma-separated (${BUILTIN_DOMAINS.join(", ")})`)
    .option("--functions <file>", "user function set: OpenAI tools JSON or Python docstrings (generic phrasing, lower quality)")
    .option("--count <n>", `records wanted (default ${PAPER_EXAMPLES_PER_FUNCTION} × number of functions)`)
    .option("--preset <name>", `paper-1000: the paper's ${PAPER_PRESET_COUNT}-example setting`)
    .requiredOption("--out <file>", "output JSONL; an existing file is resumed, never duplicated")
    .option("--steps <range>", "plan lengths, split evenly: 1-5, 2-4 or 3", "1-5")
    .option("--seed <n>", "seed of the generation stream and the device", "0")
    .option("--teacher <name>", "offline, or openai:MODEL (any OpenAI-compatible server)", "offline")
    .option("--step-phrasing <style>", "offline teacher: varied (random step wording) or canonical (one wording per step)", "varied")
    .option("--open-slots <p>", "offline teacher: share of free-text slots (queries, messages, titles, places, new contacts) filled with open-vocabulary phrases instead of the lexicons' values", "0")
    .option("--base-url <url>", "OpenAI-compatible base URL for openai:MODEL, e.g. http://127.0.0.1:8080/v1")
    .option("--api-key-env <var>", "environment variable holding the API key")
    .option("--concurrency <n>", "parallel requests for an LLM teacher (default 4)")
    .option("--no-validate", "keep candidates whose calls fail on the device; skip the LLM teacher's judge")
    .option("--no-progress", "no progress bar")
    .option("--json", "print the summary as JSON")
    .action(async (options: GenerateCliOptions) => {
      if (options.preset !== undefined && options.preset !== "paper-1000") throw new InputError(`--preset: unknown preset '${options.preset}'. Available presets: paper-1000`, { hint: "--preset paper-1000" });
      if (options.preset && options.count) throw new InputError("pass either --count or --preset, not both", { hint: "--preset paper-1000 means --count 1000" });
      const seed = wholeNumberOption(options.seed, "--seed", { min: 0, example: 0 });
      const functions = await functionSetOf(options);
      const teacher = await teacherOf(options);
      const count = options.preset ? PAPER_PRESET_COUNT : options.count ? wholeNumberOption(options.count, "--count", { example: 1000 }) : PAPER_EXAMPLES_PER_FUNCTION * functions.size;
      const bar = new ProgressBar({ total: count, label: "generate", unit: "rec", enabled: options.progress && !options.json });
      let resumed = false;
      const started = Date.now();
      const summary = await generateDataset({
        teacher, functions, count, out: options.out, steps: options.steps, seed, validate: options.validate,
        onProgress: (progress) => {
          if (!resumed) { bar.resumeFrom(progress.accepted); resumed = true; }
          bar.update(progress.accepted, `accepted ${progress.accepted} rejected ${progress.rejected}`);
        },
      });
      bar.finish(`accepted ${summary.total} rejected ${Object.values(summary.rejected).reduce((sum, value) => sum + (value ?? 0), 0)}`);
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write((options.json ? JSON.stringify({ ...summary, seconds }, null, 2) : formatSummary(summary, seconds)) + "\n");
      // An LLM teacher's token usage and its own drops (src/data/teachers/llm.ts), before the pipeline's gate.
      const teacherReport = (teacher as { report?: () => string[] }).report?.();
      if (teacherReport && !options.json) process.stdout.write(teacherReport.join("\n") + "\n");
      if (!summary.complete) process.exitCode = 2;
    });
}
