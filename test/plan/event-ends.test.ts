// Event ends: the end a step writes for a start ("from 4:20 PM to …") is the one the request names for it, else the
// start plus a length said after it, else an hour later; checked on the offline teacher's own plans.
import { describe, expect, it } from "vitest";
import { allowedEventEnds, eventEndsCheck, learnEventEnds, namedRanges } from "../../src/plan/event-ends.js";
import { minuteOfDay } from "../../src/plan/named-times.js";
import { androidPlan, rejectedPrefixes, seedRange } from "./android-plans.js";

const at = (hour: number, minute = 0) => hour * 60 + minute;
const ranges = (request: string) => namedRanges(request).map((range) => [[...range.starts].sort((a, b) => a - b), [...range.ends].sort((a, b) => a - b)]);
const CLOCK = minuteOfDay("2026-11-25T09:00")!;

describe("named ranges", () => {
  it("are a time, a connector and a time; not the words inside one time", () => {
    expect(ranges("team lunch on Nov 26 from 13:45 to a quarter past three in the afternoon")).toEqual([[[at(13, 45)], [at(15, 15)]]]);
    expect(ranges("standup from 10 to 11:30")).toEqual([[[at(10), at(22)], [at(11, 30)]]]); // "11:30" reads as 24-hour
    expect(ranges("yoga 2-3pm")).toEqual([[[at(2), at(14)], [at(15)]]]);
    expect(ranges("call between 4 pm and 5 pm")).toEqual([[[at(16)], [at(17)]]]);
    expect(ranges("soccer practice tomorrow at twenty to four in the afternoon")).toEqual([]); // 3:40 PM
    expect(ranges("coffee at one forty-five in the afternoon")).toEqual([]);
    expect(ranges("set the media volume to 7 and wake me at 6 and text Bob")).toEqual([]);
  });

  it("decide an event's end before a named length, which comes before the default hour", () => {
    const named = new Set([at(18), at(18, 30)]);
    expect([...allowedEventEnds(at(18), [{ starts: new Set([at(18)]), ends: new Set([at(6, 30), at(18, 30)]) }], named, [])]).toEqual(["6:30 PM"]);
    expect([...allowedEventEnds(at(9), [], new Set([at(9)]), [90])]).toEqual(["10:30 AM"]);
    expect([...allowedEventEnds(at(9), [], new Set([at(9)]), [])]).toEqual(["10:00 AM"]);
    expect([...allowedEventEnds(at(9), [], new Set([at(9), at(17)]), [])].sort()).toEqual(["10:00 AM", "5:00 PM"]); // a later named time
  });
});

describe("the event-end check", () => {
  it("refuses an end the request does not give that start, and accepts the one it does, as it is written", () => {
    const range = eventEndsCheck("Team retreat on November 26th from 6:00 in the evening to 6:30 in the evening")!;
    const step = "Create a calendar event for team retreat on November 26 from 6:00 PM to ";
    expect(range(`${step}7:30 PM`)).toBe(false); // 6:30 PM plus an hour: named-times.ts allows it
    expect(range(`${step}7:00 PM`)).toBe(false);
    expect(range(`${step}6:3`)).toBe(true);
    expect(range(`${step}6:30 PM<|end|>`)).toBe(true);
    const length = eventEndsCheck("dinner with friends on the 7th at 9 AM for 90 minutes")!;
    expect(length("… from 9:00 AM to 10:00 AM")).toBe(false);
    expect(length("… from 9:00 AM to 10:30 AM")).toBe(true);
    expect(eventEndsCheck("turn the volume up")).toBeUndefined();
  });

  it("refuses a start no allowed end follows, and anything but ' to ' and an end after a start", () => {
    const request = "add a yoga class Tuesday at 6pm to my calendar and set an alarm at 5:30pm";
    const step = "Create a calendar event for yoga class on December 1 from ";
    const withClock = eventEndsCheck(request, CLOCK)!;
    expect(withClock(`${step}6:30 PM`)).toBe(false); // its hour later, 7:30 PM, is no time named-times.ts allows
    expect(eventEndsCheck(request)!(`${step}6:30 PM`)).toBe(true);
    expect(withClock(`${step}6:00 PM`)).toBe(true);
    expect(withClock(`${step}6:00 PM to 7:00 PM`)).toBe(true);
    expect(withClock(`${step}6:00 PM manag`)).toBe(false);
    expect(withClock(`${step}6:00 PM to<|user|>`)).toBe(false);
    expect(withClock(`${step}6:00 PM to e:30 PM`)).toBe(false);
  });

  it("accepts every prefix of (nearly) every plan the offline teacher writes, and is learnt from them", () => {
    const { checked, rejected } = rejectedPrefixes(seedRange(0, 3000), (request) => eventEndsCheck(request, CLOCK));
    expect(checked).toBeGreaterThan(500);
    expect(rejected.length).toBeLessThanOrEqual(checked * 0.005);
    const plans = seedRange(0, 3000).map((seed) => androidPlan(seed));
    expect(learnEventEnds(plans)).toBe(true);
    // Plans whose events last half an hour by default break the rule: it is not learnt.
    const halfHours = plans.map((plan) => ({ ...plan, steps: plan.steps.map((step) => step.replace(/from (\d+):00 ([AP]M) to \d+:00 [AP]M/, "from $1:00 $2 to $1:30 $2")) }));
    expect(learnEventEnds(halfHours)).toBe(false);
  });
});
