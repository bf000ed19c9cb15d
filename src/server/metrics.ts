// Request counts and latencies per route (the route pattern, so /v1/state?sessionId=… is one row),
// with status counts and p50/p95/p99 over the last 1000 requests of each route. Queue depths come
// from the ModelQueues and are added by the /metrics route.
// Deliberately left out: the Prometheus text format (JSON is what the playground and bench read).

const WINDOW = 1000;

interface RouteRecord {
  count: number;
  statuses: Record<string, number>;
  latenciesMs: number[];
}

export interface RouteSummary {
  count: number;
  statuses: Record<string, number>;
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number } | null;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index]!;
}

export class ServerMetrics {
  private readonly routes = new Map<string, RouteRecord>();
  readonly startedAt = Date.now();

  record(route: string, status: number, latencyMs: number): void {
    let record = this.routes.get(route);
    if (!record) {
      record = { count: 0, statuses: {}, latenciesMs: [] };
      this.routes.set(route, record);
    }
    record.count++;
    record.statuses[String(status)] = (record.statuses[String(status)] ?? 0) + 1;
    record.latenciesMs.push(latencyMs);
    if (record.latenciesMs.length > WINDOW) record.latenciesMs.shift();
  }

  summary(): Record<string, RouteSummary> {
    const result: Record<string, RouteSummary> = {};
    for (const [route, record] of [...this.routes].sort(([left], [right]) => left.localeCompare(right))) {
      const sorted = [...record.latenciesMs].sort((left, right) => left - right);
      const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
      result[route] = {
        count: record.count,
        statuses: { ...record.statuses },
        latencyMs: sorted.length
          ? { mean: round(mean), p50: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)), p99: round(percentile(sorted, 0.99)), max: round(sorted.at(-1)!) }
          : null,
      };
    }
    return result;
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
