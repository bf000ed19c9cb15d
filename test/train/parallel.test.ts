// trainInParallel runs each job in its own process (src/train/worker.ts): the results must be exactly those of
// the same job run in this process (training is deterministic at one thread), and a failing job must surface
// as a named error with the worker's message, not as a hang.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { train } from "../../src/train/train.js";
import { trainInParallel } from "../../src/train/parallel.js";
import { toyRecords } from "./fixtures.js";

const directory = mkdtempSync(join(tmpdir(), "octoplan-parallel-"));
const dataPath = join(directory, "toy.jsonl");
writeFileSync(dataPath, toyRecords(12).map((record) => JSON.stringify(record)).join("\n") + "\n");
const settings = { data: dataPath, init: "tiny" as const, vocabSize: 400, maxSteps: 6, batchSize: 4, lr: 3e-3, seed: 3, threads: 1, checkpointEvery: 0 };

describe("trainInParallel", () => {
  it("trains a planner and an action model side by side, with the same losses as in-process training", async () => {
    const lines: string[] = [];
    const [planner, actor] = await trainInParallel([
      { label: "planner", job: { ...settings, task: "plan", output: join(directory, "planner"), promptLoss: true } },
      { label: "action model", job: { ...settings, task: "act", output: join(directory, "actor"), functionDomains: ["android"] } },
    ], { log: (line) => lines.push(line), progressBar: false });
    expect(planner!.steps).toBe(6);
    expect(actor!.steps).toBe(6);
    expect(lines.some((line) => line.startsWith("planner: created a tiny model"))).toBe(true);

    const reference = await train({
      ...settings, task: "plan", output: join(directory, "planner-in-process"), promptLoss: true, progressBar: false, log: () => undefined,
    });
    expect(planner!.finalLoss).toBe(reference.finalLoss);
    const losses = (path: string) => readFileSync(path, "utf8").trim().split("\n").map((line) => JSON.parse(line).loss as number);
    expect(losses(planner!.metricsPath)).toEqual(losses(reference.metricsPath));
    // The action model trained on other examples than the planner: its losses differ.
    expect(losses(actor!.metricsPath)).not.toEqual(losses(planner!.metricsPath));
  }, 120_000);

  it("hands a finished run's threads to the run still going", async () => {
    const lines: string[] = [];
    const shared = { ...settings, threads: undefined, task: "plan" as const, epochs: 100 };
    const [short, long] = await trainInParallel([
      { label: "short", job: { ...shared, maxSteps: 1, output: join(directory, "short") } },
      { label: "long", job: { ...shared, maxSteps: 60, output: join(directory, "long") } },
    ], { log: (line) => lines.push(line), progressBar: false, totalThreads: 2, concurrency: 2 });
    expect(short!.steps).toBe(1);
    expect(long!.steps).toBe(60);
    expect(lines).toContain("long: now on 2 threads");
    expect(lines.some((line) => line.startsWith("short: now on"))).toBe(false);
  }, 120_000);

  it("reports a failing job by its label and keeps the worker's hint", async () => {
    const failing = trainInParallel([
      { label: "planner", job: { ...settings, data: join(directory, "missing.jsonl"), task: "plan", output: join(directory, "never") } },
    ], { log: () => undefined, progressBar: false });
    await expect(failing).rejects.toThrow(/training the planner failed: .*missing\.jsonl/);
  }, 60_000);
});
