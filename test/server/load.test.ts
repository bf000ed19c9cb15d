// Load behaviour on the real server: the per-model queue bound (503 + Retry-After), a client that
// disconnects mid-stream (its slot is freed and the next request is served), and the queue itself
// (FIFO hand-over, waiters that give up). A GatedPlanner holds plans at a gate so the states are
// certain without timing; the chat test uses the real model end to end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimulatedDevice } from "../../src/functions/index.js";
import { ModelQueue, QueueFullError, SessionStore } from "../../src/server/index.js";
import { GatedPlanner, loadParts, postJson, readEvents, readJson, startServer, waitForMetrics, type LoadedParts } from "./harness.js";
import { serverTestModels, type ServerTestModels } from "./models.js";

let models: ServerTestModels;
let parts: LoadedParts;

beforeAll(async () => {
  models = await serverTestModels();
  parts = await loadParts(models);
});

afterAll(async () => {
  await parts?.dispose();
});

describe("queue bound", () => {
  it("answers 503 with Retry-After above the bound, and serves the queued requests", async () => {
    const gated = new GatedPlanner(parts.planner);
    const server = await startServer({ planner: gated, actor: parts.actor, functions: models.functions, maxQueue: 1 });
    try {
      const query = models.records[0]!.query;
      const first = postJson(`${server.url}/v1/plan`, { query });
      await waitForMetrics(server, (metrics) => metrics.queues.planner.active === 1);
      const second = postJson(`${server.url}/v1/plan`, { query });
      await waitForMetrics(server, (metrics) => metrics.queues.planner.queued === 1);
      const third = await postJson(`${server.url}/v1/plan`, { query });
      expect(third.status).toBe(503);
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await readJson(third)).error).toMatchObject({ code: "queue_full", type: "overloaded_error" });
      // A run needs the planner too, so it is refused before it starts.
      expect((await postJson(`${server.url}/v1/run`, { query })).status).toBe(503);

      gated.releaseAll();
      expect((await first).status).toBe(200);
      await waitForMetrics(server, (metrics) => metrics.queues.planner.active === 1 && metrics.queues.planner.queued === 0);
      gated.releaseAll();
      expect((await second).status).toBe(200);
      const metrics = await waitForMetrics(server, (current) => current.queueDepth === 0);
      expect(metrics.queues.planner.rejected).toBe(2);
      expect(metrics.routes["POST /v1/plan"].statuses).toMatchObject({ "200": 2, "503": 1 });
    } finally {
      gated.releaseAll();
      await server.close();
    }
  });
});

describe("disconnects", () => {
  it("frees the slot of a run stream whose client went away, and serves the next request", async () => {
    const gated = new GatedPlanner(parts.planner);
    const server = await startServer({ planner: gated, actor: parts.actor, functions: models.functions });
    try {
      const client = new AbortController();
      const response = await postJson(`${server.url}/v1/run`, { query: models.records[0]!.query, stream: true }, {}, client.signal);
      const events = readEvents(response);
      expect((await events.next()).value?.event).toBe("session");
      await waitForMetrics(server, (metrics) => metrics.queues.planner.active === 1);
      client.abort();
      const freed = await waitForMetrics(server, (metrics) => metrics.queues.planner.active === 0);
      expect(freed.queues.planner.aborted).toBe(1);
      expect(gated.arrived).toBe(1);

      const next = postJson(`${server.url}/v1/run`, { query: models.records[0]!.query });
      await waitForMetrics(server, (metrics) => metrics.queues.planner.active === 1);
      gated.releaseAll();
      const body = await readJson(next);
      expect(body.trace.steps.length).toBeGreaterThan(0);
    } finally {
      gated.releaseAll();
      await server.close();
    }
  });

  it("stops a streamed chat completion when its client disconnects; the queued request is served", async () => {
    const server = await startServer({ ...parts, functions: models.functions });
    try {
      const client = new AbortController();
      // ignore_eos and the whole context as budget: the generation outlasts the first chunk.
      const long = await postJson(`${server.url}/v1/chat/completions`, {
        model: "planner", stream: true, ignore_eos: true, max_tokens: 100_000, temperature: 1, seed: 1,
        messages: [{ role: "user", content: "Take a photo" }],
      }, {}, client.signal);
      const chunks = readEvents(long);
      expect(JSON.parse((await chunks.next()).value!.data).choices[0].delta.role).toBe("assistant");
      const queued = postJson(`${server.url}/v1/chat/completions`, {
        model: "planner", temperature: 0, max_tokens: 8, messages: [{ role: "user", content: "Take a photo" }],
      });
      client.abort();
      const reply = await queued;
      expect(reply.status).toBe(200);
      expect((await readJson(reply)).choices[0].finish_reason).toMatch(/^(stop|length)$/);
      const metrics = await waitForMetrics(server, (current) => current.queueDepth === 0);
      expect(metrics.queues.planner.served).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe("timeouts", () => {
  it("answers 504 when a request outlives the request timeout, and frees the slot", async () => {
    const gated = new GatedPlanner(parts.planner);
    const server = await startServer({ planner: gated, actor: parts.actor, functions: models.functions, requestTimeoutMs: 300 });
    try {
      const response = await postJson(`${server.url}/v1/plan`, { query: models.records[0]!.query });
      expect(response.status).toBe(504);
      expect((await readJson(response)).error.code).toBe("timeout");
      const metrics = await waitForMetrics(server, (current) => current.queueDepth === 0);
      expect(metrics.queues.planner.aborted).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe("SessionStore", () => {
  it("expires sessions unused for longer than the TTL and keeps used ones", () => {
    let now = 0;
    const sessions = new SessionStore({ ttlMs: 1000, now: () => now });
    const alice = sessions.open("alice");
    alice.device.state.brightness = 10;
    sessions.open("bob");
    now = 800;
    expect(sessions.open("alice").device.state.brightness).toBe(10);
    now = 1500;
    expect(sessions.size).toBe(1);
    expect(sessions.open("alice").device.state.brightness).toBe(10);
    now = 2600;
    expect(sessions.open("alice").device.state.brightness).toBe(SimulatedDevice.create({ seed: 0 }).state.brightness);
  });

  it("drops the least recently used session at the bound", () => {
    let now = 0;
    const sessions = new SessionStore({ maxSessions: 2, now: () => now++ });
    sessions.open("first").device.state.brightness = 1;
    sessions.open("second");
    sessions.open("first");
    sessions.open("third");
    expect(sessions.size).toBe(2);
    expect(sessions.open("first").device.state.brightness).toBe(1);
  });
});

describe("ModelQueue", () => {
  it("runs tasks one at a time in arrival order and drops waiters whose signal fires", async () => {
    const queue = new ModelQueue("model", 2);
    const order: string[] = [];
    let releaseFirst!: () => void;
    const first = queue.run(async () => { order.push("first"); await new Promise<void>((resolve) => { releaseFirst = resolve; }); });
    const gone = new AbortController();
    const second = queue.run(async () => { order.push("second"); }, gone.signal);
    const third = queue.run(async () => { order.push("third"); });
    expect(queue.stats()).toMatchObject({ active: 1, queued: 2 });
    expect(() => queue.admit()).toThrow(QueueFullError);
    gone.abort(new Error("client left"));
    await expect(second).rejects.toThrow("client left");
    expect(queue.queued).toBe(1);
    queue.admit();
    releaseFirst();
    await Promise.all([first, third]);
    expect(order).toEqual(["first", "third"]);
    expect(queue.stats()).toMatchObject({ active: 0, queued: 0, served: 2, aborted: 1, rejected: 1 });
  });
});
