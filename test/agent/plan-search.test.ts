// The plan searches (src/agent/plan-search.ts) on a real planner (trained here in seconds) in llama.cpp. Lengthened steps: Its data names an alarm's label in one
// request of five, so the planner often closes "Set an alarm for 7:00 AM" and leaves the label out; the label is a
// cover word (every plan of a request that says it repeats it). With lengthening searches the decoder lets such a
// step go on instead of closing, and keeps the result only when it lengthens the steps it had. Moved steps: given an
// order check that wants the screenshot first, the decoder writes it first and keeps that plan only when it has the
// same steps and breaks the order less. Unsupported steps: given a support check that says the request supports no
// screenshot, the decoder ends the plan before it; one that supports only screenshots re-decodes the alarm as one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlamaPlanner } from "../../src/agent/index.js";
import { decodeDistinctSteps } from "../../src/agent/distinct-steps.js";
import type { DatasetRecord } from "../../src/data/index.js";
import { uncoveredWords, wordsOf } from "../../src/plan/grounding.js";
import { parsePlanCompletion } from "../../src/plan/index.js";
import { END, SPLIT } from "../../src/plan/tokens.js";
import type { OrderBreak } from "../../src/plan/clause-order.js";
import type { SupportCheck } from "../../src/plan/support-words.js";
import { trainTinyOn, writeRecords } from "./trained-models.js";

const LABELS = ["yoga", "pills", "laundry", "stretching"];
const TIMES = [["7", "7:00 AM"], ["8", "8:00 AM"], ["9", "9:00 AM"]] as const;

function record(id: string, time: readonly [string, string], label?: string): DatasetRecord {
  return {
    id, query: `wake me at ${time[0]}${label ? ` for ${label}` : ""} and take a screenshot`,
    steps: [`Set an alarm for ${time[1]}${label ? ` labeled ${label}` : ""}`, "Take a screenshot"],
    functions: ["set_timer_alarm", "take_screenshot"], domains: ["android"],
  };
}

/** The same two steps asked the other way round, so that the planner has seen a screenshot followed by an alarm. */
function screenshotFirst(id: string, time: readonly [string, string]): DatasetRecord {
  return { id, query: `take a screenshot and wake me at ${time[0]}`, steps: ["Take a screenshot", `Set an alarm for ${time[1]}`], functions: ["take_screenshot", "set_timer_alarm"], domains: ["android"] };
}

function records(): DatasetRecord[] {
  // Each label is said in 60 records (cover words need 50); unlabeled alarms are four times as many.
  return Array.from({ length: 20 }, (_, copy) => TIMES.flatMap((time, index) => [
    ...LABELS.map((label) => record(`label-${copy}-${index}-${label}`, time, label)),
    ...LABELS.map((_, repeat) => record(`plain-${copy}-${index}-${repeat}`, time)),
    ...LABELS.map((_, repeat) => record(`plain2-${copy}-${index}-${repeat}`, time)),
    screenshotFirst(`screenshot-${copy}-${index}`, time),
  ])).flat();
}

let planner: LlamaPlanner;

beforeAll(async () => {
  const { directory, dataPath } = writeRecords("octoplan-lengthen-", records());
  planner = await LlamaPlanner.create({ modelPath: await trainTinyOn(dataPath, directory, "plan") }); // grounding.json beside it
}, 600_000);

afterAll(async () => {
  await planner?.dispose();
});

describe("plan searches", () => {
  it("let a closed step go on to cover a left-out word, and keep only plans that lengthen the steps they had", async () => {
    const coverWords = planner.grounding!.coverWords;
    expect([...coverWords]).toEqual(expect.arrayContaining(LABELS));
    const local = planner.local;
    const decode = (query: string, maxLengthenSearches: number) => decodeDistinctSteps(local, planner.prompt(query), {
      splitToken: local.singleTokenId(SPLIT)!, endToken: local.singleTokenId(END)!, maxSteps: 5, maxTokens: 128,
      grounding: { request: query, coverWords, copyWords: new Set() }, maxCoverSearches: 0, maxLengthenSearches,
    });
    let leftOutFirst = 0;
    let leftOutLengthened = 0;
    for (const time of TIMES) {
      for (const label of LABELS) {
        const query = record("test", time, label).query;
        const first = parsePlanCompletion((await decode(query, 0)).text);
        const lengthened = parsePlanCompletion((await decode(query, 2)).text);
        const before = uncoveredWords(new Set(wordsOf(query)), first, coverWords).length;
        const after = uncoveredWords(new Set(wordsOf(query)), lengthened, coverWords).length;
        expect(after).toBeLessThanOrEqual(before);
        if (after < before) {
          expect(lengthened).toHaveLength(first.length);
          lengthened.forEach((step, index) => expect(step.toLowerCase().startsWith(first[index]!.toLowerCase())).toBe(true));
        } else {
          expect(lengthened).toEqual(first);
        }
        leftOutFirst += before;
        leftOutLengthened += after;
      }
    }
    expect(leftOutFirst).toBeGreaterThan(0); // the planner does close steps early
    expect(leftOutLengthened).toBeLessThan(leftOutFirst);
  });

  it("moves a step written after one of a later clause, and keeps the result only when it has the same steps, in order", async () => {
    const local = planner.local;
    const decode = async (query: string, order: ((steps: readonly string[]) => OrderBreak | undefined) | undefined, maxSteps: number, maxOrderSearches: number) =>
      parsePlanCompletion((await decodeDistinctSteps(local, planner.prompt(query), {
        splitToken: local.singleTokenId(SPLIT)!, endToken: local.singleTokenId(END)!, maxSteps, maxTokens: 128, order, maxOrderSearches,
      })).text);
    // Steps reach the check as the decoder keeps them: lower case.
    const screenshotLast = (steps: readonly string[]) => (steps.at(-1) === "take a screenshot" && steps.length > 1 ? { breaks: 1, late: steps.length - 1, from: 0, count: 1 } : undefined);
    const alwaysLate = (steps: readonly string[]) => (steps.length > 1 ? { breaks: 1, late: 1, from: 0, count: 1 } : undefined);
    let moved = 0;
    let permuted = 0;
    for (const time of TIMES) {
      const query = record("test", time).query;
      const first = await decode(query, undefined, 5, 0);
      expect(first).toHaveLength(2);
      expect(first[1]).toBe("Take a screenshot");
      const swapped = [first[1]!, first[0]!];
      // Two steps at most: after the screenshot, the planner can only write one more step, and so writes the alarm.
      const written = await decode(query, screenshotLast, 2, 1);
      if (written[0] === "Take a screenshot") moved++;
      expect([first, swapped]).toContainEqual(written);
      // Five: once it has written a screenshot first, this tiny planner goes on past the alarm, so only the whole
      // plan, moved, has the same steps.
      expect(await decode(query, screenshotLast, 5, 1)).toEqual(first);
      const whole = await decode(query, screenshotLast, 5, 2);
      if (whole[0] === "Take a screenshot") permuted++;
      expect([first, swapped]).toContainEqual(whole);
      // A check that no order satisfies better: the first plan comes back, exactly.
      expect(await decode(query, alwaysLate, 5, 2)).toEqual(first);
    }
    expect(moved).toBeGreaterThan(0);
    expect(permuted).toBeGreaterThan(0);
  });

  it("ends a plan before an unsupported last step, re-decodes an unsupported first one among supported beginnings, and keeps only better plans", async () => {
    const local = planner.local;
    const decode = async (query: string, support: SupportCheck | undefined, maxSupportSearches: number) =>
      parsePlanCompletion((await decodeDistinctSteps(local, planner.prompt(query), {
        splitToken: local.singleTokenId(SPLIT)!, endToken: local.singleTokenId(END)!, maxSteps: 5, maxTokens: 128, support, maxSupportSearches,
      })).text);
    // only(beginning, true): the request supports only steps that begin so; only(beginning, false): it supports none
    // that do, and a re-decoded step may begin with nothing. Steps reach unsupported() as the decoder keeps them
    // (lower case); allows() and closes() see the text as written.
    const only = (beginning: string, supported: boolean): SupportCheck => ({
      unsupported: (steps) => steps.flatMap((step, index) => (step.startsWith(beginning) !== supported ? [index] : [])),
      unknown: () => 0,
      allows: (text) => supported && (beginning.startsWith(text.toLowerCase()) || text.toLowerCase().startsWith(beginning)),
      closes: (text) => supported && text.toLowerCase().startsWith(beginning),
    });
    let replaced = 0;
    for (const time of TIMES) {
      const query = record("test", time).query;
      const first = await decode(query, undefined, 0);
      expect(first).toEqual([expect.stringMatching(/^Set an alarm/), "Take a screenshot"]);
      expect(await decode(query, only("take a screenshot", false), 0)).toEqual(first);
      expect(await decode(query, only("take a screenshot", false), 1)).toEqual([first[0]]);
      // Nothing supported: no search, the first plan.
      expect(await decode(query, only("set an alarm", false), 2)).toEqual(first);
      // Only screenshots: the alarm is re-decoded as one, kept only when the plan then has no alarm.
      const screenshots = await decode(query, only("take a screenshot", true), 2);
      if (screenshots.join() !== first.join()) {
        replaced++;
        expect(screenshots[0]).toMatch(/^Take a screenshot/);
        expect(screenshots.some((step) => step.startsWith("Set an alarm"))).toBe(false);
      }
    }
    expect(replaced).toBeGreaterThan(0);
  });
});
