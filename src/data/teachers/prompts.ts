// Every prompt the LLM teacher sends, in one place, with the JSON shape each reply must have.
// They follow the paper (section 3.2, Figure 3): (1) with the functions shown as docstrings, ask
// for K diverse requests that need exactly N steps; (2) ask for the plan in the paper's step
// style together with one call per step; (3) ask the same model to judge each pair against the
// paper's two criteria. The function descriptions are only ever shown here; records keep none.
import { z } from "zod";
import type { ChatMessage } from "../../util/chat-client.js";

const SYSTEM = "You write and check training data for an on-device assistant that plans a user's request as a short "
  + "sequence of steps, where each step is carried out by exactly one function call. You always answer with a single "
  + "JSON object and nothing else.";

// The paper's own examples: the step style we want (short imperative sentences, execution order).
const STYLE_EXAMPLES = `Request: Tell me today's stock market.
Steps: ["Search for today's stock market news and latest updates"]

Request: Find and email me Jensen Huang's news in English.
Steps: ["Find articles about Jensen Huang in English", "Email the first article found to myself"]

Request: I have a meeting tomorrow morning, please find my presentation then connect to the conference room projector via Bluetooth. After that, increase the screen brightness then take a screenshot of the final summary slide and email it to all participants.
Steps: ["Find the presentation for the meeting tomorrow", "Connect to the conference room projector via Bluetooth", "Increase screen brightness by 20%", "Take a screenshot of the final summary slide", "Email the screenshot to all meeting participants"]`;

export const requestsReplySchema = z.object({
  requests: z.array(z.string().min(3)).min(1),
});

export const planReplySchema = z.object({
  steps: z.array(z.object({
    step: z.string().min(2),
    function: z.string().min(1),
    arguments: z.record(z.string(), z.unknown()).default({}),
  })).min(1),
});

export const judgeReplySchema = z.object({
  valid: z.boolean(),
  reason: z.string().default(""),
});

export type RequestsReply = z.infer<typeof requestsReplySchema>;
export type PlanReply = z.infer<typeof planReplySchema>;
export type JudgeReply = z.infer<typeof judgeReplySchema>;

/** The device-context block (device-context.ts), or nothing for function sets without a device. */
function contextBlock(context: string): string {
  return context === "" ? "" : `\nThese exist on the user's device and in its apps; use their exact names so the calls can succeed:\n${context}\n`;
}

/** The system prompt, then the user's message: the functions, the device context (if any) and the task. */
function teacherMessages(docstrings: string, context: string, task: string): ChatMessage[] {
  return [
    { role: "system", content: SYSTEM },
    {
      role: "user",
      content: `These are the functions available on the device:

${docstrings}
${contextBlock(context)}
${task}`,
    },
  ];
}

/** Stage 1: K diverse requests that need exactly N steps. `focus` nudges batches toward different functions. */
export function requestsPrompt(input: { docstrings: string; count: number; steps: number; focus: string[]; now: string; context: string }): ChatMessage[] {
  const stepWords = input.steps === 1 ? "exactly 1 step (one function call)" : `exactly ${input.steps} steps (${input.steps} function calls, one per step)`;
  return teacherMessages(input.docstrings, input.context, `Write ${input.count} diverse requests a user might say or type to the assistant. Each request must need ${stepWords} using only the functions above.
- Vary the wording, length and tone: terse commands, polite questions, chatty messages.
- Use concrete details (names, places, times, titles, amounts) so every argument can be filled from the request.
- Requests are independent of each other; do not number them.
- Include requests that use some of these functions: ${input.focus.join(", ")}.
- The current date and time on the device is ${input.now}.

Reply with JSON: {"requests": ["<request 1>", "<request 2>", …]}`);
}

/** Stage 2: the plan in the paper's step style and one call per step. */
export function planPrompt(input: { docstrings: string; query: string; steps: number; context: string; now: string }): ChatMessage[] {
  return teacherMessages(input.docstrings, input.context, `Break this request into exactly ${input.steps} step${input.steps === 1 ? "" : "s"}, in the order they must be carried out:
"${input.query}"

Write each step as a short imperative sentence, like these examples (they show the style only; their functions may differ from yours):

${STYLE_EXAMPLES}

For each step also give the one function that carries it out and its arguments, with values taken from the request (the current date and time is ${input.now}; turn relative dates and times into the formats the functions ask for).
When an argument must come from the result of an earlier step (a file found by a search, the id of a product or flight found earlier), write it as {"$ref": {"step": <0-based index of the earlier step>, "field": "<field of the result item>"}}.

Reply with JSON: {"steps": [{"step": "<step sentence>", "function": "<function name>", "arguments": {"<parameter>": <value>}}]}`);
}

/** Stage 3: the paper's validation, by the same model, against its two criteria. */
export function judgePrompt(input: { docstrings: string; query: string; steps: string[]; calls: { name: string; arguments: Record<string, unknown> }[] }): ChatMessage[] {
  const plan = input.steps.map((step, index) => `${index + 1}. ${step}  →  ${input.calls[index]?.name ?? "?"}(${JSON.stringify(input.calls[index]?.arguments ?? {})})`).join("\n");
  // No device context: the judge checks the plan against the functions alone.
  return teacherMessages(input.docstrings, "", `Judge whether this plan is a valid answer to the request.

Request: "${input.query}"
Plan:
${plan}

The plan is valid only if both hold:
1. Every step corresponds to an existing function from the list above, and the function named for it really does that step.
2. The sequential order of the steps is correct: a step that needs the result of another comes after it, and together the steps do what the request asks.

Reply with JSON: {"valid": true or false, "reason": "<one sentence>"}`);
}
