// `npm run bench:serve`: a bounded load run against `octoplan serve` on loopback. Prints JSON:
//   - queue-free latency: requests sent one at a time (p50, mean);
//   - under load: N requests at concurrency C — p50/p99 latency, throughput, error count, the
//     deepest queue seen on /metrics;
//   - the check p99 ≤ 2 × queue-free latency × queue depth (reported, not asserted): with one
//     sequence per model a request waits for at most `depth` others, so p99 beyond that bound
//     means the server adds overhead of its own.
// Models: --planner/--actor, or the demo's (runs/demo; `octoplan demo --fast` runs first if missing).
// Usage: npm run bench:serve -- [--planner P.gguf --actor A.gguf] [--requests 200] [--concurrency 8] [--route run|plan|chat]
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadAgentParts } from "../src/agent/index.js";
import { readDatasetAll } from "../src/data/index.js";
import { FunctionSet } from "../src/functions/index.js";
import { OctoplanServer } from "../src/server/index.js";
import { benchModelPaths } from "./demo-models.js";

const { values } = parseArgs({
  options: {
    planner: { type: "string" },
    actor: { type: "string" },
    test: { type: "string" },
    requests: { type: "string", default: "200" },
    concurrency: { type: "string", default: "8" },
    warmup: { type: "string", default: "10" },
    route: { type: "string", default: "run" },
    out: { type: "string", default: "runs/demo" },
  },
});

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

const round = (value: number) => Math.round(value * 10) / 10;

function requestFor(route: string, query: string): { path: string; body: unknown } {
  if (route === "plan") return { path: "/v1/plan", body: { query } };
  if (route === "chat") return { path: "/v1/chat/completions", body: { model: "planner", temperature: 0, max_tokens: 64, messages: [{ role: "user", content: query }] } };
  if (route === "run") return { path: "/v1/run", body: { query } };
  throw new Error(`unknown --route '${route}'; Available routes: run, plan, chat`);
}

async function timedRequest(url: string, route: string, query: string, index: number): Promise<{ ms: number; status: number }> {
  const { path, body } = requestFor(route, query);
  const started = performance.now();
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-session-id": `bench-${index % 16}` },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

async function main(): Promise<void> {
  const paths = await benchModelPaths({ ...values, out: values.out! });
  const queries = existsSync(paths.test) ? (await readDatasetAll(paths.test)).records.map((record) => record.query) : ["Take a screenshot", "Set an alarm for 7am"];
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  const parts = await loadAgentParts({ planner: paths.planner, actor: paths.actor });
  const server = await OctoplanServer.start({
    ...parts, functions: FunctionSet.fromDomains(["android"]), port: 0, maxQueue: concurrency * 2,
    onClose: async () => { await parts.planner.dispose?.(); await parts.actor.dispose?.(); },
  });
  try {
    const route = values.route!;
    for (let index = 0; index < Number(values.warmup); index++) await timedRequest(server.url, route, queries[index % queries.length]!, index);
    const alone: number[] = [];
    for (let index = 0; index < Math.min(30, requests); index++) alone.push((await timedRequest(server.url, route, queries[index % queries.length]!, index)).ms);
    alone.sort((left, right) => left - right);
    // The expected wait per request ahead in a queue is the mean service time (runs vary a lot:
    // one step or five, a short plan or a tiny model rambling to its token budget).
    const queueFreeMs = alone.reduce((sum, value) => sum + value, 0) / alone.length;

    let maxDepth = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const metrics = (await (await fetch(`${server.url}/metrics`)).json()) as { queues: Record<string, { queued: number; active: number }> };
        maxDepth = Math.max(maxDepth, ...Object.values(metrics.queues).map((queue) => queue.queued + queue.active));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    let next = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      for (let index = next++; index < requests; index = next++) {
        const result = await timedRequest(server.url, route, queries[index % queries.length]!, index).catch(() => ({ ms: Number.NaN, status: 0 }));
        statuses[String(result.status)] = (statuses[String(result.status)] ?? 0) + 1;
        if (result.status === 200) latencies.push(result.ms);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    sampling = false;
    await sampler;
    latencies.sort((left, right) => left - right);
    const p99 = percentile(latencies, 0.99);
    const depth = Math.max(1, maxDepth);
    console.log(JSON.stringify({
      route: `POST ${requestFor(route, "").path}`,
      requests, concurrency,
      models: { planner: paths.planner, actor: paths.actor },
      queueFreeLatencyMs: { p50: round(percentile(alone, 0.5)), p99: round(percentile(alone, 0.99)), mean: round(queueFreeMs) },
      latencyMs: { p50: round(percentile(latencies, 0.5)), p99: round(p99), max: round(latencies.at(-1) ?? Number.NaN) },
      throughputPerSecond: round(requests / seconds),
      errors: requests - (statuses["200"] ?? 0),
      statuses,
      maxQueueDepth: maxDepth,
      check: { rule: "p99 <= 2 x mean queue-free latency x max queue depth", boundMs: round(2 * queueFreeMs * depth), p99Ms: round(p99), holds: p99 <= 2 * queueFreeMs * depth },
    }, null, 2));
  } finally {
    await server.close();
  }
}

await main();
