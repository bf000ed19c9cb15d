// The shapes and named errors of ChatClient (chat-client.ts), apart so that callers and tests can import
// them without the client, and so that the client file holds only the request logic.
import { OctoplanError } from "../errors.js";

export interface ChatMessage { role: "system" | "user" | "assistant"; content: string }

export interface ChatClientOptions {
  baseURL: string;
  model: string;
  /** The key itself; wins over apiKeyEnv. */
  apiKey?: string;
  /** Name of the environment variable holding the key (e.g. OPENAI_API_KEY). */
  apiKeyEnv?: string;
  concurrency?: number;            // default 4
  requestsPerMinute?: number;      // default: unlimited
  maxRetries?: number;             // retries after the first attempt, default 5
  timeoutMs?: number;              // per request, default 60 s
  backoffBaseMs?: number;          // first backoff, default 500 ms, doubled per retry
  backoffMaxMs?: number;           // cap for computed backoff and for Retry-After, default 60 s
  /** "json_object" (default) asks for JSON mode; "none" for servers without response_format. */
  responseFormat?: "json_object" | "none";
  random?: () => number;           // jitter source, injectable for tests
}

export interface ChatCallOptions {
  /** Ask for JSON mode (response_format json_object, unless the client says "none"). */
  json?: boolean;
  temperature?: number;
  maxTokens?: number;
  seed?: number;
  signal?: AbortSignal;
  /** Function tools (OpenAI format, e.g. FunctionSet.toOpenAITools()) and whether a call is required. */
  tools?: ChatTool[];
  toolChoice?: "auto" | "required" | "none";
}

export interface ChatTool { type: "function"; function: { name: string; description?: string; parameters?: Record<string, unknown> } }

/** A tool call from the reply; `arguments` is the model's raw JSON text, for the caller to validate. */
export interface ChatToolCall { name: string; arguments: string }

export interface ChatReply {
  text: string;
  promptTokens: number;
  completionTokens: number;
  finishReason: string | null;
  toolCalls: ChatToolCall[];
}

export interface ChatUsage {
  requests: number;         // HTTP requests sent, retries and repairs included
  promptTokens: number;
  completionTokens: number;
  retries: number;          // attempts repeated after 429/5xx/timeout/connection errors
  repairs: number;          // malformed replies sent back to the model once
  malformedSkipped: number; // calls that stayed malformed after the repair
}

/** A request the server refused for good (400, 401, 404…): retrying would not help. */
export class ChatRequestError extends OctoplanError {
  constructor(readonly status: number | undefined, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options);
  }
}

/** Every retry failed with a transient error. */
export class ChatRetriesExhaustedError extends OctoplanError {}

/** The reply was not the JSON asked for, even after one repair round. */
export class MalformedReplyError extends OctoplanError {
  constructor(message: string, readonly reply: string) {
    super(message, { hint: "The model keeps answering outside the JSON format; try a stronger model or a lower temperature." });
  }
}
