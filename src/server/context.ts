// What every route shares, and the per-request AbortSignal: it fires when the client disconnects
// (so queued or running work stops and frees its model's slot) or when the request timeout passes
// (its reason is then a RequestTimeoutError, answered as 504 or as an SSE `error` event).
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Agent } from "../agent/index.js";
import type { FunctionSet } from "../functions/index.js";
import { HttpError, RequestTimeoutError } from "./errors.js";
import type { ServerMetrics } from "./metrics.js";
import type { ModelRegistry } from "./models.js";
import type { SessionStore } from "./sessions.js";

export interface ServerContext {
  agent: Agent;
  functions: FunctionSet;
  registry: ModelRegistry;
  sessions: SessionStore;
  metrics: ServerMetrics;
  requestTimeoutMs: number;
  evalReportPath?: string;
  /** Names and files of the loaded models, for /health and the CLI's banner. */
  modelFiles: Record<string, string>;
}

export class ClientClosedError extends HttpError {
  constructor() {
    super(499, "the client closed the connection", { code: "client_closed" });
  }
}

export function requestSignal(reply: FastifyReply, timeoutMs: number): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new RequestTimeoutError(timeoutMs)), timeoutMs);
  timer.unref();
  const onClose = () => {
    if (!reply.raw.writableFinished) controller.abort(new ClientClosedError());
  };
  reply.raw.on("close", onClose);
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      reply.raw.off("close", onClose);
    },
  };
}

/**
 * Serves one request with its AbortSignal: an error thrown is answered as errorFor says (the timeout or the
 * client's disconnect when the signal fired), and the signal's timer and listener are released either way.
 */
export async function withRequestSignal<T>(reply: FastifyReply, timeoutMs: number, serve: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const { signal, dispose } = requestSignal(reply, timeoutMs);
  try {
    return await serve(signal);
  } catch (error) {
    throw errorFor(error, signal);
  } finally {
    dispose();
  }
}

/** The session id from the body field or the `x-session-id` header (the body wins). */
export function sessionIdOf(request: FastifyRequest, bodyValue?: string): string | undefined {
  const header = request.headers["x-session-id"];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.sessionId;
  return bodyValue ?? (typeof fromQuery === "string" ? fromQuery : undefined) ?? fromHeader;
}

/** The error to answer for an exception thrown while serving: the signal's reason when it fired. */
export function errorFor(error: unknown, signal: AbortSignal): unknown {
  return signal.aborted && signal.reason instanceof HttpError ? signal.reason : error;
}
