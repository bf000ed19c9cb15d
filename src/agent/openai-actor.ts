// An alternative actor for any OpenAI-compatible server with tool calling (OpenAI, vLLM, llama.cpp's
// server): the functions go out as `tools`, `tool_choice: "required"` asks for exactly one call, and
// the returned arguments are validated with zod like every other call.
// The shared ChatClient speaks JSON mode only, so this file talks to the SDK directly; the SDK's own
// retries (2 by default) cover transient errors here.
import OpenAI from "openai";
import { OctoplanError } from "../errors.js";
import type { FunctionSet } from "../functions/index.js";
import { ActionError } from "./errors.js";
import type { ActResult, Actor } from "./types.js";

export interface OpenAIToolsActorOptions {
  baseURL: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
}

export class OpenAIToolsActor implements Actor {
  private constructor(
    private readonly client: OpenAI,
    readonly model: string,
  ) {}

  static create(options: OpenAIToolsActorOptions): OpenAIToolsActor {
    return new OpenAIToolsActor(new OpenAI({ baseURL: options.baseURL, apiKey: options.apiKey ?? "no-key", timeout: options.timeoutMs ?? 60_000 }), options.model);
  }

  async act(step: string, observation: string | undefined, functions: FunctionSet, options: { signal?: AbortSignal } = {}): Promise<ActResult> {
    const started = performance.now();
    const completion = await this.client.chat.completions.create(
      {
        model: this.model,
        temperature: 0,
        tools: functions.toOpenAITools() as OpenAI.Chat.Completions.ChatCompletionTool[],
        tool_choice: "required",
        messages: [
          { role: "system", content: "Perform the user's step with exactly one function call." },
          { role: "user", content: `Step: ${step}\nResult of the previous step: ${observation ?? "None"}` },
        ],
      },
      { signal: options.signal },
    );
    const toolCall = completion.choices[0]?.message?.tool_calls?.[0];
    const raw = toolCall && toolCall.type === "function" ? `${toolCall.function.name}(${toolCall.function.arguments})` : (completion.choices[0]?.message?.content ?? "");
    if (!toolCall || toolCall.type !== "function") throw new ActionError(step, [raw], "the model answered without a tool call");
    let call: ActResult["call"];
    try {
      const name = toolCall.function.name;
      call = { name, arguments: functions.validate(name, JSON.parse(toolCall.function.arguments || "{}")) };
    } catch (error) {
      if (!(error instanceof OctoplanError) && !(error instanceof SyntaxError)) throw error;
      throw new ActionError(step, [raw], error.message, { cause: error });
    }
    return {
      call,
      raw,
      tokens: { prompt: completion.usage?.prompt_tokens ?? 0, completion: completion.usage?.completion_tokens ?? 0 },
      ms: performance.now() - started,
    };
  }
}
