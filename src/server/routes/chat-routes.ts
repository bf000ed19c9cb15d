// The OpenAI-compatible endpoint: POST /v1/chat/completions (plain or streamed as
// `chat.completion.chunk` events ending in `data: [DONE]`) and GET /v1/models. Any loaded model
// answers (`model`: planner, actor, or an extra one such as base); requests wait in that model's
// queue. JSON mode (`response_format: json_object`) constrains decoding with llama.cpp's JSON grammar.
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { END } from "../../plan/tokens.js";
import { renderChatPrompt } from "../chat-prompt.js";
import { complete, type Completion } from "../completion.js";
import { errorFor, withRequestSignal, type ServerContext } from "../context.js";
import { HttpError } from "../errors.js";
import { chatBodySchema, parseBody, type ChatBody } from "../schemas.js";
import { EventStream } from "../sse.js";

const DEFAULT_MAX_TOKENS = 512;

export function registerChatRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get("/v1/models", async () => ({
    object: "list",
    data: context.registry.chatModelNames.map((id) => ({ id, object: "model", created: Math.floor(context.metrics.startedAt / 1000), owned_by: "octoplan" })),
  }));

  app.post("/v1/chat/completions", async (request, reply) => {
    const body = parseBody(chatBodySchema, request.body);
    const model = context.registry.chat(body.model);
    model.queue.admit();
    const id = `chatcmpl-${randomUUID()}`;
    const created = Math.floor(Date.now() / 1000);
    const chunk = (delta: Record<string, unknown>, finishReason: string | null) => ({
      id, object: "chat.completion.chunk", created, model: body.model, choices: [{ index: 0, delta, finish_reason: finishReason }],
    });
    return withRequestSignal(reply, context.requestTimeoutMs, async (signal) => {
      const run = (onText?: (piece: string) => void) =>
        model.queue.run(() => complete(model.local, renderChatPrompt(body.messages), { ...completionOptions(body), signal, onText }), signal);
      if (!body.stream) {
        const result = await run();
        return {
          id, object: "chat.completion", created, model: body.model,
          choices: [{ index: 0, message: { role: "assistant", content: result.text }, finish_reason: result.finishReason, logprobs: null }],
          usage: usage(result),
        };
      }
      reply.hijack();
      const stream = EventStream.open(reply.raw);
      stream.send(undefined, chunk({ role: "assistant", content: "" }, null));
      try {
        const result = await run((piece) => stream.send(undefined, chunk({ content: piece }, null)));
        stream.send(undefined, chunk({}, result.finishReason));
        if (body.stream_options?.include_usage) stream.send(undefined, { id, object: "chat.completion.chunk", created, model: body.model, choices: [], usage: usage(result) });
        stream.send(undefined, "[DONE]");
      } catch (error) {
        const reason = errorFor(error, signal);
        // Mid-stream errors arrive as an `error` object, as OpenAI's own streams send them.
        if (!stream.closed) stream.send(undefined, reason instanceof HttpError ? reason.toJSON() : { error: { message: (reason as Error).message, type: "server_error" } });
      }
      stream.end();
      return reply;
    });
  });
}

function completionOptions(body: ChatBody) {
  const stop = body.stop === undefined || body.stop === null ? [] : typeof body.stop === "string" ? [body.stop] : body.stop;
  return {
    maxTokens: body.max_completion_tokens ?? body.max_tokens ?? DEFAULT_MAX_TOKENS,
    stop: body.ignore_eos ? stop : [END, ...stop],
    // OpenAI's default temperature is 1; a client that wants repeatable output sends 0.
    temperature: body.temperature ?? 1,
    topP: body.top_p ?? undefined,
    seed: body.seed ?? undefined,
    json: body.response_format?.type === "json_object" || body.response_format?.type === "json_schema",
    ignoreEos: body.ignore_eos ?? false,
  };
}

function usage(result: Completion) {
  return { prompt_tokens: result.promptTokens, completion_tokens: result.completionTokens, total_tokens: result.promptTokens + result.completionTokens };
}
