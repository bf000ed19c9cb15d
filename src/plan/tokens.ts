// The special tokens shared by the tokenizer, the plan/action formats, the trainer and the agent.
// This file is the single source: everything else imports these constants instead of spelling them.
// Deliberately left out: the paper's misspelled variants (`<lend>`, `<|nexa_split|>`); only the
// decoders in planner-format.ts accept those, nothing ever writes them.

export const USER = "<|user|>";
export const ASSISTANT = "<|assistant|>";
export const END = "<|end|>";
export const SPLIT = "<nexa_split>";
export const NEXA_END = "<nexa_end>";
export const OBSERVATION = "<|observation|>";

/**
 * Anything spelled like a special token (`<|user|>`, `<nexa_3>`): the grounding and copy checks read a prompt's
 * text without them. Global, for replace() and matchAll() only.
 */
export const SPECIAL_TAG = /<[^<>\s]*>/g;

/** Functional tokens are <nexa_0> … <nexa_63>; token K names the K-th function of a FunctionSet. */
export const MAX_FUNCTIONAL_TOKENS = 64;

export function functionalToken(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_FUNCTIONAL_TOKENS) {
    throw new RangeError(`functional token index ${index} is outside <nexa_0> … <nexa_${MAX_FUNCTIONAL_TOKENS - 1}>`);
  }
  return `<nexa_${index}>`;
}

/** All special tokens, in a fixed order (the tokenizer assigns ids in this order). */
export const SPECIAL_TOKENS: string[] = [
  USER,
  ASSISTANT,
  END,
  OBSERVATION,
  SPLIT,
  NEXA_END,
  ...Array.from({ length: MAX_FUNCTIONAL_TOKENS }, (_, index) => `<nexa_${index}>`),
];
