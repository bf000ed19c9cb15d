// The plans a plan search (plan-search.ts) asks the decoder for, as token edits of the plan that just ended: a step
// moved to where the request's order wants it (moveStep, permutedPlan), and an unsupported step dropped or
// re-decoded (supportReplacement). Each says where the decoder goes back to and what it forces there.
import type { Token } from "node-llama-cpp";
import type { OrderBreak } from "../plan/clause-order.js";
import type { SupportCheck } from "../plan/support-words.js";
import type { DecodeState } from "./decode-choices.js";

/**
 * Where to decode from: a token forced there (and those it says follow), or (`supported`) none: the step that begins
 * there is decoded again, held to the beginnings SupportCheck.allows.
 */
export type Deviation = { position: number; token: Token; then?: readonly Token[] } | { position: number; supported: true };

/** The decoder's view of a plan that has just ended. */
export interface EndedPlan {
  steps: readonly string[];
  state: DecodeState;
  stepStarts: readonly number[];
  stepEnds: readonly number[];
  /** The position of the end token. */
  position: number;
  backtracks: number;
}

/** Forces `tokens` from `at` on, from the first of them that differs from what was generated there. */
function divergence(generated: readonly Token[], at: number, tokens: readonly Token[]): Deviation | undefined {
  const offset = tokens.findIndex((token, index) => token !== generated[at + index]);
  return offset < 0 ? undefined : { position: at + offset, token: tokens[offset]!, then: tokens.slice(offset + 1) };
}

/**
 * The late steps, written in place of the one before them: from the first token where they differ ("Take a
 * screenshot of the error message" for "Connect to my airpods pro" at once; "Take a" is kept when both begin so),
 * with the rest of the late steps and a split forced after them. The decoder then goes on greedily.
 */
export function moveStep(generated: readonly Token[], plan: EndedPlan, order: OrderBreak): Deviation | undefined {
  const at = plan.stepStarts[order.from]!;
  const split = generated[plan.stepEnds[order.from]!]!;
  return divergence(generated, at, [...generated.slice(plan.stepStarts[order.late]!, plan.stepEnds[order.late + order.count - 1]!), split]);
}

/** The plan with the late steps moved to where they belong, every token forced (the end token included). */
export function permutedPlan(generated: readonly Token[], plan: EndedPlan, order: OrderBreak): Deviation | undefined {
  const split = generated[plan.stepEnds[order.from]!]!;
  const end = generated[plan.position]!;
  const stepTokens = plan.stepStarts.map((start, index) => generated.slice(start, plan.stepEnds[index]!));
  const sequence = stepTokens.map((_, index) => index);
  sequence.splice(order.from, 0, ...sequence.splice(order.late, order.count));
  return divergence(generated, 0, sequence.flatMap((index, at) => [...stepTokens[index]!, at === sequence.length - 1 ? end : split]));
}

/**
 * Where to re-decode an unsupported step: on the first search, when it is the plan's last and the plan leaves nothing
 * out, the end of the plan in its place ("… Find the tax return" + "Increase screen brightness by 20%"); else the
 * step itself, greedily among the beginnings the request supports ("Set the media volume to 0" → "Search YouTube for
 * …" for "videos of cute puppies pls"), when it has any.
 */
export function supportReplacement(plan: EndedPlan, step: number, search: { uncovered: number; first: boolean; support: SupportCheck }): Deviation | undefined {
  const { banned, generated } = plan.state;
  const split = plan.stepEnds[step - 1];
  const end = generated[plan.position]!;
  const last = step === plan.stepStarts.length - 1;
  if (search.first && last && search.uncovered === 0 && split !== undefined && !banned[split]!.has(end)) return { position: split, token: end };
  return search.support.allows("") ? { position: plan.stepStarts[step]!, supported: true } : undefined;
}

/**
 * The decoder's check for a step re-decoded by supportReplacement: the whole text written so far, with one more
 * token, passes `accept` (the other rules) and its open step may stand (SupportCheck.allows), or, when that token
 * closes the step (the texts of the split and end tokens), the step decides a supported function.
 */
export function heldToSupport(support: SupportCheck, texts: { split: string; end: string }, accept?: (text: string) => boolean): (text: string) => boolean {
  const { split } = texts;
  return (text) => {
    if (accept && !accept(text)) return false;
    const closer = [split, texts.end].find((closing) => text.endsWith(closing));
    const written = closer === undefined ? text : text.slice(0, -closer.length);
    const step = written.slice(written.lastIndexOf(split) < 0 ? 0 : written.lastIndexOf(split) + split.length);
    return closer === undefined ? support.allows(step) : support.closes(step);
  };
}
