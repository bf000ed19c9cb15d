// An alternative actor for any local instruct model: the prompt lists every function's docstring,
// and decoding is constrained by a JSON-Schema grammar to `{"name": …, "arguments": {…}}`, so the
// output always parses; zod then validates the values. This is how a general model calls functions
// without Octopus' functional tokens (and why its prompts are so much longer).
import type { LlamaGrammar } from "node-llama-cpp";
import { OctoplanError } from "../errors.js";
import type { FunctionSet } from "../functions/index.js";
import { jsonCallSchema } from "./call-grammar.js";
import { ActionError } from "./errors.js";
import { generateGreedy } from "./generate.js";
import { LocalModel, type LoraFile } from "./llama.js";
import { renderTemplate } from "./planner.js";
import type { ActResult, Actor } from "./types.js";

export const DEFAULT_JSON_ACTOR_TEMPLATE = "<|user|>{query}<|end|><|assistant|>";

export interface JsonActorOptions {
  modelPath: string;
  lora?: LoraFile[];
  /** Chat template around the instructions, with a `{query}` placeholder. */
  promptTemplate?: string;
  maxTokens?: number;
  contextSize?: number;
  /** CPU threads for decoding (default: node-llama-cpp's choice, all cores). */
  threads?: number;
}

export function jsonActorInstructions(step: string, observation: string | undefined, functions: FunctionSet): string {
  return [
    "You control a phone through these functions:",
    functions.toDocstrings(),
    "",
    `Step to perform: ${step}`,
    `Result of the previous step: ${observation ?? "None"}`,
    'Reply with one JSON object {"name": <function name>, "arguments": {<parameter>: <value>}} that performs the step.',
  ].join("\n");
}

export class JsonActor implements Actor {
  private readonly grammars = new Map<string, Promise<LlamaGrammar>>();

  private constructor(
    readonly local: LocalModel,
    private readonly template: string,
    private readonly maxTokens: number,
  ) {}

  static async create(options: JsonActorOptions): Promise<JsonActor> {
    const template = options.promptTemplate ?? DEFAULT_JSON_ACTOR_TEMPLATE;
    renderTemplate(template, "");
    return new JsonActor(await LocalModel.load({ ...options, contextSize: options.contextSize ?? 4096 }), template, options.maxTokens ?? 256);
  }

  async act(step: string, observation: string | undefined, functions: FunctionSet, options: { signal?: AbortSignal } = {}): Promise<ActResult> {
    const prompt = renderTemplate(this.template, jsonActorInstructions(step, observation, functions));
    const generation = await generateGreedy(this.local, prompt, {
      stop: [],
      maxTokens: this.maxTokens,
      grammar: await this.grammarFor(functions),
      signal: options.signal,
    });
    let call: ActResult["call"];
    try {
      const parsed = JSON.parse(generation.text) as { name: string; arguments: unknown };
      call = { name: parsed.name, arguments: functions.validate(parsed.name, parsed.arguments) };
    } catch (error) {
      if (!(error instanceof OctoplanError) && !(error instanceof SyntaxError)) throw error;
      throw new ActionError(step, [generation.text], error.message, { cause: error });
    }
    return {
      call,
      raw: generation.text,
      tokens: { prompt: generation.promptTokens, completion: generation.completionTokens },
      ms: generation.ms,
    };
  }

  private grammarFor(functions: FunctionSet): Promise<LlamaGrammar> {
    const key = functions.names.join(",");
    let grammar = this.grammars.get(key);
    if (!grammar) {
      grammar = this.local.llama.createGrammarForJsonSchema(jsonCallSchema(functions) as never) as Promise<LlamaGrammar>;
      this.grammars.set(key, grammar);
    }
    return grammar;
  }

  async dispose(): Promise<void> {
    await this.local.dispose();
  }
}
