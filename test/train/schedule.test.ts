import { describe, expect, it } from "vitest";
import { getLr } from "../../src/train/schedule.js";

describe("getLr", () => {
  const base = { lr: 1e-3, totalSteps: 100, warmupRatio: 0.2 } as const;

  it("warms up linearly to the peak over warmupRatio · totalSteps", () => {
    const schedule = { ...base, decay: "linear" as const };
    expect(getLr(0, schedule)).toBeCloseTo(1e-3 / 20, 12);
    expect(getLr(9, schedule)).toBeCloseTo(1e-3 * 10 / 20, 12);
    expect(getLr(19, schedule)).toBeCloseTo(1e-3, 12);
    // monotone during warmup
    for (let step = 1; step < 20; step++) expect(getLr(step, schedule)).toBeGreaterThan(getLr(step - 1, schedule));
  });

  it("decays linearly from the peak to minLr", () => {
    const schedule = { ...base, decay: "linear" as const, minLr: 1e-4 };
    expect(getLr(20, schedule)).toBeCloseTo(1e-3, 12);
    expect(getLr(60, schedule)).toBeCloseTo(1e-4 + 0.9e-3 * 0.5, 12);
    expect(getLr(100, schedule)).toBeCloseTo(1e-4, 12);
    expect(getLr(500, schedule)).toBeCloseTo(1e-4, 12);
  });

  it("decays on a half cosine", () => {
    const schedule = { ...base, decay: "cosine" as const };
    expect(getLr(20, schedule)).toBeCloseTo(1e-3, 12);
    expect(getLr(60, schedule)).toBeCloseTo(0.5e-3, 12);
    expect(getLr(40, schedule)).toBeCloseTo(1e-3 * 0.5 * (1 + Math.cos(Math.PI / 4)), 12);
    expect(getLr(100, schedule)).toBeCloseTo(0, 12);
  });

  it("without warmup starts at the peak", () => {
    expect(getLr(0, { ...base, warmupRatio: 0, decay: "linear" })).toBeCloseTo(1e-3, 12);
  });
});
