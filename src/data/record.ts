// One dataset record: a query, its plan (steps) and, per step, the function that carries it out.
// steps[i] is carried out by functions[i] (and calls[i] when present). The zod schema is the single
// definition of the JSONL format; validateRecord turns its issues into "field: reason" text such as
// "steps[1]: expected string", which readers prefix with "file:line: ".
// functions may be empty when the source does not say (the paper's text format has no function names);
// otherwise it must have one entry per step. Unknown top-level keys are dropped on read.
import { z } from "zod";
import type { CompactDeviceState, FunctionSet } from "../functions/index.js";
import { InputError } from "../errors.js";

export interface DatasetCall {
  name: string;
  arguments: Record<string, unknown>;
}

export interface DatasetRecord {
  id: string;
  query: string;
  steps: string[];
  functions: string[];
  calls?: DatasetCall[];
  domains: string[];
  /** Rendered observation after each call (action-model training). */
  observations?: string[];
  /** The device after the gold calls: only the parts they changed, plus seed and clock (see expandState). */
  expectedState?: CompactDeviceState;
  /** The device seed used. */
  seed?: number;
  /** Free-form provenance from generators, e.g. meta.templates: string[]. */
  meta?: Record<string, unknown>;
}

const nonEmptyString = z.string().regex(/\S/, "must not be empty");

export const datasetRecordSchema = z.object({
  id: nonEmptyString,
  query: nonEmptyString,
  steps: z.array(nonEmptyString).min(1, "needs at least one step"),
  functions: z.array(nonEmptyString),
  calls: z.array(z.object({ name: nonEmptyString, arguments: z.record(z.string(), z.unknown()) })).optional(),
  domains: z.array(z.string()),
  observations: z.array(z.string()).optional(),
  expectedState: z.record(z.string(), z.unknown()).optional(),
  seed: z.number().int().optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
});

function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) text += typeof key === "number" ? `[${key}]` : text === "" ? String(key) : `.${String(key)}`;
  return text === "" ? "record" : text;
}

function describeIssue(issue: { code: string; message: string }): string {
  if (issue.code === "invalid_type" && issue.message.endsWith("received undefined")) return "missing required field";
  return issue.message.replace(/^Invalid input: /, "");
}

export interface RecordCheckOptions {
  /** When given, every function name (and calls[i].name) must be in this set. */
  functions?: FunctionSet;
}

/** Returns the record, or the list of problems as "field: reason" strings (never both). */
export function checkRecord(value: unknown, options: RecordCheckOptions = {}): { record?: DatasetRecord; problems: string[] } {
  const parsed = datasetRecordSchema.safeParse(value);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${describeIssue(issue)}`) };
  }
  const record = parsed.data as DatasetRecord;
  const problems: string[] = [];
  const stepCount = record.steps.length;
  if (record.functions.length !== 0 && record.functions.length !== stepCount) {
    problems.push(`functions: has ${record.functions.length} entries but steps has ${stepCount} (steps[i] is carried out by functions[i])`);
  }
  if (record.calls !== undefined) {
    if (record.calls.length !== stepCount) problems.push(`calls: has ${record.calls.length} entries but steps has ${stepCount}`);
    record.calls.forEach((call, index) => {
      const expected = record.functions[index];
      if (expected !== undefined && call.name !== expected) problems.push(`calls[${index}].name: '${call.name}' but functions[${index}] is '${expected}'`);
    });
  }
  if (record.observations !== undefined && record.observations.length !== stepCount) {
    problems.push(`observations: has ${record.observations.length} entries but steps has ${stepCount}`);
  }
  const functionSet = options.functions;
  if (functionSet !== undefined) {
    record.functions.forEach((name, index) => {
      if (!functionSet.has(name)) problems.push(`functions[${index}]: unknown function '${name}'. Available functions: ${functionSet.names.join(", ")}`);
    });
  }
  return problems.length > 0 ? { problems } : { record, problems };
}

/** Like checkRecord but throws one error naming the record and every problem; for writers and callers. */
export function validateRecord(value: unknown, options: RecordCheckOptions = {}): DatasetRecord {
  const { record, problems } = checkRecord(value, options);
  if (record === undefined) {
    const id = typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string" ? ` '${(value as { id: string }).id}'` : "";
    throw new RecordValidationError(`record${id}: ${problems.join("; ")}`, problems);
  }
  return record;
}

export class RecordValidationError extends InputError {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message, { hint: "Records are { id, query, steps: string[], functions: string[], domains: string[], calls?, observations? }" });
  }
}
