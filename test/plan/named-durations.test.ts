// The durations a request names, and which of them are an event's length rather than a wait from now.
import { describe, expect, it } from "vitest";
import { namedDurations } from "../../src/plan/named-durations.js";

describe("named durations", () => {
  it("reads durations, in digits, in words and with a typo in the unit, and which follow a time", () => {
    const minutes = (request: string) => [...new Set(namedDurations(request).map((duration) => duration.minutes))].sort((a, b) => a - b);
    expect(minutes("a 45 minute timer, then 10 minte, thirty mins, forty five minutes")).toEqual([10, 30, 45]);
    expect(minutes("in two hours, in half an hour, for an hour and a half, 3 hrs")).toEqual([30, 90, 120, 180]);
    expect(minutes("in an hour")).toEqual([60]);
    expect(minutes("it is 10 miles away")).toEqual([]);
    expect(namedDurations("lunch at 16:10 for 45 minutes, and a timer for 10 minutes")).toEqual([{ minutes: 45, afterTime: true }, { minutes: 10, afterTime: false }]);
    expect(namedDurations("dinner at seven in the evening for half an hour")).toEqual([{ minutes: 30, afterTime: true }]);
  });
});
