// Small, dependency-free statistics for the evaluation report.

export interface LatencySummary {
  p50: number;
  p95: number;
  mean: number;
  count: number;
}

/** Percentile by linear interpolation between closest ranks (numpy's default); NaN when empty. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, fraction));
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export function summarizeLatency(values: readonly number[]): LatencySummary {
  const mean = values.length === 0 ? Number.NaN : values.reduce((total, value) => total + value, 0) / values.length;
  return { p50: percentile(values, 0.5), p95: percentile(values, 0.95), mean, count: values.length };
}

/** correct / total, or null when nothing was measured (so a report never shows 0% for "no data"). */
export function ratio(correct: number, total: number): number | null {
  return total === 0 ? null : correct / total;
}
