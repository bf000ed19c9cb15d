// generateDataset with the offline teacher on the android set: the paper-scale proof run
// (2000 records, steps split evenly, all 18 functions, every record re-executes on a fresh
// device to its expectedState), determinism by seed, and resume after a kill.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateDataset, type GenerationSummary } from "../../../src/data/generate/pipeline.js";
import { OfflineTeacher } from "../../../src/data/offline/teacher.js";
import { datasetStats } from "../../../src/data/stats.js";
import type { DatasetRecord } from "../../../src/data/record.js";
import { FunctionSet } from "../../../src/functions/function-set.js";
import { SimulatedDevice } from "../../../src/functions/device/simulated-device.js";
import { diffStates } from "../../../src/functions/device/diff.js";
import { expandState } from "../../../src/functions/device/compact.js";
import { renderObservation } from "../../../src/plan/observation.js";

const android = FunctionSet.fromDomains(["android"]);
const folder = mkdtempSync(join(tmpdir(), "octoplan-generate-"));
const readRecords = (path: string): DatasetRecord[] => readFileSync(path, "utf8").trim().split("\n").map((line) => JSON.parse(line) as DatasetRecord);

describe("generateDataset on android, 2000 records", () => {
  const out = join(folder, "android.jsonl");
  let summary: GenerationSummary;
  let records: DatasetRecord[];
  beforeAll(async () => {
    summary = await generateDataset({ teacher: new OfflineTeacher(), functions: android, count: 2000, out, seed: 5 });
    records = readRecords(out);
  });

  it("writes the count asked for, steps 1-5 split evenly", () => {
    expect(summary.complete).toBe(true);
    expect(records).toHaveLength(2000);
    expect(summary.stepHistogram).toEqual({ 1: 400, 2: 400, 3: 400, 4: 400, 5: 400 });
    const histogram = new Map<number, number>();
    for (const record of records) histogram.set(record.steps.length, (histogram.get(record.steps.length) ?? 0) + 1);
    expect([...histogram.values()]).toEqual([400, 400, 400, 400, 400]);
  });

  it("uses all 18 android functions", () => {
    const used = new Set(records.flatMap((record) => record.functions));
    expect([...used].sort()).toEqual([...android.names].sort());
  });

  it("every record passes the gate: args validate, calls run on a fresh device, observations and expectedState match", async () => {
    for (const record of records) {
      expect(record.calls).toHaveLength(record.steps.length);
      expect(record.functions).toEqual(record.calls!.map((entry) => entry.name));
      const device = SimulatedDevice.create({ seed: record.seed! });
      const observations: string[] = [];
      for (const entry of record.calls!) {
        expect(android.validate(entry.name, entry.arguments)).toEqual(entry.arguments);
        observations.push(renderObservation(await android.execute(entry.name, entry.arguments, { device })));
      }
      expect(observations).toEqual(record.observations);
      expect(diffStates(expandState(record.expectedState!), device.snapshot())).toEqual([]);
    }
  });

  it("has no duplicate queries and reports its diversity", () => {
    const stats = datasetStats(records);
    expect(new Set(records.map((record) => record.query.toLowerCase())).size).toBe(records.length);
    expect(stats.diversity.distinctTemplates).toBeGreaterThan(250);
    expect(stats.diversity.distinct2).toBeGreaterThan(0.1);
    expect(stats.diversity.distinct3).toBeGreaterThan(0.25);
  });

  it("feeds a later step from an earlier observation (implicit steps)", () => {
    const printing = records.filter((record) => record.functions.join() === "search_files,print_document");
    expect(printing.length).toBeGreaterThan(0);
    for (const record of printing) {
      const found = JSON.parse(record.observations![0]!) as string[];
      expect(record.calls![1]!.arguments.file_path).toBe(found[0]);
    }
  });
});

describe("generateDataset determinism and resume", () => {
  const run = (out: string, seed: number, count = 60) => generateDataset({ teacher: new OfflineTeacher(), functions: android, count, out, seed });

  it("gives the same file for the same seed and a different one for another seed", async () => {
    await run(join(folder, "a1.jsonl"), 9);
    await run(join(folder, "a2.jsonl"), 9);
    await run(join(folder, "b.jsonl"), 10);
    const first = readFileSync(join(folder, "a1.jsonl"), "utf8");
    expect(readFileSync(join(folder, "a2.jsonl"), "utf8")).toBe(first);
    expect(readFileSync(join(folder, "b.jsonl"), "utf8")).not.toBe(first);
  });

  it("continues a truncated file (torn last line included) to exactly the uninterrupted result", async () => {
    const full = join(folder, "full.jsonl");
    const cut = join(folder, "cut.jsonl");
    await run(full, 21);
    const text = readFileSync(full, "utf8");
    const lines = text.split("\n");
    writeFileSync(cut, lines.slice(0, 25).join("\n") + "\n" + lines[25]!.slice(0, 40));
    const resumed = await run(cut, 21);
    expect(resumed.existing).toBe(25);
    expect(resumed.added).toBe(35);
    expect(readFileSync(cut, "utf8")).toBe(text);
    const again = await run(cut, 21);
    expect(again.added).toBe(0);
    expect(readFileSync(cut, "utf8")).toBe(text);
  });
});
