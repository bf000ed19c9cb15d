// GET /health, GET /metrics (per-route counts and latencies, per-model queue depth), GET
// /v1/eval-report (the last `octoplan eval` report, for the playground's benchmark view), and the
// playground's static files.
import { existsSync, readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import type { ServerContext } from "../context.js";
import { HttpError } from "../errors.js";
import type { StaticFile } from "../static.js";

export function registerInfoRoutes(app: FastifyInstance, context: ServerContext, staticFiles: Map<string, StaticFile>): void {
  app.get("/health", async () => ({
    status: "ok",
    uptimeSeconds: Math.round((Date.now() - context.metrics.startedAt) / 1000),
    models: context.modelFiles,
    functions: context.functions.names.length,
  }));

  app.get("/metrics", async () => {
    const queues = Object.fromEntries(context.registry.queues().map((queue) => [queue.name, queue.stats()]));
    return {
      uptimeSeconds: Math.round((Date.now() - context.metrics.startedAt) / 1000),
      routes: context.metrics.summary(),
      queues,
      queueDepth: Object.values(queues).reduce((total, stats) => total + stats.queued + stats.active, 0),
      sessions: context.sessions.size,
    };
  });

  app.get("/v1/eval-report", async () => {
    const path = context.evalReportPath;
    if (!path || !existsSync(path)) {
      throw new HttpError(404, path ? `eval report not found: ${path}` : "no eval report configured", {
        code: "no_eval_report",
        hint: "run `octoplan eval …` (it writes eval-report.json next to the planner) and start the server with --eval-report FILE",
      });
    }
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  });

  for (const [path, file] of staticFiles) {
    app.get(path, async (_request, reply) => reply.header("content-type", file.contentType).header("cache-control", "no-cache").send(file.body));
  }
}
