// Request bodies, validated with zod. `parseBody` turns the first issue into a 400 that names the
// field (`param`), as OpenAI does, e.g. "messages.0.role: Invalid option: expected one of …".
import { z } from "zod";
import { HttpError } from "./errors.js";

const query = z.string().trim().min(1, "must not be empty").max(2000);
const sessionId = z.string().min(1).max(64).optional();

export const planBodySchema = z.object({ query });

export const runBodySchema = z.object({
  query,
  stream: z.boolean().optional(),
  sessionId,
});

const textPart = z.object({ type: z.literal("text"), text: z.string() });

export const chatMessageSchema = z.object({
  role: z.enum(["system", "developer", "user", "assistant", "tool"]),
  content: z.union([z.string(), z.array(textPart), z.null()]),
});

export const chatBodySchema = z.object({
  model: z.string().min(1),
  messages: z.array(chatMessageSchema).min(1, "must hold at least one message"),
  stream: z.boolean().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().gt(0).max(1).nullish(),
  seed: z.number().int().nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(8)]).nullish(),
  n: z.literal(1, "only n = 1 is supported").nullish(),
  response_format: z.object({ type: z.enum(["text", "json_object", "json_schema"]) }).nullish(),
  /** llama.cpp server's extension: keep generating past end-of-generation tokens. */
  ignore_eos: z.boolean().optional(),
});

export type ChatBody = z.infer<typeof chatBodySchema>;
export type ChatMessageBody = z.infer<typeof chatMessageSchema>;

export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  if (body === undefined || body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new HttpError(400, "the request body must be a JSON object", { code: "invalid_body", hint: "send Content-Type: application/json and a JSON object" });
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join(".") || "(body)";
  throw new HttpError(400, `${field}: ${issue.message}`, { code: "invalid_field", param: field, hint: hintFor(field) });
}

function hintFor(field: string): string {
  if (field === "query") return 'send {"query": "Set an alarm for 7am"}';
  if (field.startsWith("messages")) return 'messages look like [{"role": "user", "content": "…"}]';
  if (field === "model") return "GET /v1/models lists the loaded models";
  return "see docs/SERVER.md for the request bodies";
}
