// How the LLM teacher splits a GenerationRequest into prompts, deterministically: what it asks
// for depends only on (seed, stepCounts, K, the function names), never on timing or on replies.
// So a re-run of the same request sends the same prompts with the same API seeds, and a
// deterministic server (or one with caching) answers the same: resumed work is never duplicated.
//
// Positions with the same step count N are grouped in order and cut into batches of K; batch
// `chunk` of group N asks for K requests needing exactly N steps. Each batch also names a few
// "focus" functions, rotating through a seeded permutation of the set, so the batches spread
// over every function instead of piling onto the most obvious ones.

export interface TeacherBatch {
  /** Step count N every request of this batch must need. */
  steps: number;
  /** 0-based index of this batch among the batches with the same N. */
  chunk: number;
  /** The positions (indices into request.stepCounts) this batch fills, at most K. */
  positions: number[];
  /** Seed sent to the API for this batch's requests prompt (and derived for its plans). */
  seed: number;
  /** Function names the batch's prompt asks to include. */
  focus: string[];
}

/** A 32-bit mix of integers (murmur3's finalizer over a running hash); stable across runs and platforms. */
export function mixSeed(...values: number[]): number {
  let hash = 0x9e3779b9;
  for (const value of values) {
    hash = Math.imul(hash ^ (value | 0), 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}

/** Fisher–Yates with a seeded xorshift, so the focus rotation is the same on every run. */
function seededPermutation<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed || 1;
  for (let index = result.length - 1; index > 0; index--) {
    state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
    const other = (state >>> 0) % (index + 1);
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

export function planBatches(input: { seed: number; stepCounts: readonly number[]; perPrompt: number; functionNames: readonly string[]; focusSize?: number }): TeacherBatch[] {
  const perPrompt = Math.max(1, Math.floor(input.perPrompt));
  const focusSize = Math.min(input.focusSize ?? 3, input.functionNames.length);
  const rotation = seededPermutation(input.functionNames, mixSeed(input.seed, 0xf0c5));
  const open = new Map<number, TeacherBatch>();
  const chunks = new Map<number, number>();
  const batches: TeacherBatch[] = [];
  input.stepCounts.forEach((steps, position) => {
    let batch = open.get(steps);
    if (!batch || batch.positions.length >= perPrompt) {
      const chunk = chunks.get(steps) ?? 0;
      chunks.set(steps, chunk + 1);
      const start = (batches.length * focusSize) % Math.max(1, rotation.length);
      const focus = Array.from({ length: focusSize }, (_, offset) => rotation[(start + offset) % rotation.length]!);
      batch = { steps, chunk, positions: [], seed: mixSeed(input.seed, steps, chunk), focus };
      open.set(steps, batch);
      batches.push(batch);
    }
    batch.positions.push(position);
  });
  return batches;
}
