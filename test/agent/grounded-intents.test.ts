// Intent words on a real planner (trained here in seconds) in llama.cpp. Its data asks for one thing at a time, and
// for two only in a few pairings, so for a pairing it never saw it often plans one step and ends. The words that
// ask for a step ("louder", "screen capture", "wake") are learnt from the same data and written to grounding.json;
// with them the decoder searches for a plan with the step each asks for, and never returns one that leaves out more
// than its first.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlamaPlanner, OctopusActor } from "../../src/agent/index.js";
import type { DatasetRecord } from "../../src/data/index.js";
import { GROUNDING_FILE, readGrounding } from "../../src/plan/grounding-file.js";
import { missingIntents, type IntentWords } from "../../src/plan/intent-words.js";
import { trainTinyOn, writeRecords } from "./trained-models.js";

const INTENTS = [
  { say: ["make it louder", "louder music", "louder please"], step: "Set the media volume to 8", name: "set_volume" },
  { say: ["grab a screen capture", "screen capture now", "a quick screen capture"], step: "Take a screenshot", name: "take_screenshot" },
  { say: ["wake me at 7", "wake me up at 7", "please wake me at 7"], step: "Set an alarm for 7:00 AM", name: "set_timer_alarm" },
  { say: ["dim the display", "display dimmer", "dim my display"], step: "Decrease screen brightness by 20%", name: "adjust_screen_brightness" },
];
/** The pairings the planner trains on; every other ordered pair is new to it. */
const SEEN = [[0, 1], [2, 3]];

function record(id: string, parts: number[], phrase: number): DatasetRecord {
  const intents = parts.map((part) => INTENTS[part]!);
  return {
    id, query: intents.map((intent) => intent.say[phrase % intent.say.length]).join(" and "),
    steps: intents.map((intent) => intent.step), functions: intents.map((intent) => intent.name), domains: ["android"],
  };
}

function records(): DatasetRecord[] {
  // 70 copies: each intent's words are said in 210 records, enough for train's defaults (200).
  return Array.from({ length: 70 }, (_, copy) => [
    ...INTENTS.flatMap((_, part) => [0, 1, 2].map((phrase) => record(`one-${copy}-${part}-${phrase}`, [part], phrase))),
    ...SEEN.map((pair, index) => record(`two-${copy}-${index}`, pair, copy)),
  ]).flat();
}

const UNSEEN = INTENTS.flatMap((_, first) => INTENTS.map((_, second) => [first, second]))
  .filter(([first, second]) => first !== second && !SEEN.some(([a, b]) => a === first && b === second))
  .flatMap((pair) => [0, 1, 2].map((phrase) => record("test", pair, phrase).query));

let searching: LlamaPlanner;
let first: LlamaPlanner;
let intentWords: IntentWords;
let modelPath: string;

beforeAll(async () => {
  const { directory, dataPath } = writeRecords("octoplan-intents-", records());
  modelPath = await trainTinyOn(dataPath, directory, "plan");
  const written = readGrounding(join(directory, "planner", GROUNDING_FILE));
  intentWords = written.intentWords!;
  searching = await LlamaPlanner.create({ modelPath }); // grounding.json beside it
  first = await LlamaPlanner.create({ modelPath, grounding: { ...written, intentWords: undefined } });
}, 600_000);

afterAll(async () => {
  await searching?.dispose();
  await first?.dispose();
});

describe("intent words in planning", () => {
  it("are learnt by train from the records' functions and written beside the planner", () => {
    expect(intentWords.intents.louder).toEqual([["set_volume", false]]);
    expect(intentWords.intents["screen capture"]).toEqual([["take_screenshot", false]]);
    expect(intentWords.intents.wake).toEqual([["set_timer_alarm", false]]);
    expect(intentWords.stepFunctions).toMatchObject({ "set the": "set_volume", "take": "take_screenshot" });
    expect(searching.grounding?.intentWords).toEqual(intentWords);
  });

  it("are not used by an action model given a planner's grounding.json: a search could change the function it calls", async () => {
    const actor = await OctopusActor.create({ modelPath, grounding: readGrounding(join(modelPath, "..", GROUNDING_FILE)) });
    try {
      expect(actor.grounding?.intentWords).toBeUndefined();
      expect(actor.grounding?.coverWords.size).toBe(0);
    } finally {
      await actor.dispose();
    }
  });

  it("search for a plan with every step the request asks for, never returning one that leaves out more", async () => {
    let leftOutFirst = 0;
    let leftOutSearched = 0;
    for (const query of UNSEEN) {
      const before = missingIntents(query, (await first.plan(query)).steps, intentWords).length;
      const after = missingIntents(query, (await searching.plan(query)).steps, intentWords).length;
      expect(after).toBeLessThanOrEqual(before);
      leftOutFirst += before;
      leftOutSearched += after;
    }
    expect(leftOutFirst).toBeGreaterThan(0); // the planner does leave steps out
    expect(leftOutSearched).toBeLessThan(leftOutFirst);
  });
});
