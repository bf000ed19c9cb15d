// Coordinated values: the pairs a request joins ("Rome and Milan", "6 and 6:15", "Ali and Ben"), and the step
// written again for the value no step writes, or corrected where the plan wrote it with a value the request never
// says. Checked on the offline teacher's own plans:
// - a complete plan is never changed;
// - a step dropped from a plan that has two steps of its function is put back where it was.
import { describe, expect, it } from "vitest";
import { coordinatedValues, withCoordinatedSteps } from "../../src/plan/coordinated-values.js";
import { androidPlannedRecord, seedRange } from "./android-plans.js";

const OPTIONS = { maxSteps: 5 };
const pairsOf = (request: string) => coordinatedValues(request).map(([first, second]) => [first.text, second.text]);

describe("coordinated values", () => {
  it("finds names and clock times joined by 'and', 'or', 'with' or 'vs', not a sentence's first word", () => {
    expect(pairsOf("weather in Rome and in Milan")).toEqual([["Rome", "Milan"]]);
    expect(pairsOf("compare the weather in Madrid with Lisbon")).toEqual([["Madrid", "Lisbon"]]);
    expect(pairsOf("two alarms please, 6 and 6:15pm")).toEqual([["6", "6:15pm"]]);
    expect(pairsOf("Text Ana and Ben hi")).toEqual([["Ana", "Ben"]]);
    expect(pairsOf("is it warmer in New York or Los Angeles?")).toEqual([["New York", "Los Angeles"]]);
    // Not of one kind, lower case, the same value twice, or no joining word.
    expect(pairsOf("set an alarm at 6 and Text Bob")).toEqual([]);
    expect(pairsOf("weather in rome and milan")).toEqual([]);
    expect(pairsOf("ring volume 8 and alarm volume 8")).toEqual([]);
    expect(pairsOf("block off Monday 9 to 10 for the standup")).toEqual([]);
    expect(pairsOf("Sarah and I are late")).toEqual([]);
  });

  it("writes the step again for the joined value no step writes, next to the step that writes the other", () => {
    expect(withCoordinatedSteps("text Ali and Ben that practice is off, then set the ring volume to 2",
      ["Send a text message to Ali saying \"practice is off\"", "Set the ring volume to 2"], OPTIONS))
      .toEqual(["Send a text message to Ali saying \"practice is off\"", "Send a text message to Ben saying \"practice is off\"", "Set the ring volume to 2"]);
    // The forgotten value comes first: its step goes first.
    expect(withCoordinatedSteps("compare the weather in Madrid with Lisbon", ["Check the weather forecast for Lisbon"], OPTIONS))
      .toEqual(["Check the weather forecast for Madrid", "Check the weather forecast for Lisbon"]);
    // A clock time keeps the step's AM/PM unless the request says one.
    expect(withCoordinatedSteps("two alarms please, 6 and 6:15", ["Set an alarm for 6:00 AM"], OPTIONS))
      .toEqual(["Set an alarm for 6:00 AM", "Set an alarm for 6:15 AM"]);
    expect(withCoordinatedSteps("alarms at 6 and 7pm", ["Set an alarm for 6:00 AM"], OPTIONS))
      .toEqual(["Set an alarm for 6:00 AM", "Set an alarm for 7:00 PM"]);
    expect(withCoordinatedSteps("alarms at 6 and 18:30", ["Set an alarm for 6:00 AM"], OPTIONS))
      .toEqual(["Set an alarm for 6:00 AM", "Set an alarm for 6:30 PM"]);
    // A two-word name is replaced whole.
    expect(withCoordinatedSteps("weather in New York and Boston", ["Check the weather forecast for New York"], OPTIONS))
      .toEqual(["Check the weather forecast for New York", "Check the weather forecast for Boston"]);
  });

  it("corrects a step of the same words that writes a value the request never says, instead of adding one", () => {
    expect(withCoordinatedSteps("weather in Rome and Milan", ["Check the weather forecast for Rome", "Check the weather forecast for Madrid"], OPTIONS))
      .toEqual(["Check the weather forecast for Rome", "Check the weather forecast for Milan"]);
    // Madrid said in the request is a step of its own.
    expect(withCoordinatedSteps("weather in Madrid, then Rome and Milan", ["Check the weather forecast for Madrid", "Check the weather forecast for Rome"], OPTIONS))
      .toEqual(["Check the weather forecast for Madrid", "Check the weather forecast for Rome", "Check the weather forecast for Milan"]);
  });

  it("leaves a plan alone when both values are written, neither is, or the plan is full", () => {
    const both = ["Create a calendar event for lunch with Sarah and Tom on Friday from 1:00 PM to 2:00 PM"];
    expect(withCoordinatedSteps("lunch with Sarah and Tom on Friday 1 to 2", both, OPTIONS)).toEqual(both);
    const neither = ["Search the web for the best pizza in town"];
    expect(withCoordinatedSteps("weather in Rome and Milan", neither, OPTIONS)).toEqual(neither);
    const full = ["Take a screenshot", "Take a screenshot", "Take a screenshot", "Take a screenshot", "Check the weather forecast for Rome"];
    expect(withCoordinatedSteps("weather in Rome and Milan", full, OPTIONS)).toEqual(full);
    // A misspelt value the step corrects ("Torotno") is written, so nothing is added.
    const corrected = ["Check the weather forecast for Toronto", "Check the weather forecast for Boston"];
    expect(withCoordinatedSteps("weather in Torotno and Boston", corrected, OPTIONS)).toEqual(corrected);
    // One typo away is a typo; two is another word ("Maria" is not "Madrid").
    expect(withCoordinatedSteps("text Maria the plan, weather in Chicago and Madrid", ["Send a text message to Maria saying the plan", "Check the weather forecast for Chicago"], OPTIONS))
      .toEqual(["Send a text message to Maria saying the plan", "Check the weather forecast for Chicago", "Check the weather forecast for Madrid"]);
  });

  it("never changes one of the teacher's complete plans, and puts back a dropped step of a repeated function", () => {
    let joined = 0;
    let tried = 0;
    let restored = 0;
    let otherwise = 0;
    const changed: string[] = [];
    for (const seed of seedRange(0, 12000)) {
      const record = androidPlannedRecord(seed);
      if (coordinatedValues(record.query).length > 0) joined++;
      const planned = withCoordinatedSteps(record.query, record.steps, OPTIONS);
      if (planned.join("|") !== record.steps.join("|")) changed.push(record.query);
      record.steps.forEach((_, index) => {
        if (record.functions.filter((name) => name === record.functions[index]).length < 2) return;
        tried++;
        const dropped = record.steps.filter((__, other) => other !== index);
        const back = withCoordinatedSteps(record.query, dropped, OPTIONS);
        if (back.join("|") === record.steps.join("|")) restored++;
        // Otherwise a step was added that the teacher wrote otherwise: a misspelt city kept ("Torotno"), or two
        // steps of one function in the other order.
        else if (back.length > dropped.length) otherwise++;
      });
    }
    expect(changed).toEqual([]);
    expect(joined).toBeGreaterThan(300);
    // About a third of such drops are of a value joined to another; the rest are clauses of their own (clause plans).
    expect(restored / tried).toBeGreaterThan(0.3);
    expect(otherwise / tried).toBeLessThan(0.01);
  });
});
