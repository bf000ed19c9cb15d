// The fine-tuned planner (Octo-planner): one forward pass over `<|user|>{query}<|end|><|assistant|>`,
// greedy decoding until `<|end|>` (or EOS), split on `<nexa_split>`, at most maxSteps steps. The
// function descriptions are not in the prompt: the model internalised them in training (paper, 3.1).
// A prompt template with `{query}` serves instruct bases whose chat format differs.
import { InputError } from "../errors.js";
import { parsePlanCompletion, plannerPrompt } from "../plan/index.js";
import { END } from "../plan/tokens.js";
import { generateGreedy } from "./generate.js";
import { LocalModel, type LoraFile } from "./llama.js";
import type { PlanResult, Planner } from "./types.js";

export interface LlamaPlannerOptions {
  modelPath: string;
  lora?: LoraFile[];
  /** Prompt with a `{query}` placeholder; defaults to the paper's `<|user|>{query}<|end|><|assistant|>`. */
  promptTemplate?: string;
  /** Strings that end the plan; defaults to `<|end|>`. EOS always ends it. */
  stop?: string[];
  maxSteps?: number;
  maxTokens?: number;
  contextSize?: number;
  /** CPU threads for decoding (default: node-llama-cpp's choice, all cores). */
  threads?: number;
}

export function renderTemplate(template: string, query: string): string {
  if (!template.includes("{query}")) {
    throw new InputError(`prompt template has no {query} placeholder: ${JSON.stringify(template)}`, {
      hint: "for example --prompt-template '<|user|>{query}<|end|><|assistant|>'",
    });
  }
  return template.split("{query}").join(query);
}

export class LlamaPlanner implements Planner {
  private constructor(
    readonly local: LocalModel,
    private readonly options: Required<Omit<LlamaPlannerOptions, "lora" | "contextSize" | "promptTemplate" | "threads">> & {
      promptTemplate?: string;
    },
  ) {}

  static async create(options: LlamaPlannerOptions): Promise<LlamaPlanner> {
    if (options.promptTemplate !== undefined) renderTemplate(options.promptTemplate, "");
    const local = await LocalModel.load(options);
    return new LlamaPlanner(local, {
      modelPath: options.modelPath,
      promptTemplate: options.promptTemplate,
      stop: options.stop ?? [END],
      maxSteps: options.maxSteps ?? 5,
      maxTokens: options.maxTokens ?? 256,
    });
  }

  prompt(query: string): string {
    return this.options.promptTemplate === undefined ? plannerPrompt(query) : renderTemplate(this.options.promptTemplate, query);
  }

  async plan(query: string, options: { signal?: AbortSignal } = {}): Promise<PlanResult> {
    const generation = await generateGreedy(this.local, this.prompt(query), {
      stop: this.options.stop,
      maxTokens: this.options.maxTokens,
      signal: options.signal,
    });
    const steps = parsePlanCompletion(generation.text, { maxSteps: this.options.maxSteps });
    return {
      steps,
      promptTokens: generation.promptTokens,
      completionTokens: generation.completionTokens,
      ms: generation.ms,
      raw: generation.text,
    };
  }

  async dispose(): Promise<void> {
    await this.local.dispose();
  }
}
