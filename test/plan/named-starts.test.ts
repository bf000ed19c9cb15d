// Named starts: a worked-out end (a named time plus an hour or a length) is written only as a range's end; the
// check as the decoder runs it, and the rule learnt from the offline teacher's plans.
import { describe, expect, it } from "vitest";
import { androidPlan, rejectedPrefixes, seedRange } from "./android-plans.js";
import { learnNamedStarts, namedStartsCheck } from "../../src/plan/named-starts.js";
import { namedStartTimes } from "../../src/plan/named-times.js";
import { readGrounding, writeGrounding } from "../../src/plan/grounding-file.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const NINE = 9 * 60;

describe("named starts", () => {
  it("are the named times and the clock plus a wait, not the ends worked out from them", () => {
    expect([...namedStartTimes("put an alarm on for 23:05 and wake me in two hours", NINE)].sort()).toEqual(["11:00 AM", "11:05 PM"]);
    // 45 minutes after 4:10 PM is an event's length: its end is no start, and no wait from now either.
    expect([...namedStartTimes("lunch at 4:10 pm for 45 minutes", NINE)]).toEqual(["4:10 PM"]);
  });

  it("refuses a worked-out end anywhere but after 'to', as soon as it can be nothing else", () => {
    const check = namedStartsCheck("put an alarm on for 23:05 called meditation", NINE)!;
    expect(check("Set an alarm for 11:05 PM labeled meditation")).toBe(true);
    expect(check("Set an alarm for 12:05 AM labeled meditation")).toBe(false); // 23:05 plus the default hour
    expect(check("Set an alarm for 12:")).toBe(false);
    expect(check("Set an alarm for 1")).toBe(true); // "11:05 PM" may still follow
    const event = namedStartsCheck("add client demo on December 9th at twenty to eleven, and an alarm for 08:00", NINE)!;
    expect(event("Create a calendar event for client demo on December 9 from 10:40 AM to 11:40 AM")).toBe(true);
    expect(event("Create a calendar event for client demo on December 9 from 9:00 AM")).toBe(false); // 08:00 plus an hour
    expect(namedStartsCheck("take a selfie", NINE)).toBeUndefined();
  });

  it("accepts every prefix of the offline teacher's plans, and is learnt from them but not from plans that break it", () => {
    const { checked, rejected } = rejectedPrefixes(seedRange(0, 3000), (request) => namedStartsCheck(request, NINE));
    expect(checked).toBeGreaterThan(100);
    expect(rejected).toEqual([]);
    const plans = seedRange(0, 3000).map((seed) => androidPlan(seed));
    expect(learnNamedStarts(plans)).toBe(true);
    // Events said "at A" written as starting an hour later: the rule is not learnt.
    const late = plans.map((plan) => ({ ...plan, steps: plan.steps.map((step) => step.replace(/from (\d+):(\d\d) ([AP]M) to (\d+:\d\d [AP]M)$/, "from $4")) }));
    expect(learnNamedStarts(late)).toBe(false);
  });

  it("travels in grounding.json, and a field that is no flag is refused by name", () => {
    const path = join(mkdtempSync(join(tmpdir(), "octoplan-named-starts-")), "grounding.json");
    writeGrounding(path, { copyWords: [], coverWords: [], namedStarts: true });
    expect(readGrounding(path).namedStarts).toBe(true);
    writeFileSync(path, JSON.stringify({ namedStarts: "yes" }));
    expect(() => readGrounding(path)).toThrow(/grounding.json: field 'namedStarts' must be true or false/);
  });
});
