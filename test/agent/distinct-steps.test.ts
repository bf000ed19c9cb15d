// Distinct-steps decoding on a real planner (trained here in seconds) in llama.cpp: it never writes the same step
// twice, it is exactly greedy whenever greedy repeats nothing, and it ends the plan at maxSteps. The planner learns
// requests whose plan repeats a step on purpose ("… twice"), so greedy repeats and the backtracking runs.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlamaPlanner } from "../../src/agent/index.js";
import { decodeDistinctSteps } from "../../src/agent/distinct-steps.js";
import { generateGreedy } from "../../src/agent/generate.js";
import type { DatasetRecord } from "../../src/data/index.js";
import { parsePlanCompletion } from "../../src/plan/index.js";
import { END, SPLIT } from "../../src/plan/tokens.js";
import { train } from "../../src/train/train.js";

let greedy: LlamaPlanner;
let distinct: LlamaPlanner;
let queries: string[];

const normalise = (step: string) => step.trim().replace(/\s+/g, " ").toLowerCase();
const hasRepeat = (steps: string[]) => new Set(steps.map(normalise)).size < steps.length;

const CITIES = ["Paris", "Tokyo", "Lima", "Oslo", "Rome", "Cairo"];
const CONTACTS = ["Alice", "Bob", "Carol", "Dave"];

/** Three kinds of request: one step, two different steps, and the same step twice ("… twice"). */
function records(): DatasetRecord[] {
  const weather = (city: string) => ({ step: `Get the weather forecast for ${city}`, call: { name: "get_weather_forecast", arguments: { location: city } } });
  const text = (contact: string) => ({ step: `Send a text message to ${contact}`, call: { name: "send_text_message", arguments: { contact_name: contact, message: "hi" } } });
  const list: DatasetRecord[] = [];
  CITIES.forEach((city, index) => {
    const contact = CONTACTS[index % CONTACTS.length]!;
    const kinds = [
      { query: `Check the weather in ${city}`, parts: [weather(city)] },
      { query: `Check the weather in ${city} and text ${contact}`, parts: [weather(city), text(contact)] },
      { query: `Check the weather in ${city} twice`, parts: [weather(city), weather(city)] },
    ];
    for (const [kind, { query, parts }] of kinds.entries()) {
      list.push({
        id: `distinct-${index}-${kind}`, query, steps: parts.map((part) => part.step), functions: parts.map((part) => part.call.name),
        calls: parts.map((part) => part.call), observations: parts.map(() => "{}"), domains: ["android"],
      });
    }
  });
  return list;
}

beforeAll(async () => {
  const directory = mkdtempSync(join(tmpdir(), "octoplan-distinct-"));
  const dataPath = join(directory, "data.jsonl");
  const all = records();
  writeFileSync(dataPath, all.map((record) => JSON.stringify(record)).join("\n") + "\n");
  queries = all.map((record) => record.query);
  const trained = await train({
    data: dataPath, init: "tiny", preset: "scratch", task: "plan", maxSteps: 150, epochs: 1000, lr: 3e-3, batchSize: 6,
    vocabSize: 400, threads: 1, progressBar: false, log: () => undefined, output: join(directory, "planner"),
  });
  greedy = await LlamaPlanner.create({ modelPath: trained.modelPath!, decoding: "greedy" });
  distinct = await LlamaPlanner.create({ modelPath: trained.modelPath!, decoding: "distinct-steps" });
}, 600_000);

afterAll(async () => {
  await greedy?.dispose();
  await distinct?.dispose();
});

describe("distinct-steps planner decoding", () => {
  it("removes every repeated step greedy writes, and equals greedy where greedy repeats nothing", async () => {
    let repeatedByGreedy = 0;
    let unchanged = 0;
    const local = distinct.local;
    const splitToken = local.singleTokenId(SPLIT)!;
    const endToken = local.singleTokenId(END)!;
    for (const query of queries) {
      const prompt = distinct.prompt(query);
      const plain = await generateGreedy(greedy.local, prompt, { stop: [END], maxTokens: 256 });
      const plainSteps = plain.text.split(SPLIT);
      // Unbounded backtracking and any alternative allowed: no repeat may survive.
      const constrained = await decodeDistinctSteps(local, prompt, { splitToken, endToken, maxSteps: 99, maxTokens: 256, maxBacktracks: 100, minAlternative: 0 });
      const steps = constrained.text.split(SPLIT);
      if (constrained.stoppedBy !== "maxTokens") expect(hasRepeat(steps), `repeated step in ${JSON.stringify(steps)}`).toBe(false);
      if (hasRepeat(plainSteps)) {
        repeatedByGreedy++;
        expect(constrained.backtracks).toBeGreaterThan(0);
      } else if (plain.stoppedBy !== "maxTokens") {
        expect(constrained.text).toBe(plain.text);
        expect(constrained.backtracks).toBe(0);
        unchanged++;
      }
    }
    // The test means something only if greedy did repeat steps on this model, and did not on some queries.
    expect(repeatedByGreedy).toBeGreaterThan(0);
    expect(unchanged).toBeGreaterThan(0);
  });

  it("ends the plan at maxSteps instead of writing a step the parser rejects", async () => {
    const local = distinct.local;
    for (const query of queries.slice(0, 15)) {
      const generation = await decodeDistinctSteps(local, distinct.prompt(query), {
        splitToken: local.singleTokenId(SPLIT)!, endToken: local.singleTokenId(END)!, maxSteps: 1, maxTokens: 256,
      });
      expect(generation.text).not.toContain(SPLIT);
      if (generation.stoppedBy === "stop") expect(parsePlanCompletion(generation.text, { maxSteps: 1 })).toHaveLength(1);
    }
  });

  it("is the planner's default, and an unknown decoding is a named error", async () => {
    const byDefault = await LlamaPlanner.create({ modelPath: distinct.local.modelPath });
    try {
      for (const query of queries.slice(0, 10)) {
        const plan = await byDefault.plan(query);
        expect(plan.steps).toEqual((await distinct.plan(query)).steps);
        expect(plan.steps.length).toBeLessThanOrEqual(5);
      }
    } finally {
      await byDefault.dispose();
    }
    await expect(LlamaPlanner.create({ modelPath: distinct.local.modelPath, decoding: "beam" as never }))
      .rejects.toThrow(/Available decodings: distinct-steps, greedy/);
  });
});
