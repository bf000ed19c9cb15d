// Supervised fine-tuning examples: a prompt and a target, tokenized, with a mask that
// says which tokens the loss counts. Only the assistant's tokens (the target, including its
// closing <|end|> or <nexa_end>) are counted; the prompt and the padding are not.
//
//   task "plan": prompt = plannerPrompt(query), target = plannerTarget(steps)   (one per record)
//   task "act":  prompt = actionPrompt(step i, observation after step i-1),
//                target = callToAction(functions, calls[i]) = "<nexa_K>(args)<nexa_end>" (one per step)
//
// Deliberately left out: packing several examples into one row (it needs a block-diagonal
// attention mask our forward does not take); padding to the longest row of a batch plus
// length bucketing keeps the waste small instead.
import { plannerPrompt, plannerTarget, actionPrompt, callToAction } from "../plan/index.js";
import type { FunctionSet } from "../functions/index.js";
import type { DatasetRecord } from "../data/index.js";
import { InputError } from "../errors.js";

export type TrainingTask = "plan" | "act";

/** The one thing the trainer needs from a tokenizer. */
export interface TextEncoder {
  encode(text: string): number[];
}

export interface TextExample {
  /** Record id, plus ":step" for action examples; used in error messages. */
  id: string;
  prompt: string;
  target: string;
}

export interface TokenizedExample {
  id: string;
  /** prompt tokens followed by target tokens. */
  tokens: number[];
  /** Number of leading prompt tokens (not counted by the loss). */
  promptLength: number;
}

/** Prompt/target pairs for one record. */
export function recordToExamples(record: DatasetRecord, task: TrainingTask, functions?: FunctionSet): TextExample[] {
  if (task === "plan") {
    return [{ id: record.id, prompt: plannerPrompt(record.query), target: plannerTarget(record.steps) }];
  }
  if (!functions) {
    throw new InputError(`record ${record.id}: task "act" needs a function set`, {
      hint: "pass --functions FILE or give the records a 'domains' field",
    });
  }
  const calls = record.calls ?? [];
  if (calls.length === 0) {
    throw new InputError(`record ${record.id}: field 'calls' is missing or empty; task "act" trains on the gold calls`, {
      hint: "generate the data with calls (octoplan data generate) or train with --task plan",
    });
  }
  if (calls.length !== record.steps.length) {
    throw new InputError(`record ${record.id}: ${record.steps.length} steps but ${calls.length} calls`, {
      hint: "each plan step needs exactly one call for the action format",
    });
  }
  return calls.map((call, index) => ({
    id: `${record.id}:${index}`,
    prompt: actionPrompt(record.steps[index]!, index === 0 ? undefined : record.observations?.[index - 1]),
    target: callToAction(functions, call),
  }));
}

export interface TokenizeResult {
  examples: TokenizedExample[];
  /** Examples cut to the context length (their tail is lost). */
  truncated: number;
  /** Examples dropped because nothing of the target survived truncation. */
  dropped: number;
}

/**
 * Tokenizes prompt and target separately (so the mask boundary is exact; with `promptLoss` there is none) and cuts each
 * example to `contextLength + 1` tokens: the inputs are tokens[0..n-2], the labels tokens[1..n-1].
 */
export function tokenizeExamples(
  examples: TextExample[],
  tokenizer: TextEncoder,
  contextLength: number,
  options: { promptLoss?: boolean } = {},
): TokenizeResult {
  const result: TokenizeResult = { examples: [], truncated: 0, dropped: 0 };
  const limit = contextLength + 1;
  for (const example of examples) {
    const prompt = tokenizer.encode(example.prompt);
    let tokens = prompt.concat(tokenizer.encode(example.target));
    if (tokens.length > limit) {
      tokens = tokens.slice(0, limit);
      if (prompt.length >= limit) {
        result.dropped++;
        continue;
      }
      result.truncated++;
    }
    if (tokens.length < 2) {
      result.dropped++;
      continue;
    }
    // With promptLoss every token after the first is a label; the first has nothing before it to predict from.
    result.examples.push({ id: example.id, tokens, promptLength: options.promptLoss ? 1 : prompt.length });
  }
  return result;
}

/** One padded batch in the layout the forward pass takes. */
export interface Batch {
  /** Sequence length T (longest row minus one). */
  length: number;
  /** Rows B. */
  rows: number;
  /** Input ids [T, B] (t fastest), padding = 0. */
  inputs: Int32Array;
  /** Label ids [T, B]: the token that follows each input. */
  labels: Int32Array;
  /** 1 where the label counts in the loss, 0 for prompt and padding [T, B]. */
  mask: Uint8Array;
  /** Number of counted labels. */
  targetTokens: number;
  /** Non-padding input tokens (for tokens/s). */
  tokens: number;
}

export function makeBatch(examples: TokenizedExample[]): Batch {
  const rows = examples.length;
  const length = Math.max(...examples.map((example) => example.tokens.length)) - 1;
  const inputs = new Int32Array(length * rows);
  const labels = new Int32Array(length * rows);
  const mask = new Uint8Array(length * rows);
  let targetTokens = 0;
  let tokens = 0;
  examples.forEach((example, row) => {
    const ids = example.tokens;
    for (let t = 0; t < ids.length - 1; t++) {
      const at = row * length + t;
      inputs[at] = ids[t]!;
      labels[at] = ids[t + 1]!;
      // Label t is token t+1; it is a target when it lies after the prompt.
      if (t + 1 >= example.promptLength) {
        mask[at] = 1;
        targetTokens++;
      }
      tokens++;
    }
  });
  return { length, rows, inputs, labels, mask, targetTokens, tokens };
}
