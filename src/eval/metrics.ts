// Folds per-record results into the report's metrics. Every accuracy is a fraction in [0, 1], or
// null when no record could be measured for it (e.g. no record has an expected state).
import type { RecordResult } from "./evaluate.js";
import { ratio, summarizeLatency, type LatencySummary } from "./statistics.js";

export interface EvalMetrics {
  records: number;
  judge: "exact" | "llm";
  planAccuracy: number | null;
  plannerOnlyAccuracy: number | null;
  argumentAccuracy: number | null;
  argumentCalls: number;
  endToEndSuccess: number | null;
  endToEndRecords: number;
  judgeAccuracy: number | null;
  /** Plan accuracy by the gold number of steps (the paper's 1…5). */
  byStepCount: Record<string, { records: number; planAccuracy: number | null }>;
  latencyMs: { plan: LatencySummary; act: LatencySummary; total: LatencySummary };
  tokens: { planPrompt: number; planCompletion: number; actPrompt: number; actCompletion: number; meanPlanPrompt: number | null };
  /** Records where the planner or the actor raised a typed error. */
  errors: number;
}

export function summarizeMetrics(results: RecordResult[], judge: "exact" | "llm"): EvalMetrics {
  const count = (predicate: (result: RecordResult) => boolean) => results.filter(predicate).length;
  const withArguments = results.filter((result) => result.argumentMatches !== undefined);
  const argumentCalls = withArguments.reduce((total, result) => total + (result.argumentMatches?.total ?? 0), 0);
  const argumentCorrect = withArguments.reduce((total, result) => total + (result.argumentMatches?.correct ?? 0), 0);
  const withState = results.filter((result) => result.endToEnd !== undefined);
  const byStepCount: EvalMetrics["byStepCount"] = {};
  for (const stepCount of [...new Set(results.map((result) => result.stepCount))].sort((left, right) => left - right)) {
    const group = results.filter((result) => result.stepCount === stepCount);
    byStepCount[String(stepCount)] = { records: group.length, planAccuracy: ratio(group.filter((result) => result.planCorrect).length, group.length) };
  }
  const planned = results.filter((result) => result.got.steps.length > 0);
  const total = (pick: (result: RecordResult) => number) => results.reduce((sum, result) => sum + pick(result), 0);
  return {
    records: results.length,
    judge,
    planAccuracy: ratio(count((result) => result.planCorrect), results.length),
    plannerOnlyAccuracy: ratio(count((result) => result.plannerOnlyCorrect), results.length),
    argumentAccuracy: ratio(argumentCorrect, argumentCalls),
    argumentCalls,
    endToEndSuccess: ratio(count((result) => result.endToEnd === true), withState.length),
    endToEndRecords: withState.length,
    judgeAccuracy: judge === "llm" ? ratio(count((result) => result.judgeCorrect === true), results.length) : null,
    byStepCount,
    latencyMs: {
      plan: summarizeLatency(planned.map((result) => result.planMs)),
      act: summarizeLatency(planned.map((result) => result.actMs)),
      total: summarizeLatency(results.map((result) => result.totalMs)),
    },
    tokens: {
      planPrompt: total((result) => result.tokens.plan.prompt),
      planCompletion: total((result) => result.tokens.plan.completion),
      actPrompt: total((result) => result.tokens.act.prompt),
      actCompletion: total((result) => result.tokens.act.completion),
      meanPlanPrompt: planned.length ? planned.reduce((sum, result) => sum + result.tokens.plan.prompt, 0) / planned.length : null,
    },
    errors: count((result) => result.error !== undefined),
  };
}
