// Pre-tokenization exactly as llama.cpp does it for `tokenizer.ggml.pre = "gpt-2"`:
// 1. special tokens are cut out first (llama_vocab::tokenizer_st_partition: longest token first,
//    each token splitting every remaining text fragment at all of its occurrences);
// 2. each text fragment is split by unicode_regex_split_custom_gpt2, llama.cpp's hand-written
//    matcher for  's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
//    (case-sensitive contractions; "whitespace" is llama.cpp's list, which has U+0085 but not U+FEFF).
// We chose "gpt-2" over "default": "default" chains four regexes through std::regex on a
// "collapsed" text, which is much harder to reproduce exactly. "smollm" (SmolLM, StarCoder, CodeShell …) first
// cuts every number code point out on its own (regex \p{N}), then applies the gpt-2 matcher to each piece: numbers
// become single digits, which a small model copies and converts ("November 28" → "2026-11-28") far more easily than
// the one-off tokens " 28" and "28".
// Letter/number classes come from the JS engine's Unicode tables (\p{L}, \p{N}); they can differ
// from llama.cpp's generated tables only for code points assigned in a newer Unicode version.

const LETTER = 1, NUMBER = 2, WHITESPACE = 4, OTHER = 8;

/** The `tokenizer.ggml.pre` values reproduced here. */
export const PRE_TOKENIZERS = ["gpt-2", "smollm"] as const;
export type PreTokenizerName = (typeof PRE_TOKENIZERS)[number];

export function isPreTokenizerName(text: string): text is PreTokenizerName {
  return (PRE_TOKENIZERS as readonly string[]).includes(text);
}

/** One text fragment (no special tokens) split as llama.cpp splits it for `pre`. */
export function preTokenize(text: string, pre: PreTokenizerName): string[] {
  return pre === "gpt-2" ? gpt2Split(text) : splitNumbers(text).flatMap(gpt2Split);
}

/** Every number code point on its own, the text between them as it is (llama.cpp's \p{N} regex step). */
function splitNumbers(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  let offset = 0;
  for (const char of text) {
    const width = char.length;
    if (classOf(char.codePointAt(0)!) === NUMBER) {
      if (offset > start) pieces.push(text.slice(start, offset));
      pieces.push(char);
      start = offset + width;
    }
    offset += width;
  }
  if (text.length > start) pieces.push(text.slice(start));
  return pieces;
}

const LLAMA_WHITESPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680,
  0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);
const LETTER_PATTERN = /\p{L}/u;
const NUMBER_PATTERN = /\p{N}/u;

/** Class of each code point, computed on first use (0 = not yet computed). */
const classes = new Uint8Array(0x110000);

function classOf(codePoint: number): number {
  let value = classes[codePoint]!;
  if (value === 0) {
    const char = String.fromCodePoint(codePoint);
    value = LLAMA_WHITESPACE.has(codePoint) ? WHITESPACE
      : LETTER_PATTERN.test(char) ? LETTER
        : NUMBER_PATTERN.test(char) ? NUMBER
          : OTHER;
    classes[codePoint] = value;
  }
  return value;
}

const APOSTROPHE = 0x27, SPACE = 0x20;
const S = 0x73, T = 0x74, M = 0x6d, D = 0x64, R = 0x72, V = 0x76, E = 0x65, L = 0x6c;

/** Splits one text fragment (no special tokens) into GPT-2 pre-tokens. */
export function gpt2Split(text: string): string[] {
  const points: number[] = [];
  const starts: number[] = []; // UTF-16 index where each code point starts
  for (let index = 0; index < text.length; ) {
    const point = text.codePointAt(index)!;
    points.push(point);
    starts.push(index);
    index += point > 0xffff ? 2 : 1;
  }
  const n = points.length;
  starts.push(text.length);
  const flagsAt = (pos: number) => (pos < n ? classOf(points[pos]!) : 0);
  const words: string[] = [];
  let previousEnd = 0;
  const emit = (end: number) => {
    if (end > previousEnd) words.push(text.slice(starts[previousEnd], starts[end]));
    previousEnd = end;
  };
  let pos = 0;
  while (pos < n) {
    const point = points[pos]!;
    if (point === APOSTROPHE && pos + 1 < n) {
      const next = points[pos + 1]!;
      if (next === S || next === T || next === M || next === D) {
        pos += 2;
        emit(pos);
        continue;
      }
      if (pos + 2 < n) {
        const after = points[pos + 2]!;
        if ((next === R && after === E) || (next === V && after === E) || (next === L && after === L)) {
          pos += 3;
          emit(pos);
          continue;
        }
      }
    }
    const leading = point === SPACE ? 1 : 0;
    const flags = leading ? flagsAt(pos + 1) : flagsAt(pos);
    if (flags === LETTER || flags === NUMBER || flags === OTHER) {
      pos += leading;
      while (flagsAt(pos) === flags) pos++;
      emit(pos);
      continue;
    }
    let spaces = 0;
    while (flagsAt(pos + spaces) === WHITESPACE) spaces++;
    if (spaces > 1 && pos + spaces < n) {
      // \s+(?!\S): leave the last space to prefix the next word
      pos += spaces - 1;
      emit(pos);
      continue;
    }
    if (spaces > 0) {
      pos += spaces;
      emit(pos);
      continue;
    }
    emit(++pos);
  }
  return words;
}

export type Fragment = { text: string } | { special: number };

/**
 * Cuts special tokens out of text, in llama.cpp's order: tokens sorted by UTF-8 length, longest
 * first (ties by id), each splitting all raw fragments at every occurrence.
 */
export function partitionSpecial(text: string, specials: ReadonlyArray<{ text: string; id: number }>): Fragment[] {
  let fragments: Fragment[] = text === "" ? [] : [{ text }];
  for (const special of specials) {
    if (special.text === "") continue;
    const next: Fragment[] = [];
    for (const fragment of fragments) {
      if (!("text" in fragment)) {
        next.push(fragment);
        continue;
      }
      let start = 0;
      for (let found = fragment.text.indexOf(special.text); found !== -1; found = fragment.text.indexOf(special.text, start)) {
        if (found > start) next.push({ text: fragment.text.slice(start, found) });
        next.push({ special: special.id });
        start = found + special.text.length;
      }
      if (start < fragment.text.length) next.push({ text: fragment.text.slice(start) });
    }
    fragments = next;
  }
  return fragments;
}

/** Sorts special tokens into the order partitionSpecial expects. */
export function specialOrder(specials: Array<{ text: string; id: number }>): Array<{ text: string; id: number }> {
  return [...specials].sort((a, b) => Buffer.byteLength(b.text) - Buffer.byteLength(a.text) || a.id - b.id);
}
