import { describe, expect, it } from "vitest";
import { DEMO_SETTINGS } from "../../src/eval/demo-settings.js";

describe("demo settings", () => {
  it("gives the fast demo a held-out split and a bounded number of steps", () => {
    const fast = DEMO_SETTINGS.fast;
    expect(fast.records * fast.testFraction).toBeGreaterThanOrEqual(fast.evalLimit ?? 0);
    expect(fast.plannerSteps + fast.actorSteps).toBeLessThanOrEqual(DEMO_SETTINGS.full.plannerSteps + DEMO_SETTINGS.full.actorSteps);
  });
});
