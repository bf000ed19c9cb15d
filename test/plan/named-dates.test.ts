// The dates a request names (against the device clock, Wednesday 2026-11-25), the check the planner's decoder runs
// with them, and the rule learnt from the offline teacher's plans.
import { describe, expect, it } from "vitest";
import { BUILTIN_INTENTS } from "../../src/data/offline/teacher.js";
import { ANDROID_INTENTS, androidPlan, rejectedPrefixes, seedRange } from "./android-plans.js";
import { keepsNamedDates, learnNamedDates, namedDates, namedDatesCheck, namedMonths, parseClockDay } from "../../src/plan/named-dates.js";
import { numberFromWord } from "../../src/plan/number-words.js";

const today = parseClockDay("2026-11-25T09:00")!;
const dates = (request: string) => [...namedDates(request, today)].sort();

describe("named dates", () => {
  it("reads explicit dates in their spoken forms, one typo in a month name included", () => {
    for (const request of ["lunch on December 9th", "lunch Dec 9", "lunch on 9 December", "lunch on the 9th of December", "lunch on Decmeber 9"]) {
      expect(dates(request), request).toEqual(["December 9"]);
    }
    expect(dates("February 30 and March 1")).toEqual(["March 1"]);
    expect(dates("on Feb 29")).toEqual(["February 29"]); // steps write no year
  });

  it("reads relative days against the clock", () => {
    const cases: Array<[string, string[]]> = [
      ["dentist tomorrow at 3", ["November 26"]],
      ["dentist tmrw", ["November 26"]],
      ["later today", ["November 25"]],
      ["in three days", ["November 28"]],
      ["in 9 days", ["December 4"]],
      ["in a week", ["December 2"]],
      ["on Saturday", ["November 28"]],
      ["this wednesday", ["December 2"]], // the coming one, never today
      ["next Saturday", ["December 5", "November 28"]],
      ["Thursdy next week", ["December 3", "November 26"]],
    ];
    for (const [request, expected] of cases) expect(dates(request), request).toEqual(expected);
    expect(dates("on the 4th")).toEqual(["December 4", "January 4"].sort());
  });

  it("names nothing when a request has no date, so its plan is left free", () => {
    expect(dates("wake me in two hours and text Ana")).toEqual([]);
    expect(namedDatesCheck("wake me in two hours", today)).toBeUndefined();
  });

  it("counts in digits and words", () => {
    expect([numberFromWord("3"), numberFromWord("three"), numberFromWord("twenty-one"), numberFromWord("forty"), numberFromWord("lots")])
      .toEqual([3, 3, 21, 40, undefined]);
  });
});

describe("keepsNamedDates", () => {
  const allowed = new Set(["December 9"]);
  it("accepts a plan that writes a named date, and every prefix of it", () => {
    const plan = "Create a calendar event for lunch on December 9 at 1:00 PM<nexa_split>Send a text message to Ana about lunch on December 9";
    for (let end = 1; end <= plan.length; end++) expect(keepsNamedDates(plan.slice(0, end), allowed), plan.slice(0, end)).toBe(true);
  });

  it("rejects another day, another month, and a month left without its day", () => {
    expect(keepsNamedDates("lunch on December 5 at 1:00 PM", allowed)).toBe(false);
    expect(keepsNamedDates("lunch on December 1", allowed)).toBe(false); // no named date begins "December 1"
    expect(keepsNamedDates("lunch on December 91", allowed)).toBe(false);
    expect(keepsNamedDates("lunch on November", allowed)).toBe(false);
    expect(keepsNamedDates("lunch on November text message", allowed)).toBe(false);
  });

  it("lets a month stand before a word when the request says it", () => {
    const check = namedDatesCheck("print my November expenses and book lunch on Dec 9", today)!;
    expect([...namedMonths("print my November expenses and book lunch on Dec 9")].sort()).toEqual([11, 12]);
    expect(check("Print the November expenses<nexa_split>Create a calendar event for lunch on December 9")).toBe(true);
    expect(check("Print the November expenses<nexa_split>Create a calendar event for lunch on November 9")).toBe(false);
  });
});

describe("learnNamedDates", () => {
  const training = seedRange(0, 4000).map((seed) => androidPlan(seed));

  it("holds for the offline teacher's android plans read against its clock, and not against another", () => {
    expect(learnNamedDates(training, "2026-11-25T09:00")).toEqual({ now: "2026-11-25T09:00" });
    expect(learnNamedDates(training, "2026-06-01T09:00")).toBeUndefined();
    expect(learnNamedDates(training.slice(0, 10), "2026-11-25T09:00")).toBeUndefined(); // too few plans with dates
  });

  it("is not learnt where plans work dates out (a hotel's last night from 'for 6 nights starting Saturday')", () => {
    const others = BUILTIN_INTENTS.filter((intent) => !ANDROID_INTENTS.includes(intent));
    expect(learnNamedDates(seedRange(0, 4000).map((seed) => androidPlan(seed, others)), "2026-11-25T09:00")).toBeUndefined();
  });

  it("rejects no prefix of any correct plan of another seed", () => {
    const { checked, rejected } = rejectedPrefixes(seedRange(200_000, 3000), (request) => namedDatesCheck(request, today));
    expect(checked).toBeGreaterThan(300);
    expect(rejected).toEqual([]);
  });
});
