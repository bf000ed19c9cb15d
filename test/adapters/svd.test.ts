// Truncated SVD: reconstructions against the input, orthonormality, and the randomized path on a
// matrix with a known spectrum (Q1·diag(σ)·Q2ᵀ built from Householder reflections).
import { describe, expect, it } from "vitest";
import { jacobiSvd, productSvd, truncatedSvd, type Matrix, type SvdResult } from "../../src/adapters/index.js";
import { SeededRandom } from "../../src/model/random.js";

function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  const random = new SeededRandom(seed);
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => random.normal()) };
}

function reconstruct({ u, s, v }: SvdResult): Matrix {
  const rows = u.rows, cols = v.rows, k = s.length;
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += u.data[r * k + j]! * s[j]! * v.data[c * k + j]!;
    data[r * cols + c] = sum;
  }
  return { rows, cols, data };
}

function maxAbsDifference(x: Matrix, y: Matrix): number {
  return x.data.reduce((max, value, i) => Math.max(max, Math.abs(value - y.data[i]!)), 0);
}

/** Householder reflection I − 2vvᵀ/‖v‖² applied to the columns of an n×n identity: an orthogonal matrix. */
function orthogonal(n: number, seed: number): Matrix {
  const random = new SeededRandom(seed);
  const v = Array.from({ length: n }, () => random.normal());
  const norm = v.reduce((sum, value) => sum + value * value, 0);
  return { rows: n, cols: n, data: Float64Array.from({ length: n * n }, (_, i) => (Math.floor(i / n) === i % n ? 1 : 0) - (2 * v[Math.floor(i / n)]! * v[i % n]!) / norm) };
}

describe("SVD", () => {
  it("one-sided Jacobi reconstructs tall and wide matrices with orthonormal factors and sorted values", () => {
    for (const [rows, cols] of [[30, 20], [7, 19]] as const) {
      const m = randomMatrix(rows, cols, rows);
      const svd = jacobiSvd(m);
      expect(maxAbsDifference(reconstruct(svd), m)).toBeLessThan(1e-10);
      for (let k = 1; k < svd.s.length; k++) expect(svd.s[k]!).toBeLessThanOrEqual(svd.s[k - 1]!);
      const k = svd.s.length;
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
        let dot = 0;
        for (let r = 0; r < svd.v.rows; r++) dot += svd.v.data[r * k + i]! * svd.v.data[r * k + j]!;
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    }
  });

  it("factors B·A exactly without forming it, including rank-deficient factors", () => {
    const b = randomMatrix(40, 6, 1), a = randomMatrix(6, 25, 2);
    for (let i = 0; i < 25; i++) a.data[5 * 25 + i] = a.data[4 * 25 + i]!; // rank 5, not 6
    const product: Matrix = { rows: 40, cols: 25, data: new Float64Array(40 * 25) };
    for (let r = 0; r < 40; r++) for (let c = 0; c < 25; c++) for (let k = 0; k < 6; k++) product.data[r * 25 + c]! += b.data[r * 6 + k]! * a.data[k * 25 + c]!;
    const svd = productSvd(b, a, 6);
    expect(maxAbsDifference(reconstruct(svd), product)).toBeLessThan(1e-10);
    expect(svd.s[5]!).toBeLessThan(1e-9);
  });

  it("the randomized path recovers the top singular values and vectors of a 600×500 matrix", () => {
    const rows = 600, cols = 500, k = 8;
    const left = orthogonal(rows, 3), right = orthogonal(cols, 4);
    const sigma = (j: number) => (j < k ? 100 / (j + 1) : 1e-4 / (j + 1));
    const m: Matrix = { rows, cols, data: new Float64Array(rows * cols) };
    for (let j = 0; j < 40; j++) { // a tail of 32 small values beyond the k large ones
      for (let r = 0; r < rows; r++) {
        const factor = sigma(j) * left.data[r * rows + j]!;
        for (let c = 0; c < cols; c++) m.data[r * cols + c]! += factor * right.data[c * cols + j]!;
      }
    }
    const svd = truncatedSvd(m, k, 7);
    svd.s.forEach((value, j) => expect(value).toBeCloseTo(sigma(j), 6));
    // Eckart–Young: the error is the dropped tail, σ_{k+1} = 1e-4/9 in spectral norm.
    expect(maxAbsDifference(reconstruct(svd), m)).toBeLessThan(1e-4);
  });
});
