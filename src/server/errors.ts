// HTTP-facing errors. Every error the server sends has the OpenAI shape
// `{ error: { message, type, param, code, hint } }`, so OpenAI clients (and ChatClient) read the
// message; `param` names the offending field for 400s.
import { OctoplanError } from "../errors.js";

export class HttpError extends OctoplanError {
  constructor(
    readonly status: number,
    message: string,
    readonly details: { code?: string; param?: string; hint?: string; headers?: Record<string, string> } = {},
  ) {
    super(message, { hint: details.hint });
  }

  toJSON(): { error: { message: string; type: string; param: string | null; code: string | null; hint?: string } } {
    return {
      error: {
        message: this.message,
        type: errorType(this.status),
        param: this.details.param ?? null,
        code: this.details.code ?? null,
        ...(this.hint === undefined ? {} : { hint: this.hint }),
      },
    };
  }
}

/** A model's queue is full: 503 with Retry-After (seconds). */
export class QueueFullError extends HttpError {
  constructor(model: string, queued: number, retryAfterSeconds: number) {
    super(503, `model '${model}' is busy: ${queued} requests already waiting`, {
      code: "queue_full",
      hint: `retry after ${retryAfterSeconds} s, or start the server with a larger --max-queue`,
      headers: { "retry-after": String(retryAfterSeconds) },
    });
  }
}

/** The request ran longer than the server's per-request timeout. */
export class RequestTimeoutError extends HttpError {
  constructor(timeoutMs: number) {
    super(504, `request timed out after ${timeoutMs} ms`, { code: "timeout", hint: "raise --request-timeout or ask for fewer tokens" });
  }
}

function errorType(status: number): string {
  if (status === 401) return "authentication_error";
  if (status === 404) return "not_found_error";
  if (status === 503) return "overloaded_error";
  if (status >= 500) return "server_error";
  return "invalid_request_error";
}
