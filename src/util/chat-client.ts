// A small JSON-mode client for any OpenAI-compatible chat-completions endpoint (OpenAI, vLLM,
// llama.cpp's server, Ollama's /v1). It is shared by the LLM teacher, the LLM judge, the
// in-context planner and the OpenAI actor, so it owns every robustness concern in one place:
//   - at most `concurrency` requests in flight and at most `requestsPerMinute` started per minute;
//   - retries with exponential backoff + jitter on 429 (Retry-After honoured), 5xx, timeouts and
//     dropped connections; other 4xx fail at once with a hint;
//   - a reply that is not the JSON we asked for is repaired once (the model sees its parse error),
//     then the call fails with MalformedReplyError and the skip is counted;
//   - token usage is summed over every request, repairs included.
// Tool calls are passed through (`tools`, `toolChoice` → `toolCalls`) for actors that use them.
// Deliberately left out: streaming (callers here want whole replies) and the SDK's own retries
// (maxRetries: 0), so that backoff and counting are ours and testable.
import OpenAI, { APIError, APIUserAbortError } from "openai";
import type { z } from "zod";
import { InputError, OctoplanError } from "../errors.js";
import { describeError, isTransient, parseJsonReply, retryAfterFromHeaders, sleep, withoutUndefined } from "./chat-reply.js";
import {
  ChatRequestError, ChatRetriesExhaustedError, MalformedReplyError,
  type ChatCallOptions, type ChatClientOptions, type ChatMessage, type ChatReply, type ChatUsage,
} from "./chat-types.js";

export * from "./chat-types.js";
export { parseJsonReply, retryAfterFromHeaders } from "./chat-reply.js";

const DEFAULTS = { concurrency: 4, maxRetries: 5, timeoutMs: 60_000, backoffBaseMs: 500, backoffMaxMs: 60_000 };

export class ChatClient {
  readonly model: string;
  readonly baseURL: string;
  private readonly openai: OpenAI;
  private readonly settings: Required<Omit<ChatClientOptions, "apiKey" | "apiKeyEnv" | "requestsPerMinute">> & { requestsPerMinute?: number };
  private readonly totals: ChatUsage = { requests: 0, promptTokens: 0, completionTokens: 0, retries: 0, repairs: 0, malformedSkipped: 0 };
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private nextStartAt = 0;

  private constructor(options: ChatClientOptions, apiKey: string) {
    this.model = options.model;
    this.baseURL = options.baseURL;
    this.settings = { ...DEFAULTS, responseFormat: "json_object", random: Math.random, ...withoutUndefined(options) } as ChatClient["settings"];
    if (!(this.settings.concurrency >= 1)) throw new InputError(`concurrency must be at least 1 (got ${this.settings.concurrency})`, { hint: "Pass --concurrency 1 or more." });
    this.openai = new OpenAI({ baseURL: options.baseURL, apiKey, maxRetries: 0, timeout: this.settings.timeoutMs });
  }

  static create(options: ChatClientOptions): ChatClient {
    if (!options.baseURL) throw new InputError("no base URL for the chat API", { hint: "Pass --base-url, e.g. https://api.openai.com/v1 or http://127.0.0.1:8080/v1." });
    if (!options.model) throw new InputError("no model name for the chat API", { hint: "Name it after the teacher, e.g. --teacher openai:gpt-4o." });
    let apiKey = options.apiKey;
    if (apiKey === undefined && options.apiKeyEnv) {
      apiKey = process.env[options.apiKeyEnv];
      if (!apiKey) throw new InputError(`environment variable ${options.apiKeyEnv} is not set`, { hint: `export ${options.apiKeyEnv}=<your key> (local servers accept any non-empty value).` });
    }
    // Local servers (llama.cpp, vLLM, Ollama) ignore the key, but the SDK insists on one.
    return new ChatClient(options, apiKey ?? "no-key");
  }

  /** Totals so far (a copy). */
  get usage(): ChatUsage { return { ...this.totals }; }

  /**
   * Asks for a JSON object and validates it with `schema`. A malformed reply is shown back to the
   * model once with its error; if the second reply is malformed too, MalformedReplyError is thrown.
   */
  async completeJson<T>(messages: ChatMessage[], schema: z.ZodType<T>, options: ChatCallOptions = {}): Promise<T> {
    const jsonOptions = { ...options, json: true };
    const first = (await this.chat(messages, jsonOptions)).text;
    const firstParse = parseJsonReply(first, schema);
    if (firstParse.ok) return firstParse.value;
    this.totals.repairs++;
    const repairMessages: ChatMessage[] = [
      ...messages,
      { role: "assistant", content: first },
      { role: "user", content: `Your reply could not be used: ${firstParse.error}\nReply again with only the corrected JSON object, nothing else.` },
    ];
    const second = (await this.chat(repairMessages, jsonOptions)).text;
    const secondParse = parseJsonReply(second, schema);
    if (secondParse.ok) return secondParse.value;
    this.totals.malformedSkipped++;
    throw new MalformedReplyError(`malformed reply from ${this.model} after one repair: ${secondParse.error}`, second);
  }

  /** One chat completion with retries; returns the assistant's text. */
  async completeText(messages: ChatMessage[], options: ChatCallOptions = {}): Promise<string> {
    return (await this.chat(messages, options)).text;
  }

  /** One chat completion with retries, with this call's token counts. */
  async chat(messages: ChatMessage[], options: ChatCallOptions = {}): Promise<ChatReply> {
    for (let attempt = 0; ; attempt++) {
      let failure: unknown;
      let retryAfterMs: number | undefined;
      await this.acquire(options.signal);
      try {
        await this.waitForRateSlot(options.signal);
        this.totals.requests++;
        return await this.send(messages, options);
      } catch (error) {
        if (error instanceof APIUserAbortError || options.signal?.aborted) throw error;
        if (!isTransient(error)) throw this.permanentError(error);
        failure = error;
        retryAfterMs = error instanceof APIError ? retryAfterFromHeaders(error.headers) : undefined;
      } finally {
        this.release();
      }
      if (attempt >= this.settings.maxRetries) {
        throw new ChatRetriesExhaustedError(`chat request to ${this.baseURL} failed ${attempt + 1} times: ${describeError(failure)}`, {
          hint: "The server is overloaded or unreachable; lower --concurrency, set a requests-per-minute limit, or try again later.",
          cause: failure,
        });
      }
      this.totals.retries++;
      await sleep(this.backoffMs(attempt, retryAfterMs), options.signal);
    }
  }

  /** One HTTP request. The SDK never removes the abort listener it adds to the signal it is given,
   *  so it gets a per-request signal linked to the caller's, unlinked afterwards (no listener leak). */
  private async send(messages: ChatMessage[], options: ChatCallOptions): Promise<ChatReply> {
    const request = new AbortController();
    const forward = () => request.abort(options.signal?.reason);
    options.signal?.addEventListener("abort", forward, { once: true });
    try {
      options.signal?.throwIfAborted();
      const completion = await this.openai.chat.completions.create({
        model: this.model,
        messages,
        ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
        ...(options.maxTokens === undefined ? {} : { max_tokens: options.maxTokens }),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(options.json && this.settings.responseFormat === "json_object" ? { response_format: { type: "json_object" as const } } : {}),
        ...(options.tools ? { tools: options.tools } : {}),
        ...(options.toolChoice ? { tool_choice: options.toolChoice } : {}),
      }, { signal: request.signal, timeout: this.settings.timeoutMs });
      const promptTokens = completion.usage?.prompt_tokens ?? 0;
      const completionTokens = completion.usage?.completion_tokens ?? 0;
      this.totals.promptTokens += promptTokens;
      this.totals.completionTokens += completionTokens;
      const choice = completion.choices?.[0];
      const toolCalls = (choice?.message?.tool_calls ?? []).flatMap((call) => (call.type === "function" ? [{ name: call.function.name, arguments: call.function.arguments }] : []));
      return { text: choice?.message?.content ?? "", promptTokens, completionTokens, finishReason: choice?.finish_reason ?? null, toolCalls };
    } finally {
      options.signal?.removeEventListener("abort", forward);
    }
  }

  /** Exponential backoff with "equal jitter" (half fixed, half random); a server's Retry-After replaces it, capped. */
  backoffMs(attempt: number, retryAfterMs?: number): number {
    const exponential = Math.min(this.settings.backoffMaxMs, this.settings.backoffBaseMs * 2 ** attempt);
    const jittered = exponential / 2 + (exponential / 2) * this.settings.random();
    return retryAfterMs === undefined ? jittered : Math.min(this.settings.backoffMaxMs, Math.max(retryAfterMs, 0));
  }

  private permanentError(error: unknown): OctoplanError {
    if (error instanceof OctoplanError) return error;
    const status = error instanceof APIError ? error.status : undefined;
    const hints: Record<number, string> = {
      401: "The server rejected the API key; check the variable named by --api-key-env.",
      403: "The key has no access to this model or endpoint.",
      404: `Check that --base-url ends in /v1 and that model '${this.model}' exists on the server.`,
      400: "The server refused the request; some servers lack JSON mode (response_format) or seeds.",
    };
    return new ChatRequestError(status, `chat request to ${this.baseURL} failed: ${describeError(error)}`, {
      hint: (status !== undefined && hints[status]) || "See the server's logs for details.",
      cause: error,
    });
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    while (this.active >= this.settings.concurrency) {
      signal?.throwIfAborted();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active++;
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.();
  }

  /** Spaces request starts evenly: 60 000 / requestsPerMinute ms apart. */
  private async waitForRateSlot(signal?: AbortSignal): Promise<void> {
    const perMinute = this.settings.requestsPerMinute;
    if (!perMinute || perMinute <= 0) return;
    const now = Date.now();
    const startAt = Math.max(now, this.nextStartAt);
    this.nextStartAt = startAt + 60_000 / perMinute;
    if (startAt > now) await sleep(startAt - now, signal);
  }
}
