import { describe, expect, it } from "vitest";
import { DEMO_SETTINGS, pickThreads } from "../../src/eval/demo-pipeline.js";

describe("demo threads", () => {
  it("uses every core on a quiet machine", () => {
    expect(pickThreads(2, 0.1)).toBe(2);
    expect(pickThreads(16, 0)).toBe(16);
  });
  it("drops to one thread when other jobs keep the cores busy (ggml's workers busy-wait)", () => {
    expect(pickThreads(2, 1.8)).toBe(1);
    expect(pickThreads(2, 9.5)).toBe(1);
    expect(pickThreads(8, 3)).toBe(5);
  });
});

describe("demo settings", () => {
  it("gives the fast demo a held-out split and a bounded number of steps", () => {
    const fast = DEMO_SETTINGS.fast;
    expect(fast.records * fast.testFraction).toBeGreaterThanOrEqual(fast.evalLimit ?? 0);
    expect(fast.plannerSteps + fast.actorSteps).toBeLessThanOrEqual(DEMO_SETTINGS.full.plannerSteps + DEMO_SETTINGS.full.actorSteps);
  });
});
