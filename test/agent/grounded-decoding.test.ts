// Grounded planning on a real planner (trained here in seconds) in llama.cpp. The planner sees one name far more
// often than the others, so greedy decoding writes that name for requests about somebody else; with the copy words
// learnt from the same data, the decoder backtracks out of such steps, and changes nothing else. Requests that name
// two people are rare in its data, so it often plans one text where two were asked for; with cover words, the
// decoder searches for a plan that names both, and never returns one that names fewer than its first. The action
// model, trained on the same data, writes the frequent name into calls too, and its copy words keep it out.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlamaPlanner, OctopusActor } from "../../src/agent/index.js";
import { FunctionSet } from "../../src/functions/index.js";
import type { DatasetRecord } from "../../src/data/index.js";
import { GROUNDING_FILE, readGrounding } from "../../src/plan/grounding-file.js";
import { learnCopyWords, learnCoverWords, uncoveredWords, ungroundedWord } from "../../src/plan/grounding.js";
import { trainTinyOn, writeRecords } from "./trained-models.js";

const ANDROID = FunctionSet.fromDomains(["android"]);
const FREQUENT = "Alice";
const RARE = ["Bob", "Carol", "Dave", "Erin", "Frank", "Grace"];
const PHRASES = ["text {name} hi", "message {name} now", "send {name} a text", "pls text {name}"];

let greedy: LlamaPlanner;
let grounded: LlamaPlanner;
let covered: LlamaPlanner;
let coverWords: Set<string>;
let automatic: LlamaPlanner;
let copyWords: Set<string>;
let groundingPath: string;
let plainActor: OctopusActor;
let groundedActor: OctopusActor;
let actorCopyWords: Set<string>;
let actorGroundingPath: string;
let copyingActor: OctopusActor;

function record(id: string, query: string, names: string[]): DatasetRecord {
  return {
    id, query, steps: names.map((name) => `Send a text message to ${name}`), functions: names.map(() => "send_text_message"),
    calls: names.map((name) => ({ name: "send_text_message", arguments: { contact_name: name, message: "hi" } })),
    observations: names.map(() => "{}"), domains: ["android"],
  };
}

function records(): DatasetRecord[] {
  const names = [...Array<string>(12).fill(FREQUENT), ...RARE];
  const single = names.flatMap((name, index) => PHRASES.map((phrase, kind) => record(`one-${index}-${kind}`, phrase.replace("{name}", name), [name])));
  const pairs = RARE.flatMap((name, index) => [record(`two-${index}`, `text ${name} and ${FREQUENT}`, [name, FREQUENT]), record(`owt-${index}`, `text ${FREQUENT} and ${name}`, [FREQUENT, name])]);
  return [...single, ...pairs];
}

/** Requests that name two rare people, a pair the planner never saw. */
const TWO = RARE.flatMap((first, index) => RARE.slice(index + 1).map((second) => `text ${first} and ${second}`));

beforeAll(async () => {
  const all = records();
  const { directory, dataPath } = writeRecords("octoplan-grounded-", all);
  copyWords = new Set(learnCopyWords(all, { minCount: 4 }));
  coverWords = new Set(learnCoverWords(all, { minCount: 4 }));
  const plannerPath = await trainTinyOn(dataPath, directory, "plan");
  groundingPath = join(directory, "planner", GROUNDING_FILE);
  greedy = await LlamaPlanner.create({ modelPath: plannerPath, grounding: "off" });
  grounded = await LlamaPlanner.create({ modelPath: plannerPath, grounding: { copyWords: [...copyWords], coverWords: [] } });
  covered = await LlamaPlanner.create({ modelPath: plannerPath, grounding: { copyWords: [...copyWords], coverWords: [...coverWords] } });
  automatic = await LlamaPlanner.create({ modelPath: plannerPath });
  const actorPath = await trainTinyOn(dataPath, directory, "act", ANDROID);
  // The action model's copy words come from its prompts (step + observation) and targets (the call).
  actorCopyWords = new Set(learnCopyWords(all.flatMap((record) => record.steps.map((step, index) =>
    ({ query: step, steps: [String(record.calls![index]!.arguments.contact_name)] }))), { minCount: 4 }));
  plainActor = await OctopusActor.create({ modelPath: actorPath, grounding: "off" });
  actorGroundingPath = join(directory, "actor", GROUNDING_FILE);
  copyingActor = await OctopusActor.create({ modelPath: actorPath }); // its grounding.json: copied arguments
  groundedActor = await OctopusActor.create({ modelPath: actorPath, grounding: { copyWords: [...actorCopyWords], coverWords: [] } });
}, 600_000);

afterAll(async () => {
  await greedy?.dispose();
  await grounded?.dispose();
  await covered?.dispose();
  await automatic?.dispose();
  await plainActor?.dispose();
  await groundedActor?.dispose();
  await copyingActor?.dispose();
});

describe("grounded planner decoding", () => {
  it("learns the names as copy words, and the trainer writes its own list beside the planner", () => {
    const lowerNames = [FREQUENT, ...RARE].map((name) => name.toLowerCase()).sort();
    expect([...copyWords].sort()).toEqual(lowerNames);
    expect([...coverWords].sort()).toEqual([...lowerNames, "message", "send", "text"].sort()); // names, and the words of the one step

    expect(existsSync(groundingPath)).toBe(true);
    // 50 uses are needed by default: only the frequent name has them.
    const written = readGrounding(groundingPath);
    expect(written.copyWords).toEqual(["alice"]);
    expect(written.coverWords).toContain("alice");
    expect(automatic.grounding).toEqual({
      copyWords: new Set(written.copyWords), coverWords: new Set(written.coverWords), copyArguments: new Map(), stepArguments: new Map(),
      timestampArguments: {}, distinctArguments: {}, embeddedArguments: {}, momentArguments: new Map(),
    });
  });

  it("keeps every step to the names the request says, and equals the plain decoder wherever that one does", async () => {
    let wrongByGreedy = 0;
    let wrongGrounded = 0;
    for (const name of RARE) {
      for (const phrase of PHRASES) {
        const query = phrase.replace("{name}", name);
        const plain = await greedy.plan(query);
        const kept = await grounded.plan(query);
        const plainWrong = plain.steps.some((step) => ungroundedWord(step, query, copyWords));
        wrongByGreedy += Number(plainWrong);
        wrongGrounded += Number(kept.steps.some((step) => ungroundedWord(step, query, copyWords)));
        if (!plainWrong) expect(kept.steps).toEqual(plain.steps);
      }
    }
    expect(wrongByGreedy).toBeGreaterThan(0); // the planner does write the frequent name for somebody else
    expect(wrongGrounded).toBeLessThan(wrongByGreedy);
  });

  it("searches for a plan that names everybody the request names, and never returns one that names fewer", async () => {
    let leftOutFirst = 0;
    let leftOutCovered = 0;
    for (const query of TWO) {
      const first = uncoveredWords(query, (await grounded.plan(query)).steps, coverWords).length;
      const searched = uncoveredWords(query, (await covered.plan(query)).steps, coverWords).length;
      expect(searched).toBeLessThanOrEqual(first);
      leftOutFirst += first;
      leftOutCovered += searched;
    }
    expect(leftOutFirst).toBeGreaterThan(0); // the planner does leave people out
    expect(leftOutCovered).toBeLessThan(leftOutFirst);
  });

  it("keeps the action model's arguments to the names its step says", async () => {
    let wrongPlain = 0;
    let wrongGrounded = 0;
    for (const name of RARE) {
      const step = `Send a text message to ${name}`;
      const plain = await plainActor.act(step, undefined, ANDROID);
      const kept = await groundedActor.act(step, undefined, ANDROID);
      wrongPlain += Number(plain.call.arguments.contact_name !== name);
      wrongGrounded += Number(kept.call.arguments.contact_name !== name);
      if (plain.call.arguments.contact_name === name) expect(kept.call).toEqual(plain.call);
    }
    expect(actorCopyWords).toContain("bob");
    expect(wrongPlain).toBeGreaterThan(0); // the action model does write the frequent name
    expect(wrongGrounded).toBeLessThan(wrongPlain);
  });

  it("writes an action model's copied arguments, and decodes them only as pieces of the step", async () => {
    // contact_name is in every training step; the message ("hi") never is.
    expect(readGrounding(actorGroundingPath).copyArguments).toEqual({ send_text_message: ["contact_name"] });
    let plainExact = 0;
    let exact = 0;
    for (const name of RARE) {
      const step = `Send a text message to ${name}`;
      const plain = (await plainActor.act(step, undefined, ANDROID)).call.arguments.contact_name;
      const kept = String((await copyingActor.act(step, undefined, ANDROID)).call.arguments.contact_name);
      expect(step.toLowerCase()).toContain(kept.toLowerCase());
      plainExact += Number(plain === name);
      exact += Number(kept === name);
    }
    // Without copy words, the plain decode writes the frequent name for most of the rare ones; held to the step,
    // the same model finds the rare name. (A name it never saw in training it cannot find: it copies some other
    // word of the step. Copying does not teach a model which word to copy.)
    expect(plainExact).toBeLessThan(RARE.length);
    expect(exact).toBeGreaterThan(plainExact);
  });
});
