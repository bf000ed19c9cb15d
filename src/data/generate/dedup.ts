// Duplicate and near-duplicate detection on normalised request text: lower case, no
// punctuation, no politeness or filler words, single spaces. "Can you check the weather in
// Paris, please?" and "check weather in paris" collide on purpose. Semantic near-duplicates
// (same intent, different words) are deliberately kept: they are the variety we want.

const FILLER = new Set(["please", "pls", "plz", "can", "could", "would", "you", "u", "hey", "yo", "ok", "so", "thanks", "thx", "the", "a", "an",
  "my", "me", "for", "i", "just", "quick", "go", "ahead", "and", "also", "then", "real", "asap", "now"]);

export function normalizeQuery(query: string): string {
  return query
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((word) => word !== "" && !FILLER.has(word))
    .join(" ");
}

export class DedupIndex {
  private readonly keys = new Set<string>();

  has(query: string): boolean {
    return this.keys.has(normalizeQuery(query));
  }

  add(query: string): void {
    this.keys.add(normalizeQuery(query));
  }

  get size(): number {
    return this.keys.size;
  }
}
