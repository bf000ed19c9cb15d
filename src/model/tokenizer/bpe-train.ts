// Learning byte-level BPE merges from pre-token counts.
// Each distinct pre-token is a sequence of token ids (initially its bytes) with a frequency. The
// most frequent adjacent pair is merged next; ties go to the smaller (left id, right id), so the
// result depends only on the corpus. Pair counts are updated incrementally: a merge touches only
// the words that contain the pair (found through pairWords), and only pairs whose count changed
// are re-queued. A max-heap with lazy deletion finds the best pair.
// Deliberately left out: HF's "continuing subword prefix" and dropout options.

import { InputError } from "../../errors.js";
import { END, SPECIAL_TOKENS } from "../../plan/tokens.js";
import { ProgressBar } from "../../util/progress.js";
import { BinaryHeap } from "./binary-heap.js";
import { BYTE_TO_CHAR } from "./byte-level.js";
import { partitionSpecial, preTokenize, specialOrder, type PreTokenizerName } from "./pretokenize.js";

/** llama_token_type values stored in tokenizer.ggml.token_type. */
export const TOKEN_TYPE = { NORMAL: 1, UNKNOWN: 2, CONTROL: 3, USER_DEFINED: 4, BYTE: 6 } as const;

export interface BpeTrainOptions {
  /** Total vocabulary size including special and byte tokens (default 4096). */
  vocabSize?: number;
  specialTokens?: string[];
  /** Token used for EOS/BOS/padding (default <|end|>; must be one of specialTokens). */
  eosToken?: string;
  /** Pairs seen fewer times than this are never merged (default 2); a small corpus yields a smaller vocabulary. */
  minFrequency?: number;
  /** llama.cpp pre-tokenizer (tokenizer.ggml.pre): "gpt-2" (default) or "smollm" (single digits). */
  pre?: PreTokenizerName;
  progress?: boolean;
}

export interface BpeData {
  tokens: string[];
  tokenTypes: number[];
  merges: string[];
  eosId: number;
  bosId: number;
  paddingId: number;
  /** tokenizer.ggml.pre; absent in files written before it was a choice, which are "gpt-2". */
  pre?: PreTokenizerName;
}

export interface TrainedMerge {
  left: number;
  right: number;
  result: number;
}

const KEY_BASE = 2 ** 21; // token ids stay below 2M, so left·2^21 + right is an exact double

interface Candidate {
  count: number;
  left: number;
  right: number;
}

function better(a: Candidate, b: Candidate): boolean {
  return a.count > b.count || (a.count === b.count && (a.left < b.left || (a.left === b.left && a.right < b.right)));
}

/**
 * words: id sequences of distinct pre-tokens; counts: their frequencies.
 * tokenTexts: texts of the existing tokens (extended in place with new tokens).
 * Returns merges in learned order (rank = index); stops at maxTokens or when no pair is seen
 * at least minFrequency times.
 */
export function learnMerges(words: number[][], counts: number[], tokenTexts: string[], maxTokens: number, minFrequency: number,
  onProgress?: (tokens: number) => void): TrainedMerge[] {
  const pairCount = new Map<number, number>();
  const pairWords = new Map<number, Set<number>>();
  words.forEach((word, index) => {
    for (let i = 0; i + 1 < word.length; i++) {
      const key = word[i]! * KEY_BASE + word[i + 1]!;
      pairCount.set(key, (pairCount.get(key) ?? 0) + counts[index]!);
      let set = pairWords.get(key);
      if (!set) pairWords.set(key, (set = new Set()));
      set.add(index);
    }
  });
  const heap = new BinaryHeap<Candidate>(better);
  for (const [key, count] of pairCount) heap.push({ count, left: Math.floor(key / KEY_BASE), right: key % KEY_BASE });

  const textToId = new Map(tokenTexts.map((text, id) => [text, id]));
  const merges: TrainedMerge[] = [];
  while (tokenTexts.length < maxTokens && heap.size > 0) {
    const candidate = heap.pop();
    const key = candidate.left * KEY_BASE + candidate.right;
    if (pairCount.get(key) !== candidate.count) continue; // stale entry
    if (candidate.count < minFrequency) break;
    const text = tokenTexts[candidate.left]! + tokenTexts[candidate.right]!;
    // Two merge paths can build the same string ("ab"+"c", "a"+"bc"): reuse its id, as HF does.
    let result = textToId.get(text);
    if (result === undefined) {
      result = tokenTexts.length;
      tokenTexts.push(text);
      textToId.set(text, result);
    }
    merges.push({ left: candidate.left, right: candidate.right, result });
    applyMerge(candidate.left, candidate.right, result);
    onProgress?.(tokenTexts.length);
  }
  return merges;

  function applyMerge(left: number, right: number, result: number): void {
    const key = left * KEY_BASE + right;
    const deltas = new Map<number, number>();
    const affected = [...(pairWords.get(key) ?? [])].sort((a, b) => a - b);
    pairWords.delete(key);
    for (const index of affected) {
      const word = words[index]!;
      const count = counts[index]!;
      const merged: number[] = [];
      let changed = false;
      for (let i = 0; i < word.length; i++) {
        if (i + 1 < word.length && word[i] === left && word[i + 1] === right) {
          merged.push(result);
          i++;
          changed = true;
        } else merged.push(word[i]!);
      }
      if (!changed) continue;
      for (let i = 0; i + 1 < word.length; i++) {
        const pair = word[i]! * KEY_BASE + word[i + 1]!;
        deltas.set(pair, (deltas.get(pair) ?? 0) - count);
      }
      for (let i = 0; i + 1 < merged.length; i++) {
        const pair = merged[i]! * KEY_BASE + merged[i + 1]!;
        deltas.set(pair, (deltas.get(pair) ?? 0) + count);
        let set = pairWords.get(pair);
        if (!set) pairWords.set(pair, (set = new Set()));
        set.add(index);
      }
      words[index] = merged;
    }
    for (const [pair, delta] of deltas) {
      if (delta === 0) continue;
      const count = (pairCount.get(pair) ?? 0) + delta;
      if (count <= 0) {
        pairCount.delete(pair);
        pairWords.delete(pair);
      } else {
        pairCount.set(pair, count);
        heap.push({ count, left: Math.floor(pair / KEY_BASE), right: pair % KEY_BASE });
      }
    }
  }
}

/** Pre-tokenizes the corpus (special tokens removed), counts pre-tokens and learns merges. */
export function trainBpe(corpus: Iterable<string>, options: BpeTrainOptions = {}): BpeData {
  const specialTokens = options.specialTokens ?? SPECIAL_TOKENS;
  const vocabSize = options.vocabSize ?? 4096;
  const eosToken = options.eosToken ?? END;
  const pre = options.pre ?? "gpt-2";
  if (new Set(specialTokens).size !== specialTokens.length) throw new InputError("special tokens contain duplicates");
  const eosId = specialTokens.indexOf(eosToken);
  if (eosId < 0) throw new InputError(`EOS token "${eosToken}" is not a special token`, { hint: `special tokens: ${specialTokens.join(", ")}` });
  const minimum = specialTokens.length + 256;
  if (!Number.isInteger(vocabSize) || vocabSize < minimum) {
    throw new InputError(`vocabSize ${vocabSize} is too small: it must be at least ${minimum} (${specialTokens.length} special tokens + 256 bytes)`, {
      hint: "4096 suits the tiny models octoplan trains from scratch",
    });
  }
  const specials = specialOrder(specialTokens.map((text, id) => ({ text, id })));
  const wordCounts = new Map<string, number>();
  for (const text of corpus) {
    for (const fragment of partitionSpecial(text, specials)) {
      if (!("text" in fragment)) continue;
      for (const word of preTokenize(fragment.text, pre)) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
    }
  }
  const tokenTexts = [...specialTokens, ...BYTE_TO_CHAR];
  const byteBase = specialTokens.length;
  const words: number[][] = [];
  const counts: number[] = [];
  for (const [word, count] of [...wordCounts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    words.push(Array.from(Buffer.from(word, "utf8"), (byte) => byteBase + byte));
    counts.push(count);
  }
  const bar = new ProgressBar({ total: vocabSize, label: "bpe", unit: "tok", enabled: options.progress ?? false });
  bar.resumeFrom(tokenTexts.length);
  const learned = learnMerges(words, counts, tokenTexts, vocabSize, options.minFrequency ?? 2, (tokens) => bar.update(tokens));
  bar.finish();
  const tokenTypes = tokenTexts.map((_, id) => (id < byteBase ? TOKEN_TYPE.CONTROL : TOKEN_TYPE.NORMAL));
  const merges = learned.map((merge) => `${tokenTexts[merge.left]} ${tokenTexts[merge.right]}`);
  return { tokens: tokenTexts, tokenTypes, merges, eosId, bosId: eosId, paddingId: eosId, pre };
}
