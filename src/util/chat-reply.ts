// Pure helpers of ChatClient (chat-client.ts): reading a JSON reply against a zod schema, which errors are
// worth a retry, Retry-After headers, and an abortable sleep. No network here.
import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import type { z } from "zod";

/** Finds the JSON object in a reply (tolerating ``` fences and chatter around it) and validates it. */
export function parseJsonReply<T>(text: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; error: string } {
  const unfenced = text.replace(/```(?:json)?/gi, "");
  const start = unfenced.indexOf("{");
  const end = unfenced.lastIndexOf("}");
  if (start < 0) return { ok: false, error: "the reply contains no JSON object" };
  let value: unknown;
  try {
    value = JSON.parse(end > start ? unfenced.slice(start, end + 1) : unfenced.slice(start));
  } catch (error) {
    return { ok: false, error: `invalid JSON (${(error as Error).message})` };
  }
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  return { ok: false, error: `the JSON does not match the expected shape (${issues.join("; ")})` };
}

export function isTransient(error: unknown): boolean {
  if (error instanceof APIConnectionTimeoutError || error instanceof APIConnectionError) return true;
  if (error instanceof APIError) return error.status === 429 || error.status === 408 || (error.status ?? 0) >= 500;
  return false;
}

/** Retry-After as milliseconds: `retry-after-ms`, then `retry-after` in seconds or as an HTTP date. */
export function retryAfterFromHeaders(headers: Headers | undefined): number | undefined {
  const milliseconds = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(milliseconds)) return milliseconds;
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

export function describeError(error: unknown): string {
  if (error instanceof APIError && error.status !== undefined) return `HTTP ${error.message}`; // the SDK's message starts with the status
  return error instanceof Error ? error.message : String(error);
}

export function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

export function sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => { signal?.removeEventListener("abort", onAbort); resolve(); }, milliseconds);
    const onAbort = () => { clearTimeout(timer); reject(signal?.reason); };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
