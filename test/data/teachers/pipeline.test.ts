// The LLM teacher behind the shared pipeline: its candidates pass the quality gate (schemas,
// execution on the simulated device, dedup) and land in the JSONL output; a re-run resumes.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FunctionSet } from "../../../src/functions/index.js";
import { generateDataset, readDatasetAll } from "../../../src/data/index.js";
import { LlmTeacher } from "../../../src/data/teachers/index.js";
import { ChatClient } from "../../../src/util/chat-client.js";
import { FakeOpenAIServer } from "../../helpers/fake-openai-server.js";
import { scriptedModel, type Fault } from "./scripted-model.js";

const android = FunctionSet.fromDomains(["android"]);
let server: FakeOpenAIServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function teacherWith(faultFor?: Parameters<typeof scriptedModel>[0]) {
  const model = scriptedModel(faultFor);
  server = await FakeOpenAIServer.start({ handler: model.handler });
  const client = ChatClient.create({ baseURL: server.url, model: "teacher-model", apiKey: "k", backoffBaseMs: 1 });
  return { model, teacher: LlmTeacher.create({ client, requestsPerPrompt: 4 }) };
}

describe("LlmTeacher in the generation pipeline", () => {
  it("writes records that pass the quality gate, with invalid plans dropped before it", async () => {
    // Every fifth multi-step request gets its plan reversed; the judge must catch those.
    let planned = 0;
    const { teacher } = await teacherWith((stage, text): Fault | undefined => (stage === "plan" && /then/.test(text) && ++planned % 5 === 0 ? "invalid-order" : undefined));
    const out = join(mkdtempSync(join(tmpdir(), "octoplan-llm-")), "data.jsonl");
    const summary = await generateDataset({ teacher, functions: android, out, count: 15, steps: "1-3", seed: 5, batchSize: 8 });

    expect(summary).toMatchObject({ total: 15, complete: true, teacher: "openai:teacher-model" });
    expect(summary.stepHistogram).toEqual({ 1: 5, 2: 5, 3: 5 });
    expect(teacher.stats.dropped["judged invalid"]).toBeGreaterThan(0);
    const { records, errors } = await readDatasetAll(out);
    expect(errors).toEqual([]);
    expect(records).toHaveLength(15);
    expect(new Set(records.map((record) => record.query)).size).toBe(15);
    for (const record of records) {
      expect(record.calls).toHaveLength(record.steps.length);
      for (const call of record.calls!) expect(() => android.validate(call.name, call.arguments)).not.toThrow();
      expect(record.observations).toHaveLength(record.steps.length); // the calls ran on the simulated device
      expect(record.domains).toEqual(["android"]);
    }
  });

  it("resumes an interrupted run without duplicating or rewriting", async () => {
    const { teacher, model } = await teacherWith();
    const out = join(mkdtempSync(join(tmpdir(), "octoplan-llm-")), "data.jsonl");
    const controller = new AbortController();
    const first = generateDataset({
      teacher, functions: android, out, count: 12, steps: "1-2", seed: 9, batchSize: 8, signal: controller.signal,
      onProgress: (progress) => { if (progress.accepted >= 5) controller.abort(); },
    });
    await expect(first).rejects.toThrow();
    const partial = (await readDatasetAll(out)).records;
    expect(partial.length).toBeGreaterThanOrEqual(5);
    expect(partial.length).toBeLessThan(12);

    const stageOneBefore = model.counts.requests;
    const summary = await generateDataset({ teacher, functions: android, out, count: 12, steps: "1-2", seed: 9, batchSize: 8 });
    expect(summary).toMatchObject({ total: 12, existing: partial.length, added: 12 - partial.length, complete: true });
    const { records } = await readDatasetAll(out);
    expect(records.slice(0, partial.length)).toEqual(partial); // appended, never rewritten
    expect(new Set(records.map((record) => record.id)).size).toBe(12);
    expect(new Set(records.map((record) => record.query)).size).toBe(12);
    expect(model.counts.requests).toBeGreaterThan(stageOneBefore);
  });
});
