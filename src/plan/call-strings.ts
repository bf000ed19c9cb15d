// The string arguments of a call being written ("<nexa_2>('isabella.san"), scanned once for every check the action
// model's decoder asks about a candidate token: copied, step, timestamp, distinct and embedded arguments
// (copy-arguments.ts and its neighbours). Deliberately left out: arguments inside lists or dicts (no built-in
// function takes one), and escapes beyond \n, \t, the quote and the backslash.

/** One string argument of a call being written: by position, or by keyword; `closed` once its quote is. */
export interface ScannedString {
  position: number;
  keyword?: string;
  value: string;
  closed: boolean;
}

/**
 * The string arguments of a (possibly unfinished) `<nexa_K>(…` call, in order, up to the one still open.
 * Undefined before the opening parenthesis.
 */
export function scanCallStrings(text: string): { index: number; strings: ScannedString[] } | undefined {
  const head = /^\s*<nexa_(\d+)>\(/.exec(text);
  if (!head) return undefined;
  const strings: ScannedString[] = [];
  let position = 0;
  let keyword: string | undefined;
  let depth = 0;
  let index = head[0].length;
  while (index < text.length) {
    const char = text[index]!;
    if (char === "'" || char === '"') {
      const read = readString(text, index + 1, char);
      if (depth === 0) strings.push({ position, keyword, value: read.value, closed: read.closed });
      if (!read.closed) break;
      index = read.end;
      continue;
    }
    if (char === "[" || char === "{" || char === "(") depth++;
    else if ((char === "]" || char === "}") && depth > 0) depth--;
    else if (char === ")") {
      if (depth === 0) break;
      depth--;
    } else if (char === "," && depth === 0) {
      position++;
      keyword = undefined;
    } else if (depth === 0 && /[A-Za-z_]/.test(char)) {
      const name = /^([A-Za-z_]\w*)\s*=(?!=)/.exec(text.slice(index));
      if (name) {
        keyword = name[1];
        index += name[0].length;
        continue;
      }
    }
    index++;
  }
  return { index: Number(head[1]), strings };
}

function readString(text: string, start: number, quote: string): { value: string; closed: boolean; end: number } {
  let value = "";
  let index = start;
  while (index < text.length) {
    const char = text[index]!;
    if (char === "\\") {
      const escaped = text[index + 1];
      if (escaped === undefined) break;
      value += escaped === "n" ? "\n" : escaped === "t" ? "\t" : escaped === quote || escaped === "\\" ? escaped : char + escaped;
      index += 2;
      continue;
    }
    if (char === quote) return { value, closed: true, end: index + 1 };
    value += char;
    index++;
  }
  return { value, closed: false, end: index };
}

/** The K-th function's name and parameters, or undefined for an unknown K. */
export type FunctionAt = (index: number) => { name: string; parameters: readonly string[] } | undefined;

/** A test of one string argument of a call being written; `closedBefore` maps the parameters closed before it to their values. */
export type ArgumentCheck = (name: string, parameter: string, string: ScannedString, closedBefore: ReadonlyMap<string, string>) => boolean;

/**
 * Whether every check holds for every string argument of the (possibly unfinished) call `text`, each named by its
 * parameter; the arguments of an unknown function, or past its parameters, pass. The call is scanned once, however
 * many checks ask about it (the decoder asks about every candidate token).
 */
export function everyStringArgument(text: string, functionAt: FunctionAt, ...checks: ArgumentCheck[]): boolean {
  const scanned = scanCallStrings(text);
  const target = scanned && functionAt(scanned.index);
  if (!scanned || !target) return true;
  const closedBefore = new Map<string, string>();
  return scanned.strings.every((string) => {
    const parameter = string.keyword ?? target.parameters[string.position];
    if (parameter === undefined) return true;
    if (!checks.every((check) => check(target.name, parameter, string, closedBefore))) return false;
    if (string.closed) closedBefore.set(parameter, string.value);
    return true;
  });
}
