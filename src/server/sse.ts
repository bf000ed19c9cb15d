// Server-sent events on a raw Node response: `event:` + `data:` per message, written as they
// happen. `closed` tells whether the client went away (the request's AbortSignal fires then too).
import type { ServerResponse } from "node:http";

export class EventStream {
  constructor(private readonly response: ServerResponse) {}

  static open(response: ServerResponse, headers: Record<string, string> = {}): EventStream {
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
      ...headers,
    });
    response.flushHeaders();
    return new EventStream(response);
  }

  get closed(): boolean {
    return this.response.destroyed || this.response.writableEnded;
  }

  /** A named event (`event: plan`) with JSON data, or a bare data line when `event` is undefined. */
  send(event: string | undefined, data: unknown): void {
    if (this.closed) return;
    const payload = typeof data === "string" ? data : JSON.stringify(data);
    this.response.write(`${event === undefined ? "" : `event: ${event}\n`}data: ${payload}\n\n`);
  }

  end(): void {
    if (!this.closed) this.response.end();
  }
}
