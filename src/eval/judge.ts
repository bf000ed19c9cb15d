// The LLM judge (paper §3.3: GPT-4 as the oracle). It sees the available functions, the request, the
// reference plan and the candidate plan, and applies the paper's two criteria: every step corresponds
// to an existing function, and the order of the steps is correct. It answers JSON {correct, reason}.
import { z } from "zod";
import type { FunctionSet } from "../functions/index.js";
import type { ChatClient } from "../util/chat-client.js";

export interface JudgeVerdict {
  correct: boolean;
  reason: string;
}

const verdictSchema = z.object({ correct: z.boolean(), reason: z.string().default("") });

export function planJudgePrompt(query: string, reference: { steps?: string[]; functions: string[] }, plan: string[], functions: FunctionSet): string {
  const referenceText = reference.steps?.length
    ? reference.steps.map((step, index) => `${index + 1}. ${step} [${reference.functions[index] ?? "?"}]`).join("\n")
    : reference.functions.map((name, index) => `${index + 1}. ${name}`).join("\n");
  return [
    "You judge plans made by a phone assistant's planner. Available functions:",
    functions.toDocstrings(),
    "",
    `User request: ${query}`,
    "Reference plan:",
    referenceText,
    "Candidate plan:",
    plan.length ? plan.map((step, index) => `${index + 1}. ${step}`).join("\n") : "(no steps)",
    "",
    "The candidate is correct only if (1) each step corresponds to an existing function, and (2) the sequential",
    "order of the steps is correct and accomplishes the request like the reference (same number of steps).",
    'Reply with only JSON: {"correct": true or false, "reason": "one sentence"}.',
  ].join("\n");
}

export class LlmJudge {
  constructor(
    private readonly client: ChatClient,
    private readonly functions: FunctionSet,
  ) {}

  async judge(query: string, reference: { steps?: string[]; functions: string[] }, plan: string[], signal?: AbortSignal): Promise<JudgeVerdict> {
    return this.client.completeJson(
      [{ role: "user", content: planJudgePrompt(query, reference, plan, this.functions) }],
      verdictSchema,
      { temperature: 0, signal },
    );
  }
}
