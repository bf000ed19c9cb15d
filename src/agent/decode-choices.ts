// The token-level pieces of the planner's constrained decoding (distinct-steps.ts): llama.cpp's top-K choices at each
// position, the most probable single deviation among some positions, which tokens spell a word of a step, where a
// closed step (a repeat, an ungrounded copy word) or an open one (a word in a loop) is re-decoded, and the choices an
// `accept` test (the action model's copied arguments) takes.
import type { Token } from "node-llama-cpp";
import { ungroundedWord } from "../plan/grounding.js";
import { normalizeStep } from "../plan/planner-format.js";
import type { LocalModel } from "./llama.js";

/** Candidate next tokens at one position, best first, with log-probabilities. */
export type Choices = Array<{ token: Token; logProbability: number }>;

const KEPT_CHOICES = 8;
// llama.cpp keeps only the top K (the rest of the vocabulary never crosses into JS): at temperature 1 with top-p and
// min-p off, the kept probabilities are the model's own, renormalised over K tokens that hold nearly all the mass.
export const TOP_CHOICES = { topK: KEPT_CHOICES, topP: 1, minP: 0, temperature: 1 };

/** llama.cpp already cut the distribution to the top K (TOP_CHOICES); sorts it, best first. */
export function topChoices(probabilities: Map<number, number>): Choices {
  return [...probabilities]
    .filter(([, probability]) => probability > 0)
    .map(([token, probability]) => ({ token: token as Token, logProbability: Math.log(probability) }))
    .sort((a, b) => b.logProbability - a.logProbability);
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, index) => from + index);
}

/** The most probable single change at one of `positions`: the position and the token to take there. */
export function bestDeviation(
  choices: Choices[],
  banned: Array<Set<Token>>,
  generated: Token[],
  positions: readonly number[],
  minAlternative: number,
): { position: number; token: Token } | undefined {
  let best: { position: number; token: Token; score: number } | undefined;
  const wanted = new Set(positions);
  const last = Math.max(-1, ...positions);
  // The prefix probability from the plan's start, so that choices in different steps compare fairly.
  let prefix = 0;
  for (let position = 0; position <= last; position++) {
    const options = choices[position]!;
    if (wanted.has(position)) {
      const alternative = options.find((choice) => choice.token !== generated[position] && !banned[position]!.has(choice.token));
      if (alternative && alternative.logProbability >= minAlternative) {
        const score = prefix + alternative.logProbability;
        if (!best || score > best.score) best = { position, token: alternative.token, score };
      }
    }
    prefix += options.find((choice) => choice.token === generated[position])?.logProbability ?? 0;
  }
  return best && { position: best.position, token: best.token };
}

/** The generated positions whose text overlaps characters [start, end) of the step that begins at `from`. */
export function tokenSpan(model: LocalModel["model"], generated: Token[], from: number, to: number, chars: { start: number; end: number }) {
  let first: number | undefined;
  let last = from;
  let before = 0;
  for (let position = from; position < to; position++) {
    const after = model.detokenize(generated.slice(from, position + 1), true).length;
    if (after > chars.start && before < chars.end) {
      first ??= position;
      last = position;
    }
    before = after;
  }
  return first === undefined ? undefined : { from: first, to: last + 1 };
}

/**
 * The tokens of a word written a third time or more in a row ("… wedding wedding wedding"), from its second writing
 * on, when `position` (in the step that begins at `from`) starts a new word, so the last word is complete. A small
 * planner falls into such a loop on requests unlike its data, and would otherwise write it up to maxTokens. A loop
 * the prompt itself contains ("text Ana ha ha ha") is a copy, not a loop.
 */
export function stutterSpan(model: LocalModel["model"], generated: Token[], from: number, position: number, prompt = "") {
  if (position <= from || !model.detokenize([generated[position]!], true).startsWith(" ")) return undefined;
  const text = model.detokenize(generated.slice(from, position), true);
  const loop = /(?<=^|\s)(\S+)(?:\s+\1){2,}$/.exec(text);
  if (!loop || prompt.toLowerCase().includes(loop[0].toLowerCase())) return undefined;
  return tokenSpan(model, generated, from, position, { start: loop.index + loop[1]!.length, end: text.length });
}

/** What the decoder has written so far, the choices it had at each position and the tokens it tried there. */
export interface DecodeState {
  generated: Token[];
  choices: Choices[];
  banned: Array<Set<Token>>;
}

/**
 * Where to re-decode a step that just closed (tokens [from, to) spell `raw`): anywhere inside it when it repeats one of
 * the `earlier` steps (normalised) and an alternative reached `minAlternative`; inside the copy word it writes and the
 * request lacks, with grounding. Undefined when the step may stand.
 */
export function closedStepDeviation(
  model: LocalModel["model"],
  state: DecodeState,
  step: { from: number; to: number; raw: string },
  earlier: readonly string[],
  minAlternative: number,
  grounding?: { requestWords: ReadonlySet<string>; copyWords: ReadonlySet<string> },
): { position: number; token: Token } | undefined {
  const { generated, choices, banned } = state;
  if (earlier.includes(normalise(step.raw))) return bestDeviation(choices, banned, generated, range(step.from, step.to), minAlternative);
  const word = grounding && ungroundedWord(step.raw, grounding.requestWords, grounding.copyWords);
  const span = word && tokenSpan(model, generated, step.from, step.to, word);
  return span ? bestDeviation(choices, banned, generated, range(span.from, span.to), Number.NEGATIVE_INFINITY) : undefined;
}

/** Where to re-decode an open step (begun at `from`) whose last word is in a loop the prompt lacks: from its second writing on. */
export function loopDeviation(model: LocalModel["model"], state: DecodeState, from: number, position: number, prompt: string) {
  const loop = stutterSpan(model, state.generated, from, position, prompt);
  return loop && bestDeviation(state.choices, state.banned, state.generated, range(loop.from, loop.to), Number.NEGATIVE_INFINITY);
}

/** The parser's step normalisation (a trailing period dropped), then case and spacing folded. */
export function normalise(step: string): string {
  return normalizeStep(step).replace(/\s+/g, " ").toLowerCase();
}

/** The most probable of `candidates` (minus `skip`) that `accept` takes after the text of `before`. */
export function acceptedChoice(
  model: LocalModel["model"],
  before: readonly Token[],
  candidates: Choices,
  accept: (text: string) => boolean,
  skip?: ReadonlySet<Token>,
): Token | undefined {
  const prefix = model.detokenize(before, true);
  return candidates.find((choice) => !skip?.has(choice.token) && accept(prefix + model.detokenize([choice.token], true)))?.token;
}

/** How far back a dead end (no accepted choice at all) looks for another accepted choice. */
const DEAD_END_REACH = 16;

/** After a dead end: the latest of the last DEAD_END_REACH positions with another accepted, untried choice. */
export function deadEndDeviation(
  model: LocalModel["model"],
  generated: readonly Token[],
  choices: readonly Choices[],
  banned: ReadonlyArray<ReadonlySet<Token>>,
  accept: (text: string) => boolean,
): { position: number; token: Token } | undefined {
  for (let at = generated.length - 1; at >= Math.max(0, generated.length - DEAD_END_REACH); at--) {
    const token = acceptedChoice(model, generated.slice(0, at), choices[at]!, accept, new Set([generated[at]!, ...banned[at]!]));
    if (token !== undefined) return { position: at, token };
  }
  return undefined;
}
