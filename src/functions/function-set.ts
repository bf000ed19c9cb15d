// An ordered set of functions. The order matters: function K is <nexa_K> in the
// Octopus action format, and each function's parameter order is the positional order
// of its call. Sets are immutable; build a new one with FunctionSet.from([...]).
import { z } from "zod";
import { renderDocstrings } from "./docstring-render.js";
import { isDomainName, BUILTIN_DOMAINS, domainFunctions, type DomainName } from "./domains/index.js";
import { ArgumentValidationError, SpecFormatError, UnknownFunctionError } from "./errors.js";
import { toOpenAITool, type OpenAITool } from "./openai-tools.js";
import { describeParameters, parametersJsonSchema, type JsonSchemaObject } from "./parameters.js";
import type { ExecutionContext, FunctionSpec } from "./spec.js";
import { InputError } from "../errors.js";

export class FunctionSet {
  readonly functions: readonly FunctionSpec[];
  readonly names: string[];
  readonly #byName: Map<string, number>;

  private constructor(functions: FunctionSpec[]) {
    this.functions = Object.freeze(functions);
    this.names = functions.map((spec) => spec.name);
    this.#byName = new Map();
    functions.forEach((spec, index) => {
      if (this.#byName.has(spec.name)) throw new SpecFormatError(`functions[${index}].name`, `'${spec.name}' appears twice`, "Function names in a set must be unique.");
      this.#byName.set(spec.name, index);
    });
  }

  /** The built-in functions of the given domains, in domain order then functions.md order. */
  static fromDomains(domains: readonly DomainName[]): FunctionSet {
    return FunctionSet.from(domains);
  }

  /** Any mix of specs, domain names and other sets, flattened in order. */
  static from(items: ReadonlyArray<FunctionSpec | DomainName | FunctionSet>): FunctionSet {
    const functions: FunctionSpec[] = [];
    for (const item of items) {
      if (item instanceof FunctionSet) functions.push(...item.functions);
      else if (typeof item === "string") {
        if (!isDomainName(item)) throw new InputError(`Unknown domain '${item}'. Available domains: ${BUILTIN_DOMAINS.join(", ")}`, { hint: "Pass one of the listed domains." });
        functions.push(...domainFunctions(item));
      } else functions.push(item);
    }
    return new FunctionSet(functions);
  }

  get size(): number {
    return this.functions.length;
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  /** Throws UnknownFunctionError listing the available functions. */
  get(name: string): FunctionSpec {
    return this.functions[this.indexOf(name)];
  }

  indexOf(name: string): number {
    const index = this.#byName.get(name);
    if (index === undefined) throw new UnknownFunctionError(name, this.names);
    return index;
  }

  /** Function K, i.e. the one <nexa_K> stands for. */
  at(index: number): FunctionSpec {
    const spec = Number.isInteger(index) ? this.functions[index] : undefined;
    if (!spec) {
      throw new InputError(`No function at index ${index}: this set has ${this.size} functions (0..${this.size - 1})`, {
        hint: `The functional token <nexa_${index}> does not belong to this function set.`,
      });
    }
    return spec;
  }

  parameterNames(name: string): string[] {
    return Object.keys(this.get(name).parameters.shape);
  }

  /** Checks the arguments against the schema and fills defaults; throws ArgumentValidationError naming the field. */
  validate(name: string, args: unknown): Record<string, unknown> {
    const spec = this.get(name);
    const signature = signatureHint(spec);
    if (typeof args !== "object" || args === null || Array.isArray(args)) {
      throw new ArgumentValidationError(name, "(arguments)", `expected an object of named arguments, got ${Array.isArray(args) ? "an array" : typeof args}`, signature);
    }
    const known = this.parameterNames(name);
    for (const key of Object.keys(args)) {
      if (!known.includes(key)) throw new ArgumentValidationError(name, key, `unknown argument. Available parameters: ${known.join(", ") || "(none)"}`, signature);
    }
    const result = spec.parameters.safeParse(args);
    if (result.success) return result.data as Record<string, unknown>;
    const issue = result.error.issues[0];
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "(arguments)";
    const missing = issue.code === "invalid_type" && (args as Record<string, unknown>)[field] === undefined;
    throw new ArgumentValidationError(name, field, missing ? "is required" : describeIssue(issue), signature);
  }

  /** Validates, then runs the function's execute (against context.device for built-ins). */
  async execute(name: string, args: unknown, context: ExecutionContext): Promise<unknown> {
    const spec = this.get(name);
    const valid = this.validate(name, args);
    if (!spec.execute) throw new InputError(`Function '${name}' has no implementation`, { hint: "Imported specs (docstrings, OpenAI tools) describe functions but cannot run them; give execute in defineFunction." });
    return await spec.execute(valid, context);
  }

  /** JSON Schema of the function's arguments (an object schema, properties in positional order). */
  toJsonSchema(name: string): JsonSchemaObject {
    return parametersJsonSchema(this.get(name));
  }

  toOpenAITools(): OpenAITool[] {
    return this.functions.map(toOpenAITool);
  }

  toDocstrings(): string {
    return renderDocstrings(this.functions);
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_format" && "pattern" in issue && issue.pattern) return `${issue.message} (must match ${String(issue.pattern)})`;
  return issue.message;
}

/** "Parameters of set_volume: level (int, 0..10), volume_type (one of 'ring', 'media', 'alarm')". */
export function signatureHint(spec: FunctionSpec): string {
  const parts = describeParameters(spec).map((info) => {
    const details: string[] = [info.type === "enum" ? `one of ${(info.values ?? []).map((value) => `'${value}'`).join(", ")}` : info.type];
    if (info.minimum !== undefined || info.maximum !== undefined) details.push(`${info.minimum ?? "…"}..${info.maximum ?? "…"}`);
    if (info.pattern) details.push(`matching ${info.pattern}`);
    if (info.default !== undefined) details.push(`default ${JSON.stringify(info.default)}`);
    return `${info.name} (${details.join(", ")})`;
  });
  return `Parameters of ${spec.name}: ${parts.join(", ") || "(none)"}`;
}
