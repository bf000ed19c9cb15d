// The OpenAI-compatible parts against a real HTTP server on 127.0.0.1 with scripted replies: the
// in-context planner (the paper's single-model baseline), the tool-calling actor, and the LLM judge.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActionError, InContextPlanner, OpenAIToolsActor, type Actor, type Planner } from "../../src/agent/index.js";
import { evaluate } from "../../src/eval/index.js";
import { LlmJudge } from "../../src/eval/judge.js";
import { FunctionSet } from "../../src/functions/index.js";
import { ChatClient } from "../../src/util/chat-client.js";
import { FakeOpenAIServer, reply } from "../helpers/fake-openai-server.js";
import type { DatasetRecord } from "../../src/data/index.js";

const functions = FunctionSet.fromDomains(["android"]);
let server: FakeOpenAIServer;

beforeAll(async () => {
  server = await FakeOpenAIServer.start();
});
afterAll(async () => server?.close());

describe("InContextPlanner over the chat API", () => {
  it("sends every function's docstring and parses the steps", async () => {
    server.setHandler(() => reply.json({ steps: ["Find the report.", "Print the report"] }, { usage: { prompt_tokens: 1234, completion_tokens: 20 } }));
    const planner = await InContextPlanner.create({ functions, backend: { kind: "openai", client: ChatClient.create({ baseURL: server.url, model: "big" }) } });
    const result = await planner.plan("print the quarterly report");
    expect(result.steps).toEqual(["Find the report", "Print the report"]);
    expect(result.promptTokens).toBe(1234);
    const sent = server.requests.at(-1)!.lastUserMessage;
    for (const name of functions.names) expect(sent).toContain(name);
    expect(sent).toContain("print the quarterly report");
  });

  it("rejects a plan with too many steps", async () => {
    server.setHandler(() => reply.json({ steps: ["a", "b", "c"] }));
    const planner = await InContextPlanner.create({ functions, maxSteps: 2, backend: { kind: "openai", client: ChatClient.create({ baseURL: server.url, model: "big" }) } });
    await expect(planner.plan("do three things")).rejects.toThrow(/3 steps; expected 1 to 2/);
  });
});

describe("OpenAIToolsActor", () => {
  it("validates the tool call's arguments with zod (defaults filled)", async () => {
    server.setHandler(() => reply.toolCalls([{ name: "get_trending_news", arguments: { query: "AI" } }]));
    const actor = OpenAIToolsActor.create({ baseURL: server.url, model: "tools" });
    const result = await actor.act("Find news about AI", undefined, functions);
    expect(result.call).toEqual({ name: "get_trending_news", arguments: { query: "AI", language: "en" } });
    expect(server.requests.at(-1)!.body.tools).toHaveLength(functions.size);
  });

  it("turns an unknown function or bad arguments into an ActionError", async () => {
    const actor = OpenAIToolsActor.create({ baseURL: server.url, model: "tools" });
    server.setHandler(() => reply.toolCalls([{ name: "format_disk", arguments: {} }]));
    await expect(actor.act("wipe it", undefined, functions)).rejects.toThrow(ActionError);
    server.setHandler(() => reply.toolCalls([{ name: "set_volume", arguments: { level: "loud", volume_type: "media" } }]));
    await expect(actor.act("louder", undefined, functions)).rejects.toThrow(/level/);
    server.setHandler(() => reply.text("I would rather not."));
    await expect(actor.act("louder", undefined, functions)).rejects.toThrow(/without a tool call/);
  });
});

describe("evaluate with the LLM judge", () => {
  it("asks the judge with the paper's criteria and counts its verdicts", async () => {
    server.setHandler((request) => reply.json({ correct: request.lastUserMessage.includes("Candidate plan:\n1. Take a screenshot"), reason: "scripted" }));
    const planner: Planner = { plan: async (query) => ({ steps: query.includes("photo") ? ["Take a photo"] : ["Take a screenshot"], promptTokens: 3, completionTokens: 4, ms: 1 }) };
    const actor: Actor = {
      act: async (step) => ({ call: { name: step.includes("photo") ? "take_photo" : "take_screenshot", arguments: step.includes("photo") ? { camera: "back" } : {} }, raw: "", tokens: { prompt: 1, completion: 1 }, ms: 1 }),
    };
    const records: DatasetRecord[] = [
      { id: "a", query: "grab the screen", steps: ["Take a screenshot"], functions: ["take_screenshot"], domains: ["android"] },
      { id: "b", query: "snap a photo of the screen", steps: ["Take a screenshot"], functions: ["take_screenshot"], domains: ["android"] },
    ];
    const judge = new LlmJudge(ChatClient.create({ baseURL: server.url, model: "judge" }), functions);
    const report = await evaluate({ records, planner, actor, functions, judge: "llm", llmJudge: judge });
    expect(report.metrics.judgeAccuracy).toBe(0.5);
    expect(report.metrics.planAccuracy).toBe(0.5);
    expect(report.results.map((result) => result.judgeCorrect)).toEqual([true, false]);
    expect(report.results[1].judgeReason).toBe("scripted");
    const prompt = server.requests.at(-1)!.lastUserMessage;
    expect(prompt).toContain("each step corresponds to an existing function");
    expect(prompt).toContain("sequential");
    await expect(evaluate({ records, planner, actor, functions, judge: "llm" })).rejects.toThrow(/needs an LlmJudge/);
  });
});
