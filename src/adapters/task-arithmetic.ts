// PEFT's merge utilities (peft/utils/merge_utils.py), element-wise over N same-shape task tensors
// (flattened): task_arithmetic, magnitude_prune, ties, dare_linear, dare_ties. Each takes the
// tensors, one weight per tensor and, where relevant, a density and a sign-election method:
//   prune   magnitude: keep the int(density·n) largest |values| (top-k); random: keep each value
//           with probability density (Bernoulli) and rescale the kept ones by 1/density (DARE).
//   sign    "total": sign of Σ_t x_t ; "frequency": sign of Σ_t sign(x_t); 0 counts as +1.
//   merge   TIES/DARE-TIES: Σ_t w_t x_t over the tensors whose sign equals the elected sign,
//           divided by how many there are (at least 1) — PEFT's disjoint_merge.
// Two deliberate differences from PEFT, both documented in docs/MULTI_LORA.md: the random mask comes
// from our seeded RNG (torch.bernoulli's stream cannot be reproduced), and the 1/density rescale is
// applied (PEFT's random_pruning computes torch.div(...) and drops the result, so it never rescales;
// the DARE paper rescales). Sums run in float64.
import { SeededRandom } from "../model/random.js";
import { InputError } from "../errors.js";

export type MajoritySignMethod = "total" | "frequency";
export type TaskMethod = "linear" | "ties" | "dare_linear" | "dare_ties" | "magnitude_prune";

export interface TaskOptions {
  density: number;
  majoritySign: MajoritySignMethod;
  /** Draws the DARE masks; one stream per call, tensors in order. */
  random?: SeededRandom;
}

export function magnitudePrune(tensor: ArrayLike<number>, density: number): Float64Array {
  const out = Float64Array.from(tensor);
  if (density >= 1) return out;
  const keep = Math.floor(density * tensor.length);
  // Indices sorted by |value| descending; ties keep the lower index first (torch.topk leaves that order unspecified).
  const order = Array.from({ length: tensor.length }, (_, i) => i).sort((x, y) => Math.abs(out[y]!) - Math.abs(out[x]!) || x - y);
  for (let rank = keep; rank < order.length; rank++) out[order[rank]!] = 0;
  return out;
}

export function randomPrune(tensor: ArrayLike<number>, density: number, random: SeededRandom): Float64Array {
  const out = Float64Array.from(tensor);
  if (density >= 1) return out;
  for (let i = 0; i < out.length; i++) out[i] = random.next() < density ? out[i]! / density : 0;
  return out;
}

/** +1/−1 per element (0 → +1) from the stacked tensors. */
export function majoritySign(tensors: Float64Array[], method: MajoritySignMethod): Int8Array {
  const length = tensors[0]!.length;
  const sign = new Int8Array(length);
  for (let i = 0; i < length; i++) {
    let total = 0;
    for (const tensor of tensors) total += method === "total" ? tensor[i]! : Math.sign(tensor[i]!);
    sign[i] = total >= 0 ? 1 : -1;
  }
  return sign;
}

function weightedSum(tensors: Float64Array[], weights: number[]): Float64Array {
  const out = new Float64Array(tensors[0]!.length);
  tensors.forEach((tensor, t) => {
    const weight = weights[t]!;
    for (let i = 0; i < out.length; i++) out[i]! += weight * tensor[i]!;
  });
  return out;
}

function disjointMerge(tensors: Float64Array[], weights: number[], sign: Int8Array): Float64Array {
  const out = new Float64Array(sign.length);
  for (let i = 0; i < out.length; i++) {
    let sum = 0, count = 0;
    tensors.forEach((tensor, t) => {
      if (Math.sign(tensor[i]!) === sign[i]) {
        sum += weights[t]! * tensor[i]!;
        count++;
      }
    });
    out[i] = sum / Math.max(count, 1);
  }
  return out;
}

/** One of PEFT's generalized task-arithmetic merges of same-shape tensors. */
export function mergeTaskTensors(method: TaskMethod, tensors: ArrayLike<number>[], weights: number[], options: TaskOptions): Float64Array {
  if (tensors.length === 0 || tensors.length !== weights.length) throw new RangeError("mergeTaskTensors: one weight per tensor, at least one tensor");
  const length = tensors[0]!.length;
  if (tensors.some((tensor) => tensor.length !== length)) throw new RangeError("mergeTaskTensors: tensors differ in size");
  const randomFor = (): SeededRandom => {
    if (!options.random) throw new InputError(`merge method ${method} needs a seeded random source`, { hint: "pass --seed" });
    return options.random;
  };
  switch (method) {
    case "linear":
      return weightedSum(tensors.map((tensor) => Float64Array.from(tensor)), weights);
    case "magnitude_prune":
      return weightedSum(tensors.map((tensor) => magnitudePrune(tensor, options.density)), weights);
    case "dare_linear":
      return weightedSum(tensors.map((tensor) => randomPrune(tensor, options.density, randomFor())), weights);
    case "ties": {
      const pruned = tensors.map((tensor) => magnitudePrune(tensor, options.density));
      return disjointMerge(pruned, weights, majoritySign(pruned, options.majoritySign));
    }
    case "dare_ties": {
      const pruned = tensors.map((tensor) => randomPrune(tensor, options.density, randomFor()));
      return disjointMerge(pruned, weights, majoritySign(pruned, options.majoritySign));
    }
  }
}
