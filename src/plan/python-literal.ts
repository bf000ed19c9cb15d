// Python-literal values, as the Octopus action format writes function arguments:
// 'str' / "str" with escapes, ints, floats, True/False/None, [lists], (tuples → arrays), {dicts}.
// toPythonLiteral follows Python's repr() (single quotes unless the text has ' but no ").
// Deliberately left out: r''/b''/f'' prefixes, triple quotes, complex numbers, sets, nan/inf (not
// literals in Python either), and non-string dict keys (observations and arguments are JSON-safe).
import { MalformedActionError } from "./errors.js";

export function toPythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new MalformedActionError(`cannot write ${value} as a Python literal`, 0, { hint: "Use a finite number" });
    }
    if (Object.is(value, -0)) return "-0.0";
    return String(value);
  }
  if (typeof value === "string") return quotePython(value);
  if (Array.isArray(value)) return `[${value.map(toPythonLiteral).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([key, item]) => `${quotePython(key)}: ${toPythonLiteral(item)}`).join(", ")}}`;
  }
  throw new MalformedActionError(`cannot write a ${typeof value} as a Python literal`, 0, {
    hint: "Arguments must be JSON-safe: strings, numbers, booleans, null, arrays and plain objects",
  });
}

function quotePython(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let result = quote;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    const code = text.charCodeAt(index);
    if (char === "\\") result += "\\\\";
    else if (char === quote) result += "\\" + quote;
    else if (char === "\n") result += "\\n";
    else if (char === "\r") result += "\\r";
    else if (char === "\t") result += "\\t";
    else if (code < 0x20 || (code >= 0x7f && code <= 0xa0)) result += "\\x" + code.toString(16).padStart(2, "0");
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      result += char + text[index + 1];
      index++;
    } else if (code >= 0xd800 && code <= 0xdfff) result += "\\u" + code.toString(16).padStart(4, "0");
    else result += char;
  }
  return result + quote;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A recursive-descent reader over one text; positions in errors are offsets into that text. */
export class PythonLiteralReader {
  position: number;
  constructor(
    readonly text: string,
    start = 0,
  ) {
    this.position = start;
  }

  fail(message: string, hint = "Arguments are Python literals: 'text', 42, 3.5, True, None, [..], {'key': value}"): never {
    throw new MalformedActionError(message, this.position, { hint });
  }

  skipSpace(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position])) this.position++;
  }

  peek(): string {
    return this.text[this.position] ?? "";
  }

  expect(char: string): void {
    this.skipSpace();
    if (this.peek() !== char) this.fail(`expected '${char}' but found ${this.describeHere()}`);
    this.position++;
  }

  describeHere(): string {
    return this.position >= this.text.length ? "the end of the text" : `'${this.text.slice(this.position, this.position + 12)}'`;
  }

  readValue(): unknown {
    this.skipSpace();
    const char = this.peek();
    if (char === "'" || char === '"') return this.readString();
    if (char === "[") return this.readSequence("[", "]");
    if (char === "(") return this.readSequence("(", ")");
    if (char === "{") return this.readDict();
    if (/[-+0-9.]/.test(char)) return this.readNumber();
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.position))?.[0];
    if (word === "True" || word === "False" || word === "None") {
      this.position += word.length;
      return word === "True" ? true : word === "False" ? false : null;
    }
    if (word === "true" || word === "false" || word === "null") {
      this.fail(`'${word}' is JSON, not Python`, "Write True, False or None");
    }
    return this.fail(`expected a value but found ${this.describeHere()}`);
  }

  private readSequence(open: string, close: string): unknown[] {
    this.expect(open);
    const items: unknown[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === close) break;
      items.push(this.readValue());
      this.skipSpace();
      if (this.peek() === ",") this.position++;
      else if (this.peek() !== close) this.fail(`expected ',' or '${close}' but found ${this.describeHere()}`);
    }
    this.position++;
    return items;
  }

  private readDict(): Record<string, unknown> {
    this.expect("{");
    const result: Record<string, unknown> = {};
    for (;;) {
      this.skipSpace();
      if (this.peek() === "}") break;
      const keyAt = this.position;
      const key = this.readValue();
      if (typeof key !== "string") {
        this.position = keyAt;
        this.fail("dict keys must be strings", "Quote the key: {'key': value}");
      }
      this.expect(":");
      Object.defineProperty(result, key, { value: this.readValue(), enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      if (this.peek() === ",") this.position++;
      else if (this.peek() !== "}") this.fail(`expected ',' or '}' but found ${this.describeHere()}`);
    }
    this.position++;
    return result;
  }

  private readNumber(): number {
    const match = /^[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?/.exec(this.text.slice(this.position));
    if (!match) return this.fail(`expected a number but found ${this.describeHere()}`);
    this.position += match[0].length;
    return Number(match[0].replace(/_/g, ""));
  }

  private readString(): string {
    const quote = this.peek();
    const start = this.position;
    this.position++;
    let result = "";
    for (;;) {
      if (this.position >= this.text.length) {
        this.position = start;
        this.fail("unterminated string", `Close the string with ${quote}`);
      }
      const char = this.text[this.position++];
      if (char === quote) return result;
      if (char !== "\\") {
        result += char;
        continue;
      }
      result += this.readEscape();
    }
  }

  private readEscape(): string {
    const escapeAt = this.position - 1;
    const char = this.text[this.position++] ?? "";
    const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", v: "\v", "0": "\0", "\n": "" };
    if (char in simple && !(char === "0" && /[0-7]/.test(this.peek()))) return simple[char];
    const digits = char === "x" ? 2 : char === "u" ? 4 : char === "U" ? 8 : 0;
    if (digits > 0) {
      const hex = this.text.slice(this.position, this.position + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) {
        this.position = escapeAt;
        this.fail(`bad \\${char} escape`, `\\${char} needs ${digits} hex digits`);
      }
      const codePoint = parseInt(hex, 16);
      if (codePoint > 0x10ffff) {
        this.position = escapeAt;
        this.fail(`\\${char}${hex} is beyond U+10FFFF`, "Use a valid Unicode code point");
      }
      this.position += digits;
      return String.fromCodePoint(codePoint);
    }
    if (/[0-7]/.test(char)) {
      const octal = /^[0-7]{0,2}/.exec(this.text.slice(this.position))?.[0] ?? "";
      this.position += octal.length;
      return String.fromCharCode(parseInt(char + octal, 8));
    }
    // Python keeps unknown escapes such as "\d" as a backslash plus the character.
    return "\\" + char;
  }
}

/** Parses exactly one Python literal; anything after it (other than spaces) is an error. */
export function parsePythonLiteral(text: string): unknown {
  const reader = new PythonLiteralReader(text);
  const value = reader.readValue();
  reader.skipSpace();
  if (reader.position < text.length) reader.fail(`unexpected ${reader.describeHere()} after the value`);
  return value;
}
