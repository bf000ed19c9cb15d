// The Octopus-style action model: prompt `<|user|>{step}<|observation|>{O_i}<|end|><|assistant|>`,
// greedy decoding until `<nexa_end>`, then actionToCall maps `<nexa_K>` to the K-th function and
// validates the arguments with its zod schema. An invalid output gets exactly one retry whose decoding
// is constrained by a GBNF grammar built from the functions' JSON Schemas (narrowed to one function
// when the first output named a valid one); if that fails too, an ActionError.
// With grounding words (plan/grounding.ts, learnt from the action model's own training data), the first decode
// backtracks out of an argument word that neither the step nor the observation contains (a name from training in
// place of the one asked for). Cover words are not used here: a search for a call that covers them may change the
// function (the first token) to fit a word in.
// Its copied arguments (plan/copy-arguments.ts: a recipient, a device, a path) may only be decoded as a piece of
// the prompt, at each token: the most probable of llama.cpp's top choices that keeps them so. Its timestamp arguments
// (plan/timestamp-arguments.ts: an event's start and end) keep to a date and a time the prompt names, and its distinct
// arguments (plan/distinct-arguments.ts: a route's origin and destination) apart, the same way.
import type { LlamaGrammar } from "node-llama-cpp";
import { OctoplanError } from "../errors.js";
import type { FunctionSet } from "../functions/index.js";
import { actionPrompt, actionToCall } from "../plan/index.js";
import { NEXA_END } from "../plan/tokens.js";
import { everyStringArgument } from "../plan/call-strings.js";
import { copiedArgumentCheck, copySource, stepSource } from "../plan/copy-arguments.js";
import { timestampCheck, timestampEndingsFor } from "../plan/timestamp-arguments.js";
import { momentCheck } from "../plan/moment-arguments.js";
import { distinctCheck } from "../plan/distinct-arguments.js";
import { embeddedCheck } from "../plan/embedded-arguments.js";
import type { GroundingWords } from "../plan/grounding-file.js";
import { resolveGrounding, type GroundingSets } from "../plan/grounding-sets.js";
import { pythonCallGbnf } from "./call-grammar.js";
import { decodeDistinctSteps } from "./distinct-steps.js";
import { ActionError } from "./errors.js";
import { generateGreedy, type Generation } from "./generate.js";
import { LocalModel, type LoraFile } from "./llama.js";
import type { ActResult, Actor } from "./types.js";

export interface OctopusActorOptions {
  modelPath: string;
  lora?: LoraFile[];
  maxTokens?: number;
  contextSize?: number;
  /** CPU threads for decoding (default: node-llama-cpp's choice, all cores). */
  threads?: number;
  /** Set false to fail at once on invalid output (used to measure the unconstrained model). */
  grammarRetry?: boolean;
  /** "auto" (default): grounding.json beside the model or adapter, if any; "off"; a path; or the words. */
  grounding?: string | GroundingWords;
}

export class OctopusActor implements Actor {
  private readonly grammars = new Map<string, Promise<LlamaGrammar>>();

  private constructor(
    readonly local: LocalModel,
    private readonly maxTokens: number,
    private readonly grammarRetry: boolean,
    /** The grounding words in use, if any. */
    readonly grounding: GroundingSets | undefined,
  ) {}

  static async create(options: OctopusActorOptions): Promise<OctopusActor> {
    const grounding = resolveGrounding(options.grounding, options);
    const local = await LocalModel.load(options);
    // No search for a covering call: it may change the function (the first token) to fit a word in (docs/AGENT.md).
    return new OctopusActor(local, options.maxTokens ?? 128, options.grammarRetry ?? true, grounding && { ...grounding, coverWords: new Set(), intentWords: undefined });
  }

  async act(step: string, observation: string | undefined, functions: FunctionSet, options: { signal?: AbortSignal } = {}): Promise<ActResult> {
    const prompt = actionPrompt(step, observation);
    const first = await this.generate(prompt, options.signal, functions);
    const firstRaw = withEnd(first);
    let firstError: unknown;
    try {
      return this.result(actionToCall(functions, firstRaw), firstRaw, [first], false);
    } catch (error) {
      if (!(error instanceof OctoplanError)) throw error;
      firstError = error;
    }
    if (!this.grammarRetry) throw new ActionError(step, [firstRaw], (firstError as Error).message, { cause: firstError });
    const grammar = await this.grammarFor(functions, namedFunction(firstRaw, functions));
    const second = await this.generate(prompt, options.signal, functions, grammar);
    const secondRaw = withEnd(second);
    try {
      return this.result(actionToCall(functions, secondRaw), secondRaw, [first, second], true);
    } catch (error) {
      if (!(error instanceof OctoplanError)) throw error;
      throw new ActionError(step, [firstRaw, secondRaw], error.message, { cause: error });
    }
  }

  private generate(prompt: string, signal: AbortSignal | undefined, functions: FunctionSet, grammar?: LlamaGrammar): Promise<Generation> {
    const endToken = this.local.singleTokenId(NEXA_END);
    const grounding = this.grounding;
    if (grounding && !grammar && endToken !== undefined) {
      // Asked about every candidate token: the prompt's text and the functions' parameters are worked out once.
      let accept: ((text: string) => boolean) | undefined;
      const timestamps = timestampEndingsFor(prompt, grounding.timestampArguments);
      if (grounding.copyArguments.size > 0 || timestamps.size > 0 || Object.keys(grounding.embeddedArguments).length > 0 || grounding.momentArguments.size > 0) {
        const signatures = functions.names.map((name) => ({ name, parameters: functions.parameterNames(name) }));
        const functionAt = (index: number) => signatures[index];
        const step = { source: stepSource(prompt), arguments: grounding.stepArguments };
        const checks = [copiedArgumentCheck(copySource(prompt), grounding.copyArguments, step), timestampCheck(timestamps),
          distinctCheck(grounding.distinctArguments), embeddedCheck(grounding.embeddedArguments), momentCheck(step.source, grounding.momentArguments)];
        accept = (text) => everyStringArgument(text, functionAt, ...checks);
      }
      // One "step" (the call) that ends at <nexa_end>: the same decoder as the planner's, with nothing to split.
      return decodeDistinctSteps(this.local, prompt, { splitToken: endToken, endToken, maxSteps: 1, maxTokens: this.maxTokens, signal,
        grounding: { request: prompt, ...grounding }, accept });
    }
    return generateGreedy(this.local, prompt, { stop: [NEXA_END], maxTokens: this.maxTokens, grammar, signal });
  }

  private result(call: ActResult["call"], raw: string, generations: Generation[], retried: boolean): ActResult {
    return {
      call,
      raw,
      retried,
      tokens: {
        prompt: generations.reduce((sum, generation) => sum + generation.promptTokens, 0),
        completion: generations.reduce((sum, generation) => sum + generation.completionTokens, 0),
      },
      ms: generations.reduce((sum, generation) => sum + generation.ms, 0),
    };
  }

  /** Grammars are compiled once per (function set, target) and reused across steps. */
  private grammarFor(functions: FunctionSet, only: string | undefined): Promise<LlamaGrammar> {
    const key = `${functions.names.join(",")}|${only ?? "*"}`;
    let grammar = this.grammars.get(key);
    if (!grammar) {
      grammar = this.local.llama.createGrammar({ grammar: pythonCallGbnf(functions, only === undefined ? undefined : [only]) });
      this.grammars.set(key, grammar);
    }
    return grammar;
  }

  async dispose(): Promise<void> {
    await this.local.dispose();
  }
}

function withEnd(generation: Generation): string {
  return generation.stoppedBy === "stop" ? generation.text + NEXA_END : generation.text;
}

/** The function named by a leading `<nexa_K>` when K is valid: the retry then only fixes the arguments. */
function namedFunction(raw: string, functions: FunctionSet): string | undefined {
  const match = /^\s*<nexa_(\d+)>/.exec(raw);
  if (!match) return undefined;
  const index = Number(match[1]);
  return index < functions.names.length ? functions.names[index] : undefined;
}
