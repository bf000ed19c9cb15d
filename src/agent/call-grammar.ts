// Grammars for the actor's constrained retry, built from each function's JSON Schema (the one zod
// schema gives type, validation and grammar):
//   - pythonCallGbnf: the Octopus format `<nexa_K>('text', 3, True)<nexa_end>`, positional arguments in
//     parameterNames order, trailing optional parameters optional. Keeps the model in its own format.
//   - jsonCallSchema: `{"name": …, "arguments": {…}}` as a node-llama-cpp GbnfJsonSchema, for the
//     docstring-prompted JSON actor.
// The Python grammar also holds a string to its schema's pattern when the pattern is a simple anchored one
// (`^\d{2}:\d{2}$`, `^\d{4}-\d{2}-\d{2}-\d{2}-\d{2}$`: literals, \d, \w, [classes], quantifiers), and a
// bounded integer to its range when that has at most 256 values, so that the retry cannot repeat the first
// decode's "2026-11-up" or volume 12. Deliberately left out: patterns with groups or alternation (those stay plain
// strings), and both in the JSON schema (node-llama-cpp's JSON grammar has no pattern). zod validation after
// decoding still checks every value and names the field.
import type { GbnfJsonSchema } from "node-llama-cpp";
import type { FunctionSet } from "../functions/index.js";
import { NEXA_END, functionalToken } from "../plan/tokens.js";

interface JsonSchemaNode {
  type?: string | string[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  default?: unknown;
  items?: JsonSchemaNode;
}

const PYTHON_RULES = [
  // Bounded repetitions: a constrained model that never closes a string or a number still ends.
  // No "<" inside strings: special tokens (`<nexa_end>`, `<|end|>`) would otherwise fit there.
  `string ::= "'" ( [^'\\\\\\n<] | "\\\\" ["'\\\\nt] ){0,120} "'"`,
  `integer ::= "-"? [0-9]{1,9}`,
  `number ::= "-"? [0-9]{1,9} ("." [0-9]{1,6})?`,
  `boolean ::= "True" | "False"`,
  `none ::= "None"`,
  `list ::= "[" ( value ( ", " value )* )? "]"`,
  `value ::= string | number | boolean | none | list`,
];

const MAX_ENUMERATED_INTEGERS = 256;
const UNBOUNDED_REPEAT = 120;

/**
 * A GBNF sequence for a simple anchored regular expression, or undefined when it is not one: the pattern is then
 * only checked by zod after decoding. Quotes, "<" and backslashes never come out of it (see PYTHON_RULES).
 */
export function patternToGbnf(pattern: string): string | undefined {
  if (!pattern.startsWith("^") || !pattern.endsWith("$") || pattern.endsWith("\\$")) return undefined;
  const body = pattern.slice(1, -1);
  const items: string[] = [];
  let index = 0;
  while (index < body.length) {
    let atom: string | undefined;
    const char = body[index]!;
    if (char === "\\") {
      const escaped = body[index + 1];
      if (escaped === "d") atom = "[0-9]";
      else if (escaped === "w") atom = "[A-Za-z0-9_]";
      else if (escaped !== undefined && /[.\-:/+()[\]{}?*^$|]/.test(escaped)) atom = gbnfLiteral(escaped);
      index += 2;
    } else if (char === "[") {
      const end = body.indexOf("]", index + 1);
      const inside = end < 0 ? "" : body.slice(index + 1, end);
      // Plain classes only: a negated one could let a quote or "<" into the string.
      if (/^[A-Za-z0-9 _.:]+(-[A-Za-z0-9])?$|^([A-Za-z0-9]-[A-Za-z0-9])+$/.test(inside)) atom = `[${inside}]`;
      index = end < 0 ? body.length : end + 1;
    } else if (!/[()|.'"<>{}?*+]/.test(char)) {
      atom = gbnfLiteral(char);
      index++;
    }
    if (atom === undefined) return undefined;
    const quantifier = /^(\{(\d+)(,(\d*))?\}|\?|\*|\+)/.exec(body.slice(index));
    if (quantifier) {
      index += quantifier[0].length;
      const [, text, from, comma, to] = quantifier;
      if (text === "?") atom += "?";
      else if (text === "*") atom += `{0,${UNBOUNDED_REPEAT}}`;
      else if (text === "+") atom += `{1,${UNBOUNDED_REPEAT}}`;
      else atom += comma === undefined ? `{${from}}` : `{${from},${to === "" ? UNBOUNDED_REPEAT : to}}`;
    }
    items.push(atom);
  }
  return items.length === 0 ? undefined : items.join(" ");
}

function gbnfLiteral(text: string): string {
  return JSON.stringify(text);
}

function pythonValueRule(schema: JsonSchemaNode | undefined): string {
  if (!schema) return "value";
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return `( ${variants.map(pythonValueRule).join(" | ")} )`;
  if (schema.const !== undefined) return pythonLiteralRule(schema.const);
  if (schema.enum) return `( ${schema.enum.map(pythonLiteralRule).join(" | ")} )`;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string": {
      const pattern = schema.pattern === undefined ? undefined : patternToGbnf(schema.pattern);
      return pattern === undefined ? "string" : `( "'" ${pattern} "'" )`;
    }
    case "integer": {
      const { minimum, maximum } = schema;
      if (minimum === undefined || maximum === undefined || maximum - minimum >= MAX_ENUMERATED_INTEGERS) return "integer";
      return `( ${Array.from({ length: maximum - minimum + 1 }, (_, index) => gbnfLiteral(String(minimum + index))).join(" | ")} )`;
    }
    case "number": return "number";
    case "boolean": return "boolean";
    case "null": return "none";
    case "array": return "list";
    default: return "value";
  }
}

function pythonLiteralRule(value: unknown): string {
  if (typeof value === "string") return gbnfLiteral(`'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`);
  if (typeof value === "boolean") return gbnfLiteral(value ? "True" : "False");
  if (value === null) return gbnfLiteral("None");
  return gbnfLiteral(String(value));
}

/** One alternative per function: `"<nexa_K>" "(" arguments ")" "<nexa_end>"`. */
export function pythonCallGbnf(functions: FunctionSet, only?: string[]): string {
  const names = only ?? functions.names;
  const rules: string[] = [];
  const alternatives: string[] = [];
  for (const name of names) {
    const ruleName = `call-${functions.indexOf(name)}`;
    const schema = functions.toJsonSchema(name) as JsonSchemaNode;
    const required = new Set(schema.required ?? []);
    const parameters = functions.parameterNames(name);
    // Required parameters first are mandatory; once an optional one appears, the rest nest as optional.
    let argumentsRule = "";
    let openOptional = 0;
    parameters.forEach((parameter, position) => {
      const separator = position === 0 ? "" : `", " `;
      const piece = `${separator}${pythonValueRule(schema.properties?.[parameter])}`;
      if (required.has(parameter) && openOptional === 0) {
        argumentsRule += ` ${piece}`;
      } else {
        argumentsRule += ` ( ${piece}`;
        openOptional++;
      }
    });
    argumentsRule += " )?".repeat(openOptional);
    rules.push(`${ruleName} ::= ${gbnfLiteral(functionalToken(functions.indexOf(name)))} "("${argumentsRule} ")" ${gbnfLiteral(NEXA_END)}`);
    alternatives.push(ruleName);
  }
  return [`root ::= ${alternatives.join(" | ")}`, ...rules, ...PYTHON_RULES].join("\n");
}

function toGbnfJson(schema: JsonSchemaNode | undefined): GbnfJsonSchema {
  if (!schema) return { type: ["string", "number", "boolean", "null"] };
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return { oneOf: variants.map(toGbnfJson) };
  if (schema.const !== undefined) return { const: schema.const as string };
  if (schema.enum) return { enum: schema.enum as string[] };
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
    case "integer":
    case "number":
    case "boolean":
    case "null":
      return { type };
    case "array":
      return { type: "array", items: toGbnfJson(schema.items) };
    case "object":
      return {
        type: "object",
        properties: Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, toGbnfJson(value)])),
        required: schema.required ?? [],
        additionalProperties: false,
      } as GbnfJsonSchema;
    default:
      return { type: ["string", "number", "boolean", "null"] };
  }
}

/** `{"name": "<function>", "arguments": {…}}` for every function, as one oneOf schema. */
export function jsonCallSchema(functions: FunctionSet): GbnfJsonSchema {
  return {
    oneOf: functions.names.map((name) => ({
      type: "object",
      properties: { name: { const: name }, arguments: toGbnfJson(functions.toJsonSchema(name) as JsonSchemaNode) },
      required: ["name", "arguments"],
      additionalProperties: false,
    })),
  } as GbnfJsonSchema;
}
