// Learning byte-level BPE merges from pre-token counts.
// Each distinct pre-token is a sequence of token ids (initially its bytes) with a frequency. The
// most frequent adjacent pair is merged next; ties go to the smaller (left id, right id), so the
// result depends only on the corpus. Pair counts are updated incrementally: a merge touches only
// the words that contain the pair (found through pairWords), and only pairs whose count changed
// are re-queued. A max-heap with lazy deletion finds the best pair.
// Deliberately left out: HF's "continuing subword prefix" and dropout options.

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

class CandidateHeap {
  private readonly items: Candidate[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: Candidate): void {
    const items = this.items;
    items.push(item);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!better(items[index]!, items[parent]!)) break;
      [items[index], items[parent]] = [items[parent]!, items[index]!];
      index = parent;
    }
  }
  pop(): Candidate {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1, right = left + 1;
        let best = index;
        if (left < items.length && better(items[left]!, items[best]!)) best = left;
        if (right < items.length && better(items[right]!, items[best]!)) best = right;
        if (best === index) break;
        [items[index], items[best]] = [items[best]!, items[index]!];
        index = best;
      }
    }
    return top;
  }
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
  const heap = new CandidateHeap();
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
