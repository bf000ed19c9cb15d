// The quality gate (paper §3.2, "Data validation", made mechanical): a candidate passes
// when every step maps to exactly one existing function, every call's arguments validate
// against its schema, and the calls run in order on a fresh SimulatedDevice. Running them
// also yields what a record needs for action-model training: the resolved arguments,
// each call's rendered observation and the device state afterwards.
// Functions without an implementation (imported from docstrings / OpenAI tools) are only
// validated, and their records carry no observations or expected state.
import { SimulatedDevice } from "../../functions/device/simulated-device.js";
import { compactState, type CompactDeviceState, type FunctionSet } from "../../functions/index.js";
import { renderObservation } from "../../plan/observation.js";
import type { DatasetCall } from "../record.js";
import { resolveArguments } from "./references.js";
import type { CandidateRecord } from "./teacher.js";

export type RejectionReason = "empty" | "step-call-mismatch" | "unknown-function" | "invalid-arguments" | "unresolved-reference"
  | "device-error" | "duplicate" | "step-count";

export interface GateOptions {
  functions: FunctionSet;
  /** Seed of the fresh device each candidate runs on. */
  deviceSeed: number;
  now?: string;
  /** False: keep candidates whose calls fail (the failure becomes the observation); structure is still checked. */
  validate?: boolean;
}

export type GateResult =
  | { ok: true; calls: DatasetCall[]; observations?: string[]; expectedState?: CompactDeviceState }
  | { ok: false; reason: RejectionReason; message: string };

const reject = (reason: RejectionReason, message: string): GateResult => ({ ok: false, reason, message });

export async function checkCandidate(candidate: CandidateRecord, options: GateOptions): Promise<GateResult> {
  const { functions, validate = true } = options;
  if (typeof candidate.query !== "string" || candidate.query.trim() === "" || !Array.isArray(candidate.steps) || candidate.steps.length === 0
    || candidate.steps.some((step) => typeof step !== "string" || step.trim() === "")) {
    return reject("empty", "the query or a step is empty");
  }
  if (!Array.isArray(candidate.calls) || candidate.calls.length !== candidate.steps.length) {
    return reject("step-call-mismatch", `${candidate.steps.length} steps but ${candidate.calls?.length ?? 0} calls: each step must map to exactly one function call`);
  }
  const unknown = candidate.calls.find((call) => !functions.has(call.name));
  if (unknown) return reject("unknown-function", `unknown function '${unknown.name}'. Available functions: ${functions.names.join(", ")}`);

  const runnable = candidate.calls.every((call) => functions.get(call.name).execute !== undefined);
  const device = SimulatedDevice.create({ seed: options.deviceSeed, now: options.now });
  const results: unknown[] = [];
  const observations: string[] = [];
  const calls: DatasetCall[] = [];
  for (const [index, call] of candidate.calls.entries()) {
    let args: Record<string, unknown>;
    try {
      args = resolveArguments(call.arguments ?? {}, results);
    } catch (error) {
      if (validate) return reject("unresolved-reference", `call ${index} (${call.name}): ${(error as Error).message}`);
      args = { ...call.arguments };
    }
    try {
      args = functions.validate(call.name, args);
    } catch (error) {
      if (validate) return reject("invalid-arguments", `call ${index} (${call.name}): ${(error as Error).message}`);
    }
    calls.push({ name: call.name, arguments: args });
    if (!runnable) continue;
    try {
      const result = await functions.execute(call.name, args, { device });
      results.push(result);
      observations.push(renderObservation(result));
    } catch (error) {
      if (validate) return reject("device-error", `call ${index} (${call.name}): ${(error as Error).message}`);
      results.push(undefined);
      observations.push(`Error: ${(error as Error).message}`);
    }
  }
  if (!runnable) return { ok: true, calls };
  // Only what the calls changed (plus seed and clock): evaluation rebuilds the rest from a fresh device.
  return { ok: true, calls, observations, expectedState: compactState(device.snapshot()) };
}
