import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { failureLines, formatMetricsTable, normalizeValue, sameCall, sameFunctions, saveEvalReport, summarizeMetrics, writeFailures, type RecordResult } from "../../src/eval/index.js";
import { FunctionSet } from "../../src/functions/index.js";

const functions = FunctionSet.fromDomains(["android"]);

function result(overrides: Partial<RecordResult>): RecordResult {
  return {
    id: "r", query: "q", stepCount: 1,
    expected: { functions: ["take_photo"] },
    got: { steps: ["Take a photo"], functions: ["take_photo"], plannerOnlyFunctions: ["take_photo"], calls: [{ name: "take_photo", arguments: { camera: "back" } }] },
    planCorrect: true, plannerOnlyCorrect: true, planMs: 10, actMs: 5, totalMs: 20,
    tokens: { plan: { prompt: 10, completion: 5 }, act: { prompt: 8, completion: 4 } },
    ...overrides,
  };
}

describe("comparing calls", () => {
  it("normalises strings, numbers, key order and defaults", () => {
    expect(normalizeValue({ b: "  Hello   World ", a: [2.0, "X"] })).toEqual({ a: [2, "x"], b: "hello world" });
    expect(sameCall(functions, { name: "get_trending_news", arguments: { query: "AI" } }, { name: "get_trending_news", arguments: { language: "en", query: " ai " } })).toBe(true);
    expect(sameCall(functions, { name: "get_trending_news", arguments: { query: "AI" } }, { name: "get_trending_news", arguments: { query: "AI", language: "fr" } })).toBe(false);
    expect(sameCall(functions, { name: "take_photo", arguments: { camera: "back" } }, { name: "take_screenshot", arguments: {} })).toBe(false);
    expect(sameCall(functions, { name: "take_photo", arguments: { camera: "back" } }, null)).toBe(false);
  });

  it("applies the paper's criterion: same count, same functions, same order", () => {
    expect(sameFunctions(["a", "b"], ["a", "b"])).toBe(true);
    expect(sameFunctions(["a", "b"], ["b", "a"])).toBe(false);
    expect(sameFunctions(["a", "b"], ["a"])).toBe(false);
    expect(sameFunctions(["a"], [null])).toBe(false);
  });
});

describe("metrics and reports", () => {
  const results = [
    result({ id: "ok", argumentMatches: { correct: 1, total: 1 }, endToEnd: true }),
    result({ id: "wrong", stepCount: 2, planCorrect: false, plannerOnlyCorrect: true, argumentMatches: { correct: 0, total: 2 }, endToEnd: false, totalMs: 40 }),
    result({ id: "broken", stepCount: 2, planCorrect: false, plannerOnlyCorrect: false, error: "plan completion has no steps", got: { steps: [], functions: [], plannerOnlyFunctions: [], calls: [] }, tokens: { plan: { prompt: 0, completion: 0 }, act: { prompt: 0, completion: 0 } } }),
  ];

  it("summarises accuracies, per-step groups, latency and tokens", () => {
    const metrics = summarizeMetrics(results, "exact");
    expect(metrics.planAccuracy).toBeCloseTo(1 / 3, 10);
    expect(metrics.plannerOnlyAccuracy).toBeCloseTo(2 / 3, 10);
    expect(metrics.argumentAccuracy).toBeCloseTo(1 / 3, 10);
    expect(metrics.argumentCalls).toBe(3);
    expect(metrics.endToEndSuccess).toBe(0.5);
    expect(metrics.endToEndRecords).toBe(2);
    expect(metrics.judgeAccuracy).toBeNull();
    expect(metrics.byStepCount).toEqual({ "1": { records: 1, planAccuracy: 1 }, "2": { records: 2, planAccuracy: 0 } });
    expect(metrics.latencyMs.plan.count).toBe(2); // the record without a plan has no plan latency
    expect(metrics.latencyMs.total.p50).toBe(20);
    expect(metrics.tokens.planPrompt).toBe(20);
    expect(metrics.tokens.meanPlanPrompt).toBe(10);
    expect(metrics.errors).toBe(1);
    const table = formatMetricsTable(metrics, "test");
    expect(table).toContain("plan accuracy (paper)");
    expect(table).toContain("33.3%");
    expect(table).toContain("2-step plans");
  });

  it("writes failures (query, expected, got) and the report atomically", () => {
    const directory = mkdtempSync(join(tmpdir(), "octoplan-report-"));
    expect(failureLines(results)).toHaveLength(2);
    expect(writeFailures(join(directory, "failures.jsonl"), results)).toBe(2);
    const lines = readFileSync(join(directory, "failures.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { id: string; query: string });
    expect(lines.map((line) => line.id)).toEqual(["wrong", "broken"]);
    saveEvalReport(join(directory, "eval-report.json"), { metrics: summarizeMetrics(results, "exact"), results }, { testFile: "t.jsonl" });
    const saved = JSON.parse(readFileSync(join(directory, "eval-report.json"), "utf8")) as { testFile: string; metrics: { records: number }; failures: unknown[] };
    expect(saved).toMatchObject({ testFile: "t.jsonl", metrics: { records: 3 } });
    expect(saved.failures).toHaveLength(2);
  });
});
