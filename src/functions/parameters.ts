// One description of a parameter that every format agrees on: JSON Schema (from zod),
// docstrings and OpenAI tools all go through ParameterInfo. Only the types of the
// paper's appendix are supported (str, int, float, bool, enum, list); nested objects
// are deliberately left out, since a small action model writes flat Python calls.
import { z } from "zod";
import { SpecFormatError } from "./errors.js";
import type { FunctionSpec } from "./spec.js";

export type ParameterType = "str" | "int" | "float" | "bool" | "enum" | "list";
export const PARAMETER_TYPES: readonly ParameterType[] = ["str", "int", "float", "bool", "enum", "list"];

export interface ParameterInfo {
  name: string;
  type: ParameterType;
  description: string;
  required: boolean;
  default?: unknown;
  /** enum only */
  values?: string[];
  /** list only: the type of the items */
  items?: Exclude<ParameterType, "list" | "enum">;
  /** str only: a regex the value must match, e.g. "^\\d{2}:\\d{2}$" */
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

export type JsonSchemaObject = Record<string, unknown> & { type: "object"; properties: Record<string, Record<string, unknown>>; required?: string[] };

const SAFE_INTEGER_BOUND = Number.MAX_SAFE_INTEGER;
const schemaCache = new WeakMap<object, JsonSchemaObject>();

/** JSON Schema of the arguments, as a caller sends them (parameters with defaults are not required). */
export function parametersJsonSchema(spec: Pick<FunctionSpec, "parameters">): JsonSchemaObject {
  const cached = schemaCache.get(spec.parameters);
  if (cached) return structuredClone(cached);
  const schema = z.toJSONSchema(spec.parameters, { io: "input" }) as Record<string, unknown>;
  delete schema.$schema;
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const property of Object.values(properties)) {
    // zod's int() carries the safe-integer range; it is noise in prompts and grammars.
    if (property.minimum === -SAFE_INTEGER_BOUND) delete property.minimum;
    if (property.maximum === SAFE_INTEGER_BOUND) delete property.maximum;
  }
  const result = { ...schema, type: "object", properties, additionalProperties: false } as JsonSchemaObject;
  schemaCache.set(spec.parameters, result);
  return structuredClone(result);
}

const JSON_TYPE_TO_PARAMETER: Record<string, ParameterType> = { string: "str", integer: "int", number: "float", boolean: "bool", array: "list" };

/** Reads one JSON Schema property; `field` is its path for error messages. */
export function parameterFromJsonSchema(name: string, property: unknown, required: boolean, field: string): ParameterInfo {
  if (typeof property !== "object" || property === null || Array.isArray(property)) {
    throw new SpecFormatError(field, "must be an object such as {\"type\": \"string\", \"description\": \"…\"}");
  }
  const record = property as Record<string, unknown>;
  const jsonType = record.type;
  const description = typeof record.description === "string" ? record.description : "";
  let type: ParameterType | undefined = typeof jsonType === "string" ? JSON_TYPE_TO_PARAMETER[jsonType] : undefined;
  if (Array.isArray(record.enum)) type = "enum";
  if (type === undefined) {
    throw new SpecFormatError(`${field}.type`, `unknown type ${JSON.stringify(jsonType)}`, `Supported types: ${Object.keys(JSON_TYPE_TO_PARAMETER).join(", ")} (or "enum": [...] on a string).`);
  }
  const info: ParameterInfo = { name, type, description, required };
  if (type === "enum") {
    const values = record.enum as unknown[];
    if (values.length === 0 || !values.every((value) => typeof value === "string")) {
      throw new SpecFormatError(`${field}.enum`, "must be a non-empty list of strings");
    }
    info.values = values as string[];
  }
  if (type === "list") {
    const items = record.items as Record<string, unknown> | undefined;
    const itemType = items === undefined ? "str" : JSON_TYPE_TO_PARAMETER[String(items.type)];
    if (itemType === undefined || itemType === "list" || itemType === "enum") {
      throw new SpecFormatError(`${field}.items.type`, `unknown item type ${JSON.stringify(items?.type)}`, "List items may be string, integer, number or boolean.");
    }
    info.items = itemType as ParameterInfo["items"];
  }
  if (typeof record.pattern === "string") info.pattern = record.pattern;
  if (typeof record.minimum === "number") info.minimum = record.minimum;
  if (typeof record.maximum === "number") info.maximum = record.maximum;
  if ("default" in record) info.default = record.default;
  return info;
}

/** The parameters of a spec, in positional order. */
export function describeParameters(spec: Pick<FunctionSpec, "parameters">): ParameterInfo[] {
  const schema = parametersJsonSchema(spec);
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, property]) =>
    parameterFromJsonSchema(name, property, required.has(name) && !("default" in property), `parameters.${name}`),
  );
}

function scalarSchema(type: Exclude<ParameterType, "list" | "enum">): z.ZodType {
  switch (type) {
    case "str": return z.string();
    case "int": return z.number().int();
    case "float": return z.number();
    case "bool": return z.boolean();
  }
}

/** Builds the zod schema for imported parameters (the inverse of describeParameters). */
export function parametersToZod(parameters: ParameterInfo[]): z.ZodObject<Record<string, z.ZodType>> {
  const shape: Record<string, z.ZodType> = {};
  for (const info of parameters) {
    let schema: z.ZodType;
    if (info.type === "enum") schema = z.enum(info.values as [string, ...string[]]);
    else if (info.type === "list") schema = z.array(scalarSchema(info.items ?? "str"));
    else if (info.type === "str") schema = info.pattern ? z.string().regex(new RegExp(info.pattern)) : z.string();
    else {
      let numberSchema = scalarSchema(info.type) as z.ZodNumber;
      if (info.minimum !== undefined) numberSchema = numberSchema.min(info.minimum);
      if (info.maximum !== undefined) numberSchema = numberSchema.max(info.maximum);
      schema = numberSchema;
    }
    if (info.description) schema = schema.describe(info.description);
    if (info.default !== undefined) schema = schema.default(info.default as never);
    else if (!info.required) schema = schema.optional();
    shape[info.name] = schema;
  }
  return z.object(shape);
}
