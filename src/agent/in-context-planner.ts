// The paper's single-model baseline (figure 2, left): a general model gets every function's
// description plus planning instructions in every prompt, and answers with the steps. It runs on a
// local GGUF (decoding constrained to `{"steps": [...]}` by a JSON-Schema grammar) or on any
// OpenAI-compatible server (JSON mode through the shared ChatClient). Its prompt length is the cost
// that fine-tuning removes; `promptTokens` reports it per request.
import type { LlamaGrammar } from "node-llama-cpp";
import { z } from "zod";
import { InputError } from "../errors.js";
import type { FunctionSet } from "../functions/index.js";
import { normalizeStep } from "../plan/planner-format.js";
import { PlanFormatError } from "../plan/errors.js";
import type { ChatClient } from "../util/chat-client.js";
import { generateGreedy } from "./generate.js";
import { LocalModel } from "./llama.js";
import { renderTemplate } from "./planner.js";
import type { PlanResult, Planner } from "./types.js";

export type InContextBackend =
  | { kind: "local"; modelPath: string; promptTemplate?: string; contextSize?: number }
  | { kind: "openai"; client: ChatClient };

export interface InContextPlannerOptions {
  functions: FunctionSet;
  backend: InContextBackend;
  maxSteps?: number;
  maxTokens?: number;
}

const stepsSchema = z.object({ steps: z.array(z.string()) });

export function inContextInstructions(query: string, functions: FunctionSet, maxSteps: number): string {
  return [
    "You are the planner of a phone assistant. These functions are available:",
    functions.toDocstrings(),
    "",
    `Break the user's request into 1 to ${maxSteps} steps, in order. Each step is one short imperative sentence`,
    "that one function call can perform. Do not name the functions; describe what to do.",
    'Reply with only a JSON object: {"steps": ["first step", "second step"]}.',
    "",
    `Request: ${query}`,
  ].join("\n");
}

export class InContextPlanner implements Planner {
  private grammar?: Promise<LlamaGrammar>;

  private constructor(
    private readonly functions: FunctionSet,
    private readonly backend: InContextBackend,
    private readonly local: LocalModel | undefined,
    private readonly maxSteps: number,
    private readonly maxTokens: number,
  ) {}

  static async create(options: InContextPlannerOptions): Promise<InContextPlanner> {
    const maxSteps = options.maxSteps ?? 5;
    const local = options.backend.kind === "local"
      ? await LocalModel.load({ modelPath: options.backend.modelPath, contextSize: options.backend.contextSize ?? 4096 })
      : undefined;
    return new InContextPlanner(options.functions, options.backend, local, maxSteps, options.maxTokens ?? 256);
  }

  /** The full prompt text sent for one request (before any chat template of a remote server). */
  prompt(query: string): string {
    const instructions = inContextInstructions(query, this.functions, this.maxSteps);
    if (this.backend.kind === "local") return renderTemplate(this.backend.promptTemplate ?? "<|user|>{query}<|end|><|assistant|>", instructions);
    return instructions;
  }

  async plan(query: string, options: { signal?: AbortSignal } = {}): Promise<PlanResult> {
    const started = performance.now();
    let text: string;
    let promptTokens: number;
    let completionTokens: number;
    if (this.local) {
      this.grammar ??= this.local.llama.createGrammarForJsonSchema({
        type: "object",
        properties: { steps: { type: "array", items: { type: "string" }, minItems: 1, maxItems: this.maxSteps } },
        required: ["steps"],
      } as never) as Promise<LlamaGrammar>;
      const generation = await generateGreedy(this.local, this.prompt(query), {
        stop: [],
        maxTokens: this.maxTokens,
        grammar: await this.grammar,
        signal: options.signal,
      });
      ({ text, promptTokens, completionTokens } = generation);
    } else if (this.backend.kind === "openai") {
      const reply = await this.backend.client.chat([{ role: "user", content: this.prompt(query) }], {
        json: true,
        temperature: 0,
        maxTokens: this.maxTokens,
        signal: options.signal,
      });
      ({ text, promptTokens, completionTokens } = reply);
    } else {
      throw new InputError("in-context planner has no backend", { hint: "pass { kind: 'local', modelPath } or { kind: 'openai', client }" });
    }
    return { steps: this.parse(text), promptTokens, completionTokens, ms: performance.now() - started, raw: text };
  }

  private parse(text: string): string[] {
    let value: unknown;
    try {
      value = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1));
    } catch {
      throw new PlanFormatError(`in-context plan is not JSON: ${JSON.stringify(text.slice(0, 200))}`, { hint: 'the model must reply {"steps": [...]}' });
    }
    const parsed = stepsSchema.safeParse(value);
    if (!parsed.success) throw new PlanFormatError(`in-context plan has no "steps" list: ${JSON.stringify(text.slice(0, 200))}`, { hint: 'the model must reply {"steps": [...]}' });
    const steps = parsed.data.steps.map(normalizeStep).filter((step) => step.length > 0);
    if (steps.length === 0 || steps.length > this.maxSteps) {
      throw new PlanFormatError(`in-context plan has ${steps.length} steps; expected 1 to ${this.maxSteps}`, { hint: "a stronger model or a clearer request may help" });
    }
    return steps;
  }

  async dispose(): Promise<void> {
    await this.local?.dispose();
  }
}
