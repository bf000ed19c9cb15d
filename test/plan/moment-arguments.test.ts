// Moment arguments: which composed string arguments write only their step's times and dates, and the check that
// keeps a call being written to them.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { everyStringArgument } from "../../src/plan/call-strings.js";
import { actionPrompt } from "../../src/plan/action-format.js";
import { learnMomentArguments, momentCheck, stepMoments } from "../../src/plan/moment-arguments.js";
import { readGrounding } from "../../src/plan/grounding-file.js";

const TEXT = { name: "send_text_message", parameters: ["contact_name", "message"] };
const functionAt = (index: number) => (index === 2 ? TEXT : undefined);

/** "Text Yuki about a catch-up" calls as the offline teacher writes them, after an observation with a time of its own. */
function textCalls(count: number) {
  return Array.from({ length: count }, (_, index) => {
    const moment = `December ${1 + (index % 28)} at ${1 + (index % 12)}:05 PM`;
    return {
      prompt: actionPrompt(`Send a text message to Yuki about a catch-up on ${moment}`, "{'alarm': '09:30'}"),
      call: { name: "send_text_message", arguments: { contact_name: "Yuki", message: `A catch-up on ${moment}?` } },
    };
  });
}

describe("moment arguments", () => {
  it("reads the times and dates a step writes", () => {
    expect(stepMoments("Send a text message to Yuki about a catch-up on December 11 at 2:05 PM")).toEqual({
      times: new Set(["2:05 PM"]), dates: new Set(["December 11"]),
    });
  });

  it("learns the parameters whose every time and date is the step's, from enough calls", () => {
    expect(learnMomentArguments(textCalls(30))).toEqual({ send_text_message: ["message"] });
    const worked = textCalls(30);
    worked[0]!.call.arguments.message = "A catch-up on December 1 at 3:05 PM?"; // a time the step does not write
    expect(learnMomentArguments(worked)).toEqual({});
    expect(learnMomentArguments(textCalls(10))).toEqual({});
  });

  it("keeps a message being written to the step's time and date", () => {
    const step = "Send a text message to Yuki about a catch-up on December 11 at 2:05 PM";
    const keeps = (text: string) => everyStringArgument(text, functionAt, momentCheck(step, new Map([["send_text_message", new Set(["message"])]])));
    expect(keeps("<nexa_2>('Yuki', 'A catch-up on December 11 at 2:05 PM?')")).toBe(true);
    expect(keeps("<nexa_2>('Yuki', 'A catch-up on December 11 at 2:0")).toBe(true);
    expect(keeps("<nexa_2>('Yuki', 'A catch-up on December 11 at 11:05 PM")).toBe(false);
    expect(keeps("<nexa_2>('Yuki', 'A catch-up on December 11 at 11 at")).toBe(false); // a date's day is no hour
    expect(keeps("<nexa_2>('Yuki', 'A catch-up on December 1 at")).toBe(false);
    expect(keeps("<nexa_2>('Yuki 11:05 PM', 'hi')")).toBe(true); // another parameter
  });

  it("travels in grounding.json, and a malformed table is refused with its field named", () => {
    const path = join(mkdtempSync(join(tmpdir(), "octoplan-moments-")), "grounding.json");
    writeFileSync(path, JSON.stringify({ momentArguments: { send_text_message: ["message"] } }));
    expect(readGrounding(path).momentArguments).toEqual({ send_text_message: ["message"] });
    writeFileSync(path, JSON.stringify({ momentArguments: { send_text_message: "message" } }));
    expect(() => readGrounding(path)).toThrow(/grounding.json: field 'momentArguments'/);
  });
});
