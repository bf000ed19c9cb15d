// Truncated SVD in float64 for merging LoRA adapters. Matrices are row-major (rows × cols).
// The workhorse is one-sided Jacobi (Hestenes): it orthogonalises the columns of a tall matrix by
// plane rotations and is accurate to working precision, which matters because a merged adapter's
// ΔW is compared against a direct computation to 1e-5.
//   - a product ΔW = B·A of thin factors (B out×R, A R×in, R ≤ a few hundred) is factored exactly
//     through two small SVDs, never forming ΔW: O((out + in)·R²);
//   - a dense ΔW (after TIES/DARE on full matrices) goes through a randomized range finder with
//     power iterations (Halko, Martinsson & Tropp 2011) when the rank is small next to the size,
//     and through a full Jacobi SVD otherwise. Good enough for 2048×2048 at ranks up to ~256.
// Deliberately left out: LAPACK-grade divide and conquer, complex numbers, clamping (PEFT's svd_clamp).
import { SeededRandom } from "../model/random.js";

export interface Matrix {
  rows: number;
  cols: number;
  /** Row-major: data[r * cols + c]. */
  data: Float64Array;
}

export interface SvdResult {
  /** rows × k, columns orthonormal (a zero column where the singular value is 0). */
  u: Matrix;
  /** k singular values, descending. */
  s: Float64Array;
  /** cols × k, columns orthonormal. */
  v: Matrix;
}

export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  const values = new Float64Array(rows * cols);
  if (data) values.set(data as ArrayLike<number>);
  return { rows, cols, data: values };
}

export function transpose(m: Matrix): Matrix {
  const out = matrix(m.cols, m.rows);
  for (let r = 0; r < m.rows; r++) for (let c = 0; c < m.cols; c++) out.data[c * m.rows + r] = m.data[r * m.cols + c]!;
  return out;
}

export function multiply(left: Matrix, right: Matrix): Matrix {
  if (left.cols !== right.rows) throw new RangeError(`multiply: ${left.rows}×${left.cols} · ${right.rows}×${right.cols}`);
  const out = matrix(left.rows, right.cols);
  const n = right.cols;
  for (let r = 0; r < left.rows; r++) {
    const outOffset = r * n;
    for (let k = 0; k < left.cols; k++) {
      const coefficient = left.data[r * left.cols + k]!;
      if (coefficient === 0) continue;
      const rightOffset = k * n;
      for (let c = 0; c < n; c++) out.data[outOffset + c]! += coefficient * right.data[rightOffset + c]!;
    }
  }
  return out;
}

/** Full SVD of a rows × cols matrix by one-sided Jacobi; k = min(rows, cols). */
export function jacobiSvd(m: Matrix): SvdResult {
  if (m.rows < m.cols) {
    const { u, s, v } = jacobiSvd(transpose(m));
    return { u: v, s, v: u };
  }
  const rows = m.rows, cols = m.cols;
  // Column-major working copy: column j is columns[j] (length rows), so rotations touch contiguous memory.
  const columns: Float64Array[] = [];
  const rotations: Float64Array[] = [];
  for (let j = 0; j < cols; j++) {
    const column = new Float64Array(rows);
    for (let r = 0; r < rows; r++) column[r] = m.data[r * cols + j]!;
    columns.push(column);
    const unit = new Float64Array(cols);
    unit[j] = 1;
    rotations.push(unit);
  }
  const norms = columns.map((column) => dot(column, column));
  const tolerance = 1e-15;
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < cols - 1; p++) {
      for (let q = p + 1; q < cols; q++) {
        const alpha = norms[p]!, beta = norms[q]!;
        if (alpha === 0 || beta === 0) continue;
        const gamma = dot(columns[p]!, columns[q]!);
        if (Math.abs(gamma) <= tolerance * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t), s = c * t;
        rotate(columns[p]!, columns[q]!, c, s);
        rotate(rotations[p]!, rotations[q]!, c, s);
        norms[p] = dot(columns[p]!, columns[p]!);
        norms[q] = dot(columns[q]!, columns[q]!);
      }
    }
    if (!rotated) break;
  }
  const order = norms.map((_, j) => j).sort((x, y) => norms[y]! - norms[x]!);
  const u = matrix(rows, cols), v = matrix(cols, cols), s = new Float64Array(cols);
  order.forEach((j, k) => {
    const sigma = Math.sqrt(norms[j]!);
    s[k] = sigma;
    const column = columns[j]!, rotation = rotations[j]!;
    if (sigma > 0) for (let r = 0; r < rows; r++) u.data[r * cols + k] = column[r]! / sigma;
    for (let r = 0; r < cols; r++) v.data[r * cols + k] = rotation[r]!;
  });
  return { u, s, v };
}

/** Keeps the first k singular triplets. */
export function truncate(svd: SvdResult, k: number): SvdResult {
  const keep = Math.min(k, svd.s.length);
  const take = (m: Matrix): Matrix => {
    const out = matrix(m.rows, keep);
    for (let r = 0; r < m.rows; r++) for (let c = 0; c < keep; c++) out.data[r * keep + c] = m.data[r * m.cols + c]!;
    return out;
  };
  return { u: take(svd.u), s: svd.s.slice(0, keep), v: take(svd.v) };
}

/**
 * SVD of a tall thin matrix through its small Gram matrix MᵀM = V Λ Vᵀ: σ = √λ, U = M V / σ.
 * O(rows·cols²) instead of Jacobi's O(rows·cols²·sweeps); it squares the condition number, which in
 * float64 still leaves the singular values a merge keeps (σ ≳ 1e-7·σ₁) accurate.
 */
export function gramSvd(m: Matrix): SvdResult {
  if (m.rows < 2 * m.cols) return jacobiSvd(m);
  const gram = multiply(transpose(m), m);
  const eigen = jacobiSvd(gram); // symmetric positive semi-definite: singular vectors are the eigenvectors
  const k = m.cols;
  const s = eigen.s.map((value) => Math.sqrt(Math.max(value, 0)));
  const u = multiply(m, eigen.v);
  const floor = 1e-13 * (s[0] ?? 0);
  for (let r = 0; r < m.rows; r++) for (let j = 0; j < k; j++) u.data[r * k + j] = s[j]! > floor ? u.data[r * k + j]! / s[j]! : 0;
  return { u, s, v: eigen.v };
}

/** SVD of B·A (B rows×R, A R×cols) without forming the product. Exact up to rounding. */
export function productSvd(b: Matrix, a: Matrix, k: number): SvdResult {
  // Aᵀ = Ua Sa Vaᵀ  ⇒  B·A = (B Va Sa) Uaᵀ ; then B Va Sa = Uc Sc Vcᵀ  ⇒  B·A = Uc Sc (Ua Vc)ᵀ.
  const inner = gramSvd(transpose(a)); // Ua: cols × R', Sa, Va: R × R'
  const scaled = multiply(b, inner.v);
  for (let r = 0; r < scaled.rows; r++) for (let c = 0; c < scaled.cols; c++) scaled.data[r * scaled.cols + c]! *= inner.s[c]!;
  const outer = truncate(gramSvd(scaled), k);
  return { u: outer.u, s: outer.s, v: multiply(inner.u, outer.v) };
}

/** Truncated SVD of a dense matrix: randomized range finder when k is small next to the size. */
export function truncatedSvd(m: Matrix, k: number, seed = 0): SvdResult {
  const smaller = Math.min(m.rows, m.cols);
  const sketch = Math.min(smaller, k + 10);
  if (sketch * 2 >= smaller) return truncate(jacobiSvd(m), k);
  const random = new SeededRandom(seed);
  const omega = matrix(m.cols, sketch);
  for (let i = 0; i < omega.data.length; i++) omega.data[i] = random.normal();
  let basis = orthonormalBasis(multiply(m, omega)); // rows × sketch
  const transposed = transpose(m);
  for (let iteration = 0; iteration < 3; iteration++) {
    basis = orthonormalBasis(multiply(m, orthonormalBasis(multiply(transposed, basis))));
  }
  // m ≈ Q (Qᵀ m); Qᵀ m = Us S Vᵀ  ⇒  m ≈ (Q Us) S Vᵀ.
  const small = jacobiSvd(multiply(transpose(basis), m));
  return truncate({ u: multiply(basis, small.u), s: small.s, v: small.v }, k);
}

function orthonormalBasis(m: Matrix): Matrix {
  return jacobiSvd(m).u;
}

function dot(x: Float64Array, y: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]! * y[i]!;
  return sum;
}

function rotate(x: Float64Array, y: Float64Array, c: number, s: number): void {
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!, yi = y[i]!;
    x[i] = c * xi - s * yi;
    y[i] = s * xi + c * yi;
  }
}
