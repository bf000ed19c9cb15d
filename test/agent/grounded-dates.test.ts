// Named dates and times on a real planner (trained here in seconds) in llama.cpp. The planner sees one day and one
// hour far more often than the others, so greedy decoding writes them for requests that name another; with the
// rules (grounding.json's namedDates and namedTimes), every date and time it writes is one the request names, and
// plans that greedy already got right stay as they were.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlamaPlanner } from "../../src/agent/index.js";
import type { DatasetRecord } from "../../src/data/index.js";
import { GROUNDING_FILE, readGrounding } from "../../src/plan/grounding-file.js";
import { namedDatesCheck, parseClockDay } from "../../src/plan/named-dates.js";
import { namedTimesCheck } from "../../src/plan/named-times.js";
import { trainTinyOn, writeRecords } from "./trained-models.js";

const NOW = "2026-11-25T09:00"; // a Wednesday
const TODAY = parseClockDay(NOW)!;
// [how the request says the day, the step's date]; the first is the frequent one.
const DAYS: Array<[string, string]> = [["tomorrow", "November 26"], ["on Friday", "November 27"], ["on December 9th", "December 9"],
  ["in three days", "November 28"], ["on the 4th", "December 4"], ["on Dec 12", "December 12"]];
const HOURS: Array<[string, string]> = [["at 7pm", "7:00 PM"], ["at 8am", "8:00 AM"], ["at 18:30", "6:30 PM"], ["at noon", "12:00 PM"], ["at 9:15 pm", "9:15 PM"]];
const EVENTS = ["lunch", "dentist", "yoga", "call"];

let greedy: LlamaPlanner;
let grounded: LlamaPlanner;
let groundingPath: string;

function record(id: string, event: string, day: [string, string], hour: [string, string]): DatasetRecord {
  return {
    id, query: `add ${event} ${day[0]} ${hour[0]}`, steps: [`Create a calendar event for ${event} on ${day[1]} at ${hour[1]}`],
    functions: ["create_calendar_event"], domains: ["android"],
  };
}

function records(): DatasetRecord[] {
  const all: DatasetRecord[] = [];
  EVENTS.forEach((event, e) => {
    for (let copy = 0; copy < 10; copy++) all.push(record(`f-${e}-${copy}`, event, DAYS[0]!, HOURS[0]!)); // the frequent pair
    DAYS.forEach((day, d) => HOURS.forEach((hour, h) => { if ((d + h + e) % 3 === 0) all.push(record(`r-${e}-${d}-${h}`, event, day, hour)); }));
  });
  return all;
}

/** Requests with a rare day or hour, some of them pairs the planner never saw. */
const RARE_REQUESTS = EVENTS.flatMap((event) => DAYS.slice(1).flatMap((day, d) => [`add ${event} ${day[0]} ${HOURS[1 + (d % 4)]![0]}`, `add ${event} ${day[0]} at 7pm`]));

beforeAll(async () => {
  const { directory, dataPath } = writeRecords("octoplan-grounded-dates-", records());
  const modelPath = await trainTinyOn(dataPath, directory, "plan");
  groundingPath = join(directory, "planner", GROUNDING_FILE);
  greedy = await LlamaPlanner.create({ modelPath, grounding: "off" });
  grounded = await LlamaPlanner.create({ modelPath }); // grounding.json beside it
}, 600_000);

afterAll(async () => {
  await greedy?.dispose();
  await grounded?.dispose();
});

describe("planner decoding with named dates and times", () => {
  it("learns both rules from the training plans, with the clock they were written against", () => {
    const written = readGrounding(groundingPath);
    expect(written.namedDates).toEqual({ now: NOW });
    expect(written.namedTimes).toEqual({ now: NOW });
    expect(grounded.grounding?.namedDatesToday).toEqual(TODAY);
    expect(grounded.grounding?.namedTimesClock).toBe(9 * 60);
  });

  it("writes only named dates and times, and keeps greedy's plan wherever greedy does", async () => {
    let wrongByGreedy = 0;
    let wrongGrounded = 0;
    for (const query of RARE_REQUESTS) {
      const keeps = (steps: string[]) => [namedDatesCheck(query, TODAY)!, namedTimesCheck(query, 9 * 60)!].every((check) => check(steps.join("\n")));
      const plain = await greedy.plan(query);
      const kept = await grounded.plan(query);
      wrongByGreedy += Number(!keeps(plain.steps));
      wrongGrounded += Number(!keeps(kept.steps));
      if (keeps(plain.steps)) expect(kept.steps, query).toEqual(plain.steps);
    }
    expect(wrongByGreedy).toBeGreaterThan(0); // the planner does write the frequent day or hour for another
    expect(wrongGrounded).toBe(0);
  });
});
