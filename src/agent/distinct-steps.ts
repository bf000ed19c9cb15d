// Plan decoding that never writes the same step twice. Greedy decoding of a small planner fails most often by
// repeating an intent it already planned ("Check the weather in Barcelona" twice) instead of moving on to the next
// one. This decoder is greedy until a step closes as an exact copy of an earlier step; it then goes back to the
// single token inside that step where another choice is most probable (the prefix probability up to and including
// the new token, so an early, near-tied choice wins over a late, unlikely one), takes that token instead, and
// continues greedily. It also closes the plan at `maxSteps` instead of letting a split start a step the parser
// would reject.
//
// Greedy decoding would write a repeated step only when nothing else was close, so a planner whose training data
// does repeat steps ("take a photo … and another photo") may lose that rare case: `minAlternative` keeps such a
// repetition when no other token at any position of the step had at least that probability.
//
// Deliberately left out: a full beam search (on these planners it shortens plans: ending early is often the most
// probable sequence), and stop strings spelled with several tokens (the caller falls back to plain greedy).
import type { ControlledEvaluateInputItem, Token } from "node-llama-cpp";
import { normalizeStep } from "../plan/planner-format.js";
import type { Generation } from "./generate.js";
import type { LocalModel } from "./llama.js";

export interface DistinctStepsOptions {
  /** Single-token step separator (`<nexa_split>`) and end of plan (`<|end|>`). */
  splitToken: Token;
  endToken: Token;
  maxSteps: number;
  maxTokens: number;
  /** Backtracks allowed per plan (each re-decodes part of one step). Default 4. */
  maxBacktracks?: number;
  /** Keep a repeated step when no alternative token had at least this probability. Default 0.01. */
  minAlternative?: number;
  signal?: AbortSignal;
}

/** Candidate next tokens at one position, best first, with log-probabilities. */
type Choices = Array<{ token: Token; logProbability: number }>;

const KEPT_CHOICES = 8;
// llama.cpp keeps only the top K (the rest of the vocabulary never crosses into JS): at temperature 1 with top-p and
// min-p off, the kept probabilities are the model's own, renormalised over K tokens that hold nearly all the mass.
const TOP_CHOICES = { topK: KEPT_CHOICES, topP: 1, minP: 0, temperature: 1 };

/** llama.cpp already cut the distribution to the top K (TOP_CHOICES); sorts it, best first. */
function topChoices(probabilities: Map<number, number>): Choices {
  return [...probabilities]
    .filter(([, probability]) => probability > 0)
    .map(([token, probability]) => ({ token: token as Token, logProbability: Math.log(probability) }))
    .sort((a, b) => b.logProbability - a.logProbability);
}

export async function decodeDistinctSteps(local: LocalModel, prompt: string, options: DistinctStepsOptions): Promise<Generation> {
  const started = performance.now();
  const { sequence, model } = local;
  const maxBacktracks = options.maxBacktracks ?? 4;
  const minAlternative = Math.log(options.minAlternative ?? 0.01);
  const promptTokens = local.tokenize(prompt);
  await sequence.clearHistory();

  // choices[i]: the distribution the i-th generated token was picked from; banned[i]: tokens already tried there.
  const generated: Token[] = [];
  const choices: Choices[] = [];
  const banned: Array<Set<Token>> = [];

  /** Feeds `tokens` after the current state and returns the choices for the next position. */
  const feed = async (tokens: Token[]): Promise<Choices> => {
    const outputs = await sequence.controlledEvaluate(tokens.map((token, index): ControlledEvaluateInputItem =>
      index === tokens.length - 1 ? [token, { generateNext: { probabilities: true, options: TOP_CHOICES } }] : token));
    const probabilities = outputs[tokens.length - 1]?.next?.probabilities;
    if (!probabilities) throw new Error("llama.cpp returned no probabilities for the next token");
    return topChoices(probabilities);
  };

  let next = await feed(promptTokens);
  let forced: Token | undefined;
  let backtracks = 0;
  let stoppedBy: Generation["stoppedBy"] = "maxTokens";
  const steps: string[] = [];
  let stepStart = 0;

  while (generated.length < options.maxTokens) {
    options.signal?.throwIfAborted();
    const position = generated.length;
    choices[position] = next;
    banned[position] ??= new Set();
    // Greedy, unless a backtrack forces its (never banned) alternative here.
    let token = forced ?? next[0]!.token;
    forced = undefined;
    // The parser rejects a plan longer than maxSteps: end it at the last allowed step instead.
    if (token === options.splitToken && steps.length + 1 >= options.maxSteps) token = options.endToken;
    generated.push(token);

    if (token === options.splitToken || token === options.endToken) {
      const text = normalise(model.detokenize(generated.slice(stepStart, position), true));
      const deviation = steps.includes(text) && backtracks < maxBacktracks
        ? bestDeviation(choices, banned, generated, stepStart, position, minAlternative)
        : undefined;
      if (deviation) {
        backtracks++;
        banned[deviation.position]!.add(generated[deviation.position]!);
        // Drop the tokens from the deviation on, from our arrays and from the KV cache.
        const keep = promptTokens.length + deviation.position;
        await sequence.eraseContextTokenRanges([{ start: keep, end: sequence.nextTokenIndex }]);
        generated.length = deviation.position;
        choices.length = deviation.position + 1;
        banned.length = deviation.position + 1;
        forced = deviation.token;
        next = choices[deviation.position]!;
        continue;
      }
      steps.push(text);
      stepStart = position + 1;
      if (token === options.endToken) {
        stoppedBy = "stop";
        break;
      }
    } else if (model.tokens.eos === token || model.tokens.eot === token) {
      stoppedBy = "eos";
      break;
    }
    next = await feed([token]);
  }

  const terminated = stoppedBy === "stop" || stoppedBy === "eos";
  const body = terminated ? generated.slice(0, -1) : generated;
  return {
    text: model.detokenize(body, true),
    stoppedBy,
    stopString: stoppedBy === "stop" ? model.detokenize([options.endToken], true) : undefined,
    promptTokens: promptTokens.length,
    // As generateGreedy counts them: llama.cpp does not hand over the end-of-generation token it stops at.
    completionTokens: body.length,
    ms: performance.now() - started,
    backtracks,
  };
}

/** The most probable single change inside generated[from, to): the position and the token to take there. */
function bestDeviation(
  choices: Choices[],
  banned: Array<Set<Token>>,
  generated: Token[],
  from: number,
  to: number,
  minAlternative: number,
): { position: number; token: Token } | undefined {
  let best: { position: number; token: Token; score: number } | undefined;
  let prefix = 0;
  for (let position = from; position < to; position++) {
    const options = choices[position]!;
    const alternative = options.find((choice) => choice.token !== generated[position] && !banned[position]!.has(choice.token));
    if (alternative && alternative.logProbability >= minAlternative) {
      const score = prefix + alternative.logProbability;
      if (!best || score > best.score) best = { position, token: alternative.token, score };
    }
    prefix += options.find((choice) => choice.token === generated[position])?.logProbability ?? 0;
  }
  return best && { position: best.position, token: best.token };
}

/** The parser's step normalisation (a trailing period dropped), then case and spacing folded. */
function normalise(step: string): string {
  return normalizeStep(step).replace(/\s+/g, " ").toLowerCase();
}
