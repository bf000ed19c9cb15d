// The learning-rate schedule as a pure function of the optimizer step, so that a resumed
// run, a test and the metrics log all agree on the rate without carrying scheduler state.
// Linear warmup over `warmupRatio · totalSteps` steps, then linear or cosine decay from
// `lr` down to `minLr` at `totalSteps`. Deliberately left out: restarts and step decay.

export type LrDecay = "linear" | "cosine";

export interface LrSchedule {
  /** Peak learning rate, reached at the end of warmup. */
  lr: number;
  /** Number of optimizer steps in the whole run. */
  totalSteps: number;
  /** Fraction of totalSteps spent warming up linearly from 0 (the paper uses 0.2). */
  warmupRatio: number;
  decay: LrDecay;
  /** Floor of the decay; 0 by default. */
  minLr?: number;
}

/** Learning rate for optimizer step `step` (0-based: step 0 is the first update). */
export function getLr(step: number, schedule: LrSchedule): number {
  const { lr, totalSteps, warmupRatio, decay } = schedule;
  const minLr = schedule.minLr ?? 0;
  if (totalSteps <= 0) return lr;
  const warmupSteps = Math.floor(warmupRatio * totalSteps);
  // Step s uses (s + 1) / warmup so that the first update is not a wasted lr = 0 step.
  if (step < warmupSteps) return (lr * (step + 1)) / warmupSteps;
  const decaySteps = Math.max(1, totalSteps - warmupSteps);
  const progress = Math.min(1, Math.max(0, (step - warmupSteps) / decaySteps));
  const factor = decay === "cosine" ? 0.5 * (1 + Math.cos(Math.PI * progress)) : 1 - progress;
  return minLr + (lr - minLr) * factor;
}
