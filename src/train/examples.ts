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
import { END, SPLIT } from "../plan/tokens.js";
import type { FunctionSet } from "../functions/index.js";
import type { DatasetRecord } from "../data/index.js";
import { InputError, OctoplanError } from "../errors.js";

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
  /** A plan example's: the function of each step, when the record names them (grounding.json's intent words learn from them). */
  functions?: readonly string[];
}

export interface TokenizedExample {
  id: string;
  /** prompt tokens followed by target tokens. */
  tokens: number[];
  /** Number of leading prompt tokens (not counted by the loss). */
  promptLength: number;
  /** Indices into `tokens` of the targets that decide the plan's shape (see `decisionLabels`); weighted by makeBatch. */
  decisions?: number[];
}

/** Single-token ids that shape a target: step separators (`<nexa_split>`) and closers (`<|end|>`). */
export interface DecisionTokens {
  separators: readonly number[];
  closers: readonly number[];
}

/** A task's decision tokens in `tokenizer`'s vocabulary: for plans `<nexa_split>` and `<|end|>`, each if it is one token. */
export function shapeTokens(tokenizer: TextEncoder, task: TrainingTask): DecisionTokens {
  if (task === "act") return { separators: [], closers: [] };
  const single = (text: string) => {
    const ids = tokenizer.encode(text);
    return ids.length === 1 ? ids : [];
  };
  return { separators: single(SPLIT), closers: single(END) };
}

/**
 * The target tokens where a model decides, not copies: the first target token (a plan's first step, or the action
 * model's functional token), every separator and closer, and the token after each separator (the next step's
 * first word, which picks its intent). Most of a target is wording that follows from these; a small model that
 * gets one of them wrong writes a plan of the wrong length or order, the errors plan accuracy counts.
 */
export function decisionLabels(tokens: readonly number[], promptLength: number, decisionTokens: DecisionTokens): number[] {
  const decisions: number[] = [];
  for (let index = promptLength; index < tokens.length; index++) {
    const token = tokens[index]!;
    const previous = tokens[index - 1]!;
    if (index === promptLength || decisionTokens.separators.includes(token) || decisionTokens.closers.includes(token) || decisionTokens.separators.includes(previous)) {
      decisions.push(index);
    }
  }
  return decisions;
}

/** Prompt/target pairs for one record. */
export function recordToExamples(record: DatasetRecord, task: TrainingTask, functions?: FunctionSet): TextExample[] {
  if (task === "plan") {
    const functions = record.functions.length === record.steps.length ? { functions: record.functions } : {};
    return [{ id: record.id, prompt: plannerPrompt(record.query), target: plannerTarget(record.steps), ...functions }];
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
  options: { promptLoss?: boolean; decisionTokens?: DecisionTokens } = {},
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
    const tokenized: TokenizedExample = { id: example.id, tokens, promptLength: options.promptLoss ? 1 : prompt.length };
    if (options.decisionTokens) tokenized.decisions = decisionLabels(tokens, prompt.length, options.decisionTokens);
    result.examples.push(tokenized);
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
  /** How many times the label counts in the loss [T, B]: 0 for prompt and padding, 1, or the decision weight. */
  mask: Uint8Array;
  /** Number of counted labels, each counted as often as its mask says. */
  targetTokens: number;
  /** Non-padding input tokens (for tokens/s). */
  tokens: number;
}

/** Pads `examples` into one batch; their decision labels count `decisionWeight` times (1: like any other target). */
export function makeBatch(examples: TokenizedExample[], decisionWeight = 1): Batch {
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
    if (decisionWeight > 1) {
      for (const index of example.decisions ?? []) {
        const at = row * length + index - 1;
        targetTokens += decisionWeight - mask[at]!;
        mask[at] = decisionWeight;
      }
    }
  });
  return { length, rows, inputs, labels, mask, targetTokens, tokens };
}

/**
 * The loss's inputs for `batch`: the [T·B] positions with a target, and their one-hot labels [V, N]. A label that
 * counts k times (a decision) is k rows: get_rows' backward adds their gradients, so the mean over N rows weights it
 * exactly k times. (Scaling a one-hot row instead would be wrong: ggml's loss backward assumes each row sums to 1.)
 */
export function targetRows(batch: Batch, vocabularySize: number): { rows: Int32Array; oneHot: Float32Array } {
  const N = batch.targetTokens;
  const oneHot = new Float32Array(vocabularySize * N);
  const rows = new Int32Array(N);
  let target = 0;
  for (let row = 0; row < batch.length * batch.rows; row++) {
    for (let copy = 0; copy < batch.mask[row]!; copy++) {
      if (target === N) throw new OctoplanError(`batch mask has more than targetTokens (${N}) targets`);
      rows[target] = row;
      oneHot[target * vocabularySize + batch.labels[row]!] = 1;
      target++;
    }
  }
  if (target !== N) throw new OctoplanError(`batch mask has ${target} targets, targetTokens says ${N}`);
  return { rows, oneHot };
}
