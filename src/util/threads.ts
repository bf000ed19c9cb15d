// How many threads a CPU job should take on this machine right now. ggml's and llama.cpp's worker threads
// busy-wait, so a thread more than the idle cores slows everything down; this file only measures and decides.
import { cpus } from "node:os";

/**
 * Training threads when none are given: ggml's workers busy-wait, so on a machine whose other jobs already
 * keep the cores busy, one thread trains faster than two; on a quiet machine, all cores. `busyCores` is how
 * many cores other work keeps busy (measureBusyCores).
 */
export function pickThreads(cores: number, busyCores: number): number {
  const idle = Math.floor(cores - busyCores + 0.5);
  return Math.max(1, Math.min(cores, idle));
}

/**
 * Cores busy right now, from the CPU times over a short window. Not the load average: that still counts, for a
 * minute, the `npm install` that ran just before `npm run demo`, and would leave a quiet machine on one thread.
 */
export async function measureBusyCores(milliseconds = 500): Promise<number> {
  const total = (sample: ReturnType<typeof cpus>) => sample.reduce(
    (sum, cpu) => ({ idle: sum.idle + cpu.times.idle, all: sum.all + cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.idle + cpu.times.irq }),
    { idle: 0, all: 0 },
  );
  const before = total(cpus());
  await new Promise((resolve) => setTimeout(resolve, milliseconds));
  const after = total(cpus());
  const elapsed = after.all - before.all;
  if (elapsed <= 0) return 0;
  return (1 - (after.idle - before.idle) / elapsed) * cpus().length;
}
