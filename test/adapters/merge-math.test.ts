// Each merge method on random adapters against a direct computation written from PEFT's definitions
// (add_weighted_adapter + merge_utils), independently of src/adapters' code paths.
import { describe, expect, it } from "vitest";
import { mergeLoadedAdapters, tensorRandom, type LoadedAdapter, type MergeMethod } from "../../src/adapters/index.js";
import type { LoraPair } from "../../src/model/gguf/index.js";
import { deltaOf, maxDifference, randomAdapter, type Layout } from "./fixtures.js";

const layouts: Layout[] = [
  { baseName: "blk.0.attn_q.weight", inFeatures: 12, outFeatures: 10 },
  { baseName: "blk.0.ffn_up.weight", inFeatures: 10, outFeatures: 16 },
];

function loaded(ranks: number[], alphas: number[], weights: number[]): LoadedAdapter[] {
  return ranks.map((rank, t) => ({ path: `adapter-${t}.gguf`, weight: weights[t]!, adapter: randomAdapter(layouts, rank, alphas[t]!, 100 + t) }));
}

function weightedDelta(adapters: LoadedAdapter[], index: number): number[][] {
  let sum: number[][] | undefined;
  for (const { adapter, weight } of adapters) {
    const delta = deltaOf(adapter.pairs[index]!, adapter.alpha).map((row) => row.map((value) => value * weight));
    sum = sum ? sum.map((row, r) => row.map((value, c) => value + delta[r]![c]!)) : delta;
  }
  return sum!;
}

// --- reference task arithmetic, element by element, as in peft/utils/merge_utils.py ---
function topKMask(values: number[], density: number): boolean[] {
  const k = Math.floor(density * values.length);
  const threshold = [...values].map(Math.abs).sort((x, y) => y - x)[k - 1] ?? Infinity;
  return values.map((value) => k > 0 && Math.abs(value) >= threshold);
}

function reference(method: string, tensors: number[][], weights: number[], density: number, sign: "total" | "frequency", draws?: () => number): number[] {
  const pruned = tensors.map((tensor) => {
    if (method === "linear") return tensor;
    if (method === "ties" || method === "magnitude_prune") {
      const mask = topKMask(tensor, density);
      return tensor.map((value, i) => (mask[i] ? value : 0));
    }
    return tensor.map((value) => (draws!() < density ? value / density : 0)); // dare: Bernoulli keep, rescale
  });
  return tensors[0]!.map((_, i) => {
    if (method === "linear" || method === "magnitude_prune" || method === "dare_linear") {
      return pruned.reduce((sum, tensor, t) => sum + weights[t]! * tensor[i]!, 0);
    }
    const elected = pruned.reduce((sum, tensor) => sum + (sign === "total" ? tensor[i]! : Math.sign(tensor[i]!)), 0) >= 0 ? 1 : -1;
    let total = 0, count = 0;
    pruned.forEach((tensor, t) => {
      if (Math.sign(tensor[i]!) === elected) { total += weights[t]! * tensor[i]!; count++; }
    });
    return total / Math.max(count, 1);
  });
}

function mergedDelta(pair: LoraPair, alpha: number): number[][] {
  return deltaOf(pair, alpha);
}

describe("merge methods (PEFT definitions)", () => {
  it("linear, cat and svd at full rank equal Σ w·(α/r)·B·A, with different ranks and alphas", () => {
    const adapters = loaded([2, 3, 4], [4, 3, 16], [0.5, 1.5, -0.25]);
    for (const method of ["linear", "cat", "svd"] as MergeMethod[]) {
      const merged = mergeLoadedAdapters(adapters, { method, rank: method === "svd" ? 9 : undefined });
      expect(merged.pairs.map((pair) => pair.rank)).toEqual([9, 9]);
      layouts.forEach((_, index) => {
        expect(maxDifference(mergedDelta(merged.pairs[index]!, merged.alpha), weightedDelta(adapters, index)), method).toBeLessThan(1e-5);
      });
    }
  });

  it("svd at a lower rank gives the best rank-k approximation (residual orthogonal, dominated)", () => {
    const adapters = loaded([3, 3], [6, 6], [1, 1]);
    const merged = mergeLoadedAdapters(adapters, { method: "svd", rank: 2 });
    const pair = merged.pairs[0]!;
    expect(pair.rank).toBe(2);
    const exact = weightedDelta(adapters, 0);
    const approximation = mergedDelta(pair, merged.alpha);
    const residual = exact.map((row, r) => row.map((value, c) => value - approximation[r]![c]!));
    // Eckart–Young: the residual is orthogonal to the kept row space, and its norm equals the dropped singular values'.
    for (const row of approximation) {
      for (const other of residual) expect(Math.abs(row.reduce((sum, value, c) => sum + value * other[c]!, 0))).toBeLessThan(1e-5);
    }
    // The largest dropped singular value (‖residual‖₂, by power iteration) is at most the smallest kept one
    // (the norm of a column of B' = U·S, since A' = Vᵀ has orthonormal rows).
    let vector = residual[0]!.map((_, c) => 1 + c);
    let norm = 0;
    for (let iteration = 0; iteration < 200; iteration++) {
      const image = residual.map((row) => row.reduce((sum, value, c) => sum + value * vector[c]!, 0));
      const back = vector.map((_, c) => residual.reduce((sum, row, r) => sum + row[c]! * image[r]!, 0));
      norm = Math.sqrt(Math.sqrt(back.reduce((sum, value) => sum + value * value, 0)) / Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)));
      const length = Math.sqrt(back.reduce((sum, value) => sum + value * value, 0));
      vector = back.map((value) => value / length);
    }
    const kept = [0, 1].map((k) => Math.sqrt(Array.from({ length: pair.outFeatures }, (_, o) => pair.b[o * 2 + k]! ** 2).reduce((x, y) => x + y, 0)));
    expect(norm).toBeGreaterThan(1e-3);
    expect(norm).toBeLessThanOrEqual(Math.min(...kept) + 1e-6);
    const svdFull = mergeLoadedAdapters(adapters, { method: "svd", rank: 6 });
    expect(maxDifference(mergedDelta(svdFull.pairs[0]!, svdFull.alpha), exact)).toBeLessThan(1e-5);
  });

  for (const method of ["ties", "dare_linear", "dare_ties", "magnitude_prune"]) {
    for (const sign of ["total", "frequency"] as const) {
      if (!method.includes("ties") && sign === "frequency") continue;
      it(`${method} (majority sign ${sign}) in A/B space matches the element-wise reference`, () => {
        const adapters = loaded([4, 4, 4], [8, 4, 16], [0.7, 1.2, 0.4]);
        const density = 0.4, seed = 11;
        const merged = mergeLoadedAdapters(adapters, { method: method as MergeMethod, density, majoritySign: sign, seed });
        expect(merged.alpha).toBe(4);
        layouts.forEach((layout, index) => {
          const pairs = adapters.map((adapter) => adapter.adapter.pairs[index]!);
          const weights = adapters.map((adapter, t) => Math.sqrt(adapter.weight * adapter.adapter.alpha / pairs[t]!.rank));
          const random = tensorRandom(seed, layout.baseName);
          const draws = () => random.next();
          const a = reference(method, pairs.map((pair) => [...pair.a]), weights, density, sign, draws);
          const b = reference(method, pairs.map((pair) => [...pair.b]), weights, density, sign, draws);
          const out = merged.pairs[index]!;
          a.forEach((value, i) => expect(out.a[i]).toBeCloseTo(value, 5));
          b.forEach((value, i) => expect(out.b[i]).toBeCloseTo(value, 5));
          if (method === "ties" || method === "magnitude_prune") {
            // magnitude pruning keeps exactly int(density·n) values per adapter; the merge has at most their union
            expect(out.a.filter((value) => value !== 0).length).toBeLessThanOrEqual(3 * Math.floor(density * out.a.length));
          }
        });
      });
    }
  }

  it("ties_svd and dare_ties_svd apply the method to dense ΔW and refactor exactly at full rank", () => {
    const adapters = loaded([3, 5], [6, 10], [1, 0.5]);
    for (const method of ["ties_svd", "dare_ties_svd", "magnitude_prune_svd", "dare_linear_svd"] as MergeMethod[]) {
      const seed = 5, density = 0.5;
      const merged = mergeLoadedAdapters(adapters, { method, rank: 10, density, seed });
      layouts.forEach((layout, index) => {
        const deltas = adapters.map(({ adapter }) => deltaOf(adapter.pairs[index]!, adapter.alpha).flat());
        const random = tensorRandom(seed, layout.baseName);
        const expected = reference(method.replace(/_svd$/, ""), deltas, adapters.map((adapter) => adapter.weight), density, "total", () => random.next());
        const got = mergedDelta(merged.pairs[index]!, merged.alpha).flat();
        expect(Math.max(...expected.map((value, i) => Math.abs(value - got[i]!))), method).toBeLessThan(1e-5);
      });
    }
  });

  it("rejects A/B-space methods on different ranks, naming the adapter and the tensor", () => {
    const adapters = loaded([2, 3], [4, 4], [1, 1]);
    expect(() => mergeLoadedAdapters(adapters, { method: "ties" })).toThrow(/adapter-1\.gguf: has rank 3 for 'blk\.0\.attn_q\.weight'.*adapter-0\.gguf has rank 2/);
    expect(() => mergeLoadedAdapters(adapters, { method: "cat", rank: 4 })).toThrow(/--rank does not apply to method 'cat'/);
    expect(() => mergeLoadedAdapters(adapters, { method: "bogus" as MergeMethod })).toThrow(/Available methods: linear, cat, svd/);
  });
});
