// Clause scope: the request cut into clauses, the clauses a step is about, the check that holds a step's dates and
// times to them, and the rule learnt from the offline teacher's plans.
import { describe, expect, it } from "vitest";
import { androidPlan, rejectedPrefixes, seedRange } from "./android-plans.js";
import { clauseScopeCheck, learnClauseScope, requestClauses, stepScope } from "../../src/plan/clause-scope.js";
import { wordsOf } from "../../src/plan/grounding.js";
import { parseClockDay } from "../../src/plan/named-dates.js";
import { readGrounding, writeGrounding } from "../../src/plan/grounding-file.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CLOCKS = { today: parseClockDay("2026-11-25T09:00")!, clockMinutes: 9 * 60 };
const SCOPE = { commonWords: ["alarm", "calendar", "text", "set", "add", "and", "the", "for", "then"] };

describe("request clauses", () => {
  it("cuts at punctuation and joining words, not inside a time", () => {
    expect(requestClauses("I'd like to add an alarm for 06:05 called roast, save swim class to my calendar on December 11th at seven in the evening, and guide me to Times Square driving"))
      .toEqual(["I'd like to add an alarm for 06:05 called roast", "save swim class to my calendar on December 11th at seven in the evening", "guide me to Times Square driving"]);
    expect(requestClauses("book a meeting between 2 and 3 pm then text Ann")).toEqual(["book a meeting between 2 and 3 pm", "text Ann"]);
    expect(requestClauses("lunch at 8 a.m. for an hour and a half, then text Ann")).toEqual(["lunch at 8 a.m. for an hour and a half", "text Ann"]);
    expect(requestClauses("book club the day after tomorrow at 5:45pm")).toEqual(["book club the day after tomorrow at 5:45pm"]);
    expect(requestClauses("Dr. Patel on Saturday at 8")).toEqual(["Dr. Patel on Saturday at 8"]);
  });

  it("keeps a piece that is only a time or a length with the clause before it", () => {
    expect(requestClauses("set a timer for bread, twenty minutes, and take a photo")).toEqual(["set a timer for bread twenty minutes", "take a photo"]);
  });

  it("finds the clauses a step is about by its uncommon words", () => {
    const clauses = requestClauses("set up coffee with Sophie on 1 December at 5 pm, wake me in an hour and let Sophie know")
      .map((text) => ({ text, words: new Set(wordsOf(text)) }));
    const common = new Set(SCOPE.commonWords);
    expect(stepScope("Send a text message to Sophie about coffee on December 1 at 5:00 PM", clauses, common))
      .toBe("set up coffee with Sophie on 1 December at 5 pm ; let Sophie know");
    expect(stepScope("Set an alarm for 10:00 AM", clauses, common)).toBeUndefined(); // "alarm" is too common to anchor
  });
});

describe("clauseScopeCheck", () => {
  const request = "I'd like to add an alarm for 06:05 called roast, save swim class to my calendar on December 11th at seven in the evening, and wake me in an hour";

  it("holds a step's times to its clauses, and leaves a step without an anchor to the whole request", () => {
    const check = clauseScopeCheck(request, SCOPE, CLOCKS)!;
    const event = "Create a calendar event for swim class on December 11 from ";
    expect(check(`${event}7:00 PM to 8:00 PM`)).toBe(true);
    expect(check(`${event}6:05 AM`)).toBe(false); // the alarm's time
    expect(check(`${event}10:`)).toBe(false); // "in an hour": the wake-up alarm's
    expect(check("Set an alarm for 10:00 AM<nexa_split>")).toBe(true);
    expect(check(`Set an alarm for 6:05 AM labeled roast<nexa_split>${event}6:05 AM`)).toBe(false);
  });

  it("holds dates to their clauses too", () => {
    const check = clauseScopeCheck("check the weather for tomorrow and add a birthday party on Saturday at 2:30 pm", SCOPE, CLOCKS)!;
    expect(check("Create a calendar event for birthday party on November 28 from 2:30 PM")).toBe(true);
    expect(check("Create a calendar event for birthday party on November 26")).toBe(false);
    // Without the date rule's clock, dates are left alone.
    expect(clauseScopeCheck("check the weather for tomorrow and add a birthday party on Saturday", SCOPE, { clockMinutes: 540 })!(
      "Create a calendar event for birthday party on November 26")).toBe(true);
  });

  it("checks nothing for a single clause or without clocks", () => {
    expect(clauseScopeCheck("add swim class on December 11 at 7 pm", SCOPE, CLOCKS)).toBeUndefined();
    expect(clauseScopeCheck(request, SCOPE, {})).toBeUndefined();
  });
});

describe("learnClauseScope", () => {
  const training = seedRange(0, 4000).map((seed) => androidPlan(seed));

  it("holds for the offline teacher's android plans, with the words too common to anchor", () => {
    const learnt = learnClauseScope(training, "2026-11-25T09:00");
    expect(learnt?.commonWords).toEqual(expect.arrayContaining(["calendar", "alarm", "text"]));
    expect(learnt?.commonWords).not.toContain("swim");
    const { checked, rejected } = rejectedPrefixes(seedRange(300_000, 3000), (query) => clauseScopeCheck(query, learnt!, CLOCKS));
    expect(checked).toBeGreaterThan(500);
    expect(rejected.length).toBeLessThanOrEqual(3); // typos in a spoken time ("haf past four")
  });

  it("is not learnt from plans whose events take another clause's time", () => {
    const swapped = training.map((record) => {
      const time = /alarm for (\d{1,2}:\d\d [AP]M)/.exec(record.steps.join(" "))?.[1];
      return time ? { ...record, steps: record.steps.map((step) => step.replace(/(calendar event for .* (?:at|from) )\d{1,2}:\d\d [AP]M/, `$1${time}`)) } : record;
    });
    expect(learnClauseScope(training, "2026-11-25T09:00")).toBeDefined();
    expect(learnClauseScope(swapped, "2026-11-25T09:00")).toBeUndefined();
  });

  it("travels in grounding.json, and a malformed field is refused with its name", () => {
    const directory = mkdtempSync(join(tmpdir(), "octoplan-clause-scope-"));
    const path = join(directory, "grounding.json");
    writeGrounding(path, { copyWords: [], coverWords: [], clauseScope: SCOPE });
    expect(readGrounding(path).clauseScope).toEqual(SCOPE);
    for (const clauseScope of [true, { commonWords: "calendar" }, { commonWords: [1] }]) {
      writeFileSync(path, JSON.stringify({ clauseScope }));
      expect(() => readGrounding(path)).toThrow(/grounding.json: field 'clauseScope'/);
    }
  });
});
