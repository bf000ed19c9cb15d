// The agent end to end on a tiny planner and action model trained inside this test: real GGUF files,
// real llama.cpp inference, real functions on the simulated device. The models are small and
// briefly trained, so the assertions are about structure and invariants, not about accuracy.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent, Executor, LlamaPlanner, OctopusActor, type AgentEvent } from "../../src/agent/index.js";
import { writeDataset } from "../../src/data/index.js";
import { evaluate, sameFunctions } from "../../src/eval/index.js";
import { FunctionSet, SimulatedDevice, UnknownFunctionError } from "../../src/functions/index.js";
import { runCli } from "../helpers/cli.js";
import { TEST_FUNCTION_NAMES, trainTinyModels, type TrainedModels } from "./trained-models.js";

let models: TrainedModels;
let planner: LlamaPlanner;
let actor: OctopusActor;

beforeAll(async () => {
  models = await trainTinyModels();
  planner = await LlamaPlanner.create({ modelPath: models.plannerPath });
  actor = await OctopusActor.create({ modelPath: models.actorPath });
}, 600_000); // training takes seconds on a quiet machine; a shared, busy CPU stretches it a lot

afterAll(async () => {
  await planner?.dispose();
  await actor?.dispose();
});

describe("agent on trained tiny models", () => {
  it("streams a well-formed trace for a request", async () => {
    const agent = await Agent.create({ planner, actor, functions: models.functions });
    const events: AgentEvent[] = [];
    for await (const event of agent.run(models.records[0].query, { device: SimulatedDevice.create({ seed: 0 }) })) events.push(event);

    const [first, ...rest] = events;
    if (first.type !== "plan") throw new Error(`first event is ${first.type}`);
    expect(first.steps.length).toBeGreaterThanOrEqual(1);
    expect(first.steps.length).toBeLessThanOrEqual(5);
    for (const step of first.steps) expect(step).not.toMatch(/<\|end\|>|<nexa_split>|<\|assistant\|>/);
    const done = rest.at(-1);
    if (done?.type !== "done") throw new Error("the run did not end with done");
    // Per step: an optional call, then exactly one observation, in step order.
    const middle = rest.slice(0, -1);
    const observations = middle.filter((event) => event.type === "observation");
    expect(observations.map((event) => event.index)).toEqual(first.steps.map((_, index) => index));
    for (const event of middle) if (event.type === "call") expect(models.functions.names).toContain(event.call.name);

    const { trace } = done;
    expect(trace.steps).toEqual(first.steps);
    expect(trace.calls).toHaveLength(trace.steps.length);
    expect(trace.records).toHaveLength(trace.steps.length);
    for (const call of trace.calls) if (call) expect(() => models.functions.validate(call.name, call.arguments)).not.toThrow();
    expect(trace.tokens.plan.prompt).toBe(planner.local.tokenize(planner.prompt(models.records[0].query)).length);
    expect(trace.tokens.plan.completion).toBeGreaterThan(0);
    expect(trace.tokens.act.prompt).toBeGreaterThan(0);
    expect(trace.timings.totalMs).toBeGreaterThanOrEqual(trace.timings.planMs + trace.timings.actMs);
    // (agent.dispose() would dispose the shared planner and actor; afterAll does that.)
  });

  it("rejects a function that is not registered", async () => {
    const executor = new Executor(models.functions, SimulatedDevice.create({ seed: 0 }));
    await expect(executor.execute({ name: "factory_reset", arguments: {} })).rejects.toThrow(UnknownFunctionError);
    await expect(executor.execute({ name: "factory_reset", arguments: {} })).rejects.toThrow(`Available functions: ${models.functions.names.join(", ")}`);
    // Only the set's own functions are available: a set without send_email rejects it too.
    const narrow = new Executor(FunctionSet.from(TEST_FUNCTION_NAMES.map((name) => models.functions.get(name))), SimulatedDevice.create({ seed: 0 }));
    await expect(narrow.execute({ name: "send_email", arguments: { recipient: "a@b.c", title: "x", content: "y" } })).rejects.toThrow(UnknownFunctionError);
  });

  it("bounds the planner's completion by maxTokens", async () => {
    const short = await LlamaPlanner.create({ modelPath: models.plannerPath, maxTokens: 2 });
    try {
      const result = await short.plan(models.records[0].query).catch((error: Error) => error);
      if (!(result instanceof Error)) expect(result.completionTokens).toBeLessThanOrEqual(2);
      else expect(result.name).toBe("PlanFormatError");
    } finally {
      await short.dispose();
    }
  });

  it("evaluates records with metrics that agree with the per-record results", async () => {
    const records = models.records.filter((_, index) => index % 8 === 0).slice(0, 10);
    const seen: number[] = [];
    const report = await evaluate({ records, planner, actor, functions: models.functions, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual(records.map((_, index) => index + 1));
    const { metrics, results } = report;
    expect(metrics.records).toBe(records.length);
    for (const result of results) {
      expect(result.planCorrect).toBe(sameFunctions(result.expected.functions, result.got.functions));
      expect(result.endToEnd).toBeDefined(); // every generated record has an expected state
    }
    expect(metrics.planAccuracy).toBeCloseTo(results.filter((result) => result.planCorrect).length / records.length, 10);
    expect(metrics.endToEndRecords).toBe(records.length);
    expect(Object.values(metrics.byStepCount).reduce((sum, group) => sum + group.records, 0)).toBe(records.length);
    expect(metrics.argumentCalls).toBe(records.reduce((sum, record) => sum + (record.calls?.length ?? 0), 0));
    expect(metrics.latencyMs.total.count).toBe(records.length);
    // A record whose calls all match gold must leave the device in the expected state.
    for (const result of results) {
      if (result.argumentMatches && result.argumentMatches.correct === result.argumentMatches.total && result.got.calls.length === result.argumentMatches.total) {
        expect(result.endToEnd).toBe(true);
      }
    }
  });

  it("runs through the CLI: run prints the plan and calls, eval writes JSON, failures and the report", async () => {
    const ran = runCli(["run", models.records[0].query, "--planner", models.plannerPath, "--actor", models.actorPath, "--json"]);
    expect(ran.stderr).toBe("");
    const lines = ran.stdout.trim().split("\n").map((line) => JSON.parse(line) as AgentEvent);
    expect(lines[0].type).toBe("plan");
    expect(lines.at(-1)?.type).toBe("done");

    const scratch = mkdtempSync(join(tmpdir(), "octoplan-eval-cli-"));
    const testFile = join(scratch, "test.jsonl");
    await writeDataset(testFile, models.records.slice(0, 4));
    const evaluated = runCli(["eval", "--test", testFile, "--planner", models.plannerPath, "--actor", models.actorPath, "--json", "--failures", join(scratch, "failures.jsonl"), "--report-dir", scratch]);
    expect(evaluated.status, evaluated.stderr).toBe(0);
    const metrics = JSON.parse(evaluated.stdout) as { records: number; planAccuracy: number; failures: number };
    expect(metrics.records).toBe(4);
    expect(existsSync(join(scratch, "eval-report.json"))).toBe(true);
    const failureLines = readFileSync(join(scratch, "failures.jsonl"), "utf8").split("\n").filter(Boolean);
    expect(failureLines).toHaveLength(metrics.failures);
    for (const line of failureLines) expect(Object.keys(JSON.parse(line) as object)).toEqual(expect.arrayContaining(["query", "expected", "got"]));

    const missing = runCli(["eval", "--test", testFile, "--planner", join(scratch, "nope.gguf"), "--actor", models.actorPath]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/model file not found: .*nope\.gguf/);
    expect(missing.stderr).toMatch(/hint:/);
  }, 300_000); // three CLI processes, each compiling the sources through tsx

  it("grounding: the command learns the same grounding.json as training wrote beside each model", () => {
    const scratch = mkdtempSync(join(tmpdir(), "octoplan-grounding-cli-"));
    for (const [task, modelPath, extra] of [["plan", models.plannerPath, []], ["act", models.actorPath, ["--functions", "android"]]] as const) {
      const out = join(scratch, `${task}.json`);
      const learnt = runCli(["grounding", "--data", models.dataPath, "--task", task, "--out", out, "--json", ...extra]);
      expect(learnt.status, learnt.stderr).toBe(0);
      expect(readFileSync(out, "utf8")).toBe(readFileSync(join(dirname(modelPath), "grounding.json"), "utf8"));
      const counts = JSON.parse(learnt.stdout) as { records: number; copyWords: number; coverWords: number; copyArguments: number; rules: string[] };
      const written = JSON.parse(readFileSync(out, "utf8")) as { copyWords: string[]; coverWords: string[] };
      expect(counts).toMatchObject({ records: models.records.length, copyWords: written.copyWords.length, coverWords: written.coverWords.length });
      // The planner rules it lists are the ones the file holds.
      expect(counts.rules).toEqual(["namedDates", "namedTimes", "eventEnds", "namedStarts", "clauseScope", "clauseOrder"].filter((rule) => rule in written));
      // 80 records are too few for word lists (50 uses each), not for the action model's copied arguments.
      if (task === "act") expect(counts.copyArguments).toBe(2); // the alarm's label, the camera
    }
    const refused = runCli(["grounding", "--data", models.dataPath, "--task", "route", "--out", join(scratch, "never.json")]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/--task: unknown task 'route'[\s\S]*Available tasks: plan, act/);
    expect(existsSync(join(scratch, "never.json"))).toBe(false);
  }, 300_000);
});
