// Intent words: learnt from which request words always come with a step of one function, checked on the offline
// teacher's own data (the demo's): a correct plan of another seed is (nearly) never said to leave a step out, and a
// plan whose last step was dropped often is.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { isIntentWords, readGrounding } from "../../src/plan/grounding-file.js";
import { learnIntentWords, learnStepFunctions, missingIntents, requestFeatures, stepFunction } from "../../src/plan/intent-words.js";
import { leftOutCounter } from "../../src/plan/left-out.js";
import { learnGrounding } from "../../src/plan/learn-grounding.js";
import { plannerPrompt, plannerTarget } from "../../src/plan/index.js";
import { androidPlannedRecord, seedRange } from "./android-plans.js";

const louder = (query: string) => ({ query, steps: ["Set the media volume to 8"], functions: ["set_volume"] });
const screenshot = (query: string, steps = ["Take a screenshot"]) => ({ query, steps, functions: steps.map(() => "take_screenshot") });
const text = (name: string) => ({ query: `text ${name} to turn it off`, steps: [`Send a text message to ${name}`], functions: ["send_text_message"] });
const SMALL = [
  ...["make it louder", "louder please", "music louder"].map(louder),
  ...["grab a screen capture", "screen capture now", "a screen capture"].map((query) => screenshot(query)),
  screenshot("screen capture this, then screen capture that", ["Take a screenshot of this", "Take a screenshot of that"]),
  screenshot("screen capture both, screen capture twice", ["Take a screenshot", "Take a screenshot"]),
  ...["Bob", "Carol", "Dave"].map(text),
];
// Step beginnings need 20 training steps each: seven copies of SMALL, so a word said once in it is said 7 times.
const SEVEN = Array.from({ length: 7 }, () => SMALL).flat();
const LEARN = { minCount: 21, minCountedRecords: 14 };

describe("step functions", () => {
  it("are the shortest step beginnings that always meant one function, digits read as #", () => {
    const records = [
      ...Array.from({ length: 20 }, (_, index) => ({ query: "", steps: [`Set the media volume to ${index}`, `Set a ${index}-minute timer`], functions: ["set_volume", "set_timer_alarm"] })),
      ...Array.from({ length: 20 }, () => ({ query: "", steps: ["Take a screenshot", "Take a photo"], functions: ["take_screenshot", "take_photo"] })),
    ];
    const table = learnStepFunctions(records);
    expect(table).toEqual({ "set the": "set_volume", "set a": "set_timer_alarm", "take a screenshot": "take_screenshot", "take a photo": "take_photo" });
    expect(stepFunction("Set a 45-minute timer for tea", table)).toBe("set_timer_alarm");
    expect(stepFunction("Take a selfie", table)).toBeUndefined();
  });
});

describe("intent words", () => {
  it("are request words and word pairs that always come with a step, never names, copied words or function words", () => {
    const { intents } = learnIntentWords(SEVEN, LEARN);
    expect(intents.louder).toEqual([["set_volume", false]]);
    expect(intents["screen capture"]).toEqual([["take_screenshot", true]]); // said twice, two steps
    expect(intents.capture).toEqual([["take_screenshot", true]]);
    expect(intents.text).toBeUndefined(); // the plans copy it ("Send a text message")
    expect(intents.turn).toEqual([["send_text_message", false]]);
    expect(intents["turn it"]).toBeUndefined(); // "it" is a function word
    expect(intents.bob).toBeUndefined(); // said 7 times, fewer than 21
    expect(learnIntentWords(SEVEN, { ...LEARN, minCount: 36 }).intents).toEqual({}); // "screen" is said in 35 records
  });

  it("say which steps a plan leaves out, once per missing step of each function", () => {
    const intentWords = learnIntentWords(SEVEN, LEARN);
    const query = "music louder and grab a screen capture, then another screen capture";
    expect(requestFeatures(query).get("screen capture")).toBe(2);
    expect(missingIntents(query, ["Set the media volume to 8"], intentWords)).toEqual([
      'take_screenshot ("screen")', 'take_screenshot ("screen")', // the first of its words that asks for two
    ]);
    expect(missingIntents(query, ["Set the media volume to 8", "Take a screenshot"], intentWords)).toHaveLength(1);
    expect(missingIntents(query, ["Take a screenshot", "Set the media volume to 8", "Take a screenshot"], intentWords)).toEqual([]);
    // What the decoder counts: cover words and intended steps together.
    const leftOut = leftOutCounter("louder, and text Bob", { coverWords: new Set(["bob"]), intentWords });
    expect(leftOut(["Set the media volume to 8"])).toBe(1);
    expect(leftOut(["Send a text message to Bob"])).toBe(1);
    expect(leftOut(["Send a text message to Bob", "Set the media volume to 8"])).toBe(0);
  });

  it("on the offline teacher's data: hold for correct plans of other seeds, and catch many a dropped last step", () => {
    const intentWords = learnIntentWords(seedRange(0, 6000).map(androidPlannedRecord), { minCount: 50 });
    const features = Object.keys(intentWords.intents);
    expect(features.length).toBeGreaterThan(20);
    expect(intentWords.intents.louder).toEqual([["set_volume", false]]);
    expect(intentWords.intents.screenshot).toEqual([["take_screenshot", true]]);
    expect(features.filter((feature) => ["it", "them", "me", "the", "up"].some((word) => feature.split(" ").includes(word)))).toEqual([]);
    let flaggedCorrect = 0;
    let dropped = 0;
    let caught = 0;
    for (const record of seedRange(100_000, 2000).map(androidPlannedRecord)) {
      flaggedCorrect += Number(missingIntents(record.query, record.steps, intentWords).length > 0);
      if (record.steps.length === 1) continue;
      dropped++;
      caught += Number(missingIntents(record.query, record.steps.slice(0, -1), intentWords).length > 0);
    }
    expect(flaggedCorrect).toBeLessThanOrEqual(10); // 0.5%
    expect(caught).toBeGreaterThan(dropped / 5);
  });

  it("are learnt for a planner from examples whose records name the functions, and read back from grounding.json", () => {
    const examples = Array.from({ length: 70 }, () => SMALL).flat()
      .map((record, index) => ({ id: String(index), prompt: plannerPrompt(record.query), target: plannerTarget(record.steps), functions: record.functions }));
    const learnt = learnGrounding(examples, {});
    expect(learnt.intentWords?.intents.louder).toEqual([["set_volume", false]]);
    expect(learnt.intentWords?.supports?.louder).toEqual(["set_volume"]); // support words are learnt beside them
    expect(learnGrounding(examples.map(({ functions: _functions, ...example }) => example), {}).intentWords).toBeUndefined();

    const directory = mkdtempSync(join(tmpdir(), "octoplan-intents-"));
    const path = join(directory, "grounding.json");
    writeFileSync(path, JSON.stringify({ copyWords: [], coverWords: [], intentWords: learnt.intentWords }));
    expect(readGrounding(path).intentWords).toEqual(learnt.intentWords);
    expect(isIntentWords(learnt.intentWords)).toBe(true);
    writeFileSync(path, JSON.stringify({ copyWords: [], coverWords: [], intentWords: { stepFunctions: {}, intents: { louder: ["set_volume"] } } }));
    expect(() => readGrounding(path)).toThrow(InputError);
    expect(() => readGrounding(path)).toThrow(/field 'intentWords'/);
    writeFileSync(path, JSON.stringify({ copyWords: [], coverWords: [], intentWords: { stepFunctions: {}, intents: {}, supports: { louder: "set_volume" } } }));
    expect(() => readGrounding(path)).toThrow(/field 'intentWords'.*supports/);
  });
});
