// A one-line progress bar with rate and ETA for long jobs (generation, training,
// benchmarks). It draws to stderr only when stderr is a TTY; otherwise it prints a
// plain line every `logEveryMs`, so CI logs stay readable. No dependency on purpose.

export interface ProgressOptions {
  total: number;
  label?: string;
  /** Unit shown after the rate, e.g. "it" or "tok". */
  unit?: string;
  stream?: NodeJS.WriteStream;
  logEveryMs?: number;
  /** Set false to silence (e.g. --json mode). */
  enabled?: boolean;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "--:--";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(r).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export class ProgressBar {
  private readonly startedAt = Date.now();
  private lastDrawAt = 0;
  private current = 0;
  private startValue = 0;
  private readonly stream: NodeJS.WriteStream;
  private readonly interactive: boolean;
  private readonly enabled: boolean;

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr;
    this.interactive = Boolean(this.stream.isTTY);
    this.enabled = options.enabled ?? true;
  }

  /** For resumed jobs: work already done before this process started does not count towards the rate. */
  resumeFrom(value: number): void {
    this.current = value;
    this.startValue = value;
  }

  update(value: number, extra = ""): void {
    this.current = value;
    const now = Date.now();
    const throttle = this.interactive ? 100 : (this.options.logEveryMs ?? 5000);
    if (now - this.lastDrawAt < throttle && value < this.options.total) return;
    this.lastDrawAt = now;
    this.draw(extra);
  }

  tick(by = 1, extra = ""): void {
    this.update(this.current + by, extra);
  }

  line(extra = ""): string {
    const { total, label = "", unit = "it" } = this.options;
    const elapsed = (Date.now() - this.startedAt) / 1000;
    const done = this.current - this.startValue;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const remaining = rate > 0 ? (total - this.current) / rate : Number.NaN;
    const fraction = total > 0 ? Math.min(1, this.current / total) : 0;
    const width = 24;
    const filled = Math.round(fraction * width);
    const bar = "█".repeat(filled) + "░".repeat(width - filled);
    const pct = (fraction * 100).toFixed(0).padStart(3);
    return `${label ? label + " " : ""}${bar} ${pct}% ${this.current}/${total} ${rate.toFixed(1)} ${unit}/s ETA ${formatDuration(remaining)}${extra ? " " + extra : ""}`;
  }

  private draw(extra: string): void {
    if (!this.enabled) return;
    if (this.interactive) this.stream.write(`\r\x1b[2K${this.line(extra)}`);
    else this.stream.write(this.line(extra) + "\n");
  }

  finish(extra = ""): void {
    if (!this.enabled) return;
    this.current = Math.max(this.current, this.options.total);
    if (this.interactive) this.stream.write(`\r\x1b[2K${this.line(extra)}\n`);
    else this.stream.write(this.line(extra) + "\n");
  }
}
