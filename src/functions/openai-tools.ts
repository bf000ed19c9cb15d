// OpenAI "tools" JSON: [{ type: "function", function: { name, description, parameters } }].
// Import accepts that array or { tools: [...] } and rejects malformed entries with the
// path of the bad field, e.g. tools[3].function.parameters.properties.time.type.
import { SpecFormatError } from "./errors.js";
import { parameterFromJsonSchema, parametersJsonSchema, parametersToZod, type JsonSchemaObject } from "./parameters.js";
import { defineFunction, type FunctionSpec } from "./spec.js";

export interface OpenAITool {
  type: "function";
  function: { name: string; description: string; parameters: JsonSchemaObject };
}

export function toOpenAITool(spec: FunctionSpec): OpenAITool {
  return { type: "function", function: { name: spec.name, description: spec.description, parameters: parametersJsonSchema(spec) } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fromTool(tool: unknown, field: string): FunctionSpec {
  if (!isRecord(tool)) throw new SpecFormatError(field, "must be an object like {\"type\": \"function\", \"function\": {…}}");
  if (tool.type !== undefined && tool.type !== "function") throw new SpecFormatError(`${field}.type`, `must be "function", got ${JSON.stringify(tool.type)}`);
  const definition = tool.function;
  if (!isRecord(definition)) throw new SpecFormatError(`${field}.function`, "is missing or not an object", "Each tool needs function: { name, description, parameters }.");
  if (typeof definition.name !== "string") throw new SpecFormatError(`${field}.function.name`, "is missing or not a string");
  if (typeof definition.description !== "string" || definition.description.trim() === "") {
    throw new SpecFormatError(`${field}.function.description`, "is missing or empty", "Describe what the function does.");
  }
  const parameters = definition.parameters ?? { type: "object", properties: {} };
  const parametersField = `${field}.function.parameters`;
  if (!isRecord(parameters)) throw new SpecFormatError(parametersField, "must be a JSON Schema object");
  if (parameters.type !== "object") throw new SpecFormatError(`${parametersField}.type`, `must be "object", got ${JSON.stringify(parameters.type)}`);
  const properties = parameters.properties ?? {};
  if (!isRecord(properties)) throw new SpecFormatError(`${parametersField}.properties`, "must be an object mapping parameter names to schemas");
  const required = parameters.required ?? [];
  if (!Array.isArray(required) || !required.every((name) => typeof name === "string")) {
    throw new SpecFormatError(`${parametersField}.required`, "must be a list of parameter names");
  }
  for (const [index, name] of required.entries()) {
    if (!(name in properties)) throw new SpecFormatError(`${parametersField}.required[${index}]`, `names '${name}', which is not in properties`, `Properties: ${Object.keys(properties).join(", ") || "(none)"}`);
  }
  const infos = Object.entries(properties).map(([name, property]) =>
    parameterFromJsonSchema(name, property, required.includes(name), `${parametersField}.properties.${name}`),
  );
  try {
    return defineFunction({ name: definition.name, description: definition.description, parameters: parametersToZod(infos) });
  } catch (error) {
    if (error instanceof SpecFormatError) throw new SpecFormatError(`${field}.function.${error.field.replace(/^[^.]*\./, "")}`, error.message.slice(error.field.length + 2), error.hint);
    throw error;
  }
}

/** Reads OpenAI tools JSON (already parsed). `source` prefixes field paths, e.g. "tools.json: tools". */
export function fromOpenAITools(json: unknown, source = "tools"): FunctionSpec[] {
  const tools = isRecord(json) && Array.isArray(json.tools) ? json.tools : json;
  if (!Array.isArray(tools)) throw new SpecFormatError(source, "must be an array of tools or { \"tools\": [...] }");
  return tools.map((tool, index) => fromTool(tool, `${source}[${index}]`));
}
