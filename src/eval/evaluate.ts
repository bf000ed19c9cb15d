// The benchmark (paper §3.3 plus end-to-end execution). For every test record the agent plans, acts
// step by step on a fresh SimulatedDevice seeded like the record, and the result is scored:
//   - plan accuracy (the paper's criterion): as many steps as gold, and the function the actor chose
//     for each step equals gold's, in order;
//   - planner-only accuracy: each planned step is mapped to a function on its own (the actor with no
//     observation, the "exact judge"), so action-model errors caused by observations do not count;
//   - argument accuracy over gold calls (normalised comparison), end-to-end success (diffStates of
//     the device against record.expectedState), and the LLM judge's verdict when asked for.
// Deliberately left out: parallel records; one request at a time is what a phone does.
import { Agent } from "../agent/agent.js";
import type { Actor, Planner, Trace } from "../agent/types.js";
import type { FunctionCall } from "../plan/action-call.js";
import type { DatasetRecord } from "../data/index.js";
import { OctoplanError } from "../errors.js";
import { FunctionSet, SimulatedDevice, diffStates, expandState } from "../functions/index.js";
import { sameCall, sameFunctions } from "./compare.js";
import type { LlmJudge } from "./judge.js";
import { summarizeMetrics, type EvalMetrics } from "./metrics.js";

export interface RecordResult {
  id: string;
  query: string;
  stepCount: number;
  expected: { steps?: string[]; functions: string[]; calls?: FunctionCall[] };
  got: { steps: string[]; functions: Array<string | null>; plannerOnlyFunctions: Array<string | null>; calls: Array<FunctionCall | null> };
  planCorrect: boolean;
  plannerOnlyCorrect: boolean;
  /** Matching calls and gold calls counted, when the record has gold calls. */
  argumentMatches?: { correct: number; total: number };
  /** Undefined when the record has no expected state. */
  endToEnd?: boolean;
  stateDifferences?: string[];
  judgeCorrect?: boolean;
  judgeReason?: string;
  error?: string;
  planMs: number;
  actMs: number;
  totalMs: number;
  tokens: Trace["tokens"];
}

export interface EvaluateOptions {
  records: DatasetRecord[];
  planner: Planner;
  actor: Actor;
  functions: FunctionSet;
  judge?: "exact" | "llm";
  /** Required with judge "llm". */
  llmJudge?: LlmJudge;
  limit?: number;
  /** Skip the extra actor pass that planner-only accuracy needs (halves act time). */
  skipPlannerOnly?: boolean;
  onProgress?: (done: number, total: number, result: RecordResult) => void;
  signal?: AbortSignal;
}

export interface EvalReport {
  metrics: EvalMetrics;
  results: RecordResult[];
}

export async function evaluate(options: EvaluateOptions): Promise<EvalReport> {
  const judge = options.judge ?? "exact";
  if (judge === "llm" && !options.llmJudge) {
    throw new OctoplanError("judge 'llm' needs an LlmJudge", { hint: "pass llmJudge (CLI: --judge-model and --base-url)" });
  }
  const records = options.limit === undefined ? options.records : options.records.slice(0, options.limit);
  const agent = await Agent.create({ planner: options.planner, actor: options.actor, functions: options.functions });
  const results: RecordResult[] = [];
  for (const record of records) {
    options.signal?.throwIfAborted();
    const result = await evaluateRecord(agent, record, options);
    if (judge === "llm" && options.llmJudge) {
      try {
        const verdict = await options.llmJudge.judge(record.query, { steps: record.steps, functions: record.functions }, result.got.steps, options.signal);
        result.judgeCorrect = verdict.correct;
        result.judgeReason = verdict.reason;
      } catch (error) {
        if (!(error instanceof OctoplanError)) throw error;
        result.judgeCorrect = false;
        result.judgeReason = `judge failed: ${error.message}`;
      }
    }
    results.push(result);
    options.onProgress?.(results.length, records.length, result);
  }
  return { metrics: summarizeMetrics(results, judge), results };
}

async function evaluateRecord(agent: Agent, record: DatasetRecord, options: EvaluateOptions): Promise<RecordResult> {
  const started = performance.now();
  const device = SimulatedDevice.create({ seed: record.seed ?? 0 });
  const result: RecordResult = {
    id: record.id,
    query: record.query,
    stepCount: record.functions.length,
    expected: { steps: record.steps, functions: record.functions, calls: record.calls },
    got: { steps: [], functions: [], plannerOnlyFunctions: [], calls: [] },
    planCorrect: false,
    plannerOnlyCorrect: false,
    planMs: 0,
    actMs: 0,
    totalMs: 0,
    tokens: { plan: { prompt: 0, completion: 0 }, act: { prompt: 0, completion: 0 } },
  };
  let trace: Trace;
  try {
    trace = await agent.runToEnd(record.query, { device, signal: options.signal });
  } catch (error) {
    // A plan the planner could not even format is a failed record, not a failed benchmark.
    if (!(error instanceof OctoplanError)) throw error;
    result.error = error.message;
    result.totalMs = performance.now() - started;
    if (record.calls) result.argumentMatches = { correct: 0, total: record.calls.length };
    if (record.expectedState) result.endToEnd = false;
    return result;
  }
  const functionsChosen = trace.calls.map((call) => call?.name ?? null);
  Object.assign(result, {
    got: { steps: trace.steps, functions: functionsChosen, plannerOnlyFunctions: [], calls: trace.calls },
    planCorrect: sameFunctions(record.functions, functionsChosen),
    planMs: trace.timings.planMs,
    actMs: trace.timings.actMs,
    totalMs: trace.timings.totalMs,
    tokens: trace.tokens,
    error: trace.records.find((step) => step.error !== undefined)?.error,
  });
  if (!options.skipPlannerOnly) {
    result.got.plannerOnlyFunctions = await plannerOnlyFunctions(agent, trace, options.signal);
    result.plannerOnlyCorrect = sameFunctions(record.functions, result.got.plannerOnlyFunctions);
  }
  if (record.calls) {
    const correct = record.calls.filter((gold, index) => sameCall(agent.functions, gold, trace.calls[index] ?? null)).length;
    result.argumentMatches = { correct, total: record.calls.length };
  }
  if (record.expectedState) {
    const differences = diffStates(expandState(record.expectedState), device.snapshot());
    Object.assign(result, { stateDifferences: differences, endToEnd: differences.length === 0 });
  }
  return result;
}

/** Each planned step mapped to a function on its own (no observation); step 1 already was. */
async function plannerOnlyFunctions(agent: Agent, trace: Trace, signal?: AbortSignal): Promise<Array<string | null>> {
  const names: Array<string | null> = [];
  for (const [index, step] of trace.steps.entries()) {
    if (index === 0) {
      names.push(trace.calls[0]?.name ?? null);
      continue;
    }
    try {
      names.push((await agent.actor.act(step, undefined, agent.functions, { signal })).call.name);
    } catch (error) {
      if (!(error instanceof OctoplanError)) throw error;
      names.push(null);
    }
  }
  return names;
}
