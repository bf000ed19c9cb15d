// Random LoRA adapters for merge tests: seeded, small, written as real adapter files.
import { writeLoraAdapter, type LoraAdapter, type LoraPair } from "../../src/model/gguf/index.js";
import { SeededRandom } from "../../src/model/random.js";

export interface Layout { baseName: string; inFeatures: number; outFeatures: number }

export function randomAdapter(layouts: Layout[], rank: number, alpha: number, seed: number, architecture = "llama"): LoraAdapter {
  const random = new SeededRandom(seed);
  const pairs: LoraPair[] = layouts.map((layout) => ({
    ...layout, rank,
    a: random.normals(layout.inFeatures * rank, 1 / Math.sqrt(layout.inFeatures)),
    b: random.normals(rank * layout.outFeatures, 0.5 / Math.sqrt(rank)),
  }));
  return { architecture, alpha, pairs };
}

export function writeRandomAdapter(path: string, layouts: Layout[], rank: number, alpha: number, seed: number, architecture = "llama"): LoraAdapter {
  const adapter = randomAdapter(layouts, rank, alpha, seed, architecture);
  writeLoraAdapter(path, adapter);
  return adapter;
}

/** ΔW = (alpha/r)·B·A as a plain out×in array of arrays, the obvious triple loop. */
export function deltaOf(pair: LoraPair, alpha: number): number[][] {
  const scaling = alpha / pair.rank;
  const out: number[][] = [];
  for (let o = 0; o < pair.outFeatures; o++) {
    const row: number[] = [];
    for (let i = 0; i < pair.inFeatures; i++) {
      let sum = 0;
      for (let k = 0; k < pair.rank; k++) sum += pair.b[o * pair.rank + k]! * pair.a[k * pair.inFeatures + i]!;
      row.push(scaling * sum);
    }
    out.push(row);
  }
  return out;
}

export function maxDifference(x: number[][], y: number[][]): number {
  let max = 0;
  x.forEach((row, r) => row.forEach((value, c) => { max = Math.max(max, Math.abs(value - y[r]![c]!)); }));
  return max;
}
