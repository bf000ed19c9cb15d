// The step-count mix: "--steps 1-5" (the paper's range, split evenly), "3" or "2-4".
import { InputError } from "../../errors.js";

export interface StepRange {
  min: number;
  max: number;
}

export const MAX_PLAN_STEPS = 5;

export function parseStepRange(value: string | number | StepRange | undefined): StepRange {
  if (value === undefined) return { min: 1, max: MAX_PLAN_STEPS };
  if (typeof value === "object") return checkRange(value, `${value.min}-${value.max}`);
  const text = String(value).trim();
  const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(text);
  if (!match) throw new InputError(`--steps: '${text}' is not a step count or range`, { hint: "Use a number like 3 or a range like 1-5." });
  const min = Number(match[1]);
  return checkRange({ min, max: match[2] === undefined ? min : Number(match[2]) }, text);
}

function checkRange(range: StepRange, text: string): StepRange {
  if (!Number.isInteger(range.min) || !Number.isInteger(range.max) || range.min < 1 || range.max > MAX_PLAN_STEPS || range.min > range.max) {
    throw new InputError(`--steps: '${text}' is outside 1-${MAX_PLAN_STEPS}`, { hint: `Plans have 1 to ${MAX_PLAN_STEPS} steps (the paper's setting); use e.g. 1-5 or 2-4.` });
  }
  return range;
}

export function stepCountsOf(range: StepRange): number[] {
  return Array.from({ length: range.max - range.min + 1 }, (_, index) => range.min + index);
}

/** Records per step count: an even split, the remainder going to the shorter plans. */
export function stepQuotas(count: number, range: StepRange): Map<number, number> {
  const counts = stepCountsOf(range);
  const base = Math.floor(count / counts.length);
  const remainder = count % counts.length;
  return new Map(counts.map((steps, index) => [steps, base + (index < remainder ? 1 : 0)]));
}
