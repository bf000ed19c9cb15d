// One FIFO queue per model: a llama.cpp context here has one sequence, so it serves one request at
// a time. Waiting requests are bounded (`maxQueued`); above the bound `admit` throws QueueFullError
// (503 + Retry-After, estimated from recent service times). A waiter whose AbortSignal fires (client
// gone, timeout) leaves the queue at once; a running task gets the signal and must stop on it, which
// is what frees the slot for the next request.
// Deliberately left out: priorities and fairness between sessions (plain FIFO).
import { QueueFullError } from "./errors.js";

interface Waiter {
  start: () => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export interface QueueStats {
  queued: number;
  active: number;
  served: number;
  rejected: number;
  aborted: number;
  meanServiceMs: number | null;
}

export class ModelQueue {
  private readonly waiters: Waiter[] = [];
  private running = 0;
  private served = 0;
  private rejected = 0;
  private aborted = 0;
  private recentServiceMs: number[] = [];

  constructor(readonly name: string, readonly maxQueued: number) {}

  /** Requests waiting for the slot (not counting the one running). */
  get queued(): number {
    return this.waiters.length;
  }

  get active(): number {
    return this.running;
  }

  /** Throws QueueFullError when `extra` more waiters would exceed the bound. */
  admit(extra = 1): void {
    const busy = this.running > 0 || this.waiters.length > 0;
    if (busy && this.waiters.length + extra > this.maxQueued) {
      this.rejected++;
      throw new QueueFullError(this.name, this.waiters.length, this.retryAfterSeconds());
    }
  }

  /** Runs `task` when the slot is free. The task receives the signal and should stop when it fires. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    // The slot is handed from task to task (see finally), so a newcomer cannot overtake a waiter.
    if (this.running > 0 || this.waiters.length > 0) await this.wait(signal);
    else this.running++;
    const started = performance.now();
    try {
      return await task();
    } catch (error) {
      if (signal?.aborted) this.aborted++;
      throw error;
    } finally {
      this.served++;
      this.recentServiceMs = [...this.recentServiceMs.slice(-49), performance.now() - started];
      const next = this.waiters.shift();
      if (next) next.start();
      else this.running--;
    }
  }

  stats(): QueueStats {
    const total = this.recentServiceMs.reduce((sum, value) => sum + value, 0);
    return {
      queued: this.queued,
      active: this.running,
      served: this.served,
      rejected: this.rejected,
      aborted: this.aborted,
      meanServiceMs: this.recentServiceMs.length ? total / this.recentServiceMs.length : null,
    };
  }

  private retryAfterSeconds(): number {
    const mean = this.stats().meanServiceMs ?? 1000;
    return Math.max(1, Math.ceil(((this.waiters.length + 1) * mean) / 1000));
  }

  private wait(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        signal,
        start: () => {
          if (waiter.onAbort) signal?.removeEventListener("abort", waiter.onAbort);
          resolve();
        },
        reject,
      };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          this.aborted++;
          reject(signal.reason);
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      this.waiters.push(waiter);
    });
  }
}
