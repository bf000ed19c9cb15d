// Seeded generator of varied text for tokenizer tests: words and contractions in several cases,
// digits and long numbers, whitespace runs (incl. tabs, CR/LF, NBSP, ideographic space, U+0085),
// punctuation, accents and combining marks, CJK/Hangul/Arabic/Devanagari/Cyrillic, emoji with
// modifiers and ZWJ sequences, and special tokens (whole and broken) in the middle of text.
import { SPECIAL_TOKENS } from "../../../src/plan/tokens.js";
import { seededNormal } from "../../helpers/tiny-llama-gguf.js";

const WORDS = ["the", "plan", "send", "email", "Alice", "BOB", "open", "settings", "weather", "café", "naïve", "Ångström",
  "résumé", "über", "straße", "東京", "タワー", "北京市", "한국어", "مرحبا", "नमस्ते", "привет", "Ελλάδα", "e\u0301", "a\u0308b"];
const CONTRACTIONS = ["don't", "I'M", "we'll", "they're", "it's", "I'd", "you've", "'s", "'", "''", "'ll", "'re", "'x", "rock'n'roll", "O'Neil"];
const NUMBERS = ["0", "7", "42", "2026", "3.14", "1,000,000", "12345678901234567890123456789", "-5", "1e-9", "²", "½", "Ⅻ", "٣٤", "0x1F"];
const SPACES = [" ", " ", " ", "  ", "   ", "\t", "\t\t", "\n", "\n\n", "\r\n", " \n ", "\u00a0", "\u3000", "\u2003", "\u0085", "\ufeff", "    \n"];
const PUNCTUATION = [".", ",", "!", "?", "...", "(", ")", "[1]", "{\"a\": 2}", "-", "_", "/", "\\", "@", "#", "$", "%", "&&", "||", "<", ">", "=>", "~", "`", "*", "+=", ";", ":"];
const EMOJI = ["🙂", "👍🏽", "👨‍👩‍👧", "🇫🇷", "∑", "→", "©", "😀😀"];
const BROKEN_SPECIALS = ["<|end", "<nexa_", "<nexa_99>", "<|user|", "end|>", "<|", "|>", "<nexa_split"];

export function variedStrings(count: number, seed: number): string[] {
  const random = seededNormal(seed);
  const uniform = () => {
    const value = Math.abs(random()) % 1;
    return Number.isFinite(value) ? value : 0;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(uniform() * items.length) % items.length]!;
  const groups: Array<[number, () => string]> = [
    [30, () => pick(WORDS)],
    [8, () => pick(CONTRACTIONS)],
    [10, () => pick(NUMBERS)],
    [25, () => pick(SPACES)],
    [12, () => pick(PUNCTUATION)],
    [5, () => pick(EMOJI)],
    [6, () => pick(SPECIAL_TOKENS)],
    [2, () => pick(BROKEN_SPECIALS)],
  ];
  const totalWeight = groups.reduce((sum, [weight]) => sum + weight, 0);
  const piece = () => {
    let roll = uniform() * totalWeight;
    for (const [weight, make] of groups) {
      if ((roll -= weight) < 0) return make();
    }
    return pick(WORDS);
  };
  const strings: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(uniform() * 14);
    let text = "";
    for (let j = 0; j < length; j++) text += piece();
    strings.push(text);
  }
  return strings;
}
