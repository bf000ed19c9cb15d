// The fine-tuned planner (Octo-planner): one forward pass over `<|user|>{query}<|end|><|assistant|>`,
// greedy decoding until `<|end|>` (or EOS), split on `<nexa_split>`, at most maxSteps steps. The
// function descriptions are not in the prompt: the model internalised them in training (paper, 3.1).
// A prompt template with `{query}` serves instruct bases whose chat format differs.
import { InputError } from "../errors.js";
import { parsePlanCompletion, plannerPrompt } from "../plan/index.js";
import type { GroundingWords } from "../plan/grounding-file.js";
import { resolveGrounding, type GroundingSets } from "../plan/grounding-sets.js";
import { END, SPLIT } from "../plan/tokens.js";
import { decodeDistinctSteps } from "./distinct-steps.js";
import { namedDatesCheck } from "../plan/named-dates.js";
import { namedTimesCheck } from "../plan/named-times.js";
import { eventEndsCheck } from "../plan/event-ends.js";
import { clauseScopeCheck } from "../plan/clause-scope.js";
import { namedStartsCheck } from "../plan/named-starts.js";
import { clauseOrderCheck } from "../plan/clause-order.js";
import { supportCheck } from "../plan/support-words.js";
import { withCoordinatedSteps } from "../plan/coordinated-values.js";
import { withClausePlans, type ClausePlanRules } from "./clause-plans.js";
import { generateGreedy, type Generation } from "./generate.js";
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
  /**
   * "distinct-steps" (default): greedy, but a step that repeats an earlier one is re-decoded from its most probable
   * other choice (distinct-steps.ts). "greedy": plain greedy. Distinct steps needs `<nexa_split>` and the stop to be
   * single tokens; otherwise the planner decodes greedily.
   */
  decoding?: PlannerDecoding;
  /**
   * Words that keep a plan to the request (plan/grounding.ts), used by distinct-steps decoding: copy words a step
   * may write only when the request has them, cover words of the request a plan may not leave out. "auto"
   * (default): grounding.json beside the model or adapter, if any; "off": none; a path; or the words themselves.
   */
  grounding?: string | GroundingWords;
}

export const PLANNER_DECODINGS = ["distinct-steps", "greedy"] as const;
export type PlannerDecoding = (typeof PLANNER_DECODINGS)[number];

export function isPlannerDecoding(text: string): text is PlannerDecoding {
  return (PLANNER_DECODINGS as readonly string[]).includes(text);
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
    private readonly options: Required<Omit<LlamaPlannerOptions, "lora" | "contextSize" | "promptTemplate" | "threads" | "grounding">> & {
      promptTemplate?: string;
    },
    /** The grounding words in use, if any (see LlamaPlannerOptions.grounding). */
    readonly grounding: GroundingSets | undefined,
  ) {}

  static async create(options: LlamaPlannerOptions): Promise<LlamaPlanner> {
    if (options.promptTemplate !== undefined) renderTemplate(options.promptTemplate, "");
    if (options.decoding !== undefined && !isPlannerDecoding(options.decoding)) {
      throw new InputError(`unknown planner decoding '${String(options.decoding)}'. Available decodings: ${PLANNER_DECODINGS.join(", ")}`, { hint: "--planner-decoding distinct-steps" });
    }
    const grounding = resolveGrounding(options.grounding, options);
    const local = await LocalModel.load(options);
    return new LlamaPlanner(local, {
      modelPath: options.modelPath,
      promptTemplate: options.promptTemplate,
      stop: options.stop ?? [END],
      maxSteps: options.maxSteps ?? 5,
      maxTokens: options.maxTokens ?? 256,
      decoding: options.decoding ?? "distinct-steps",
    }, grounding);
  }

  prompt(query: string): string {
    return this.options.promptTemplate === undefined ? plannerPrompt(query) : renderTemplate(this.options.promptTemplate, query);
  }

  async plan(query: string, options: { signal?: AbortSignal } = {}): Promise<PlanResult> {
    const generations: Generation[] = [];
    const decode = async (request: string) => {
      const generation = await this.generate(this.prompt(request), request, options.signal);
      generations.push(generation);
      return parsePlanCompletion(generation.text, { maxSteps: this.options.maxSteps });
    };
    const planned = await decode(query);
    // Clauses the plan leaves something of out are planned alone, and their steps written in (clause-plans.ts).
    const rules = this.clausePlanRules();
    const clausePlanned = rules ? await withClausePlans(query, planned, rules, { maxSteps: this.options.maxSteps, planClause: decode }) : planned;
    // A value the request joins to one a step writes ("Rome and Milan") gets its own step (plan/coordinated-values.ts).
    const steps = rules ? withCoordinatedSteps(query, clausePlanned, { maxSteps: this.options.maxSteps }) : clausePlanned;
    const total = (count: (generation: Generation) => number) => generations.reduce((sum, generation) => sum + count(generation), 0);
    return {
      steps,
      promptTokens: total((generation) => generation.promptTokens),
      completionTokens: total((generation) => generation.completionTokens),
      ms: total((generation) => generation.ms),
      raw: generations.map((generation) => generation.text).join("\n"),
    };
  }

  /** The rules clause plans need, when this planner decodes with distinct steps and its grounding learnt them all. */
  private clausePlanRules(): ClausePlanRules | undefined {
    const { coverWords, intentWords, clauseOrder } = this.grounding ?? {};
    if (this.options.decoding !== "distinct-steps" || !coverWords || !intentWords?.supports || !clauseOrder) return undefined;
    return { coverWords, intentWords, clauseOrder };
  }

  private generate(prompt: string, query: string, signal: AbortSignal | undefined): Promise<Generation> {
    const { stop, maxTokens, maxSteps, decoding } = this.options;
    const splitToken = this.local.singleTokenId(SPLIT);
    const endToken = stop.length === 1 ? this.local.singleTokenId(stop[0]!) : undefined;
    if (decoding === "distinct-steps" && splitToken !== undefined && endToken !== undefined) {
      const grounding = this.grounding && { request: query, ...this.grounding };
      // Dates and times: a step may write only those the request names or works out (plan/named-dates.ts, named-times.ts),
      // an event ends when the request says for its start (event-ends.ts), a worked-out end is written only as an end
      // (named-starts.ts), and a step's own clauses hold its dates and times too (clause-scope.ts).
      const checks = [
        this.grounding?.namedDatesToday && namedDatesCheck(query, this.grounding.namedDatesToday),
        this.grounding?.namedTimesClock !== undefined ? namedTimesCheck(query, this.grounding.namedTimesClock) : undefined,
        this.grounding?.eventEnds ? eventEndsCheck(query, this.grounding.namedTimesClock) : undefined,
        this.grounding?.namedStarts && this.grounding.namedTimesClock !== undefined ? namedStartsCheck(query, this.grounding.namedTimesClock) : undefined,
        this.grounding?.clauseScope
          ? clauseScopeCheck(query, this.grounding.clauseScope, { today: this.grounding.namedDatesToday, clockMinutes: this.grounding.namedTimesClock })
          : undefined,
      ].filter((check) => check !== undefined);
      const accept = checks.length === 0 ? undefined : (text: string) => checks.every((check) => check(text));
      // Without an order word, steps keep the order of the clauses they are about (clause-order.ts).
      const order = this.grounding?.clauseOrder && clauseOrderCheck(query, this.grounding.clauseOrder, this.grounding);
      // A step whose function no request word supports is searched again (support-words.ts).
      const intentWords = this.grounding?.intentWords;
      const support = intentWords?.supports && supportCheck(query, intentWords.supports, intentWords.stepFunctions);
      return decodeDistinctSteps(this.local, prompt, { splitToken, endToken, maxSteps, maxTokens, signal, grounding, accept, order, support });
    }
    return generateGreedy(this.local, prompt, { stop, maxTokens, signal });
  }

  async dispose(): Promise<void> {
    await this.local.dispose();
  }
}
