// Duplicate and near-duplicate detection on normalised request text: lower case, no
// punctuation, no politeness or filler words, single spaces. "Can you check the weather in
// Paris, please?" and "check weather in paris" collide on purpose. Semantic near-duplicates
// (same intent, different words) are deliberately kept: they are the variety we want.
import { normalizeQuery } from "../stats.js";

const FILLER = new Set(["please", "pls", "plz", "can", "could", "would", "you", "u", "hey", "yo", "ok", "so", "thanks", "thx", "the", "a", "an",
  "my", "me", "for", "i", "just", "quick", "go", "ahead", "and", "also", "then", "real", "asap", "now"]);

/** `dataset stats`' normalisation, minus filler words. */
export function dedupKey(query: string): string {
  return normalizeQuery(query)
    .split(" ")
    .filter((word) => word !== "" && !FILLER.has(word))
    .join(" ");
}

export class DedupIndex {
  private readonly keys = new Set<string>();

  has(query: string): boolean {
    return this.keys.has(dedupKey(query));
  }

  add(query: string): void {
    this.keys.add(dedupKey(query));
  }

  get size(): number {
    return this.keys.size;
  }
}
