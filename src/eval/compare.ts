// Comparing a predicted call with a gold call. Arguments are compared after normalisation: zod
// validation fills defaults, strings are trimmed, case-folded and whitespace-collapsed, numbers compare
// by value (2 == 2.0), and key order is irrelevant. What counts as "the same value" beyond that
// (synonyms, paraphrases) is left to the LLM judge.
import type { FunctionSet } from "../functions/index.js";
import type { FunctionCall } from "../plan/action-call.js";

export function normalizeValue(value: unknown): unknown {
  if (typeof value === "string") return value.trim().replace(/\s+/g, " ").toLowerCase();
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, normalizeValue((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Validated (defaults filled) and normalised arguments; the raw ones if validation fails. */
export function normalizeArguments(functions: FunctionSet, call: FunctionCall): unknown {
  let validated: unknown = call.arguments;
  try {
    if (functions.has(call.name)) validated = functions.validate(call.name, call.arguments);
  } catch {
    // Invalid gold or predicted arguments compare as given; they will simply not match.
  }
  return normalizeValue(validated);
}

export function sameCall(functions: FunctionSet, expected: FunctionCall, actual: FunctionCall | null): boolean {
  if (actual === null || actual.name !== expected.name) return false;
  return JSON.stringify(normalizeArguments(functions, expected)) === JSON.stringify(normalizeArguments(functions, actual));
}

/** The paper's criterion: same number of steps, and each step's function equals gold, in order. */
export function sameFunctions(expected: readonly string[], actual: ReadonlyArray<string | null>): boolean {
  return expected.length === actual.length && expected.every((name, index) => actual[index] === name);
}
