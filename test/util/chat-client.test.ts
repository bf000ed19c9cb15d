// The chat client against a real HTTP server on 127.0.0.1 that serves scripted replies and faults.
import { afterEach, describe, expect, it } from "vitest";
import OpenAI from "openai";
import { z } from "zod";
import { ChatClient, ChatRequestError, ChatRetriesExhaustedError, MalformedReplyError, parseJsonReply, retryAfterFromHeaders } from "../../src/util/chat-client.js";
import { InputError } from "../../src/errors.js";
import { FakeOpenAIServer, reply } from "../helpers/fake-openai-server.js";

const answerSchema = z.object({ answer: z.number() });
let server: FakeOpenAIServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(options: Partial<Parameters<typeof ChatClient.create>[0]> = {}) {
  server ??= await FakeOpenAIServer.start();
  return ChatClient.create({ baseURL: server.url, model: "fake-model", apiKey: "test-key", backoffBaseMs: 1, ...options });
}

describe("ChatClient", () => {
  it("asks for JSON mode, validates the reply and sums token usage", async () => {
    server = await FakeOpenAIServer.start({ queue: [
      reply.json({ answer: 42 }, { usage: { prompt_tokens: 11, completion_tokens: 3 } }),
      reply.text("```json\n{\"answer\": 7}\n```", { usage: { prompt_tokens: 5, completion_tokens: 2 } }),
    ] });
    const client = await clientFor();
    expect(await client.completeJson([{ role: "user", content: "q" }], answerSchema, { temperature: 1.1, seed: 9 })).toEqual({ answer: 42 });
    expect(await client.completeJson([{ role: "user", content: "q" }], answerSchema)).toEqual({ answer: 7 });
    const first = server.requests[0]!;
    expect(first.body).toMatchObject({ model: "fake-model", temperature: 1.1, seed: 9, response_format: { type: "json_object" } });
    expect(first.headers.authorization).toBe("Bearer test-key");
    expect(client.usage).toMatchObject({ requests: 2, promptTokens: 16, completionTokens: 5, retries: 0, repairs: 0 });
  });

  it("retries 429 (honouring Retry-After) and 500, then succeeds", async () => {
    server = await FakeOpenAIServer.start({ queue: [reply.rateLimited(0.3), reply.serverError(500), reply.serverError(503), reply.json({ answer: 1 })] });
    const client = await clientFor();
    expect(await client.completeJson([{ role: "user", content: "q" }], answerSchema)).toEqual({ answer: 1 });
    expect(server.requests).toHaveLength(4);
    expect(client.usage).toMatchObject({ requests: 4, retries: 3 });
    // The Retry-After of 0.3 s was waited out before the second attempt (a lower bound only).
    const [first, second] = server.requests;
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(250);
  });

  it("gives up after maxRetries with a named error", async () => {
    server = await FakeOpenAIServer.start({ handler: () => reply.serverError(502) });
    const client = await clientFor({ maxRetries: 2 });
    await expect(client.completeText([{ role: "user", content: "q" }])).rejects.toBeInstanceOf(ChatRetriesExhaustedError);
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a permanent 4xx and explains it", async () => {
    server = await FakeOpenAIServer.start({ handler: () => reply.error(401, "Incorrect API key provided") });
    const client = await clientFor();
    const error = await client.completeText([{ role: "user", content: "q" }]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChatRequestError);
    expect((error as ChatRequestError).status).toBe(401);
    expect((error as ChatRequestError).hint).toMatch(/api-key-env/);
    expect(server.requests).toHaveLength(1);
  });

  it("times out a slow reply and retries it", async () => {
    server = await FakeOpenAIServer.start({ queue: [reply.hang(), reply.slow(5_000, reply.json({ answer: 0 })), reply.json({ answer: 3 })] });
    const client = await clientFor({ timeoutMs: 200 });
    expect(await client.completeJson([{ role: "user", content: "q" }], answerSchema)).toEqual({ answer: 3 });
    expect(client.usage).toMatchObject({ requests: 3, retries: 2 });
  });

  it("repairs a malformed reply once, showing the model its error", async () => {
    server = await FakeOpenAIServer.start({ queue: [reply.malformed(), reply.json({ answer: 5 })] });
    const client = await clientFor();
    expect(await client.completeJson([{ role: "user", content: "q" }], answerSchema)).toEqual({ answer: 5 });
    const repair = server.requests[1]!.messages;
    expect(repair.map((message) => message.role)).toEqual(["user", "assistant", "user"]);
    expect(repair[2]!.content).toMatch(/invalid JSON/);
    expect(client.usage).toMatchObject({ repairs: 1, malformedSkipped: 0 });
  });

  it("skips and counts a reply that stays malformed after the repair", async () => {
    server = await FakeOpenAIServer.start({ queue: [reply.json({ answer: "five" }), reply.text("sorry, I cannot")] });
    const client = await clientFor();
    const error = await client.completeJson([{ role: "user", content: "q" }], answerSchema).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedReplyError);
    expect((error as MalformedReplyError).reply).toBe("sorry, I cannot");
    expect(server.requests[1]!.lastUserMessage).toMatch(/answer: /);
    expect(client.usage).toMatchObject({ requests: 2, repairs: 1, malformedSkipped: 1 });
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    server = await FakeOpenAIServer.start({ handler: () => reply.slow(100, reply.json({ answer: 1 })) });
    const client = await clientFor({ concurrency: 3 });
    const results = await Promise.all(Array.from({ length: 12 }, () => client.completeJson([{ role: "user", content: "q" }], answerSchema)));
    expect(results).toHaveLength(12);
    expect(server.requests).toHaveLength(12);
    expect(server.maxInFlight).toBeLessThanOrEqual(3);
    expect(server.maxInFlight).toBeGreaterThan(1); // and the requests did overlap
  });

  it("spaces request starts to respect requests per minute", async () => {
    server = await FakeOpenAIServer.start({ handler: () => reply.json({ answer: 1 }) });
    const client = await clientFor({ requestsPerMinute: 600 }); // one every 100 ms
    const started = Date.now();
    await Promise.all(Array.from({ length: 4 }, () => client.completeText([{ role: "user", content: "q" }])));
    // The fourth start is due 300 ms after the first; it cannot reach the server earlier (a lower bound only).
    expect(server.requests[3]!.receivedAt - started).toBeGreaterThanOrEqual(290);
  });

  it("reads the key from the named environment variable, and says when it is missing", async () => {
    server = await FakeOpenAIServer.start({ handler: () => reply.json({ answer: 1 }) });
    process.env.OCTOPLAN_TEST_KEY = "from-env";
    const client = await clientFor({ apiKey: undefined, apiKeyEnv: "OCTOPLAN_TEST_KEY" });
    await client.completeText([{ role: "user", content: "q" }]);
    expect(server.requests[0]!.headers.authorization).toBe("Bearer from-env");
    delete process.env.OCTOPLAN_TEST_KEY;
    expect(() => ChatClient.create({ baseURL: server!.url, model: "m", apiKeyEnv: "OCTOPLAN_TEST_KEY" })).toThrow(InputError);
  });

  it("passes function tools through and returns the tool calls", async () => {
    server = await FakeOpenAIServer.start({ queue: [reply.toolCalls([{ name: "set_volume", arguments: { level: 3, volume_type: "media" } }])] });
    const client = await clientFor();
    const tools = [{ type: "function" as const, function: { name: "set_volume", parameters: { type: "object", properties: { level: { type: "integer" } } } } }];
    const result = await client.chat([{ role: "user", content: "volume 3" }], { tools, toolChoice: "required" });
    expect(result.toolCalls).toEqual([{ name: "set_volume", arguments: '{"level":3,"volume_type":"media"}' }]);
    expect(result.finishReason).toBe("tool_calls");
    expect(server.requests[0]!.body).toMatchObject({ tools, tool_choice: "required" });
    expect(server.requests[0]!.body.response_format).toBeUndefined(); // JSON mode only when asked
  });

  it("computes backoff with equal jitter, capped", () => {
    const low = ChatClient.create({ baseURL: "http://127.0.0.1:9/v1", model: "m", apiKey: "k", backoffBaseMs: 100, backoffMaxMs: 1000, random: () => 0 });
    const high = ChatClient.create({ baseURL: "http://127.0.0.1:9/v1", model: "m", apiKey: "k", backoffBaseMs: 100, backoffMaxMs: 1000, random: () => 1 });
    expect([0, 1, 2, 5].map((attempt) => low.backoffMs(attempt))).toEqual([50, 100, 200, 500]);
    expect([0, 1, 2, 5].map((attempt) => high.backoffMs(attempt))).toEqual([100, 200, 400, 1000]);
    expect(low.backoffMs(0, 750)).toBe(750);
    expect(low.backoffMs(0, 5000)).toBe(1000);
  });

  it("parses Retry-After forms and JSON replies", () => {
    expect(retryAfterFromHeaders(new Headers({ "retry-after": "2" }))).toBe(2000);
    expect(retryAfterFromHeaders(new Headers({ "retry-after-ms": "150", "retry-after": "9" }))).toBe(150);
    expect(retryAfterFromHeaders(new Headers({}))).toBeUndefined();
    expect(parseJsonReply('Sure! {"answer": 2} hope that helps', answerSchema)).toEqual({ ok: true, value: { answer: 2 } });
    expect(parseJsonReply("no json", answerSchema)).toMatchObject({ ok: false, error: /no JSON object/ });
  });
});

describe("FakeOpenAIServer", () => {
  it("streams content, tool calls and usage over SSE", async () => {
    server = await FakeOpenAIServer.start({ queue: [
      reply.text("Hello there, streaming world"),
      reply.toolCalls([{ name: "take_photo", arguments: { camera: "back" } }]),
    ] });
    const openai = new OpenAI({ baseURL: server.url, apiKey: "k", maxRetries: 0 });
    const stream = await openai.chat.completions.create({ model: "m", messages: [{ role: "user", content: "hi" }], stream: true, stream_options: { include_usage: true } });
    let text = "";
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe("Hello there, streaming world");
    expect(usage?.completion_tokens).toBeGreaterThan(0);
    const completion = await openai.chat.completions.create({ model: "m", messages: [{ role: "user", content: "photo" }] });
    const call = completion.choices[0]!.message.tool_calls![0]!;
    expect(call.type === "function" && call.function.name).toBe("take_photo");
    expect(call.type === "function" && JSON.parse(call.function.arguments)).toEqual({ camera: "back" });
    expect(server.requests.map((request) => request.stream)).toEqual([true, false]);
  });
});
