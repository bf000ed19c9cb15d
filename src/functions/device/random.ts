// Deterministic pseudo-randomness keyed by strings: the same seed and key always give
// the same number, independently of call order, so replays and generated data agree.

/** FNV-1a, 32 bit. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A number in [0, 1) determined by the key parts (mulberry32 finaliser over the hash). */
export function randomFor(...parts: Array<string | number>): number {
  let value = (hashString(parts.join("\u241f")) + 0x6d2b79f5) >>> 0;
  value = Math.imul(value ^ (value >>> 15), value | 1);
  value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
  return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
}

export function pickFor<T>(items: readonly T[], ...parts: Array<string | number>): T {
  return items[Math.floor(randomFor(...parts) * items.length)];
}

export function integerFor(minimum: number, maximum: number, ...parts: Array<string | number>): number {
  return minimum + Math.floor(randomFor(...parts) * (maximum - minimum + 1));
}

/** Letters and digits, e.g. a confirmation code "K7Q2ZD". */
export function codeFor(length: number, alphabet: string, ...parts: Array<string | number>): string {
  let code = "";
  for (let index = 0; index < length; index++) code += pickFor([...alphabet], ...parts, index);
  return code;
}

export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
}

export function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
