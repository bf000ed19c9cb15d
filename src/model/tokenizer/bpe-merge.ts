// Applying BPE merges to one pre-token, as llama.cpp's llm_tokenizer_bpe_session does: start from
// one symbol per character of the byte-level word, keep a priority queue of adjacent pairs that
// have a merge, and repeatedly merge the pair with the lowest merge rank (ties: leftmost).
// Entries made stale by an earlier merge are skipped by comparing texts, exactly like llama.cpp.
// Deliberately a port of that algorithm, not HF's "merge all occurrences" loop: same results,
// but this way agreement does not rest on an argument.

import { BinaryHeap } from "./binary-heap.js";

interface Bigram {
  rank: number;
  left: number;
  right: number;
  text: string;
}

function before(a: Bigram, b: Bigram): boolean {
  return a.rank < b.rank || (a.rank === b.rank && a.left < b.left);
}

export class BpeMerger {
  private readonly cache = new Map<string, string[]>();

  /** ranks: "left right" → merge rank (its index in tokenizer.ggml.merges). */
  constructor(private readonly ranks: ReadonlyMap<string, number>) {}

  /** Splits a byte-level word into its final BPE symbols. */
  mergeWord(word: string): string[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const texts = Array.from(word);
    const previous = texts.map((_, index) => index - 1);
    const next = texts.map((_, index) => (index + 1 < texts.length ? index + 1 : -1));
    const queue = new BinaryHeap<Bigram>(before);
    const addBigram = (left: number, right: number) => {
      if (left === -1 || right === -1) return;
      const rank = this.ranks.get(`${texts[left]} ${texts[right]}`);
      if (rank !== undefined) queue.push({ rank, left, right, text: texts[left]! + texts[right]! });
    };
    for (let index = 1; index < texts.length; index++) addBigram(index - 1, index);
    while (queue.size > 0) {
      const bigram = queue.pop();
      const leftText = texts[bigram.left]!, rightText = texts[bigram.right]!;
      if (leftText === "" || rightText === "" || leftText + rightText !== bigram.text) continue;
      texts[bigram.left] = bigram.text;
      texts[bigram.right] = "";
      next[bigram.left] = next[bigram.right]!;
      if (next[bigram.right]! >= 0) previous[next[bigram.right]!] = bigram.left;
      addBigram(previous[bigram.left]!, bigram.left);
      addBigram(bigram.left, next[bigram.left]!);
    }
    const symbols = texts.filter((text) => text !== "");
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(word, symbols);
    return symbols;
  }
}
