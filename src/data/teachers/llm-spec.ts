// The LLM teacher from the command line's spec ("openai:MODEL"): the endpoint, the key variable and the model name
// become a ChatClient, the remaining options go to LlmTeacher. Kept apart from llm.ts so that the generation stages
// read on their own; the CLI loads this file only when an LLM teacher is asked for.
import { InputError } from "../../errors.js";
import { ChatClient, type ChatClientOptions } from "../../util/chat-client.js";
import { LlmTeacher, type LlmTeacherOptions } from "./llm.js";

export interface LlmTeacherSpecOptions extends Omit<ChatClientOptions, "model" | "baseURL">, Omit<LlmTeacherOptions, "client"> {
  baseURL?: string;
}

export const DEFAULT_BASE_URL = "https://api.openai.com/v1";
export const DEFAULT_API_KEY_ENV = "OPENAI_API_KEY";

/** Builds the teacher for a CLI spec "openai:MODEL" (the model name may itself contain ':', as Ollama's do). */
export function createLlmTeacher(spec: string, options: LlmTeacherSpecOptions = {}): LlmTeacher {
  const match = /^openai:(.+)$/.exec(spec);
  if (!match) throw new InputError(`unknown LLM teacher '${spec}'`, { hint: "Write it as openai:MODEL, e.g. --teacher openai:gpt-4o or --teacher openai:qwen2.5:7b for Ollama." });
  const { validate, requestsPerPrompt, temperature, planTemperature, lookahead, maxDropsInARow, ...clientOptions } = options;
  const baseURL = options.baseURL ?? DEFAULT_BASE_URL;
  // A named variable must be set; OPENAI_API_KEY is only required by OpenAI itself, since local
  // servers (llama.cpp, vLLM, Ollama) accept any key.
  const keyFromDefault = options.apiKey === undefined && options.apiKeyEnv === undefined
    && (process.env[DEFAULT_API_KEY_ENV] !== undefined || baseURL === DEFAULT_BASE_URL);
  const client = ChatClient.create({
    ...clientOptions,
    model: match[1]!,
    baseURL,
    apiKeyEnv: keyFromDefault ? DEFAULT_API_KEY_ENV : options.apiKeyEnv,
  });
  return LlmTeacher.create({ client, validate, requestsPerPrompt, temperature, planTemperature, lookahead, maxDropsInARow });
}
