// Errors of function specs and sets. All are InputErrors: they come from a name, an
// argument or a spec file someone wrote, and each names the field and lists options.
import { InputError } from "../errors.js";

/** A name that is not in the FunctionSet; the message lists the available functions. */
export class UnknownFunctionError extends InputError {
  constructor(readonly functionName: string, available: readonly string[]) {
    super(`Unknown function '${functionName}'. Available functions: ${available.join(", ")}`, {
      hint: "Use one of the listed names exactly (run `octoplan functions` to see every function).",
    });
  }
}

/** An argument that does not fit the function's zod schema; `field` is the argument's name. */
export class ArgumentValidationError extends InputError {
  constructor(readonly functionName: string, readonly field: string, problem: string, hint: string) {
    super(`${functionName}: argument '${field}': ${problem}`, { hint });
  }
}

/** A malformed function spec (docstring, OpenAI tools JSON or defineFunction); `field` is its path. */
export class SpecFormatError extends InputError {
  constructor(readonly field: string, problem: string, hint?: string) {
    super(`${field}: ${problem}`, { hint });
  }
}
