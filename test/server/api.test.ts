// The HTTP API against the real server (127.0.0.1, ephemeral port) on tiny trained models: error
// paths (400 naming the field, 401, 404, 413), the function schemas, planning, runs with and
// without streaming (event order), and per-session simulated device state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimulatedDevice } from "../../src/functions/index.js";
import type { OctoplanServer } from "../../src/server/index.js";
import { loadParts, postJson, readEvents, readJson, startServer, type LoadedParts } from "./harness.js";
import { serverTestModels, type ServerTestModels } from "./models.js";

let models: ServerTestModels;
let parts: LoadedParts;
let server: OctoplanServer;
let secured: OctoplanServer;
const TOKEN = "test-secret-token";

beforeAll(async () => {
  models = await serverTestModels();
  parts = await loadParts(models);
  server = await startServer({ ...parts, functions: models.functions, bodyLimit: 4096 });
  secured = await startServer({ ...parts, functions: models.functions, token: TOKEN });
});

afterAll(async () => {
  await server?.close();
  await secured?.close();
  await parts?.dispose();
});

describe("request validation", () => {
  it("answers malformed JSON with 400", async () => {
    const response = await fetch(`${server.url}/v1/plan`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query": ' });
    expect(response.status).toBe(400);
    const body = await readJson(response);
    expect(body.error.code).toBe("invalid_json");
    expect(body.error.message).toMatch(/malformed JSON/);
  });

  it("names the field of a schema error", async () => {
    const missing = await postJson(`${server.url}/v1/plan`, { question: "hi" });
    expect(missing.status).toBe(400);
    expect((await readJson(missing)).error).toMatchObject({ param: "query", code: "invalid_field" });

    const wrongType = await postJson(`${server.url}/v1/run`, { query: "Take a photo", stream: "yes" });
    expect(wrongType.status).toBe(400);
    expect((await readJson(wrongType)).error.param).toBe("stream");

    const badRole = await postJson(`${server.url}/v1/chat/completions`, { model: "planner", messages: [{ role: "robot", content: "x" }] });
    expect(badRole.status).toBe(400);
    const badRoleError = (await readJson(badRole)).error;
    expect(badRoleError.param).toBe("messages.0.role");
    expect(badRoleError.message).toMatch(/^messages\.0\.role: /);
  });

  it("refuses a body over the limit with 413", async () => {
    const response = await postJson(`${server.url}/v1/plan`, { query: "x".repeat(10_000) });
    expect(response.status).toBe(413);
    expect((await readJson(response)).error.message).toBeTruthy();
  });

  it("rejects an invalid session id", async () => {
    const response = await fetch(`${server.url}/v1/state?sessionId=${encodeURIComponent("../../etc")}`);
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.param).toBe("sessionId");
  });

  it("answers unknown routes and models with 404 JSON", async () => {
    const route = await fetch(`${server.url}/v1/nothing-here`);
    expect(route.status).toBe(404);
    expect(route.headers.get("content-type")).toMatch(/application\/json/);
    expect((await readJson(route)).error.message).toMatch(/no route GET \/v1\/nothing-here/);

    const model = await postJson(`${server.url}/v1/chat/completions`, { model: "gpt-9", messages: [{ role: "user", content: "hi" }] });
    expect(model.status).toBe(404);
    expect((await readJson(model)).error.hint).toMatch(/Available models: planner, actor/);
  });
});

describe("token", () => {
  it("answers 401 without or with a wrong bearer token, 200 with the right one", async () => {
    const without = await fetch(`${secured.url}/v1/functions`);
    expect(without.status).toBe(401);
    expect(without.headers.get("www-authenticate")).toMatch(/Bearer/);
    expect((await readJson(without)).error.code).toBe("invalid_api_key");
    const wrong = await postJson(`${secured.url}/v1/plan`, { query: "Take a photo" }, { authorization: "Bearer nope" });
    expect(wrong.status).toBe(401);
    expect((await fetch(`${secured.url}/metrics`)).status).toBe(401);
    const right = await fetch(`${secured.url}/v1/functions`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    // The playground page and /health stay open, so a browser can load the page.
    expect((await fetch(`${secured.url}/health`)).status).toBe(200);
    expect((await fetch(`${secured.url}/`)).status).toBe(200);
  });
});

describe("agent routes", () => {
  it("lists the function set as JSON Schema", async () => {
    const body = await readJson(fetch(`${server.url}/v1/functions`));
    expect(body.functions.map((spec: { name: string }) => spec.name)).toEqual(models.functions.names);
    const alarm = body.functions.find((spec: { name: string }) => spec.name === "set_timer_alarm");
    expect(alarm.index).toBe(models.functions.indexOf("set_timer_alarm"));
    expect(alarm.parameters.type).toBe("object");
    expect(Object.keys(alarm.parameters.properties)).toEqual(models.functions.parameterNames("set_timer_alarm"));
  });

  it("plans like the planner does directly", async () => {
    const query = models.records[0]!.query;
    const response = await postJson(`${server.url}/v1/plan`, { query });
    expect(response.status).toBe(200);
    const body = await readJson(response);
    const direct = await parts.planner.plan(query);
    expect(body.steps).toEqual(direct.steps);
    expect(body.promptTokens).toBe(direct.promptTokens);
  });

  it("streams plan, then call/observation per step, then done, in order", async () => {
    const response = await postJson(`${server.url}/v1/run`, { query: models.records[1]!.query, stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const events: Array<{ event: string | undefined; data: any }> = [];
    for await (const message of readEvents(response)) events.push({ event: message.event, data: JSON.parse(message.data) });
    const names = events.map((event) => event.event);
    expect(names[0]).toBe("session");
    expect(names[1]).toBe("plan");
    expect(names.at(-1)).toBe("done");
    const steps: string[] = events[1]!.data.steps;
    expect(steps.length).toBeGreaterThan(0);
    // Between plan and done: for step i, an optional call i, then observation i.
    const middle = events.slice(2, -1);
    const expected: string[] = [];
    for (const record of events.at(-1)!.data.trace.records) {
      if (record.call) expected.push(`call ${record.index}`);
      expected.push(`observation ${record.index}`);
    }
    expect(middle.map((event) => `${event.event} ${event.data.index}`)).toEqual(expected);
    expect(expected.filter((name) => name.startsWith("observation"))).toHaveLength(steps.length);
    for (const event of middle) if (event.event === "observation") expect(event.data.state.seed).toBe(0);
  });

  it("keeps each session's simulated device to itself", async () => {
    const fresh = SimulatedDevice.create({ seed: 0 }).snapshot();
    // A request the tiny models turn into a state change (found by trying the training requests).
    let changed: { sessionId: string; state: unknown } | undefined;
    for (const [index, record] of models.records.slice(0, 20).entries()) {
      const response = await postJson(`${server.url}/v1/run`, { query: record.query }, { "x-session-id": `alice-${index}` });
      expect(response.status).toBe(200);
      const body = await readJson(response);
      expect(body.sessionId).toBe(`alice-${index}`);
      expect(body.trace.steps.length).toBeGreaterThan(0);
      if (JSON.stringify(body.state) !== JSON.stringify(fresh)) {
        changed = { sessionId: body.sessionId, state: body.state };
        break;
      }
    }
    if (!changed) throw new Error("none of 20 training requests changed the device state");
    const alice = await readJson(fetch(`${server.url}/v1/state`, { headers: { "x-session-id": changed.sessionId } }));
    expect(alice.state).toEqual(changed.state);
    const bob = await readJson(fetch(`${server.url}/v1/state?sessionId=bob`));
    expect(bob.sessionId).toBe("bob");
    expect(bob.state).toEqual(fresh);
    // Without a session id a run gets a new session of its own.
    const anonymous = await readJson(postJson(`${server.url}/v1/run`, { query: models.records[0]!.query }));
    expect(anonymous.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(anonymous.sessionId).not.toBe(changed.sessionId);
  });

  it("reports request counts, latencies and queue depth", async () => {
    const metrics = await readJson(fetch(`${server.url}/metrics`));
    expect(metrics.routes["POST /v1/run"].count).toBeGreaterThanOrEqual(2);
    expect(metrics.routes["POST /v1/run"].latencyMs.p50).toBeGreaterThan(0);
    expect(metrics.routes["POST /v1/plan"].statuses["400"]).toBeGreaterThanOrEqual(1);
    expect(metrics.queues.planner).toMatchObject({ queued: 0, active: 0 });
    expect(metrics.queues.planner.served).toBeGreaterThan(0);
    expect(metrics.queueDepth).toBe(0);
    expect(metrics.sessions).toBeGreaterThanOrEqual(2);
    const health = await readJson(fetch(`${server.url}/health`));
    expect(health.status).toBe("ok");
  });
});
