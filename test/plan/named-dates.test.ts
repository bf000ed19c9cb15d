// The dates a request names (against the device clock, Wednesday 2026-11-25), the check the planner's decoder runs
// with them, and the rule learnt from the offline teacher's plans.
import { describe, expect, it } from "vitest";
import { composeCandidate } from "../../src/data/offline/compose.js";
import { Dice } from "../../src/data/offline/random.js";
import { parseNow } from "../../src/data/offline/spoken.js";
import { BUILTIN_INTENTS, intentsFor } from "../../src/data/offline/teacher.js";
import { FunctionSet } from "../../src/functions/index.js";
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
  });

  it("reads relative days against the clock", () => {
    expect(dates("dentist tomorrow at 3")).toEqual(["November 26"]);
    expect(dates("dentist tmrw")).toEqual(["November 26"]);
    expect(dates("later today")).toEqual(["November 25"]);
    expect(dates("in three days")).toEqual(["November 28"]);
    expect(dates("in 9 days")).toEqual(["December 4"]);
    expect(dates("in a week")).toEqual(["December 2"]);
    expect(dates("on Saturday")).toEqual(["November 28"]);
    expect(dates("this wednesday")).toEqual(["December 2"]); // the coming one, never today
    expect(dates("next Saturday")).toEqual(["December 5", "November 28"]);
    expect(dates("Thursdy next week")).toEqual(["December 3", "November 26"]);
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
  const now = parseNow("2026-11-25T09:00");
  const android = intentsFor(FunctionSet.fromDomains(["android"]));
  const make = (seed: number, intents = android) => composeCandidate(intents, 1 + (seed % 5), { dice: new Dice(seed), now }, "canonical")!;
  const training = Array.from({ length: 4000 }, (_, seed) => make(seed));

  it("holds for the offline teacher's android plans read against its clock, and not against another", () => {
    expect(learnNamedDates(training, "2026-11-25T09:00")).toEqual({ now: "2026-11-25T09:00" });
    expect(learnNamedDates(training, "2026-06-01T09:00")).toBeUndefined();
    expect(learnNamedDates(training.slice(0, 10), "2026-11-25T09:00")).toBeUndefined(); // too few plans with dates
  });

  it("is not learnt where plans work dates out (a hotel's last night from 'for 6 nights starting Saturday')", () => {
    const travel = Array.from({ length: 4000 }, (_, seed) => make(seed, BUILTIN_INTENTS.filter((intent) => !android.includes(intent))));
    expect(learnNamedDates(travel, "2026-11-25T09:00")).toBeUndefined();
  });

  it("rejects no prefix of any correct plan of another seed", () => {
    let checked = 0;
    const rejected: string[] = [];
    for (let seed = 200_000; seed < 203_000; seed++) {
      const candidate = make(seed);
      const check = namedDatesCheck(candidate.query, today);
      if (!check) continue;
      checked++;
      const plan = candidate.steps.join("<nexa_split>");
      for (let end = 1; end <= plan.length; end++) {
        if (!check(plan.slice(0, end))) { rejected.push(`${plan.slice(0, end)} ← ${candidate.query}`); break; }
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(rejected).toEqual([]);
  });
});
