// The executor is the only place where a model's call touches the (simulated) device. It runs only
// functions registered in the FunctionSet (anything else is an UnknownFunctionError listing the valid
// names) with zod-validated arguments. A function that fails at run time (a DeviceError, or any error
// from user code) becomes the observation `{ error }`, which the next step can see: a failed call is
// part of the task, not a crash of the agent.
import type { FunctionSet, SimulatedDevice } from "../functions/index.js";
import type { FunctionCall } from "../plan/action-call.js";

export interface Execution {
  observation: unknown;
  /** Set when the function ran and failed; the observation is then `{ error }`. */
  error?: string;
  ms: number;
}

export class Executor {
  constructor(
    readonly functions: FunctionSet,
    readonly device: SimulatedDevice,
  ) {}

  async execute(call: FunctionCall): Promise<Execution> {
    // Both throw on purpose: an unregistered name or invalid arguments are bugs of the caller.
    this.functions.get(call.name);
    const validArguments = this.functions.validate(call.name, call.arguments);
    const started = performance.now();
    try {
      const observation = await this.functions.execute(call.name, validArguments, { device: this.device });
      return { observation: observation ?? null, ms: performance.now() - started };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { observation: { error: message }, error: message, ms: performance.now() - started };
    }
  }
}
