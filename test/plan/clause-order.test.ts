// Clause order: the order words that exempt a request, the check that finds a step written after one of a later
// clause, and the rule learnt from the offline teacher's plans.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { androidPlan, seedRange } from "./android-plans.js";
import { clauseOrderCheck, learnClauseOrder } from "../../src/plan/clause-order.js";
import { readGrounding, writeGrounding } from "../../src/plan/grounding-file.js";

const RULE = { commonWords: ["alarm", "calendar", "text", "set", "add", "and", "the", "for", "then", "take", "screen"] };

describe("clauseOrderCheck", () => {
  const check = clauseOrderCheck("connect my Sony WH-1000XM5, check the weather in Paris and find the pitch deck", RULE)!;

  it("passes steps in the order of their clauses, and steps about no clause or several anywhere", () => {
    expect(check(["Connect to my Sony WH-1000XM5 via Bluetooth", "Check the weather forecast for Paris", "Find the pitch deck", "Email the pitch deck to Ann"])).toBeUndefined();
    expect(check(["Increase screen brightness by 20%", "Connect to my Sony WH-1000XM5 via Bluetooth", "Find the pitch deck"])).toBeUndefined();
  });

  it("finds the first step written after one of a later clause, and where it belongs", () => {
    expect(check(["Connect to my Sony WH-1000XM5 via Bluetooth", "Find the pitch deck", "Check the weather forecast for Paris"]))
      .toEqual({ breaks: 1, late: 2, from: 1, count: 1 });
    expect(check(["Find the pitch deck", "Check the weather forecast for Paris", "Connect to my Sony WH-1000XM5 via Bluetooth"]))
      .toEqual({ breaks: 2, late: 1, from: 0, count: 2 });
  });

  it("moves a late step with the steps right after it that also belong before where it goes", () => {
    const intentWords = { stepFunctions: { disable: "enable_do_not_disturb" }, intents: { dnd: [["enable_do_not_disturb", false]] as Array<[string, boolean]> } };
    const receipt = clauseOrderCheck("grab a screenshot of the receipt and send it to Olivia Martinez ty + turn off DND. Also get directions to the office by train", RULE, { intentWords })!;
    // Moved alone, the screenshot would land before DND, and the text would read DND's observation instead of it.
    expect(receipt(["Disable Do Not Disturb mode", "Take a screenshot of the receipt", "Send the screenshot to Olivia Martinez by text message", "Find a public transit route from current location to the office on Google Maps"]))
      .toEqual({ breaks: 1, late: 1, from: 0, count: 2 });
    // A step after it that does not read it stays: the photo is for Ahmed, not for the new contact.
    const olympics = clauseOrderCheck("get me the top stories on the Olympics. and before you take me to the museum of modern art on foot, add Ethan Wright's number +17185550266 to my phone, and lastly snap a picture and message it to Ahmed Hassan", RULE)!;
    expect(olympics(["Search for the latest news about the Olympics", "Find a walking route from current location to the museum of modern art on Google Maps",
      "Create a new contact for Ethan Wright with phone number +17185550266", "Take a photo with the back camera", "Send the photo to Ahmed Hassan by text message"]))
      .toEqual({ breaks: 1, late: 2, from: 1, count: 1 });
  });

  it("anchors by cover words only, when given them, and by a function's intent words a step that has no anchor", () => {
    const request = "turn it down, take a front camera photo and send it to Dad, then ring an alarm in 3 hours";
    const plan = ["Set the ring volume to 3", "Take a photo with the front camera", "Send the photo to Dad by text message", "Set an alarm for 12:00 PM"];
    // "ring" anchors the volume step to the alarm's clause…
    expect(clauseOrderCheck(request, RULE)!(plan)).toEqual({ breaks: 1, late: 1, from: 0, count: 2 });
    // …but plans do not repeat it when a request says it, so it is no cover word.
    const coverWords = new Set(["photo", "front", "camera", "dad", "brightness", "sony"]);
    expect(clauseOrderCheck(request, RULE, { coverWords })!(plan)).toBeUndefined();
    const intentWords = { stepFunctions: { decrease: "adjust_screen_brightness", connect: "connect_bluetooth_device" }, intents: { brighten: [["adjust_screen_brightness", false]] as Array<[string, boolean]> } };
    const sony = clauseOrderCheck("Connect my Sony WH-1000XM5. Brighten the screen a bit thanks", RULE, { coverWords, intentWords })!;
    expect(sony(["Decrease screen brightness by 20%", "Connect to my Sony WH-1000XM5 via Bluetooth"])).toEqual({ breaks: 1, late: 1, from: 0, count: 1 });
    expect(sony(["Connect to my Sony WH-1000XM5 via Bluetooth", "Decrease screen brightness by 20%"])).toBeUndefined();
    // Without intent words, the brightness step is about no clause.
    expect(clauseOrderCheck("Connect my Sony WH-1000XM5. Brighten the screen a bit thanks", RULE, { coverWords })!(
      ["Decrease screen brightness by 20%", "Connect to my Sony WH-1000XM5 via Bluetooth"])).toBeUndefined();
  });

  it("anchors a step with neither an anchor nor an intent word by the one clause whose support words allow its function", () => {
    const request = "Go ahead and tell me the forecast for London after you buzz me in half an hour";
    const plan = ["Check the weather forecast for London", "Set an alarm for 9:30 AM"];
    const coverWords = new Set(["london"]);
    const stepFunctions = { check: "get_weather_forecast", "set an": "set_timer_alarm" };
    const intentWords = { stepFunctions, intents: {} };
    // The alarm step names nothing the request says, and "buzz" asks for no step: it is about no clause.
    expect(clauseOrderCheck(request, RULE, { coverWords, intentWords })!(plan)).toBeUndefined();
    // "buzz" supports alarms (stems too: "buzzing" would), so the alarm is about the cue's early clause.
    const supports = { buzz: ["set_timer_alarm"], forecast: ["get_weather_forecast"] };
    const withSupport = clauseOrderCheck(request, RULE, { coverWords, intentWords: { ...intentWords, supports } })!;
    expect(withSupport(plan)).toEqual({ breaks: 1, late: 1, from: 0, count: 1 });
    expect(withSupport([plan[1]!, plan[0]!])).toBeUndefined();
    // A function two clauses support anchors nothing.
    const both = { ...supports, tell: ["set_timer_alarm"] };
    expect(clauseOrderCheck(request, RULE, { coverWords, intentWords: { ...intentWords, supports: both } })!(plan)).toBeUndefined();
  });

  it("holds a request with order words to its cues, and reads none whose order words give no cue", () => {
    const cued = clauseOrderCheck("find the pitch deck, but connect my Sony WH-1000XM5 first", RULE)!;
    expect(cued(["Connect to my Sony WH-1000XM5 via Bluetooth", "Find the pitch deck", "Email the pitch deck to Ann"])).toBeUndefined();
    expect(cued(["Find the pitch deck", "Email the pitch deck to Ann", "Connect to my Sony WH-1000XM5 via Bluetooth"])).toEqual({ breaks: 1, late: 2, from: 0, count: 1 });
    const before = clauseOrderCheck("check the weather in Paris. Before you find the pitch deck and print it, connect my Sony WH-1000XM5", RULE)!;
    // Only the cue binds: the weather may come anywhere.
    expect(before(["Connect to my Sony WH-1000XM5 via Bluetooth", "Check the weather forecast for Paris", "Find the pitch deck"])).toBeUndefined();
    expect(before(["Check the weather forecast for Paris", "Find the pitch deck", "Connect to my Sony WH-1000XM5 via Bluetooth"])).toEqual({ breaks: 1, late: 2, from: 1, count: 1 });
    expect(clauseOrderCheck("first connect my Sony WH-1000XM5, then find the pitch deck", RULE)).toBeUndefined();
    expect(clauseOrderCheck("connect my Sony WH-1000XM5", RULE)).toBeUndefined();
  });
});

describe("learnClauseOrder", () => {
  const training = seedRange(0, 4000).map((seed) => androidPlan(seed));

  it("holds for the offline teacher's android plans", () => {
    const learnt = learnClauseOrder(training);
    expect(learnt?.commonWords).toEqual(expect.arrayContaining(["alarm", "text"]));
    let checked = 0;
    let broken = 0;
    for (const seed of seedRange(300_000, 3000)) {
      const { query, steps } = androidPlan(seed);
      const orderCheck = steps.length > 1 ? clauseOrderCheck(query, learnt!) : undefined;
      if (!orderCheck) continue;
      checked++;
      if (orderCheck(steps)) broken++;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(broken).toBeLessThanOrEqual(0.005 * checked);
  });

  it("is not learnt from plans that put their last step first", () => {
    const moved = training.map((record) => (record.steps.length > 1 ? { ...record, steps: [record.steps.at(-1)!, ...record.steps.slice(0, -1)] } : record));
    expect(learnClauseOrder(moved)).toBeUndefined();
  });

  it("travels in grounding.json, and a malformed field is refused with its name", () => {
    const path = join(mkdtempSync(join(tmpdir(), "octoplan-clause-order-")), "grounding.json");
    writeGrounding(path, { copyWords: [], coverWords: [], clauseOrder: RULE });
    expect(readGrounding(path).clauseOrder).toEqual(RULE);
    writeFileSync(path, JSON.stringify({ clauseOrder: { commonWords: "alarm" } }));
    expect(() => readGrounding(path)).toThrow(/grounding.json: field 'clauseOrder'/);
  });
});
