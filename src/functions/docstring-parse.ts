// Reads Python stubs with docstrings (the appendix 7.1 style, as written by
// ./docstring-render.ts or by hand) back into function specs without `execute`.
// Tolerated: wrapped lines, "Args:" for "Parameters:", "List[str]", "string"/"integer",
// defaults phrased as `default is "alarm"`. Regex and range constraints are not
// recoverable from prose and are not invented.
import { SpecFormatError } from "./errors.js";
import { parametersToZod, type ParameterInfo, type ParameterType } from "./parameters.js";
import { defineFunction, type FunctionSpec } from "./spec.js";

const TYPE_ALIASES: Record<string, ParameterType> = {
  str: "str", string: "str", int: "int", integer: "int", float: "float", number: "float",
  bool: "bool", boolean: "bool", enum: "enum", list: "list",
};
const DEF_LINE = /^\s*def\s+([A-Za-z_]\w*)\s*\(([^)]*)\)\s*(?:->\s*[^:]+)?:\s*$/;
const PARAMETER_LINE = /^-\s*([A-Za-z_]\w*)\s*\(([^)]+)\)\s*:?\s*(.*)$/;

interface Located { text: string; line: number }

function parseType(raw: string, where: string): Pick<ParameterInfo, "type" | "items"> {
  const match = /^\s*(\w+)\s*(?:\[\s*(\w+)\s*\])?\s*$/.exec(raw);
  const type = match ? TYPE_ALIASES[match[1].toLowerCase()] : undefined;
  const itemType = match?.[2] ? TYPE_ALIASES[match[2].toLowerCase()] : undefined;
  if (!match || type === undefined || (match[2] && (itemType === undefined || itemType === "list" || itemType === "enum"))) {
    throw new SpecFormatError(where, `unknown type ${JSON.stringify(raw.trim())}`, "Supported types: str, int, float, bool, enum, list[str|int|float|bool].");
  }
  return type === "list" ? { type, items: (itemType ?? "str") as ParameterInfo["items"] } : { type };
}

function parseLiteral(text: string): unknown {
  const trimmed = text.trim();
  const quoted = /^(['"])(.*)\1$/.exec(trimmed);
  if (quoted) return quoted[2].replace(/\\(['"\\])/g, "$1");
  if (trimmed === "True" || trimmed === "False") return trimmed === "True";
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

/** Splits the machine-readable suffixes off a parameter's text; returns the plain description. */
function parseParameter(name: string, typeText: string, rawText: string, where: string): ParameterInfo {
  const info: ParameterInfo = { name, ...parseType(typeText, `${where}.type`), description: "", required: true };
  let text = rawText.trim();
  if (/\s*Optional\.$/.test(text)) {
    info.required = false;
    text = text.replace(/\s*Optional\.$/, "");
  }
  const defaultSuffix = /\s*Default: ('(?:[^'\\]|\\.)*'|"[^"]*"|[^\s.]+(?:\.\d+)?)\.$/.exec(text);
  if (defaultSuffix) {
    info.default = parseLiteral(defaultSuffix[1]);
    text = text.slice(0, defaultSuffix.index);
  } else {
    // "default is "alarm"", "The default language is English ('en')", "default is 1."
    const prose = /default(?:\s+\w+)?\s+is\s+(?:[^'"(]*\()?(?:(['"])([^'"]+)\1|(-?\d+(?:\.\d+)?|True|False)\b)/i.exec(text);
    if (prose) info.default = prose[3] !== undefined ? parseLiteral(prose[3]) : info.type === "int" || info.type === "float" ? Number(prose[2]) : prose[2].trim();
  }
  if (info.type === "enum") {
    const optionsSuffix = /\s*Options: (.*)\.$/.exec(text);
    const source = optionsSuffix ? optionsSuffix[1] : text;
    const values = [...new Set([...source.matchAll(/'([^']+)'|"([^"]+)"/g)].map((match) => (match[1] ?? match[2]).trim()))];
    if (values.length === 0) throw new SpecFormatError(`${where}.values`, "enum parameter lists no options", "Quote the options in the description, e.g. Options: 'ring', 'media'.");
    info.values = values;
    if (optionsSuffix) text = text.slice(0, optionsSuffix.index);
  }
  if (info.default !== undefined) info.required = false;
  info.description = text.trim();
  return info;
}

function parseOne(name: string, signature: string, body: Located[], source: string): FunctionSpec {
  const description: string[] = [];
  const parameters: Array<{ entry: Located; continuation: string[] }> = [];
  const returns: string[] = [];
  let section: "description" | "parameters" | "returns" = "description";
  for (const located of body) {
    const text = located.text.trim();
    if (/^(Parameters|Args|Arguments):$/i.test(text)) { section = "parameters"; continue; }
    if (/^Returns:$/i.test(text)) { section = "returns"; continue; }
    if (section === "description") description.push(text);
    else if (section === "returns") { if (text) returns.push(text.replace(/^-\s*/, "")); }
    else if (text.startsWith("-")) parameters.push({ entry: { text, line: located.line }, continuation: [] });
    else if (text && parameters.length > 0) parameters[parameters.length - 1].continuation.push(text);
    else if (text) throw new SpecFormatError(`${source}:${located.line} ${name}.parameters`, `expected "- name (type): description", got ${JSON.stringify(text)}`);
  }
  const infos = parameters.map(({ entry, continuation }) => {
    const match = PARAMETER_LINE.exec(entry.text);
    if (!match) throw new SpecFormatError(`${source}:${entry.line} ${name}.parameters`, `expected "- name (type): description", got ${JSON.stringify(entry.text)}`);
    const where = `${source}:${entry.line} ${name}.parameters.${match[1]}`;
    return parseParameter(match[1], match[2], [match[3], ...continuation].join(" "), where);
  });
  const signatureNames = signature.split(",").map((part) => part.split(/[:=]/)[0].trim()).filter((part) => part !== "");
  const documented = infos.map((info) => info.name);
  if (signatureNames.join(",") !== documented.join(",")) {
    throw new SpecFormatError(`${source} ${name}.parameters`, `the signature (${signatureNames.join(", ")}) and the documented parameters (${documented.join(", ")}) differ`, "List every argument of the def line under Parameters:, in the same order.");
  }
  const text = description.join("\n").replace(/\n{3,}/g, "\n\n").trim().replace(/([^\n])\n(?!\n)/g, "$1 ");
  return defineFunction({ name, description: text, parameters: parametersToZod(infos), returns: returns.length ? returns.join(" ") : undefined });
}

/** Parses every `def name(…):` with its triple-quoted docstring; `source` names the file in errors. */
export function parseDocstrings(text: string, source = "docstrings"): FunctionSpec[] {
  const lines = text.split(/\r?\n/);
  const specs: FunctionSpec[] = [];
  for (let index = 0; index < lines.length; index++) {
    const def = DEF_LINE.exec(lines[index]);
    if (!def) continue;
    const open = index + 1;
    if (!lines[open]?.trim().startsWith('"""')) throw new SpecFormatError(`${source}:${open + 1} ${def[1]}`, 'expected a docstring opening with """ after the def line');
    const body: Located[] = [];
    const firstText = lines[open].trim().slice(3);
    let close = open;
    if (firstText.endsWith('"""')) body.push({ text: firstText.slice(0, -3), line: open + 1 });
    else {
      if (firstText) body.push({ text: firstText, line: open + 1 });
      close = open + 1;
      while (close < lines.length && !lines[close].includes('"""')) { body.push({ text: lines[close], line: close + 1 }); close++; }
      if (close >= lines.length) throw new SpecFormatError(`${source}:${open + 1} ${def[1]}`, 'docstring is never closed with """');
      const before = lines[close].slice(0, lines[close].indexOf('"""'));
      if (before.trim()) body.push({ text: before, line: close + 1 });
    }
    specs.push(parseOne(def[1], def[2], body, source));
    index = close;
  }
  if (specs.length === 0) throw new SpecFormatError(source, "contains no `def name(args):` with a docstring");
  return specs;
}
