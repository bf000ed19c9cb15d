// Renders specs as Python stubs with docstrings, in the style of the paper's appendix
// 7.1 — what a teacher LLM is shown. Lines are not wrapped (the appendix's wrapping
// came from the PDF), so that ./docstring-parse.ts reads back exactly what we wrote.
// Format constraints (regex, ranges) are not rendered: descriptions say them in words.
import { describeParameters, type ParameterInfo } from "./parameters.js";
import type { FunctionSpec } from "./spec.js";

const INDENT = "    ";

/** A Python literal for a default value: 'text', 3, 2.5, True, ['a']. */
export function pythonLiteral(value: unknown): string {
  if (typeof value === "string") return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (typeof value === "boolean") return value ? "True" : "False";
  if (value === null || value === undefined) return "None";
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(", ")}]`;
  return String(value);
}

function typeLabel(info: ParameterInfo): string {
  return info.type === "list" ? `list[${info.items ?? "str"}]` : info.type;
}

/** The text after "- name (type): " — the description plus the facts it does not already state. */
export function parameterText(info: ParameterInfo): string {
  let text = info.description.trim();
  if (info.type === "enum" && info.values && !info.values.every((value) => text.includes(`'${value}'`) || text.includes(`"${value}"`))) {
    text = `${text} Options: ${info.values.map((value) => pythonLiteral(value)).join(", ")}.`.trim();
  }
  if (info.default !== undefined && !/default/i.test(info.description)) {
    text = `${text} Default: ${pythonLiteral(info.default)}.`.trim();
  }
  if (!info.required && info.default === undefined) text = `${text} Optional.`.trim();
  return text;
}

export function renderDocstring(spec: FunctionSpec): string {
  const parameters = describeParameters(spec);
  const lines = [`def ${spec.name}(${parameters.map((info) => info.name).join(", ")}):`, `${INDENT}"""`];
  for (const line of spec.description.trim().split("\n")) lines.push(line.trim() === "" ? "" : `${INDENT}${line.trim()}`);
  lines.push("", `${INDENT}Parameters:`);
  for (const info of parameters) {
    const text = parameterText(info);
    lines.push(`${INDENT}- ${info.name} (${typeLabel(info)}):${text === "" ? "" : ` ${text}`}`);
  }
  lines.push("", `${INDENT}Returns:`);
  if (spec.returns) lines.push(`${INDENT}- ${spec.returns.trim()}`);
  lines.push(`${INDENT}"""`);
  return lines.join("\n");
}

/** Every spec's docstring, separated by a blank line. */
export function renderDocstrings(specs: readonly FunctionSpec[]): string {
  return specs.map(renderDocstring).join("\n\n") + "\n";
}
