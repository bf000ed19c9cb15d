// Merge settings: the method names (PEFT's combination types), their options, and the checks and
// defaults that apply before any arithmetic (density range, sign method, output rank per method,
// one common rank for the A/B-space methods, positive weights where PEFT takes a square root).
import { InputError } from "../errors.js";
import { commonRank, type LoadedAdapter } from "./compatibility.js";
import type { MajoritySignMethod } from "./task-arithmetic.js";

export const MERGE_METHODS = [
  "linear", "cat", "svd", "ties", "dare_linear", "dare_ties", "magnitude_prune",
  "ties_svd", "dare_linear_svd", "dare_ties_svd", "magnitude_prune_svd",
] as const;
export type MergeMethod = (typeof MERGE_METHODS)[number];

export interface MergeSettings {
  method: MergeMethod;
  /** Fraction of values kept by TIES/DARE/magnitude pruning (PEFT's density). */
  density?: number;
  majoritySign?: MajoritySignMethod;
  /** Output rank for linear / svd / *_svd. */
  rank?: number;
  /** Seeds the DARE masks and the randomized SVD. */
  seed?: number;
}

export function checkMergeMethod(method: string): MergeMethod {
  if (!(MERGE_METHODS as readonly string[]).includes(method)) {
    throw new InputError(`unknown merge method '${method}'. Available methods: ${MERGE_METHODS.join(", ")}`, { hint: "pass --method linear, cat, svd, ties, …" });
  }
  return method as MergeMethod;
}

export function resolveSettings(adapters: LoadedAdapter[], settings: MergeSettings): { settings: Required<MergeSettings>; rank: number } {
  const method = checkMergeMethod(settings.method);
  const density = settings.density ?? 0.5;
  if (!(density > 0 && density <= 1)) throw new InputError(`--density must be in (0, 1], got ${density}`, { hint: "density is the fraction of values kept, e.g. 0.5" });
  const majoritySign = settings.majoritySign ?? "total";
  if (majoritySign !== "total" && majoritySign !== "frequency") {
    throw new InputError(`unknown majority sign method '${String(majoritySign)}'. Available: total, frequency`, { hint: "pass --majority-sign total" });
  }
  const ranks = adapters.flatMap((adapter) => adapter.adapter.pairs.map((pair) => pair.rank));
  const sumOfRanks = adapters.reduce((sum, adapter) => sum + Math.max(...adapter.adapter.pairs.map((pair) => pair.rank)), 0);
  let rank: number;
  if (method === "cat" || ["ties", "dare_linear", "dare_ties", "magnitude_prune"].includes(method)) {
    if (settings.rank !== undefined) throw new InputError(`--rank does not apply to method '${method}' (its rank is ${method === "cat" ? "the sum of the ranks" : "the adapters' rank"})`, { hint: "use --method svd or linear to choose a rank" });
    rank = method === "cat" ? sumOfRanks : commonRank(adapters, method);
  } else {
    rank = settings.rank ?? (method === "linear" ? sumOfRanks : Math.max(...ranks));
    if (!(Number.isInteger(rank) && rank > 0)) throw new InputError(`--rank must be a positive integer, got ${settings.rank}`, { hint: "e.g. --rank 64" });
  }
  if (!method.endsWith("svd") && method !== "linear" && method !== "cat") {
    for (const adapter of adapters) {
      if (!(adapter.weight > 0)) throw new InputError(`${adapter.path}: weight ${adapter.weight} must be positive for method '${method}'`, { hint: "PEFT scales A and B by √(weight·alpha/r)" });
    }
  }
  return { settings: { method, density, majoritySign, rank: rank, seed: settings.seed ?? 0 }, rank };
}

