// Plan decoding that never writes the same step twice (docs/AGENT.md has the measurements). Greedy, until a step
// closes as an exact copy of an earlier one (a small planner's most common failure): the decoder then goes back to
// the one token inside that step where another choice is most probable (by the probability of the whole prefix, so
// an early near-tie wins over a late long shot), takes it, and goes on greedily. A repeat stays when no alternative
// in the step reached `minAlternative` (some plans do repeat a step). The plan ends at `maxSteps` rather than
// opening a step the parser would reject.
//
// With `grounding` (plan/grounding.ts), a closed step that writes a copy word the request lacks is re-decoded the
// same way inside that word; a plan that ends while it leaves something out, or out of order, is searched again
// (plan-search.ts).
// A word written a third time in a row ("wedding wedding wedding", a loop on unfamiliar requests) is re-decoded from
// its second writing on, unless the prompt has the same words (then it is a copy).
//
// Deliberately left out: a full beam search (on these planners it shortens plans: ending early is often the most
// probable sequence), and stop strings spelled with several tokens (the caller falls back to plain greedy).
import type { ControlledEvaluateInputItem, Token } from "node-llama-cpp";
import { wordsOf } from "../plan/grounding.js";
import { leftOutCounter, type LeftOutRules } from "../plan/left-out.js";
import type { Generation } from "./generate.js";
import type { LocalModel } from "./llama.js";
import { PlanSearch, type PlanSearchOptions } from "./plan-search.js";
import { heldToSupport, type Deviation } from "./plan-edits.js";
import { acceptedChoice, closedStepDeviation, deadEndDeviation, loopDeviation, normalise, topChoices, TOP_CHOICES, type Choices } from "./decode-choices.js";

/** How many choices a position gets when none of the top ones is accepted (option `accept`). */
const WIDE_CHOICES = 1024;

export interface DistinctStepsOptions extends PlanSearchOptions {
  /** Single-token step separator (`<nexa_split>`) and end of plan (`<|end|>`). */
  splitToken: Token;
  endToken: Token;
  maxSteps: number;
  maxTokens: number;
  /** Backtracks allowed per plan (each re-decodes part of one step). Default 4. */
  maxBacktracks?: number;
  /** Keep a repeated step when no alternative token had at least this probability. Default 0.01. */
  minAlternative?: number;
  /** Reject steps that write a copy word `request` lacks; do not end while a cover word or an intended step is unplanned. */
  grounding?: LeftOutRules & { request: string; copyWords: ReadonlySet<string> };
  /**
   * Whether the text so far, with one more token, may stand (the action model's copied arguments): the decoder
   * takes the most probable accepted token among llama.cpp's top choices; when none is, it asks again for the top
   * `WIDE_CHOICES` (re-evaluating one token); when none of those is either, it goes back to the latest recent position
   * that had another accepted choice (deadEndDeviation, sharing the backtracks), else writes greedily.
   */
  accept?: (text: string) => boolean;
  signal?: AbortSignal;
}

export async function decodeDistinctSteps(local: LocalModel, prompt: string, options: DistinctStepsOptions): Promise<Generation> {
  const started = performance.now();
  const { sequence, model } = local;
  const maxBacktracks = options.maxBacktracks ?? 4;
  const minAlternative = Math.log(options.minAlternative ?? 0.01);
  const grounding = options.grounding;
  // The request's words, once: every closed step and every ended plan is checked against them.
  const requestWords: ReadonlySet<string> = new Set(grounding ? wordsOf(grounding.request) : []);
  const leftOut = grounding ? leftOutCounter(grounding.request, grounding) : () => 0;
  const promptTokens = local.tokenize(prompt);
  await sequence.clearHistory();

  // choices[i]: the distribution the i-th generated token was picked from; banned[i]: tokens already tried there.
  const generated: Token[] = [];
  const choices: Choices[] = [];
  const banned: Array<Set<Token>> = [];
  // The closed steps (normalised), the position each began at and the position of the token that closed it;
  // stepStart: where the open step began.
  const steps: string[] = [];
  const stepStarts: number[] = [];
  const stepEnds: number[] = [];
  let stepStart = 0;

  /** Feeds `tokens` after the current state and returns the choices for the next position. */
  const feed = async (tokens: Token[], topK = TOP_CHOICES.topK): Promise<Choices> => {
    const outputs = await sequence.controlledEvaluate(tokens.map((token, index): ControlledEvaluateInputItem =>
      index === tokens.length - 1 ? [token, { generateNext: { probabilities: true, options: { ...TOP_CHOICES, topK } } }] : token));
    const probabilities = outputs[tokens.length - 1]?.next?.probabilities;
    if (!probabilities) throw new Error("llama.cpp returned no probabilities for the next token");
    return topChoices(probabilities);
  };

  // A step re-decoded by a support search (plan-edits.ts) is held to beginnings of functions the request supports.
  let holdToSupport = false;
  const acceptSupported = options.support
    && heldToSupport(options.support, { split: model.detokenize([options.splitToken], true), end: model.detokenize([options.endToken], true) }, options.accept);

  /** Goes back to `deviation.position` (dropping later tokens and reopening the step there) and forces its token (and those it says follow). */
  const backtrack = async (deviation: Deviation): Promise<Choices> => {
    const supported = "supported" in deviation;
    if (!supported) banned[deviation.position]!.add(generated[deviation.position]!);
    holdToSupport = supported;
    await sequence.eraseContextTokenRanges([{ start: promptTokens.length + deviation.position, end: sequence.nextTokenIndex }]);
    while (stepEnds.length > 0 && stepEnds.at(-1)! >= deviation.position) {
      stepStart = stepStarts.pop()!;
      stepEnds.pop();
      steps.pop();
    }
    generated.length = deviation.position;
    choices.length = deviation.position + 1;
    banned.length = deviation.position + 1;
    forced = supported ? [] : [deviation.token, ...(deviation.then ?? [])];
    return choices[deviation.position]!;
  };

  /** The next token, or (at a dead end: "An" for "Initech", as "An" begins "Anderson") where to go back to (option `accept`). */
  const pick = async (position: number): Promise<{ token: Token } | { deviation: { position: number; token: Token } }> => {
    const accept = holdToSupport ? acceptSupported : options.accept;
    if (!accept) return { token: next[0]!.token };
    const acceptedAt = (at: number, candidates: Choices, skip?: ReadonlySet<Token>) => acceptedChoice(model, generated.slice(0, at), candidates, accept, skip);
    let found = acceptedAt(position, next);
    if (found === undefined) {
      // Evaluate the last token again, asking for many more choices.
      await sequence.eraseContextTokenRanges([{ start: sequence.nextTokenIndex - 1, end: sequence.nextTokenIndex }]);
      next = await feed([generated.at(-1) ?? promptTokens.at(-1)!], WIDE_CHOICES);
      choices[position] = next;
      found = acceptedAt(position, next);
    }
    if (found !== undefined) return { token: found };
    const deviation = backtracks < maxBacktracks ? deadEndDeviation(model, generated, choices, banned, accept) : undefined;
    return deviation ? { deviation } : { token: next[0]!.token };
  };

  // The step checks read these three arrays; backtrack() shortens them in place, so one view serves the whole decode.
  const state = { generated, choices, banned };
  let next = await feed(promptTokens);
  let forced: Token[] = [];
  let backtracks = 0;
  let stoppedBy: Generation["stoppedBy"] = "maxTokens";
  const search = new PlanSearch(leftOut, options);

  while (generated.length < options.maxTokens) {
    options.signal?.throwIfAborted();
    const position = generated.length;
    choices[position] = next;
    banned[position] ??= new Set();
    // Greedy (among accepted tokens), unless a backtrack forces tokens here: its (never banned) alternative, and for
    // a moved step (plan-search.ts) the rest of that step.
    let token = forced.shift();
    if (token === undefined) {
      const picked = await pick(position);
      if ("deviation" in picked) {
        backtracks++;
        next = await backtrack(picked.deviation);
        continue;
      }
      token = picked.token;
    }
    // The parser rejects a plan longer than maxSteps: end it at the last allowed step instead.
    if (token === options.splitToken && steps.length + 1 >= options.maxSteps) token = options.endToken;
    generated.push(token);

    const closes = token === options.splitToken || token === options.endToken;
    if (!closes && (model.tokens.eos === token || model.tokens.eot === token)) {
      stoppedBy = "eos";
      break;
    }
    const raw = closes ? model.detokenize(generated.slice(stepStart, position), true) : "";
    const deviation = backtracks >= maxBacktracks ? undefined : closes
      ? closedStepDeviation(model, state, { from: stepStart, to: position, raw }, steps, minAlternative, grounding && { requestWords, copyWords: grounding.copyWords })
      : loopDeviation(model, state, stepStart, position, prompt);
    if (deviation) {
      backtracks++;
      next = await backtrack(deviation);
      continue;
    }
    if (closes) {
      holdToSupport = false;
      steps.push(normalise(raw));
      stepStarts.push(stepStart);
      stepEnds.push(position);
      stepStart = position + 1;
      if (token === options.endToken) {
        stoppedBy = "stop";
        const outcome = search.ended({ steps, state, stepStarts, stepEnds, position, backtracks });
        if (outcome === "stop") break;
        if (outcome.backtracks !== undefined) backtracks = outcome.backtracks;
        next = await backtrack(outcome.deviation);
        continue;
      }
    }
    next = await feed([token]);
  }

  const final = search.bestTokens ?? generated;
  if (search.bestTokens) stoppedBy = "stop";
  const terminated = stoppedBy === "stop" || stoppedBy === "eos";
  const body = terminated ? final.slice(0, -1) : final;
  return {
    text: model.detokenize(body, true),
    stoppedBy,
    stopString: stoppedBy === "stop" ? model.detokenize([options.endToken], true) : undefined,
    promptTokens: promptTokens.length,
    // As generateGreedy counts them: llama.cpp does not hand over the end-of-generation token it stops at.
    completionTokens: body.length,
    ms: performance.now() - started,
    backtracks: backtracks + search.searches,
  };
}
