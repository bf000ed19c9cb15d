// generateDataset: the shared pipeline behind both teachers (paper §3.2, Figure 3).
// It asks the teacher for candidates batch by batch, one step count at a time, passes each
// through dedup and the quality gate, and appends accepted records to the output as they
// pass. Resuming: the stream of batches is fixed by (seed, batch, step count), and a re-run
// over an existing file first loads its records (ids, normalised queries, per-step counts),
// then replays the stream: records already present are skipped as known, full step buckets
// are skipped without asking the teacher, and nothing is ever written twice. With the
// offline teacher a resumed run ends with exactly the file an uninterrupted run writes.
import { existsSync } from "node:fs";
import type { FunctionSet } from "../../functions/index.js";
import { FileFormatError, InputError } from "../../errors.js";
import { DatasetWriter, readDatasetAll } from "../jsonl.js";
import type { DatasetRecord } from "../record.js";
import { mixSeed } from "../teachers/batches.js";
import { DedupIndex } from "./dedup.js";
import { checkCandidate, type RejectionReason } from "./gate.js";
import { parseStepRange, stepCountsOf, stepQuotas, type StepRange } from "./steps.js";
import type { CandidateRecord, Teacher } from "./teacher.js";

export const PAPER_EXAMPLES_PER_FUNCTION = 800;
export const PAPER_PRESET_COUNT = 1000;
export const GENERATION_NOW = "2026-11-25T09:00";

export interface GenerateDatasetOptions {
  teacher: Teacher;
  functions: FunctionSet;
  out: string;
  /** Records wanted in the file; default 800 × number of functions (the paper's setting). */
  count?: number;
  steps?: string | number | StepRange;
  seed?: number;
  /** False: keep candidates whose calls fail (see GateOptions.validate). */
  validate?: boolean;
  now?: string;
  /** Candidates asked for per (batch, step count). */
  batchSize?: number;
  /** Give up after this many candidates (default 30 × count + 500), e.g. for function sets the teacher cannot cover. */
  maxCandidates?: number;
  signal?: AbortSignal;
  onProgress?: (progress: GenerationProgress) => void;
}

export interface GenerationProgress {
  accepted: number;
  target: number;
  rejected: number;
  candidates: number;
}

export interface GenerationSummary {
  out: string;
  teacher: string;
  target: number;
  /** Records in the file now. */
  total: number;
  /** Records this run added (total − existing). */
  added: number;
  existing: number;
  candidates: number;
  rejected: Partial<Record<RejectionReason, number>>;
  /** One example message per rejection reason, for the closing summary. */
  rejectionExamples: Partial<Record<RejectionReason, string>>;
  /** Records per step count, in the file. */
  stepHistogram: Record<number, number>;
  /** False when maxCandidates ran out before every step bucket filled. */
  complete: boolean;
}

function domainsOf(functions: FunctionSet, names: string[], given?: string[]): string[] {
  if (given && given.length > 0) return [...new Set(given)];
  return [...new Set(names.map((name) => functions.get(name).domain ?? "custom"))];
}

async function loadExisting(out: string, range: StepRange) {
  const histogram = new Map<number, number>(stepCountsOf(range).map((steps) => [steps, 0]));
  const dedup = new DedupIndex();
  if (!existsSync(out)) return { histogram, dedup, ids: new Set<string>(), count: 0 };
  const { records, errors } = await readDatasetAll(out);
  if (errors.length > 0) {
    throw new FileFormatError(out, `cannot resume: ${errors.length} bad line(s), first: ${errors[0]}`, { hint: "Fix or remove those lines, or write to a new --out file." });
  }
  for (const record of records) {
    dedup.add(record.query);
    histogram.set(record.steps.length, (histogram.get(record.steps.length) ?? 0) + 1);
  }
  return { histogram, dedup, ids: new Set(records.map((record) => record.id)), count: records.length };
}

export async function generateDataset(options: GenerateDatasetOptions): Promise<GenerationSummary> {
  const { teacher, functions, out, validate = true, now = GENERATION_NOW, batchSize = 32 } = options;
  const seed = options.seed ?? 0;
  const count = options.count ?? PAPER_EXAMPLES_PER_FUNCTION * functions.size;
  if (!Number.isInteger(count) || count < 1) throw new InputError(`--count: ${count} is not a positive whole number`, { hint: "Ask for at least one record." });
  if (functions.size === 0) throw new InputError("the function set is empty", { hint: "Pass --domain or --functions with at least one function." });
  const range = parseStepRange(options.steps);
  const quotas = stepQuotas(count, range);
  const maxCandidates = options.maxCandidates ?? 30 * count + 500;

  // Opening in append mode first cuts a torn last line (a killed run), then we read what is left.
  const writer = DatasetWriter.open(out, { append: true });
  const existing = await loadExisting(out, range);
  const histogram = existing.histogram;
  const rejected: GenerationSummary["rejected"] = {};
  const examples: GenerationSummary["rejectionExamples"] = {};
  let candidates = 0;
  let total = existing.count;
  const rejectedTotal = () => Object.values(rejected).reduce((sum, value) => sum + (value ?? 0), 0);
  const report = () => options.onProgress?.({ accepted: total, target: count, rejected: rejectedTotal(), candidates });
  const countRejection = (reason: RejectionReason, message: string) => {
    rejected[reason] = (rejected[reason] ?? 0) + 1;
    examples[reason] ??= message;
  };
  const full = (steps: number) => (histogram.get(steps) ?? 0) >= (quotas.get(steps) ?? 0);

  report();
  try {
    for (let batch = 0; !stepCountsOf(range).every(full) && candidates < maxCandidates; batch++) {
      for (const steps of stepCountsOf(range)) {
        if (full(steps)) continue;
        options.signal?.throwIfAborted();
        const request = { functions, count: batchSize, stepCounts: Array<number>(batchSize).fill(steps), seed: mixSeed(seed, batch, steps), now, validate };
        let position = 0;
        // Accepted records are appended once per batch (one write + fsync), not one by one:
        // fsync per record dominated the run time. A kill -9 loses at most this batch.
        const pending: DatasetRecord[] = [];
        try {
          for await (const candidate of teacher.generate(request, options.signal)) {
            const id = `s${seed}-b${batch}-n${steps}-${position++}`;
            candidates++;
            if (existing.ids.has(id)) continue; // written by an earlier run
            const accepted = await consider(candidate, id);
            if (accepted) {
              pending.push(accepted);
              existing.dedup.add(accepted.query);
              histogram.set(accepted.steps.length, (histogram.get(accepted.steps.length) ?? 0) + 1);
              total++;
            }
            report();
            if (full(steps) || candidates >= maxCandidates) break;
          }
        } finally {
          writer.writeMany(pending);
        }
      }
    }
  } finally {
    writer.close();
  }

  async function consider(candidate: CandidateRecord, id: string): Promise<DatasetRecord | undefined> {
    const stepCount = Array.isArray(candidate.steps) ? candidate.steps.length : 0;
    if (!quotas.has(stepCount) || full(stepCount)) {
      countRejection("step-count", `a candidate with ${stepCount} steps when ${stepCountsOf(range).filter((steps) => !full(steps)).join("/")} were wanted`);
      return undefined;
    }
    if (typeof candidate.query === "string" && existing.dedup.has(candidate.query)) {
      countRejection("duplicate", `"${candidate.query}"`);
      return undefined;
    }
    const result = await checkCandidate(candidate, { functions, deviceSeed: seed, now, validate });
    if (!result.ok) {
      countRejection(result.reason, result.message);
      return undefined;
    }
    const names = result.calls.map((call) => call.name);
    return {
      id, query: candidate.query.trim(), steps: candidate.steps.map((step) => step.trim()), functions: names, calls: result.calls,
      domains: domainsOf(functions, names, candidate.domains),
      ...(result.observations ? { observations: result.observations } : {}),
      ...(result.expectedState ? { expectedState: result.expectedState } : {}),
      seed, meta: { teacher: teacher.name, ...(candidate.templates ? { templates: candidate.templates } : {}) },
    };
  }

  report();
  return {
    out, teacher: teacher.name, target: count, total, added: total - existing.count, existing: existing.count, candidates,
    rejected, rejectionExamples: examples, stepHistogram: Object.fromEntries(histogram), complete: stepCountsOf(range).every(full),
  };
}
