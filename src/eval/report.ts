// Presenting an evaluation: the closing table for the terminal, the per-record failures
// (query, expected, got) for a JSONL file, and the report file the web playground shows.
import { writeFileAtomic } from "../util/atomic.js";
import type { EvalReport, RecordResult } from "./evaluate.js";
import type { EvalMetrics } from "./metrics.js";
import type { LatencySummary } from "./statistics.js";

export function formatPercent(value: number | null): string {
  return value === null ? "n/a" : `${(value * 100).toFixed(1)}%`;
}

function formatLatency(summary: LatencySummary): string {
  return summary.count === 0 ? "n/a" : `p50 ${summary.p50.toFixed(0)} ms, p95 ${summary.p95.toFixed(0)} ms`;
}

export function formatMetricsTable(metrics: EvalMetrics, title = "evaluation"): string {
  const rows: Array<[string, string]> = [
    ["records", String(metrics.records)],
    ["plan accuracy (paper)", formatPercent(metrics.planAccuracy)],
    ["planner-only accuracy", formatPercent(metrics.plannerOnlyAccuracy)],
    ["argument accuracy", `${formatPercent(metrics.argumentAccuracy)} of ${metrics.argumentCalls} calls`],
    ["end-to-end success", `${formatPercent(metrics.endToEndSuccess)} of ${metrics.endToEndRecords} records`],
  ];
  if (metrics.judge === "llm") rows.push(["LLM judge accuracy", formatPercent(metrics.judgeAccuracy)]);
  for (const [stepCount, group] of Object.entries(metrics.byStepCount)) {
    rows.push([`  ${stepCount}-step plans`, `${formatPercent(group.planAccuracy)} of ${group.records}`]);
  }
  rows.push(
    ["plan latency", formatLatency(metrics.latencyMs.plan)],
    ["act latency (all steps)", formatLatency(metrics.latencyMs.act)],
    ["total latency", formatLatency(metrics.latencyMs.total)],
    ["plan tokens (prompt/completion)", `${metrics.tokens.planPrompt} / ${metrics.tokens.planCompletion}`],
    ["act tokens (prompt/completion)", `${metrics.tokens.actPrompt} / ${metrics.tokens.actCompletion}`],
    ["records with errors", String(metrics.errors)],
  );
  const width = Math.max(...rows.map(([label]) => label.length));
  const rule = "─".repeat(width + 30);
  return [title, rule, ...rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`), rule].join("\n");
}

export function isFailure(result: RecordResult): boolean {
  return !result.planCorrect || result.endToEnd === false || result.error !== undefined;
}

/** One JSON line per failed record: what was asked, what was expected, what the agent did. */
export function failureLines(results: RecordResult[]): string[] {
  return results.filter(isFailure).map((result) =>
    JSON.stringify({
      id: result.id,
      query: result.query,
      expected: result.expected,
      got: result.got,
      planCorrect: result.planCorrect,
      endToEnd: result.endToEnd,
      stateDifferences: result.stateDifferences,
      error: result.error,
      judgeReason: result.judgeReason,
    }),
  );
}

export function writeFailures(path: string, results: RecordResult[]): number {
  const lines = failureLines(results);
  writeFileAtomic(path, lines.length ? lines.join("\n") + "\n" : "");
  return lines.length;
}

export interface SavedEvalReport {
  createdAt: string;
  testFile?: string;
  planner?: string;
  actor?: string;
  metrics: EvalMetrics;
  failures: unknown[];
}

/** `<dir>/eval-report.json`: metrics plus the failures (at most 200), for the web playground. */
export function saveEvalReport(path: string, report: EvalReport, about: { testFile?: string; planner?: string; actor?: string } = {}): void {
  const saved: SavedEvalReport = {
    createdAt: new Date().toISOString(),
    ...about,
    metrics: report.metrics,
    failures: failureLines(report.results).slice(0, 200).map((line) => JSON.parse(line) as unknown),
  };
  writeFileAtomic(path, JSON.stringify(saved, null, 2) + "\n");
}
