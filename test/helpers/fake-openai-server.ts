// A real HTTP server on 127.0.0.1 (ephemeral port) that speaks enough of the OpenAI chat
// protocol for our clients: POST /v1/chat/completions, non-streaming and `stream: true` (SSE),
// plus GET /v1/models. Replies are scripted: a queue of replies is served first, then the
// handler (a function of the request) answers. Faults are replies too: HTTP errors with
// Retry-After, malformed JSON, slow replies that outlive a client's timeout.
// Every request is recorded, and the server tracks how many are in flight at once.
//
//   const server = await FakeOpenAIServer.start({ handler: (request) => reply.json({ ok: true }) });
//   server.enqueue(reply.rateLimited(1), reply.serverError());
//   … new OpenAI({ baseURL: server.url, apiKey: "x" }) …
//   expect(server.requests).toHaveLength(3); expect(server.maxInFlight).toBeLessThanOrEqual(4);
//   await server.close();
//
// Left out on purpose: embeddings, the Responses API, authentication checks beyond recording headers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeMessage { role: string; content: string | null; [key: string]: unknown }

export interface RecordedRequest {
  index: number;
  /** Date.now() when the body had arrived. */
  receivedAt: number;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, any>;
  model: string;
  messages: FakeMessage[];
  stream: boolean;
  /** The last user message, the usual thing a handler looks at. */
  lastUserMessage: string;
}

export interface FakeToolCall { name: string; arguments: Record<string, unknown> | string }

export type FakeReply =
  | { kind: "content"; content: string; toolCalls?: FakeToolCall[]; finishReason?: string;
      usage?: { prompt_tokens: number; completion_tokens: number }; delayMs?: number }
  | { kind: "error"; status: number; message: string; headers?: Record<string, string>; delayMs?: number }
  /** Never answers (until the client gives up or the server closes): a timeout. */
  | { kind: "hang" };

export type FakeHandler = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;

/** Builders for the replies tests need most. */
export const reply = {
  text: (content: string, extra: Partial<Extract<FakeReply, { kind: "content" }>> = {}): FakeReply => ({ kind: "content", content, ...extra }),
  json: (value: unknown, extra: Partial<Extract<FakeReply, { kind: "content" }>> = {}): FakeReply => ({ kind: "content", content: JSON.stringify(value), ...extra }),
  toolCalls: (toolCalls: FakeToolCall[]): FakeReply => ({ kind: "content", content: "", toolCalls, finishReason: "tool_calls" }),
  /** 429 with Retry-After in seconds (fractions allowed; also sent as retry-after-ms). */
  rateLimited: (retryAfterSeconds = 0): FakeReply => ({
    kind: "error", status: 429, message: "Rate limit reached",
    headers: { "retry-after": String(retryAfterSeconds), "retry-after-ms": String(Math.round(retryAfterSeconds * 1000)) },
  }),
  serverError: (status = 500): FakeReply => ({ kind: "error", status, message: "The server had an error" }),
  error: (status: number, message: string): FakeReply => ({ kind: "error", status, message }),
  /** A reply whose content is not valid JSON. */
  malformed: (content = '{"requests": ["unterminated'): FakeReply => ({ kind: "content", content }),
  slow: (delayMs: number, inner: FakeReply): FakeReply => (inner.kind === "hang" ? inner : { ...inner, delayMs }),
  hang: (): FakeReply => ({ kind: "hang" }),
};

export class FakeOpenAIServer {
  readonly requests: RecordedRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private readonly queue: FakeReply[] = [];
  private readonly pending = new Set<ServerResponse>();

  private constructor(private readonly server: Server, readonly port: number, private handler: FakeHandler | undefined) {}

  static async start(options: { handler?: FakeHandler; queue?: FakeReply[] } = {}): Promise<FakeOpenAIServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const instance = new FakeOpenAIServer(server, (server.address() as AddressInfo).port, options.handler);
    server.on("request", (request: IncomingMessage, response: ServerResponse) => void instance.serve(request, response));
    instance.enqueue(...(options.queue ?? []));
    return instance;
  }

  /** Base URL to give a client, ending in /v1. */
  get url(): string { return `http://127.0.0.1:${this.port}/v1`; }

  enqueue(...replies: FakeReply[]): void { this.queue.push(...replies); }
  setHandler(handler: FakeHandler): void { this.handler = handler; }

  async close(): Promise<void> {
    for (const response of this.pending) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? "/").split("?")[0]!;
    if (request.method === "GET" && path === "/v1/models") {
      return sendJson(response, 200, { object: "list", data: [{ id: "fake-model", object: "model", owned_by: "octoplan-tests" }] });
    }
    if (request.method !== "POST" || path !== "/v1/chat/completions") {
      return sendJson(response, 404, { error: { message: `no route ${request.method} ${path}`, type: "invalid_request_error" } });
    }
    const raw = await readBody(request);
    let body: Record<string, any>;
    try {
      body = JSON.parse(raw) as Record<string, any>;
    } catch {
      return sendJson(response, 400, { error: { message: "request body is not JSON", type: "invalid_request_error" } });
    }
    const messages = Array.isArray(body.messages) ? (body.messages as FakeMessage[]) : [];
    const recorded: RecordedRequest = {
      index: this.requests.length, receivedAt: Date.now(), method: request.method, path, headers: request.headers, body,
      model: String(body.model ?? ""), messages, stream: body.stream === true,
      lastUserMessage: [...messages].reverse().find((message) => message.role === "user")?.content ?? "",
    };
    this.requests.push(recorded);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.pending.add(response);
    let finished = false;
    const done = () => { if (!finished) { finished = true; this.inFlight--; this.pending.delete(response); } };
    response.on("close", done);
    try {
      const next = this.queue.shift() ?? (this.handler ? await this.handler(recorded) : reply.error(500, "fake server: no scripted reply left"));
      if (next.kind === "hang") return; // the client's timeout (or close()) ends it
      if (next.delayMs) await waitUnlessClosed(next.delayMs, response);
      if (response.destroyed) return;
      if (next.kind === "error") {
        return sendJson(response, next.status, { error: { message: next.message, type: next.status === 429 ? "rate_limit_error" : "server_error" } }, next.headers);
      }
      if (recorded.stream) return sendStream(response, recorded, next);
      return sendJson(response, 200, completionBody(recorded, next));
    } catch (error) {
      sendJson(response, 500, { error: { message: `fake server handler threw: ${(error as Error).message}`, type: "server_error" } });
    }
  }
}

function usageOf(request: RecordedRequest, reply: Extract<FakeReply, { kind: "content" }>) {
  // Deterministic stand-in token counts: about four characters a token.
  const promptTokens = reply.usage?.prompt_tokens ?? Math.ceil(JSON.stringify(request.messages).length / 4);
  const completionTokens = reply.usage?.completion_tokens ?? Math.ceil(reply.content.length / 4);
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

function toolCallsOf(reply: Extract<FakeReply, { kind: "content" }>) {
  return reply.toolCalls?.map((call, index) => ({
    id: `call_${index}`, type: "function" as const,
    function: { name: call.name, arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments) },
  }));
}

function completionBody(request: RecordedRequest, reply: Extract<FakeReply, { kind: "content" }>) {
  const toolCalls = toolCallsOf(reply);
  return {
    id: `chatcmpl-fake-${request.index}`, object: "chat.completion", created: 1_700_000_000, model: request.model,
    choices: [{
      index: 0, logprobs: null, finish_reason: reply.finishReason ?? "stop",
      message: { role: "assistant", content: reply.content, refusal: null, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
    }],
    usage: usageOf(request, reply),
  };
}

/** SSE: content in a few chunks, tool calls in one delta each, the finish reason, usage if asked, [DONE]. */
function sendStream(response: ServerResponse, request: RecordedRequest, reply: Extract<FakeReply, { kind: "content" }>): void {
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => response.write(`data: ${JSON.stringify({
    id: `chatcmpl-fake-${request.index}`, object: "chat.completion.chunk", created: 1_700_000_000, model: request.model, choices, ...extra,
  })}\n\n`);
  chunk([{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }]);
  const pieceLength = Math.max(1, Math.ceil(reply.content.length / 4));
  for (let start = 0; start < reply.content.length; start += pieceLength) {
    chunk([{ index: 0, delta: { content: reply.content.slice(start, start + pieceLength) }, finish_reason: null }]);
  }
  toolCallsOf(reply)?.forEach((call, index) => chunk([{ index: 0, delta: { tool_calls: [{ index, ...call }] }, finish_reason: null }]));
  chunk([{ index: 0, delta: {}, finish_reason: reply.finishReason ?? "stop" }]);
  if (request.body.stream_options?.include_usage) chunk([], { usage: usageOf(request, reply) });
  response.end("data: [DONE]\n\n");
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.destroyed) return;
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function waitUnlessClosed(milliseconds: number, response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, milliseconds);
    response.once("close", () => { clearTimeout(timer); resolve(); });
  });
}
