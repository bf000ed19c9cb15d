// A function is declared once: name, description and a zod object schema. The schema
// gives the TypeScript type of the arguments, validation, JSON Schema and the
// docstring; the key order of the object is the positional order in <nexa_K>(a, b).
import type { z } from "zod";
import type { SimulatedDevice } from "./device/simulated-device.js";
import { SpecFormatError } from "./errors.js";

export interface ExecutionContext {
  device: SimulatedDevice;
}

export type ParameterShape = Record<string, z.ZodType>;

export interface FunctionSpec<Shape extends ParameterShape = ParameterShape> {
  readonly name: string;
  readonly description: string;
  readonly parameters: z.ZodObject<Shape>;
  /** The "Returns:" line of the docstring, e.g. "list[str]: A list of …"; omitted when nothing is returned. */
  readonly returns?: string;
  /** The built-in domain it belongs to, if any. */
  readonly domain?: string;
  /** Method syntax on purpose: specs with narrower argument types must fit in one FunctionSpec[]. */
  execute?(args: z.output<z.ZodObject<Shape>>, context: ExecutionContext): unknown;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Checks the names (they become Python identifiers in docstrings and calls) and freezes the spec. */
export function defineFunction<Shape extends ParameterShape>(spec: FunctionSpec<Shape>): FunctionSpec<Shape> {
  if (!IDENTIFIER.test(spec.name)) {
    throw new SpecFormatError("name", `'${spec.name}' is not a valid function name`, "Use letters, digits and underscores, not starting with a digit (e.g. send_email).");
  }
  if (typeof spec.description !== "string" || spec.description.trim() === "") {
    throw new SpecFormatError(`${spec.name}.description`, "is empty", "Describe what the function does in one or two sentences.");
  }
  for (const key of Object.keys(spec.parameters.shape)) {
    if (!IDENTIFIER.test(key)) {
      throw new SpecFormatError(`${spec.name}.parameters.${key}`, `'${key}' is not a valid parameter name`, "Use letters, digits and underscores.");
    }
  }
  return Object.freeze({ ...spec });
}
