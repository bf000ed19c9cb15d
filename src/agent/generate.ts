// Greedy token-by-token generation on a LocalModel, with the stops the agent needs: a special
// token (`<|end|>`, `<nexa_end>`), end of generation (EOS/EOT), a stop string (for vocabularies where
// the marker is not one token), and a hard token budget. Prompts are token arrays evaluated directly:
// no chat wrapper, so the model sees exactly the text it was trained on.
// Deliberately left out: sampling. Temperature 0 is the paper's setting and makes evaluation repeatable.
import type { LlamaGrammar, Token } from "node-llama-cpp";
import { LlamaGrammarEvaluationState } from "node-llama-cpp";
import type { LocalModel } from "./llama.js";

export interface GenerateOptions {
  /** Generation ends right after any of these strings appears; the returned text stops before it. */
  stop: string[];
  maxTokens: number;
  grammar?: LlamaGrammar;
  signal?: AbortSignal;
}

export interface Generation {
  /** Completion text up to (not including) the stop string. */
  text: string;
  /** Which condition ended generation. */
  stoppedBy: "stop" | "eos" | "maxTokens";
  /** The stop string that matched, when stoppedBy is "stop". */
  stopString?: string;
  promptTokens: number;
  completionTokens: number;
  ms: number;
  /** Times a constrained decoder went back inside a step (distinct-steps.ts); absent for plain greedy. */
  backtracks?: number;
}

export async function generateGreedy(local: LocalModel, prompt: string, options: GenerateOptions): Promise<Generation> {
  const started = performance.now();
  const promptTokens = local.tokenize(prompt);
  const generated: Token[] = [];
  // A fresh KV cache per call: prompts are short (tens of tokens), and a clean state keeps greedy
  // decoding exactly repeatable, which evaluation relies on.
  await local.sequence.clearHistory();
  const grammarEvaluationState = options.grammar
    ? new LlamaGrammarEvaluationState({ model: local.model, grammar: options.grammar })
    : undefined;
  let stoppedBy: Generation["stoppedBy"] = "eos";
  let stopString: string | undefined;
  // Stops that are one token in this vocabulary (`<nexa_end>`, `<|end|>`) are matched by id, which
  // costs nothing per token; only the others need the running text (a native detokenize per token).
  const stopById = new Map<Token, string>();
  const textStops: string[] = [];
  for (const stop of options.stop) {
    const id = local.singleTokenId(stop);
    if (id === undefined) textStops.push(stop);
    else stopById.set(id, stop);
  }
  let runningText = "";
  const iterator = local.sequence.evaluate(promptTokens, { temperature: 0, grammarEvaluationState });
  try {
    for await (const token of iterator) {
      options.signal?.throwIfAborted();
      generated.push(token);
      stopString = stopById.get(token);
      if (stopString === undefined && textStops.length > 0) {
        // Stop strings are ASCII, so UTF-8 bytes split across tokens do not matter for this check.
        runningText += local.model.detokenize([token], true);
        stopString = firstStop(runningText, textStops)?.stop;
      }
      if (stopString !== undefined) {
        stoppedBy = "stop";
        break;
      }
      if (generated.length >= options.maxTokens) {
        stoppedBy = "maxTokens";
        break;
      }
    }
  } finally {
    await iterator.return();
  }
  let text = local.model.detokenize(generated, true);
  // A stop spelled with ordinary tokens (rare) was not seen by id: cut the text at it all the same.
  const hit = firstStop(text, options.stop);
  if (hit) {
    text = text.slice(0, hit.index);
    stopString = hit.stop;
    stoppedBy = "stop";
  }
  return {
    text,
    stoppedBy,
    stopString,
    promptTokens: promptTokens.length,
    completionTokens: generated.length,
    ms: performance.now() - started,
  };
}

function firstStop(text: string, stops: string[]): { index: number; stop: string } | undefined {
  let best: { index: number; stop: string } | undefined;
  for (const stop of stops) {
    const index = text.indexOf(stop);
    if (index >= 0 && (best === undefined || index < best.index)) best = { index, stop };
  }
  return best;
}
