// Text generation for /v1/chat/completions on a LocalModel, streamed piece by piece: sampling
// (temperature 0 = greedy), stop strings, an end-of-generation token, a token budget, JSON mode
// (a llama.cpp JSON grammar) and an AbortSignal checked after every token, so a client that goes
// away stops the decoding and frees the model's slot. Text is released only when it cannot be the
// start of a stop string and holds no half of a multi-byte character.
// Deliberately left out: KV-cache reuse between requests (each request clears the sequence; prompts
// are short and a clean state keeps greedy replies repeatable).
import { LlamaGrammarEvaluationState, type Token } from "node-llama-cpp";
import type { LocalModel } from "../agent/index.js";

export interface CompletionOptions {
  maxTokens: number;
  stop: string[];
  temperature: number;
  topP?: number;
  seed?: number;
  json?: boolean;
  /** Keep going past end-of-generation tokens (llama.cpp server's `ignore_eos`). */
  ignoreEos?: boolean;
  signal?: AbortSignal;
  onText?: (piece: string) => void;
}

export interface Completion {
  text: string;
  finishReason: "stop" | "length";
  promptTokens: number;
  completionTokens: number;
}

export async function complete(local: LocalModel, prompt: string, options: CompletionOptions): Promise<Completion> {
  const promptTokens = local.tokenize(prompt);
  // A prompt that fills the context leaves no room to answer: keep its end (the latest turns).
  const contextSize = local.context.contextSize;
  const keptPrompt = promptTokens.length > contextSize - 8 ? promptTokens.slice(promptTokens.length - (contextSize - 8)) : promptTokens;
  const maxTokens = Math.max(1, Math.min(options.maxTokens, contextSize - keptPrompt.length));
  await local.sequence.clearHistory();
  const grammar = options.json ? await local.llama.getGrammarFor("json") : undefined;
  const grammarEvaluationState = grammar ? new LlamaGrammarEvaluationState({ model: local.model, grammar }) : undefined;
  const generated: Token[] = [];
  let text = "";
  let released = 0;
  let finishReason: Completion["finishReason"] = "stop";
  const iterator = local.sequence.evaluate(keptPrompt, {
    temperature: options.temperature,
    topP: options.topP,
    seed: options.seed,
    grammarEvaluationState,
    yieldEogToken: true,
  });
  try {
    for await (const token of iterator) {
      options.signal?.throwIfAborted();
      if (local.model.isEogToken(token) && !options.ignoreEos) break;
      if (!local.model.isEogToken(token)) generated.push(token);
      text = local.model.detokenize(generated, true);
      const stop = firstStop(text, options.stop);
      if (stop !== undefined) {
        text = text.slice(0, stop);
        break;
      }
      const safe = safeLength(text, options.stop);
      if (safe > released) {
        options.onText?.(text.slice(released, safe));
        released = safe;
      }
      if (generated.length >= maxTokens) {
        finishReason = "length";
        break;
      }
    }
  } finally {
    await iterator.return();
  }
  options.signal?.throwIfAborted();
  if (text.length > released) options.onText?.(text.slice(released));
  return { text, finishReason, promptTokens: keptPrompt.length, completionTokens: generated.length };
}

function firstStop(text: string, stops: string[]): number | undefined {
  let best: number | undefined;
  for (const stop of stops) {
    const index = text.indexOf(stop);
    if (index >= 0 && (best === undefined || index < best)) best = index;
  }
  return best;
}

/** Length of the prefix that can be sent: no trailing partial stop string, no trailing U+FFFD. */
function safeLength(text: string, stops: string[]): number {
  let end = text.length;
  while (end > 0 && text[end - 1] === "\uFFFD") end--;
  for (const stop of stops) {
    for (let length = Math.min(stop.length - 1, end); length > 0; length--) {
      if (text.slice(end - length, end) === stop.slice(0, length)) {
        end -= length;
        break;
      }
    }
  }
  return end;
}
