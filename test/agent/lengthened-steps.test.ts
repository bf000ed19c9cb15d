// Lengthened steps on a real planner (trained here in seconds) in llama.cpp. Its data names an alarm's label in one
// request of five, so the planner often closes "Set an alarm for 7:00 AM" and leaves the label out; the label is a
// cover word (every plan of a request that says it repeats it). With lengthening searches the decoder lets such a
// step go on instead of closing, and keeps the result only when it lengthens the steps it had.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlamaPlanner } from "../../src/agent/index.js";
import { decodeDistinctSteps } from "../../src/agent/distinct-steps.js";
import type { DatasetRecord } from "../../src/data/index.js";
import { uncoveredWords, wordsOf } from "../../src/plan/grounding.js";
import { parsePlanCompletion } from "../../src/plan/index.js";
import { END, SPLIT } from "../../src/plan/tokens.js";
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

function records(): DatasetRecord[] {
  // Each label is said in 60 records (cover words need 50); unlabeled alarms are four times as many.
  return Array.from({ length: 20 }, (_, copy) => TIMES.flatMap((time, index) => [
    ...LABELS.map((label) => record(`label-${copy}-${index}-${label}`, time, label)),
    ...LABELS.map((_, repeat) => record(`plain-${copy}-${index}-${repeat}`, time)),
    ...LABELS.map((_, repeat) => record(`plain2-${copy}-${index}-${repeat}`, time)),
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

describe("lengthened steps", () => {
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
});
