// Typed errors for the plan and action formats. Each says what is wrong, where (a character
// position when there is one) and how to fix it.
import { OctoplanError } from "../errors.js";

/** A planner prompt/completion that cannot be read as `<|user|>…<|end|><|assistant|>s1<nexa_split>…<|end|>`. */
export class PlanFormatError extends OctoplanError {}

/** An action completion that is not `<nexa_K>(arg, …)<nexa_end>`; `position` is a 0-based character offset. */
export class MalformedActionError extends OctoplanError {
  constructor(
    message: string,
    readonly position: number,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(`${message} at position ${position}`, options);
  }
}

/** `<nexa_K>` where K is not the index of any function in the set. */
export class UnknownFunctionalTokenError extends OctoplanError {
  constructor(
    readonly index: number,
    functionCount: number,
    functionNames: string[],
  ) {
    const range = functionCount === 0 ? "none (the function set is empty)" : `<nexa_0> … <nexa_${functionCount - 1}>`;
    super(`Unknown functional token <nexa_${index}>: valid tokens are ${range}`, {
      hint: `Available functions: ${functionNames.map((name, position) => `<nexa_${position}>=${name}`).join(", ")}`,
    });
  }
}
