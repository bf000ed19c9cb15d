// The interfaces between the agent's parts (docs/CONTRACTS.md, "agent"): a Planner turns a request
// into steps (equation 1 of the paper), an Actor turns one step plus the previous observation into a
// validated function call (equation 2), and the Agent streams AgentEvents ending in a Trace.
import type { FunctionSet } from "../functions/index.js";
import type { FunctionCall } from "../plan/action-call.js";

export interface PlanResult {
  steps: string[];
  promptTokens: number;
  completionTokens: number;
  ms: number;
  /** The raw completion, for debugging and failure reports; one per line when a planner decoded more than one (clause plans). */
  raw?: string;
}

export interface Planner {
  plan(query: string, options?: { signal?: AbortSignal }): Promise<PlanResult>;
  dispose?(): Promise<void> | void;
}

export interface ActResult {
  call: FunctionCall;
  raw: string;
  tokens: { prompt: number; completion: number };
  ms: number;
  /** True when the first output was invalid and the grammar-constrained retry produced this call. */
  retried?: boolean;
}

export interface Actor {
  act(step: string, observation: string | undefined, functions: FunctionSet, options?: { signal?: AbortSignal }): Promise<ActResult>;
  dispose?(): Promise<void> | void;
}

export interface StepTrace {
  index: number;
  step: string;
  /** Null when the actor could not produce a valid call (the error says why). */
  call: FunctionCall | null;
  raw?: string;
  observation: unknown;
  error?: string;
  actMs: number;
  executeMs: number;
  tokens: { prompt: number; completion: number };
  retried: boolean;
}

export interface Trace {
  query: string;
  steps: string[];
  calls: Array<FunctionCall | null>;
  observations: unknown[];
  records: StepTrace[];
  timings: { planMs: number; actMs: number; executeMs: number; totalMs: number };
  tokens: { plan: { prompt: number; completion: number }; act: { prompt: number; completion: number } };
  planRaw?: string;
}

export type AgentEvent =
  | { type: "plan"; steps: string[]; ms: number }
  | { type: "call"; index: number; step: string; call: FunctionCall }
  | { type: "observation"; index: number; observation: unknown; error?: string }
  | { type: "done"; trace: Trace };
