// Copied arguments: a call argument that every training call copied, word for word, out of its prompt (the step
// and the previous observation) may only be decoded as a piece of that prompt. A small action model copies a long
// name, address or path badly: "isabella.santos@uol.com.br" came out as "isaisha.okafor@uol.com", "Toyota Camry
// Car Audio" as "Cony WHip 6". Word-level copy words (grounding.ts) catch only words seen 50 times in training;
// this holds a whole argument to the prompt, whatever its words. Which arguments qualify is learnt from the action
// model's own training data, like the copy words, and written to grounding.json beside it.
//
// The decoder (agent/distinct-steps.ts, option `accept`) asks about each candidate token's text (copiedArgumentCheck,
// with the other argument checks in one everyStringArgument scan, call-strings.ts), best first, and takes the first
// whose copied arguments are still pieces of the prompt (isPiece: whole words, case kept but for the first letter);
// when none is, it widens the choices, then goes back to an earlier choice.
// Copied arguments that every training call found in the step alone (not in the observation) are held to the step
// (learnStepArguments, `stepArguments` in grounding.json).
import type { FunctionCall } from "./action-call.js";
import type { ArgumentCheck } from "./call-strings.js";
import { OBSERVATION, SPECIAL_TAG } from "./tokens.js";

/** Function name → the parameters its calls copy from the prompt. */
export type CopyArguments = Record<string, string[]>;

export interface CopyArgumentOptions {
  /** Ignore parameters seen in fewer training calls than this (default 20). */
  minCount?: number;
  /** Share of a parameter's training values the prompt contains, for it to be copied (default 0.995). */
  minRatio?: number;
}

/** The string parameters whose value (nearly) every training call found in its prompt. */
export function learnCopyArguments(examples: Iterable<{ prompt: string; call: FunctionCall }>, options: CopyArgumentOptions = {}): CopyArguments {
  return parametersFoundIn(examples, copySource, (call) => Object.keys(call.arguments), options);
}

/**
 * The (function, string parameter) pairs among `considered` whose value is a piece of `sourceOf(prompt)` in at least
 * `minRatio` of at least `minCount` training calls.
 */
function parametersFoundIn(
  examples: Iterable<{ prompt: string; call: FunctionCall }>,
  sourceOf: (prompt: string) => string,
  considered: (call: FunctionCall) => readonly string[],
  options: CopyArgumentOptions,
): CopyArguments {
  return parametersHolding(examples, (prompt, call) => {
    const source = sourceOf(prompt);
    const wanted = new Set(considered(call));
    return (parameter, value) => (wanted.has(parameter) ? isPiece(value, source, true) : undefined);
  }, options);
}

/**
 * The (function, string parameter) pairs that `test` holds for in at least `minRatio` of at least `minCount` training
 * calls. `test(prompt, call)` gives, per argument, whether it holds, or undefined when the argument is not counted.
 */
export function parametersHolding(
  examples: Iterable<{ prompt: string; call: FunctionCall }>,
  test: (prompt: string, call: FunctionCall) => (parameter: string, value: string) => boolean | undefined,
  options: CopyArgumentOptions,
): CopyArguments {
  const minCount = options.minCount ?? 20;
  const minRatio = options.minRatio ?? 0.995;
  const counts = new Map<string, { seen: number; held: number }>();
  for (const { prompt, call } of examples) {
    const holds = test(prompt, call);
    for (const [parameter, value] of Object.entries(call.arguments)) {
      if (typeof value !== "string") continue;
      const held = holds(parameter, value);
      if (held === undefined) continue;
      const key = `${call.name}\u0000${parameter}`;
      const count = counts.get(key) ?? { seen: 0, held: 0 };
      count.seen++;
      if (held) count.held++;
      counts.set(key, count);
    }
  }
  const result: CopyArguments = {};
  for (const [key, { seen, held }] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    if (seen < minCount || held < minRatio * seen) continue;
    const [name, parameter] = key.split("\u0000") as [string, string];
    (result[name] ??= []).push(parameter);
  }
  return result;
}

/**
 * The copied arguments must stay pieces of `source` (copySource of the prompt), and those in `step.arguments` pieces of
 * the step alone (stepSource): "C\\ results" out of a file list is no title for "Email the pitch deck to Carlos".
 */
export function copiedArgumentCheck(
  source: string,
  copied: ReadonlyMap<string, ReadonlySet<string>>,
  step?: { source: string; arguments: ReadonlyMap<string, ReadonlySet<string>> },
): ArgumentCheck {
  return (name, parameter, string) => {
    if (!copied.get(name)?.has(parameter)) return true;
    return isPiece(string.value, step?.arguments.get(name)?.has(parameter) ? step.source : source, string.closed);
  };
}

/** The copied arguments that (nearly) every training call found in its step alone, not in the observation. */
export function learnStepArguments(examples: Iterable<{ prompt: string; call: FunctionCall }>, copied: CopyArguments, options: CopyArgumentOptions = {}): CopyArguments {
  return parametersFoundIn(examples, stepSource, (call) => copied[call.name] ?? [], options);
}

// "_" joins words in file names: "acme" in "invoice_acme_corp.pdf" is no word to start a copied title at.
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/** The text a call copies from: the prompt without its template tags ("<|assistant|>" is no title to copy). */
export function copySource(prompt: string): string {
  return prompt.replace(SPECIAL_TAG, "\n");
}

/** The step of an action prompt (actionPrompt: the step, then the observation), as copySource writes it. */
export function stepSource(prompt: string): string {
  return copySource(prompt.split(OBSERVATION)[0]!);
}

/**
 * Whether `value` occurs in `source` starting at a word's start and, once `closed`, ending at a word's end: a
 * finished copy is whole words ("Maria", not "Mar" or "aria"), never empty, never padded with spaces. Case must
 * match except for the first letter (a title copies "the launch deck" as "Launch deck"), so that a decoder held to
 * the source cannot spell a piece of it in odd capitals out of single letters.
 */
export function isPiece(value: string, source: string, closed: boolean): boolean {
  if (value === "") return !closed;
  if (/^\s/.test(value) || (closed && /\s$/.test(value))) return false;
  const first = value[0]!.toLowerCase();
  for (const start of occurrences(value, source)) {
    const before = source[start - 1];
    const after = source[start + value.length];
    const startsWord = before === undefined || !WORD_CHARACTER.test(before) || !WORD_CHARACTER.test(first);
    const endsWord = !closed || after === undefined || !WORD_CHARACTER.test(after) || !WORD_CHARACTER.test(value.at(-1)!);
    if (startsWord && endsWord) return true;
  }
  return false;
}

/** Where a non-empty `value` occurs in `source`, its first letter in either case ("Launch deck" in "the launch deck"). */
export function* occurrences(value: string, source: string): Generator<number> {
  const rest = value.slice(1);
  const first = value[0]!.toLowerCase();
  // `at` is where `rest` starts. (indexOf of an empty `rest` from past the end returns the end again, hence the bound.)
  for (let at = source.indexOf(rest, 1); at !== -1; at = at >= source.length ? -1 : source.indexOf(rest, at + 1)) {
    if (source[at - 1]!.toLowerCase() === first) yield at - 1;
  }
}
