// Merging N LoRA adapters into one adapter (or one full model), with the combination types of
// PEFT's LoraModel.add_weighted_adapter. For adapter t with weight w_t, scaling s_t = alpha_t / r_t
// and factors A_t (r×in), B_t (out×r), per adapted tensor:
//   linear     Σ w_t·s_t·B_t·A_t (the weighted sum of ΔW). As an adapter: refactored by truncated
//              SVD at --rank (default Σr, which is exact); with --full, added into the base exactly.
//              (PEFT's own "linear" instead mixes A and B separately with √(w·s), which adds cross
//              terms B_i·A_j; see docs/MULTI_LORA.md.)
//   cat        A = [w_1·s_1·A_1; …], B = [B_1 … B_N]: exact, rank Σr.
//   svd        the same ΔW sum, truncated SVD at --rank (default max r, PEFT's default).
//   ties, dare_linear, dare_ties, magnitude_prune: PEFT's generalized task arithmetic applied to the
//              A matrices and to the B matrices separately with weights √(w_t·s_t); needs one rank.
//   ties_svd, dare_linear_svd, dare_ties_svd, magnitude_prune_svd: the same methods on the dense
//              ΔW_t = s_t·B_t·A_t with weights w_t, then truncated SVD (PEFT multiplies by s_t a second
//              time here; we do not, so that svd at full rank equals cat).
// The output adapter's scaling is 1: alpha is its largest rank and any pair of smaller rank has
// r/alpha folded into B, so llama.cpp's (alpha/r)·B·A gives back exactly the merged ΔW.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeLoraAdapter, type LoraAdapter, type LoraPair } from "../model/gguf/index.js";
import { SeededRandom } from "../model/random.js";
import { mergeLoraIntoBase } from "./export.js";
import { loadCompatibleAdapters, type LoadedAdapter, type WeightedAdapter } from "./compatibility.js";
import { checkMergeMethod, resolveSettings, type MergeMethod, type MergeSettings } from "./merge-settings.js";
import { matrix, productSvd, truncatedSvd, type SvdResult } from "./svd.js";
import { mergeTaskTensors, type TaskMethod } from "./task-arithmetic.js";

export interface MergeOptions extends MergeSettings {
  base: string;
  adapters: WeightedAdapter[];
  output: string;
  /** Write a full model (base + merged ΔW) instead of an adapter. */
  full?: boolean;
}

export interface MergeSummary {
  output: string;
  method: MergeMethod;
  kind: "adapter" | "model";
  tensors: number;
  /** Output rank per tensor (the largest), absent for an exact linear full merge. */
  rank?: number;
  ms: number;
}

function hash(text: string, seed: number): number {
  let value = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return value;
}

/** The random stream for one adapted tensor: independent of the order tensors are processed in. */
export function tensorRandom(seed: number, baseName: string): SeededRandom {
  return new SeededRandom(hash(baseName, seed));
}

function pairOf(adapter: LoadedAdapter, baseName: string): LoraPair {
  return adapter.adapter.pairs.find((pair) => pair.baseName === baseName)!;
}

function scalingOf(adapter: LoadedAdapter, pair: LoraPair): number {
  return adapter.adapter.alpha / pair.rank;
}

/** B' = U·diag(S) (out×k), A' = Vᵀ (k×in), as PEFT's svd path returns them. */
function pairFromSvd(baseName: string, svd: SvdResult, inFeatures: number, outFeatures: number): LoraPair {
  const rank = svd.s.length;
  const a = new Float32Array(rank * inFeatures), b = new Float32Array(outFeatures * rank);
  for (let k = 0; k < rank; k++) {
    for (let i = 0; i < inFeatures; i++) a[k * inFeatures + i] = svd.v.data[i * rank + k]!;
    for (let o = 0; o < outFeatures; o++) b[o * rank + k] = svd.u.data[o * rank + k]! * svd.s[k]!;
  }
  return { baseName, a, b, inFeatures, outFeatures, rank };
}

/** [w_1·s_1·A_1; …] and [B_1 … B_N]: the exact concatenation (PEFT's cat). */
function concatenate(adapters: LoadedAdapter[], baseName: string): LoraPair {
  const pairs = adapters.map((adapter) => pairOf(adapter, baseName));
  const { inFeatures, outFeatures } = pairs[0]!;
  const rank = pairs.reduce((sum, pair) => sum + pair.rank, 0);
  const a = new Float32Array(rank * inFeatures), b = new Float32Array(outFeatures * rank);
  let offset = 0;
  pairs.forEach((pair, t) => {
    const factor = adapters[t]!.weight * scalingOf(adapters[t]!, pair);
    for (let i = 0; i < pair.a.length; i++) a[offset * inFeatures + i] = factor * pair.a[i]!;
    for (let o = 0; o < outFeatures; o++) for (let k = 0; k < pair.rank; k++) b[o * rank + offset + k] = pair.b[o * pair.rank + k]!;
    offset += pair.rank;
  });
  return { baseName, a, b, inFeatures, outFeatures, rank };
}

/** Dense ΔW_t = s_t·B_t·A_t, out×in row-major (the layout of the base weight). */
export function deltaWeight(pair: LoraPair, scaling: number): Float64Array {
  const { a, b, inFeatures, outFeatures, rank } = pair;
  const out = new Float64Array(outFeatures * inFeatures);
  for (let o = 0; o < outFeatures; o++) {
    for (let k = 0; k < rank; k++) {
      const coefficient = scaling * b[o * rank + k]!;
      if (coefficient === 0) continue;
      for (let i = 0; i < inFeatures; i++) out[o * inFeatures + i]! += coefficient * a[k * inFeatures + i]!;
    }
  }
  return out;
}

function mergeTensor(adapters: LoadedAdapter[], baseName: string, settings: Required<MergeSettings>, rank: number): LoraPair {
  const pairs = adapters.map((adapter) => pairOf(adapter, baseName));
  const { inFeatures, outFeatures } = pairs[0]!;
  const random = tensorRandom(settings.seed, baseName);
  const taskOptions = { density: settings.density, majoritySign: settings.majoritySign, random };
  const method = settings.method;
  if (method === "cat") return concatenate(adapters, baseName);
  if (method === "linear" || method === "svd") {
    const cat = concatenate(adapters, baseName);
    return pairFromSvd(baseName, productSvd(matrix(outFeatures, cat.rank, cat.b), matrix(cat.rank, inFeatures, cat.a), rank), inFeatures, outFeatures);
  }
  if (method.endsWith("_svd")) {
    const deltas = pairs.map((pair, t) => deltaWeight(pair, scalingOf(adapters[t]!, pair)));
    const task = method.slice(0, -"_svd".length) as TaskMethod;
    const merged = mergeTaskTensors(task, deltas, adapters.map((adapter) => adapter.weight), taskOptions);
    return pairFromSvd(baseName, truncatedSvd({ rows: outFeatures, cols: inFeatures, data: merged }, rank, settings.seed), inFeatures, outFeatures);
  }
  // A/B space: PEFT's _generalized_task_arithmetic_weighted_adapter.
  const weights = pairs.map((pair, t) => Math.sqrt(adapters[t]!.weight * scalingOf(adapters[t]!, pair)));
  const a = mergeTaskTensors(method as TaskMethod, pairs.map((pair) => pair.a), weights, taskOptions);
  const b = mergeTaskTensors(method as TaskMethod, pairs.map((pair) => pair.b), weights, taskOptions);
  return { baseName, a: Float32Array.from(a), b: Float32Array.from(b), inFeatures, outFeatures, rank: pairs[0]!.rank };
}

/** Merges already loaded and checked adapters in memory. The result has scaling 1 on every pair. */
export function mergeLoadedAdapters(adapters: LoadedAdapter[], settings: MergeSettings): LoraAdapter {
  const resolved = resolveSettings(adapters, settings);
  const pairs = adapters[0]!.adapter.pairs.map((pair) => mergeTensor(adapters, pair.baseName, resolved.settings, resolved.rank));
  const alpha = Math.max(...pairs.map((pair) => pair.rank));
  for (const pair of pairs) {
    if (pair.rank === alpha) continue;
    const fold = pair.rank / alpha; // llama.cpp multiplies by alpha/r: undo it so the scaling is 1.
    for (let i = 0; i < pair.b.length; i++) pair.b[i]! *= fold;
  }
  return { architecture: adapters[0]!.adapter.architecture, alpha, pairs };
}

/** Checks, merges and writes: an adapter for the base, or (full) a merged model. */
export async function mergeAdapters(options: MergeOptions): Promise<MergeSummary> {
  const started = performance.now();
  const method = checkMergeMethod(options.method);
  const { adapters } = await loadCompatibleAdapters(options.base, options.adapters);
  if (options.full && method === "linear" && options.rank === undefined) {
    // Exact: W + Σ w_t·s_t·B_t·A_t, without a factorization.
    const result = await mergeLoraIntoBase({ base: options.base, adapters: adapters.map((adapter) => ({ path: adapter.path, scale: adapter.weight })), output: options.output });
    return { output: options.output, method, kind: "model", tensors: result.mergedTensors, ms: performance.now() - started };
  }
  const merged = mergeLoadedAdapters(adapters, options);
  const rank = merged.alpha;
  const metadata = [{ key: "general.name", type: "string" as const, value: `merge:${method}` }];
  if (!options.full) {
    writeLoraAdapter(options.output, { ...merged, metadata });
    return { output: options.output, method, kind: "adapter", tensors: merged.pairs.length, rank, ms: performance.now() - started };
  }
  const directory = mkdtempSync(join(tmpdir(), "octoplan-merge-"));
  try {
    const adapterPath = join(directory, "merged-adapter.gguf");
    writeLoraAdapter(adapterPath, merged);
    const result = await mergeLoraIntoBase({ base: options.base, adapters: [{ path: adapterPath }], output: options.output });
    return { output: options.output, method, kind: "model", tensors: result.mergedTensors, rank, ms: performance.now() - started };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
