// The planner's text format (paper §3.2):
//   <|user|>{query}<|end|><|assistant|>{s1}<nexa_split>{s2}…<nexa_split>{sn}<|end|>
// Encoding always writes the canonical tokens from tokens.ts. Decoding is tolerant of the variants
// printed in the paper and produced by models: `<lend>` / `<lendl>` for <|end|>, `<|nexa_split|>`,
// `<user>` / `<assistant>` without pipes, spaces and newlines around separators, and a trailing period
// after the last step. A step is canonical when it is trimmed and has no trailing period, so
// decodePlan(encodePlan(plan)) returns the same plan for canonical steps.
// Deliberately left out: the paper's two-line "query: … / response: …" listing, which is prose, not data.
import { ASSISTANT, END, SPECIAL_TOKENS, SPLIT, USER } from "./tokens.js";
import { PlanFormatError } from "./errors.js";

export interface Plan {
  query: string;
  steps: string[];
}

export interface PlanLimits {
  /** Plans must have 1..maxSteps steps; the paper uses n = 1..5. */
  maxSteps?: number;
}

const DEFAULT_MAX_STEPS = 5;

// Variant spellings → canonical token. Order matters: `<lendl>` before `<lend>`.
const VARIANTS: Array<[RegExp, string]> = [
  [/<\|?lendl\|?>/g, END],
  [/<\|?lend\|?>/g, END],
  [/<\|nexa_split\|>/g, SPLIT],
  [/<user>/g, USER],
  [/<assistant>/g, ASSISTANT],
];

/** Rewrites the paper's variant tokens to the canonical ones in tokens.ts. */
export function normalizeSpecialTokens(text: string): string {
  let result = text;
  for (const [pattern, canonical] of VARIANTS) result = result.replace(pattern, canonical);
  return result;
}

/** Trims a step and removes one trailing period (the paper writes `{sn}.<lend>`), but keeps an ellipsis. */
export function normalizeStep(step: string): string {
  const trimmed = step.trim();
  if (trimmed.endsWith(".") && !trimmed.endsWith("..")) return trimmed.slice(0, -1).trimEnd();
  return trimmed;
}

function assertNoSpecialTokens(text: string, what: string): void {
  const normalized = normalizeSpecialTokens(text);
  const found = SPECIAL_TOKENS.find((token) => normalized.includes(token));
  if (found !== undefined) {
    throw new PlanFormatError(`${what} contains the special token ${found}`, {
      hint: "Special tokens are separators of the format and cannot appear inside a query or a step; remove it",
    });
  }
}

export function plannerPrompt(query: string): string {
  assertNoSpecialTokens(query, "query");
  return `${USER}${query}${END}${ASSISTANT}`;
}

export function plannerTarget(steps: readonly string[]): string {
  if (steps.length === 0) {
    throw new PlanFormatError("a plan needs at least one step", { hint: "Pass steps such as ['Find the report', 'Print it']" });
  }
  steps.forEach((step, index) => {
    assertNoSpecialTokens(step, `steps[${index}]`);
    if (step.trim() === "") throw new PlanFormatError(`steps[${index}] is empty`, { hint: "Remove empty steps" });
  });
  return `${steps.join(SPLIT)}${END}`;
}

export function encodePlan(plan: Plan): string {
  return plannerPrompt(plan.query) + plannerTarget(plan.steps);
}

/** Splits the assistant part into steps and enforces 1..maxSteps. `context` names the text in errors. */
function splitSteps(body: string, limits: PlanLimits, context: string): string[] {
  const maxSteps = limits.maxSteps ?? DEFAULT_MAX_STEPS;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new PlanFormatError(`maxSteps must be a positive integer, got ${maxSteps}`, { hint: "The paper uses maxSteps = 5" });
  }
  const steps = body.split(SPLIT).map(normalizeStep);
  // An empty piece is a doubled or dangling separator; models do emit these, and they carry no step.
  const nonEmpty = steps.filter((step) => step !== "");
  if (nonEmpty.length === 0) {
    throw new PlanFormatError(`${context} has no steps`, {
      hint: `Expected "step 1${SPLIT}step 2…${END}" after ${ASSISTANT}`,
    });
  }
  if (nonEmpty.length > maxSteps) {
    throw new PlanFormatError(`${context} has ${nonEmpty.length} steps, more than maxSteps = ${maxSteps}`, {
      hint: "Split the query into smaller tasks, or raise maxSteps",
    });
  }
  return nonEmpty;
}

/** Decodes a whole planner example. Text after the closing <|end|> is ignored. */
export function decodePlan(text: string, limits: PlanLimits = {}): Plan {
  const normalized = normalizeSpecialTokens(text);
  const userAt = normalized.indexOf(USER);
  if (userAt < 0) {
    throw new PlanFormatError(`plan text has no ${USER} token`, {
      hint: `Expected ${USER}{query}${END}${ASSISTANT}{s1}${SPLIT}{s2}${END}`,
    });
  }
  const assistantAt = normalized.indexOf(ASSISTANT, userAt);
  if (assistantAt < 0) {
    throw new PlanFormatError(`plan text has no ${ASSISTANT} token after ${USER}`, {
      hint: `Expected ${USER}{query}${END}${ASSISTANT}{s1}${SPLIT}{s2}${END}`,
    });
  }
  let query = normalized.slice(userAt + USER.length, assistantAt).trim();
  if (query.endsWith(END)) query = query.slice(0, -END.length).trim();
  if (query === "") throw new PlanFormatError("plan text has an empty query", { hint: `Put the query between ${USER} and ${END}` });
  assertNoSpecialTokens(query, "query");
  const steps = parsePlanCompletion(normalized.slice(assistantAt + ASSISTANT.length), limits);
  return { query, steps };
}

/**
 * Parses what the planner model generated after the prompt: steps up to <|end|> (or the end of the text,
 * since the end token is often consumed as a stop sequence). A new <|user|> turn also ends the plan.
 */
export function parsePlanCompletion(text: string, limits: PlanLimits = {}): string[] {
  let body = normalizeSpecialTokens(text).trimStart();
  if (body.startsWith(ASSISTANT)) body = body.slice(ASSISTANT.length);
  for (const terminator of [END, USER]) {
    const at = body.indexOf(terminator);
    if (at >= 0) body = body.slice(0, at);
  }
  const stray = SPECIAL_TOKENS.find((token) => token !== SPLIT && body.includes(token));
  if (stray !== undefined) {
    throw new PlanFormatError(`plan completion contains ${stray} inside a step`, {
      hint: `Only ${SPLIT} may separate steps; the plan ends at ${END}`,
    });
  }
  return splitSteps(body, limits, "plan completion");
}
