// Timestamp arguments: the dates and times a step names, the rules (n times named → the k-th, shifted) learnt from
// training calls, and the check that keeps a call being written to them.
import { describe, expect, it } from "vitest";
import { everyStringArgument, type FunctionAt } from "../../src/plan/call-strings.js";
import { learnTimestampArguments, namedMoments, timestampCheck, timestampEndingsFor } from "../../src/plan/timestamp-arguments.js";

/** The decoder's question for timestamp arguments alone. */
const keepsTimestamps = (text: string, endings: ReturnType<typeof timestampEndingsFor>, functionAt: FunctionAt) =>
  everyStringArgument(text, functionAt, timestampCheck(endings));
import { readGrounding, writeGrounding } from "../../src/plan/grounding-file.js";
import { actionPrompt } from "../../src/plan/action-format.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const EVENT = { name: "create_calendar_event", parameters: ["title", "start_time", "end_time"] };
const functionAt = (index: number) => (index === 4 ? EVENT : undefined);

/** Training calls as the offline teacher writes them: "from A to B" events and "at A" events that last an hour. */
function calendarCalls(count: number) {
  return Array.from({ length: count }, (_, index) => {
    const day = 1 + (index % 28);
    const hour = 8 + (index % 9);
    const two = (value: number) => String(value).padStart(2, "0");
    const spoken = (value: number) => `${value % 12 === 0 ? 12 : value % 12}:15 ${value < 12 ? "AM" : "PM"}`;
    const ranged = index % 2 === 0;
    const step = ranged ? `Create a calendar event for standup on December ${day} from ${spoken(hour)} to ${spoken(hour + 2)}`
      : `Create a calendar event for lunch on December ${day} at ${spoken(hour)}`;
    const end = ranged ? hour + 2 : hour + 1;
    return {
      prompt: `<|user|>${step}<|end|><|assistant|>`,
      call: { name: "create_calendar_event", arguments: { title: "Standup", start_time: `2026-12-${two(day)}-${two(hour)}-15`, end_time: `2026-12-${two(day)}-${two(end)}-15` } },
    };
  });
}

describe("timestamp arguments", () => {
  it("finds the dates and times a text names, times in order", () => {
    expect(namedMoments("Create an event on December 3 from 1:45 PM to 2:45 PM")).toEqual({ dates: [[12, 3]], times: [13 * 60 + 45, 14 * 60 + 45] });
    expect(namedMoments("on the 3rd of Dec at 7 pm, then 09:30 and 12:00 AM")).toEqual({ dates: [[12, 3]], times: [19 * 60, 9 * 60 + 30, 0] });
    expect(namedMoments('{"start_time": "2026-11-26-15-00"}').dates).toEqual([[11, 26]]);
    expect(namedMoments("Set the media volume to 8")).toEqual({ dates: [], times: [] });
  });

  it("learns which timestamp each parameter takes: the k-th of n named times, shifted", () => {
    const learnt = learnTimestampArguments(calendarCalls(40));
    expect(learnt).toEqual({ create_calendar_event: {
      end_time: [[2, 1, 0], [1, 0, 60]], // as many calls each; the smaller shift first
      start_time: [[1, 0, 0], [2, 0, 0]],
    } });
    // A value that no rule explains in one call of forty is too many; too few calls teach nothing.
    const noisy = calendarCalls(40);
    noisy[0]!.call.arguments.start_time = "2026-01-01-00-00";
    expect(learnTimestampArguments(noisy).create_calendar_event?.start_time).toBeUndefined();
    expect(learnTimestampArguments(calendarCalls(10))).toEqual({});
  });

  it("keeps a call's timestamps to the prompt's date and the learnt time, any year", () => {
    const rules = learnTimestampArguments(calendarCalls(40));
    const endings = timestampEndingsFor("<|user|>Create a calendar event for dinner on December 1 at 2:05 PM<|end|>", rules);
    const keeps = (text: string) => keepsTimestamps(text, endings, functionAt);
    expect(keeps("<nexa_4>('Dinner', '2026-12-01-14")).toBe(true);
    expect(keeps("<nexa_4>('Dinner', '2026-12-01-14-05', '2026-12-01-15-05')")).toBe(true);
    expect(keeps("<nexa_4>('Dinner', '2027-12-01-14-05'")).toBe(true);
    expect(keeps("<nexa_4>('Dinner', '2026-12-13")).toBe(false); // another day
    expect(keeps("<nexa_4>('Dinner', '2026-12-01-14-05', '2026-12-01-14-05'")).toBe(false); // an end equal to the start
    expect(keeps("<nexa_4>('Dinner', '2026-12-01-14-0'")).toBe(false); // closed too early
    expect(keeps("<nexa_4>(end_time='2026-12-01-15")).toBe(true);
    expect(keeps("<nexa_3>('anything', '2026-01-01-00-00'")).toBe(true); // another function
    // A prompt without a date, or with a number of times no rule covers, leaves the arguments free.
    expect(timestampEndingsFor("<|user|>Create a calendar event for dinner at 2:05 PM<|end|>", rules).size).toBe(0);
    const threeTimes = timestampEndingsFor("December 1 at 1:00 PM, 2:00 PM or 3:00 PM", rules);
    expect(keepsTimestamps("<nexa_4>('x', '1999-05-05-05-05'", threeTimes, functionAt)).toBe(true);
  });

  it("reads the step's times, not the observation's", () => {
    // Half the "at A" events follow an observation that names a time of its own. Read on whole prompts, these would
    // teach "of two times, the first plus an hour", which lets "from 6:00 PM to 6:30 PM" end at 7:00 PM.
    const calls = calendarCalls(40).map((example, index) => {
      const step = example.prompt.slice("<|user|>".length, -"<|end|><|assistant|>".length);
      return { ...example, prompt: actionPrompt(step, index % 4 === 1 ? "{'alarm': '09:30'}" : undefined) };
    });
    const rules = learnTimestampArguments(calls);
    expect(rules.create_calendar_event?.end_time).toEqual([[2, 1, 0], [1, 0, 60]]);
    const endings = timestampEndingsFor(actionPrompt("Create a calendar event for retreat on November 26 from 6:00 PM to 6:30 PM", "{'alarm': '09:30'}"), rules);
    expect(keepsTimestamps("<nexa_4>('Retreat', '2026-11-26-18-00', '2026-11-26-18-30')", endings, functionAt)).toBe(true);
    expect(keepsTimestamps("<nexa_4>('Retreat', '2026-11-26-18-00', '2026-11-26-19-00')", endings, functionAt)).toBe(false);
    // A time that training calls took from the observation fits no rule on the step, and is not held.
    const fromObservation = calendarCalls(40).map((example) => ({
      prompt: actionPrompt("Create a calendar event for lunch on December 1 at the time in the message", "{'time': '13:15'}"),
      call: { ...example.call, arguments: { ...example.call.arguments, start_time: "2026-12-01-13-15" } },
    }));
    expect(learnTimestampArguments(fromObservation).create_calendar_event?.start_time).toBeUndefined();
  });

  it("travels in grounding.json, and a malformed table is refused with its field named", () => {
    const directory = mkdtempSync(join(tmpdir(), "octoplan-timestamps-"));
    const path = join(directory, "grounding.json");
    const timestampArguments = learnTimestampArguments(calendarCalls(40));
    writeGrounding(path, { copyWords: [], coverWords: [], timestampArguments });
    expect(readGrounding(path).timestampArguments).toEqual(timestampArguments);
    for (const rules of [[60], [[1, 1, 60]], [[0, 0, 0]], [[2, 0, 1.5]]]) {
      writeFileSync(path, JSON.stringify({ timestampArguments: { create_calendar_event: { end_time: rules } } }));
      expect(() => readGrounding(path)).toThrow(/grounding.json: field 'timestampArguments'/);
    }
  });
});
