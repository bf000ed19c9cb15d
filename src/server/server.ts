// `OctoplanServer.start(options)`: the agent, the OpenAI-compatible endpoint and the playground on
// fastify. Binds 127.0.0.1 by default; any other host needs a token. Cross-cutting rules live
// here: token check, body size limit, metrics per route, and one JSON error shape (400 naming the
// field, 401, 404, 413, 503 with Retry-After, 504).
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { Agent, type Actor, type LocalModel, type Planner } from "../agent/index.js";
import { InputError, OctoplanError } from "../errors.js";
import type { FunctionSet } from "../functions/index.js";
import { checkAuthorization, checkExposure, needsToken } from "./auth.js";
import type { ServerContext } from "./context.js";
import { HttpError } from "./errors.js";
import { ServerMetrics } from "./metrics.js";
import { ModelRegistry } from "./models.js";
import { registerAgentRoutes } from "./routes/agent-routes.js";
import { registerChatRoutes } from "./routes/chat-routes.js";
import { registerInfoRoutes } from "./routes/info-routes.js";
import { SessionStore } from "./sessions.js";
import { loadStaticFiles } from "./static.js";

export interface ServerOptions {
  planner: Planner;
  actor: Actor;
  functions: FunctionSet;
  /** Extra models for /v1/chat/completions only, by name (e.g. { base }). */
  models?: Record<string, LocalModel>;
  /** Model files by name, shown by /health and the CLI. */
  modelFiles?: Record<string, string>;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** Requests allowed to wait per model; more get 503. Default 16. */
  maxQueue?: number;
  /** Bytes. Default 64 KiB. */
  bodyLimit?: number;
  /** Per-request timeout in ms. Default 120 000. */
  requestTimeoutMs?: number;
  sessionTtlMs?: number;
  maxSessions?: number;
  deviceSeed?: number;
  evalReportPath?: string;
  webRoot?: string;
  /** Called on close, e.g. to dispose the models the CLI loaded. */
  onClose?: () => Promise<void> | void;
}

export class OctoplanServer {
  private closed = false;

  private constructor(readonly app: FastifyInstance, readonly url: string, readonly context: ServerContext, private readonly onClose?: () => Promise<void> | void) {}

  static async start(options: ServerOptions): Promise<OctoplanServer> {
    const host = options.host ?? "127.0.0.1";
    checkExposure(host, options.token);
    const registry = new ModelRegistry(options, options.maxQueue ?? 16);
    const context: ServerContext = {
      agent: await Agent.create({ planner: registry.planner, actor: registry.actor, functions: options.functions }),
      functions: options.functions,
      registry,
      sessions: new SessionStore({ ttlMs: options.sessionTtlMs, maxSessions: options.maxSessions, deviceSeed: options.deviceSeed }),
      metrics: new ServerMetrics(),
      requestTimeoutMs: options.requestTimeoutMs ?? 120_000,
      evalReportPath: options.evalReportPath,
      modelFiles: options.modelFiles ?? {},
    };
    const app = Fastify({ logger: false, bodyLimit: options.bodyLimit ?? 64 * 1024, requestTimeout: 30_000 });
    installHooks(app, context, options.token);
    registerInfoRoutes(app, context, loadStaticFiles(options.webRoot));
    registerAgentRoutes(app, context);
    registerChatRoutes(app, context);
    await app.listen({ host, port: options.port ?? 8080 });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : options.port;
    const urlHost = host.includes(":") ? `[${host}]` : host;
    return new OctoplanServer(app, `http://${urlHost}:${port}`, context, options.onClose);
  }

  /** Stops listening (open streams are cut) and runs onClose; idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.app.server.closeAllConnections();
    await this.app.close();
    await this.onClose?.();
  }
}

function installHooks(app: FastifyInstance, context: ServerContext, token: string | undefined): void {
  app.addHook("onRequest", async (request, reply) => {
    const started = performance.now();
    // "close" fires for finished, hijacked (SSE) and abandoned responses alike.
    reply.raw.once("close", () => {
      const route = request.routeOptions.url ?? "(unknown route)";
      const status = reply.raw.writableFinished ? reply.raw.statusCode : 499;
      context.metrics.record(`${request.method} ${route}`, status, performance.now() - started);
    });
    if (token && needsToken(request.url)) checkAuthorization(request.headers.authorization, token);
  });

  app.setNotFoundHandler((request, reply) => {
    const error = new HttpError(404, `no route ${request.method} ${request.url.split("?")[0]}`, {
      code: "not_found",
      hint: "routes: POST /v1/plan, POST /v1/run, GET /v1/functions, GET /v1/state, POST /v1/chat/completions, GET /v1/models, GET /health, GET /metrics",
    });
    void reply.code(404).send(error.toJSON());
  });

  app.setErrorHandler((error: FastifyError | Error, _request, reply) => {
    const httpError = toHttpError(error);
    for (const [name, value] of Object.entries(httpError.details.headers ?? {})) void reply.header(name, value);
    void reply.code(httpError.status).send(httpError.toJSON());
  });
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.code === "FST_ERR_CTP_INVALID_JSON_BODY" || (fastifyError.statusCode === 400 && /JSON/i.test(fastifyError.message ?? ""))) {
    return new HttpError(400, `malformed JSON body: ${fastifyError.message}`, { code: "invalid_json", param: "(body)", hint: "send a valid JSON object" });
  }
  if (typeof fastifyError.statusCode === "number" && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new HttpError(fastifyError.statusCode, fastifyError.message ?? "bad request", { code: fastifyError.code?.toLowerCase() });
  }
  if (error instanceof InputError) return new HttpError(400, error.message, { hint: error.hint });
  if (error instanceof OctoplanError) return new HttpError(500, error.message, { hint: error.hint });
  return new HttpError(500, error instanceof Error ? error.message : String(error), { code: "internal_error" });
}
