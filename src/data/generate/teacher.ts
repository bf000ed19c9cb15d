// The Teacher interface: anything that proposes (query, steps, calls) candidates for a
// function set. Teachers only propose; the pipeline (generate.ts) owns everything that
// makes a record trustworthy: the quality gate, dedup, running the calls on a fresh
// SimulatedDevice, observations, expectedState and resumable appending. So a teacher
// never needs a device, and an LLM teacher and the offline teacher are judged the same way.
import type { FunctionSet } from "../../functions/index.js";

/** What the pipeline asks a teacher for. */
export interface GenerationRequest {
  functions: FunctionSet;
  /** How many candidates to yield at most (the pipeline may ask again for more after rejections). */
  count: number;
  /**
   * The number of steps for each candidate, in order: stepCounts[i] ∈ 1..5 is the step count of the
   * i-th candidate. The pipeline splits steps evenly and hands the teacher exactly the mix it wants.
   */
  stepCounts: number[];
  /** Seed of this request's stream; the same request yields the same candidates. */
  seed: number;
  /** Device clock the requests are written against ("tomorrow" resolves relative to it). Default 2026-11-25T09:00. */
  now?: string;
  /**
   * False when the user passed --no-validate: a teacher may skip its own judging (the LLM teacher's
   * validity check). The pipeline still drops structurally broken candidates and duplicates.
   */
  validate?: boolean;
}

/**
 * An argument whose value comes from an earlier call's observation (a found file's path, the
 * cheapest flight's id). The pipeline executes the earlier call and resolves the reference from
 * its real result: it finds the list in the result (the result itself when it is an array, else
 * its first array-valued property, else the result object as a one-item list), picks an item,
 * and reads `field` from it. `format` wraps the value: "Here is the report: {}".
 */
export interface ArgumentReference {
  $ref: {
    /** 0-based index of the earlier call. */
    step: number;
    /** The property to read from the picked item, e.g. "path" or "id". */
    field: string;
    /** Which item: the first (default), or the one with the lowest `price`. */
    pick?: "first" | "cheapest";
    /** A string with one "{}" where the value goes. */
    format?: string;
  };
}

export interface CandidateCall {
  name: string;
  /** Concrete values, or ArgumentReference objects resolved by the pipeline. */
  arguments: Record<string, unknown>;
}

/** One proposal: a request, its plan in execution order, and one call per step. */
export interface CandidateRecord {
  query: string;
  steps: string[];
  calls: CandidateCall[];
  /** Ids of the templates that produced it (offline teacher), for diversity statistics. */
  templates?: string[];
  /** Domains involved; the pipeline derives them from the functions when absent. */
  domains?: string[];
}

export interface Teacher {
  /** "offline", "openai:gpt-4o", … — recorded in the summary. */
  name: string;
  generate(request: GenerationRequest, signal?: AbortSignal): AsyncIterable<CandidateRecord>;
}

export function isArgumentReference(value: unknown): value is ArgumentReference {
  if (typeof value !== "object" || value === null || !("$ref" in value)) return false;
  const reference = (value as { $ref: unknown }).$ref;
  return typeof reference === "object" && reference !== null && typeof (reference as { step?: unknown }).step === "number";
}
