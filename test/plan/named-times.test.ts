// The clock times a request names or works out (device clock 09:00), the check the planner's decoder runs with
// them, and the rule learnt from the offline teacher's plans.
import { describe, expect, it } from "vitest";
import { androidPlan, rejectedPrefixes, seedRange } from "./android-plans.js";
import { allowedStepTimes, keepsNamedTimes, learnNamedTimes, namedClockTimes, namedTimesCheck, stepTime } from "../../src/plan/named-times.js";

const NINE = 9 * 60;
const times = (request: string) => [...namedClockTimes(request)].map(stepTime).sort();

describe("named times", () => {
  it("reads clock times in their spoken forms, an unmarked one both ways", () => {
    const cases: Array<[string, string[]]> = [
      ["at 18:10", ["6:10 PM"]],
      ["at 6:10pm", ["6:10 PM"]],
      ["at 6 p.m.", ["6:00 PM"]],
      ["at 6:10 in the evening", ["6:10 PM"]],
      ["at seven o'clock in the evening", ["7:00 PM"]],
      ["at half past seven", ["7:30 AM", "7:30 PM"]],
      ["at quarter to eight in the morning", ["7:45 AM"]],
      // The hour of "twenty to eleven" is no time of its own; after "from" or "past" "to" is a range's end.
      ["at twenty to eleven at night", ["10:40 PM"]],
      ["at ten to one in the afternoon", ["12:50 PM"]],
      ["from five to seven in the evening", ["6:55 PM", "7:00 PM"]],
      ["from half past ten to eleven am", ["10:30 AM", "10:30 PM", "11:00 AM"]],
      ["at six ten in the evening", ["6:10 PM"]],
      ["lunch at noon", ["12:00 PM"]],
      ["at midnight", ["12:00 AM"]],
      ["at 7", ["7:00 AM", "7:00 PM"]],
      ["block 2-3pm", ["2:00 AM", "2:00 PM", "3:00 PM"]],
    ];
    for (const [request, expected] of cases) expect(times(request), request).toEqual(expected);
  });

  it("allows the named times, their ends, and the clock plus a named duration", () => {
    // 45 minutes after 4:10 PM is the event's length, not a wait from now: 9:45 AM is not allowed.
    expect([...allowedStepTimes("lunch at 4:10 pm for 45 minutes", NINE)].sort()).toEqual(["4:55 PM", "5:10 PM", "4:10 PM"].sort());
    expect([...allowedStepTimes("set the media volume to 7 and add lunch at 2:05 PM", NINE)].sort()).toEqual(["2:05 PM", "3:05 PM"]);
    expect([...allowedStepTimes("wake me in two hours", NINE)]).toEqual(["11:00 AM"]);
    expect(namedTimesCheck("take a selfie", NINE)).toBeUndefined();
  });
});

describe("keepsNamedTimes", () => {
  const allowed = new Set(["6:10 PM", "7:10 PM"]);
  it("accepts a plan that writes allowed times, and every prefix of it", () => {
    const plan = "Create a calendar event for dinner on November 26 from 6:10 PM to 7:10 PM<nexa_split>Set the media volume to 3";
    for (let end = 1; end <= plan.length; end++) expect(keepsNamedTimes(plan.slice(0, end), allowed, "dinner at 6:10pm"), plan.slice(0, end)).toBe(true);
  });

  it("rejects another time, one cut short, and an hour that cannot begin an allowed time", () => {
    expect(keepsNamedTimes("dinner from 8:10 PM to", allowed)).toBe(false);
    expect(keepsNamedTimes("dinner from 8:", allowed)).toBe(false);
    expect(keepsNamedTimes("timer until 6:1<nexa_split>", allowed)).toBe(false);
    expect(keepsNamedTimes("dinner from 8", allowed)).toBe(false);
    expect(keepsNamedTimes("dinner from 6 at 6 walking", allowed)).toBe(false);
    expect(keepsNamedTimes("Set an alarm for 120:", allowed)).toBe(false); // three digits: no hour
    expect(keepsNamedTimes("Set an alarm for 1020", allowed)).toBe(false);
    expect(keepsNamedTimes("Search the web for 1000 calories meals", allowed, "meals for 1000 calories at 6:10pm")).toBe(true);
  });

  it("lets a piece of the request stand ('1:1 with my manager', 'at 5 stars')", () => {
    expect(keepsNamedTimes("Create a calendar event for 1:1 with my manager", allowed, "add 1:1 with my manager at 6:10pm")).toBe(true);
    expect(keepsNamedTimes("Search for hotels rated at 5 stars", allowed, "hotels at 5 stars, and dinner at 6:10pm")).toBe(true);
  });
});

describe("learnNamedTimes", () => {
  const training = seedRange(0, 4000).map((seed) => androidPlan(seed));

  it("holds for the offline teacher's android plans read against its clock, and not against another", () => {
    expect(learnNamedTimes(training, "2026-11-25T09:00")).toEqual({ now: "2026-11-25T09:00" });
    expect(learnNamedTimes(training, "2026-11-25T13:30")).toBeUndefined(); // "in two hours" would be 3:30 PM
  });

  it("rejects no prefix of the correct plans of another seed, but for a typo in a spoken time", () => {
    const { checked, rejected } = rejectedPrefixes(seedRange(300_000, 3000), (request) => namedTimesCheck(request, NINE));
    expect(checked).toBeGreaterThan(500);
    expect(rejected.length).toBeLessThanOrEqual(3); // 16 of 19692 in the full demo's data, all typos ("fiev past six")
  });
});
