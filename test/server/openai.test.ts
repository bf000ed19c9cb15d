// The OpenAI-compatible endpoint through real clients: the `openai` package (plain and streamed),
// octoplan's ChatClient, and the data generator's LLM teacher. With temperature 0 the reply must
// equal the planner's own greedy decoding of the same prompt (the reference). The tiny model is a
// poor teacher: the pipeline must count its rejections and stop cleanly, keeping only valid records.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDatasetAll } from "../../src/data/index.js";
import { generateDataset } from "../../src/data/generate/index.js";
import { LlmTeacher, TeacherStalledError } from "../../src/data/teachers/index.js";
import { FunctionSet } from "../../src/functions/index.js";
import type { OctoplanServer } from "../../src/server/index.js";
import { ChatClient } from "../../src/util/chat-client.js";
import { TEST_FUNCTION_NAMES } from "../agent/trained-models.js";
import { loadParts, readJson, startServer, type LoadedParts } from "./harness.js";
import { serverTestModels, type ServerTestModels } from "./models.js";

let models: ServerTestModels;
let parts: LoadedParts;
let server: OctoplanServer;
let openai: OpenAI;

beforeAll(async () => {
  models = await serverTestModels();
  parts = await loadParts(models);
  server = await startServer({ ...parts, functions: models.functions });
  openai = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "unused", maxRetries: 0 });
});

afterAll(async () => {
  await server?.close();
  await parts?.dispose();
});

describe("through the openai package", () => {
  it("lists the loaded models", async () => {
    const list = await openai.models.list();
    expect(list.data.map((model) => model.id)).toEqual(["planner", "actor"]);
  });

  it("answers like the planner's own greedy decoding, plain and streamed", async () => {
    const query = models.records[2]!.query;
    const reference = await parts.planner.plan(query);
    const completion = await openai.chat.completions.create({ model: "planner", temperature: 0, max_tokens: 256, messages: [{ role: "user", content: query }] });
    expect(completion.object).toBe("chat.completion");
    expect(completion.choices[0]!.message.content).toBe(reference.raw);
    expect(completion.choices[0]!.finish_reason).toBe("stop");
    expect(completion.usage).toMatchObject({ prompt_tokens: reference.promptTokens, completion_tokens: reference.completionTokens });

    const stream = await openai.chat.completions.create({
      model: "planner", temperature: 0, max_tokens: 256, stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: query }],
    });
    const pieces: string[] = [];
    const finishReasons: Array<string | null> = [];
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of stream) {
      expect(chunk.object).toBe("chat.completion.chunk");
      for (const choice of chunk.choices) {
        if (choice.delta.content) pieces.push(choice.delta.content);
        finishReasons.push(choice.finish_reason);
      }
      if (chunk.usage) usage = chunk.usage;
    }
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(reference.raw);
    expect(finishReasons.at(-1)).toBe("stop");
    expect(usage?.completion_tokens).toBe(reference.completionTokens);
  });

  it("stops at max_tokens with finish_reason length, and at a stop string", async () => {
    const long = await openai.chat.completions.create({ model: "planner", temperature: 0, max_tokens: 2, messages: [{ role: "user", content: models.records[0]!.query }] });
    expect(long.choices[0]!.finish_reason).toBe("length");
    expect(long.usage?.completion_tokens).toBe(2);
    const query = models.records[0]!.query;
    const full = (await parts.planner.plan(query)).raw!;
    const stop = full.slice(3, 5);
    const stopped = await openai.chat.completions.create({ model: "planner", temperature: 0, max_tokens: 256, stop, messages: [{ role: "user", content: query }] });
    expect(stopped.choices[0]!.message.content).toBe(full.slice(0, full.indexOf(stop)));
  });

  it("reports a bad request as an APIError naming the field", async () => {
    const error = await openai.chat.completions.create({ model: "planner", messages: [], temperature: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).message).toMatch(/messages/);
  });
});

describe("through octoplan's ChatClient", () => {
  it("gets the same reply and counts its tokens", async () => {
    const query = models.records[3]!.query;
    const reference = await parts.planner.plan(query);
    const client = ChatClient.create({ baseURL: `${server.url}/v1`, model: "planner", maxRetries: 0 });
    const reply = await client.chat([{ role: "user", content: query }], { temperature: 0, maxTokens: 256 });
    expect(reply.text).toBe(reference.raw);
    expect(reply.promptTokens).toBe(reference.promptTokens);
    expect(client.usage.completionTokens).toBe(reference.completionTokens);
  });
});

describe("the data generator's LLM teacher against our endpoint", () => {
  it("rejects the tiny model's invalid candidates, counts them and stops cleanly", async () => {
    const client = ChatClient.create({ baseURL: `${server.url}/v1`, model: "planner", concurrency: 1, maxRetries: 0 });
    const teacher = LlmTeacher.create({ client, requestsPerPrompt: 2, lookahead: 1, maxDropsInARow: 3 });
    const functions = FunctionSet.from(TEST_FUNCTION_NAMES.map((name) => models.functions.get(name)));
    const before = (await readJson(fetch(`${server.url}/metrics`))).routes["POST /v1/chat/completions"]?.count ?? 0;
    const out = join(mkdtempSync(join(tmpdir(), "octoplan-serve-teacher-")), "data.jsonl");
    const outcome = await generateDataset({ teacher, functions, out, count: 2, steps: "1", seed: 3, maxCandidates: 20 })
      .then((summary) => ({ summary }), (error: unknown) => ({ error }));
    // Either the teacher stalls (its typed error) or the gate rejects what it proposed; nothing crashes.
    if ("error" in outcome) expect(outcome.error).toBeInstanceOf(TeacherStalledError);
    const teacherDrops = Object.values(teacher.stats.dropped).reduce((total, count) => total + count, 0);
    const gateRejections = "summary" in outcome ? Object.values(outcome.summary.rejected).reduce((total, count) => total + (count ?? 0), 0) : 0;
    expect(teacherDrops + gateRejections).toBeGreaterThan(0);
    expect(client.usage.requests).toBeGreaterThan(0);
    // Whatever reached the file is a valid record.
    if (existsSync(out)) expect((await readDatasetAll(out)).errors).toEqual([]);
    const metrics = await readJson(fetch(`${server.url}/metrics`));
    // The server answered the teacher's requests (a stall may cut the last one off) and never failed.
    const route = metrics.routes["POST /v1/chat/completions"];
    expect(route.count - before).toBeGreaterThan(0);
    expect(route.count - before).toBeLessThanOrEqual(client.usage.requests);
    expect(Object.keys(route.statuses).filter((status) => status.startsWith("5"))).toEqual([]);
  });
});
