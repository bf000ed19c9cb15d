// The LLM teacher against a real HTTP server on 127.0.0.1 answering as a scripted model.
import { afterEach, describe, expect, it } from "vitest";
import { FunctionSet } from "../../../src/functions/index.js";
import { LlmTeacher, TeacherStalledError, createLlmTeacher } from "../../../src/data/teachers/index.js";
import type { CandidateRecord, GenerationRequest } from "../../../src/data/generate/teacher.js";
import { ChatClient, ChatRequestError } from "../../../src/util/chat-client.js";
import { InputError } from "../../../src/errors.js";
import { FakeOpenAIServer, reply, type FakeHandler } from "../../helpers/fake-openai-server.js";
import { scriptedModel, type Fault } from "./scripted-model.js";

const android = FunctionSet.fromDomains(["android"]);
let server: FakeOpenAIServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Every reply reports 10 prompt + 2 completion tokens, so usage totals are exact. */
function withFixedUsage(handler: FakeHandler): FakeHandler {
  return async (request) => {
    const answer = await handler(request);
    return answer.kind === "content" ? { ...answer, usage: { prompt_tokens: 10, completion_tokens: 2 } } : answer;
  };
}

async function teacherFor(handler: FakeHandler, options: { validate?: boolean; concurrency?: number; timeoutMs?: number } = {}) {
  server = await FakeOpenAIServer.start({ handler: withFixedUsage(handler) });
  const client = ChatClient.create({ baseURL: server.url, model: "teacher-model", apiKey: "k", backoffBaseMs: 1, concurrency: options.concurrency, timeoutMs: options.timeoutMs });
  return LlmTeacher.create({ client, validate: options.validate, requestsPerPrompt: 3 });
}

function request(stepCounts: number[], seed = 7): GenerationRequest {
  return { functions: android, count: stepCounts.length, stepCounts, seed };
}

async function collect(iterable: AsyncIterable<CandidateRecord>): Promise<CandidateRecord[]> {
  const items: CandidateRecord[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const MIX = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5];
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

describe("LlmTeacher", () => {
  it("generates, plans and validates candidates in the paper's three stages", async () => {
    const model = scriptedModel();
    const teacher = await teacherFor(model.handler);
    const candidates = await collect(teacher.generate(request(MIX)));

    expect(sorted(candidates.map((candidate) => candidate.steps.length))).toEqual(sorted(MIX));
    for (const candidate of candidates) {
      expect(candidate.calls).toHaveLength(candidate.steps.length);
      expect(model.plans.get(candidate.query)?.map((atom) => atom.call)).toEqual(candidate.calls);
      expect(Object.keys(candidate).sort()).toEqual(["calls", "query", "steps"]); // no function descriptions stored
    }
    // Stage 1: docstrings shown, K requests of exactly N steps, high temperature, JSON mode.
    const stageOne = server!.requests.filter((recorded) => /diverse requests/.test(recorded.lastUserMessage));
    expect(stageOne).toHaveLength(5); // two positions per step count, K = 3: one prompt per N
    expect(stageOne[0]!.lastUserMessage).toContain(android.toDocstrings());
    expect(stageOne[0]!.lastUserMessage).toMatch(/exist on the user's device[^]*- contacts: /); // real names, so calls can succeed
    expect(stageOne[0]!.body).toMatchObject({ temperature: 1, response_format: { type: "json_object" } });
    // Stage 2: the paper's step style, one call per step, dates resolved against the device clock.
    const stageTwo = server!.requests.find((recorded) => /Break this request/.test(recorded.lastUserMessage))!;
    expect(stageTwo.lastUserMessage).toContain("Find articles about Jensen Huang in English");
    expect(stageTwo.lastUserMessage).toContain("2026-11-25T09:00");
    expect(model.counts).toEqual({ requests: 5, plan: 10, judge: 10 });
    expect(teacher.usage).toMatchObject({ requests: 25, promptTokens: 250, completionTokens: 50 });
    expect(teacher.stats).toMatchObject({ prompts: 5, proposed: 10, yielded: 10 });
    expect(teacher.report()).toEqual([
      "teacher openai:teacher-model: 25 requests (0 retries, 0 repairs, 0 skipped malformed), 250 prompt + 50 completion tokens",
      "teacher dropped: none",
    ]);
  });

  it("drops and counts plans with the wrong order, step count or function", async () => {
    const faults: Record<string, Fault> = {};
    const model = scriptedModel((stage, text) => (stage === "plan" ? faults[text] : undefined));
    const teacher = await teacherFor((recorded) => {
      const answer = model.handler(recorded);
      // Decide the faults once stage 1 has named the requests: one of each kind among multi-step ones.
      const multiStep = [...model.plans.entries()].filter(([, atoms]) => atoms.length >= 3).map(([text]) => text);
      const kinds: Fault[] = ["invalid-order", "wrong-step-count", "unknown-function"];
      multiStep.slice(0, 3).forEach((text, index) => { faults[text] ??= kinds[index]!; });
      return answer;
    });
    const candidates = await collect(teacher.generate(request([3, 3, 3, 4, 4])));
    expect(teacher.stats.dropped).toMatchObject({ "judged invalid": 1, "wrong step count": 1, "unknown function": 1 });
    expect(candidates).toHaveLength(2);
    expect(teacher.stats.invalidExamples[0]).toMatch(/out of order/);
    expect(teacher.report()[1]).toBe("teacher dropped: wrong step count 1, unknown function 1, judged invalid 1");
    expect(model.counts.judge).toBe(3); // the structurally broken plans never reach the judge
  });

  it("skips the judge with validate: false, so ordering mistakes pass through", async () => {
    const model = scriptedModel((stage) => (stage === "plan" ? "invalid-order" : undefined));
    const teacher = await teacherFor(model.handler, { validate: false });
    const candidates = await collect(teacher.generate(request([2, 2])));
    expect(candidates).toHaveLength(2);
    expect(model.counts.judge).toBe(0);
  });

  it("repairs a malformed reply once, and skips and counts one that stays malformed", async () => {
    let brokenQuery: string | undefined;
    const model = scriptedModel((stage, text) => {
      if (stage === "requests") return "malformed-requests"; // repaired: the batch still works
      if (stage !== "plan") return undefined;
      brokenQuery ??= text;
      return text === brokenQuery ? "malformed-twice" : undefined;
    });
    const teacher = await teacherFor(model.handler);
    const candidates = await collect(teacher.generate(request([1, 1, 1])));
    expect(candidates).toHaveLength(2);
    expect(teacher.stats.dropped["malformed reply"]).toBe(1);
    expect(teacher.usage).toMatchObject({ repairs: 2, malformedSkipped: 1 });
  });

  it("retries 429 and 500 inside the stream and loses nothing", async () => {
    const model = scriptedModel((_stage, _text, attempt) => (attempt === 1 ? "rate-limit" : attempt === 2 ? "server-error" : undefined));
    const teacher = await teacherFor(model.handler);
    const candidates = await collect(teacher.generate(request([1, 2, 3])));
    expect(candidates).toHaveLength(3);
    expect(teacher.usage.retries).toBe(2 * (3 + 3 + 3)); // every stage-1, plan and judge call failed twice first
  });

  it("sends the same prompts and seeds for the same request, different ones for another seed", async () => {
    const prompts = async (seed: number) => {
      const model = scriptedModel();
      const teacher = await teacherFor(model.handler);
      await collect(teacher.generate(request(MIX, seed)));
      const bodies = server!.requests.map((recorded) => JSON.stringify([recorded.body.seed, recorded.messages])).sort();
      await server!.close();
      server = undefined;
      return bodies;
    };
    const first = await prompts(11);
    expect(await prompts(11)).toEqual(first);
    expect(await prompts(12)).not.toEqual(first);
  });

  it("keeps the server's in-flight requests within the concurrency limit", async () => {
    const model = scriptedModel();
    const teacher = await teacherFor(async (recorded) => reply.slow(40, await model.handler(recorded)), { concurrency: 2 });
    const candidates = await collect(teacher.generate(request(MIX)));
    expect(candidates).toHaveLength(10);
    expect(server!.maxInFlight).toBeLessThanOrEqual(2);
    expect(server!.maxInFlight).toBeGreaterThan(1);
  });

  it("gives up with a named error when every candidate is dropped", async () => {
    const model = scriptedModel((stage) => (stage === "plan" ? "unknown-function" : undefined));
    server = await FakeOpenAIServer.start({ handler: model.handler });
    const client = ChatClient.create({ baseURL: server.url, model: "weak-model", apiKey: "k" });
    const teacher = LlmTeacher.create({ client, requestsPerPrompt: 3, maxDropsInARow: 6 });
    const error = await collect(teacher.generate(request(Array<number>(30).fill(2)))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TeacherStalledError);
    expect((error as TeacherStalledError).message).toMatch(/unknown function/);
    expect(model.counts.requests).toBeLessThan(10); // it stopped instead of working through all 10 prompts
  });

  it("ends the stream with a named error when the server refuses for good", async () => {
    const teacher = await teacherFor(() => reply.error(401, "Incorrect API key provided"));
    await expect(collect(teacher.generate(request([1, 2])))).rejects.toBeInstanceOf(ChatRequestError);
  });

  it("stops the requests in flight when the consumer stops early", async () => {
    const model = scriptedModel();
    const teacher = await teacherFor(model.handler);
    const first: CandidateRecord[] = [];
    for await (const candidate of teacher.generate(request([1, 1, 1, 1, 1, 1, 1, 1, 1]))) {
      first.push(candidate);
      break;
    }
    expect(first).toHaveLength(1);
    for (let waited = 0; server!.inFlight > 0 && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server!.inFlight).toBe(0);
    expect(model.counts.requests).toBeLessThan(3);
  });
});

describe("createLlmTeacher", () => {
  it("parses openai:MODEL (Ollama names keep their colon) and reads the key variable", () => {
    process.env.OCTOPLAN_FAKE_KEY = "x";
    const teacher = createLlmTeacher("openai:qwen2.5:7b", { baseURL: "http://127.0.0.1:9/v1", apiKeyEnv: "OCTOPLAN_FAKE_KEY", validate: false });
    expect(teacher.name).toBe("openai:qwen2.5:7b");
    delete process.env.OCTOPLAN_FAKE_KEY;
    expect(() => createLlmTeacher("openai:m", { baseURL: "http://127.0.0.1:9/v1", apiKeyEnv: "OCTOPLAN_FAKE_KEY" })).toThrow(/OCTOPLAN_FAKE_KEY is not set/);
    expect(() => createLlmTeacher("anthropic:m")).toThrow(InputError);
    // Local servers need no key at all.
    const saved = process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_API_KEY;
    expect(createLlmTeacher("openai:m", { baseURL: "http://127.0.0.1:9/v1" }).name).toBe("openai:m");
    expect(() => createLlmTeacher("openai:gpt-4o")).toThrow(/OPENAI_API_KEY/);
    if (saved !== undefined) process.env.OPENAI_API_KEY = saved;
  });
});
