// Typed failures of the agent runtime.
import { OctoplanError } from "../errors.js";

/** The action model produced no valid call for a step, even after the grammar-constrained retry. */
export class ActionError extends OctoplanError {
  constructor(
    readonly step: string,
    readonly outputs: string[],
    readonly reason: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(`no valid function call for step "${step}": ${reason} (outputs: ${outputs.map((output) => JSON.stringify(output)).join(", ")})`, {
      hint: options.hint ?? "The action model may be undertrained for this function set; train it longer or check that it was trained on the same functions in the same order.",
      cause: options.cause,
    });
  }
}
