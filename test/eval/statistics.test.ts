import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentile, ratio, summarizeLatency } from "../../src/eval/statistics.js";

describe("percentile", () => {
  it("matches numpy's linear interpolation", () => {
    // numpy.percentile([5, 1, 9, 3, 7, 2], [50, 95]) == [4.0, 8.5]
    expect(percentile([5, 1, 9, 3, 7, 2], 0.5)).toBeCloseTo(4.0, 10);
    expect(percentile([5, 1, 9, 3, 7, 2], 0.95)).toBeCloseTo(8.5, 10);
    expect(percentile([10], 0.95)).toBe(10);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it("lies between the minimum and the maximum and grows with the fraction", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (values, first, second) => {
        const [low, high] = first <= second ? [first, second] : [second, first];
        const atLow = percentile(values, low);
        expect(atLow).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
        expect(percentile(values, high)).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
        expect(percentile(values, high)).toBeGreaterThanOrEqual(atLow - 1e-6);
      }),
    );
  });

  it("summarises latency and reports no data as null ratios", () => {
    expect(summarizeLatency([1, 2, 3])).toEqual({ p50: 2, p95: 2.9, mean: 2, count: 3 });
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
  });
});
