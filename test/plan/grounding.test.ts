// Copy words: learnt from which step words the requests always contain, tolerant of typos, and — checked on the
// offline teacher's own data — never rejecting a correct plan from a different seed.
import { describe, expect, it } from "vitest";
import { composeCandidate } from "../../src/data/offline/compose.js";
import { Dice } from "../../src/data/offline/random.js";
import { parseNow } from "../../src/data/offline/spoken.js";
import { BUILTIN_INTENTS } from "../../src/data/offline/teacher.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InputError } from "../../src/errors.js";
import { readGrounding, writeGrounding } from "../../src/plan/grounding-file.js";
import { resolveGrounding } from "../../src/plan/grounding-sets.js";
import { isSaid, learnCopyWords, learnCoverWords, uncoveredWords, ungroundedWord, wordsOf } from "../../src/plan/grounding.js";

const names = ["Alice", "Bob", "Carol", "maria.garcia@yahoo.com", "Dave"];
const records = names.flatMap((name) => [
  { query: `text ${name} hi`, steps: [`Send a text message to ${name}`] },
  { query: `pls message ${name}!`, steps: [`Send a text message to ${name}`] },
  { query: `${name}'s birthday, text them`, steps: [`Send a text message to ${name}`] },
  { query: `louder`, steps: [`Set the media volume to 8`] },
  { query: `write to ${name}`, steps: [`Send a text message to ${name}`] },
  { query: `tell ${name.toUpperCase()} ok`, steps: [`Send a text message to ${name}`] },
]);

describe("copy words", () => {
  it("splits words the way requests and steps are compared", () => {
    expect(wordsOf(`Email "maria.garcia@yahoo.com." (Kevin O'Brien's) now!`)).toEqual(["email", "maria.garcia@yahoo.com", "kevin", "o'brien", "now"]);
  });

  it("are the step words every request says, and never template words or defaults", () => {
    const words = learnCopyWords(records, { minCount: 5 });
    expect(words).toEqual(["alice", "bob", "carol", "dave", "maria.garcia@yahoo.com"]);
    expect(learnCopyWords(records, { minCount: 6 })).toEqual([]);
  });

  it("count a request word within a small edit distance as said", () => {
    const request = new Set(wordsOf("connect my conefrence room projector and find AMTs"));
    expect(isSaid("conference", request)).toBe(true);
    expect(isSaid("atms", request)).toBe(true); // one adjacent swap
    expect(isSaid("airpods", request)).toBe(false);
    expect(isSaid("bob", new Set(["rob"]))).toBe(false); // short words must match exactly
    expect(isSaid("ord", new Set(["ord-madrid"]))).toBe(true);
  });

  it("find the first copy word a step writes that the request lacks, with its place in the step", () => {
    const copyWords = new Set(learnCopyWords(records, { minCount: 5 }));
    const step = "Send a text message to Bob and Carol";
    expect(ungroundedWord(step, "text carol hi", copyWords)).toEqual({ word: "bob", start: 23, end: 26 });
    expect(ungroundedWord(step, "text Bob and carol", copyWords)).toBeUndefined();
    expect(ungroundedWord("Set the media volume to 8", "louder", copyWords)).toBeUndefined();
  });

  it("cover words are the request words every plan repeats, and a plan that leaves one out is found", () => {
    const coverWords = new Set(learnCoverWords(records, { minCount: 5 }));
    // "louder" and "hi" fail: no plan repeats them. "text" and "message" are in every plan of a request that has them.
    expect([...coverWords]).toEqual(["alice", "bob", "carol", "dave", "maria.garcia@yahoo.com", "message", "text"]);
    expect(uncoveredWords("text Bob and Carol", ["Send a text message to Carol"], coverWords)).toEqual(["bob"]);
    expect(uncoveredWords("text Bob and Carol", ["Send a text message to Carol", "Send a text message to Bobb"], coverWords)).toEqual([]);
  });

  it("learnt from the offline teacher, accept every correct plan of another seed and hold its names and addresses", () => {
    const now = parseNow("2026-11-25T09:00");
    const make = (seed: number) => composeCandidate(BUILTIN_INTENTS, 1 + (seed % 5), { dice: new Dice(seed), now }, "canonical")!;
    // 30000 (the demo learns from 53k): with session 13's phrasings, 12000 records missed the rare request where a
    // word that is otherwise always copied is not ("what are people saying about …"), and learnt it as a cover word.
    const training = Array.from({ length: 30000 }, (_, seed) => make(seed));
    const copyWords = new Set(learnCopyWords(training));
    const coverWords = new Set(learnCoverWords(training));
    for (const word of ["maria", "dublin"]) expect(coverWords).toContain(word);
    for (const word of ["maria", "garcia", "projector"]) expect(copyWords).toContain(word);
    for (const word of ["send", "calendar", "email", "set", "the"]) expect(copyWords).not.toContain(word);
    const rejected: string[] = [];
    for (let seed = 100_000; seed < 103_000; seed++) {
      const candidate = make(seed);
      for (const step of candidate.steps) {
        const word = ungroundedWord(step, candidate.query, copyWords);
        if (word) rejected.push(`${word.word}: ${step} ← ${candidate.query}`);
      }
      const uncovered = uncoveredWords(candidate.query, candidate.steps, coverWords);
      if (uncovered.length > 0) rejected.push(`left out ${uncovered.join(", ")}: ${candidate.steps.join(" / ")} ← ${candidate.query}`);
    }
    expect(rejected).toEqual([]);
  });

  it("round-trip through grounding.json, found beside the model, with errors that name the file and the field", () => {
    const directory = mkdtempSync(join(tmpdir(), "octoplan-grounding-"));
    const path = join(directory, "grounding.json");
    writeGrounding(path, { copyWords: ["maria"], coverWords: ["dublin"], copyArguments: { send_email: ["recipient"] } });
    expect(readGrounding(path)).toEqual({
      copyWords: ["maria"], coverWords: ["dublin"], copyArguments: { send_email: ["recipient"] }, stepArguments: {}, timestampArguments: {}, distinctArguments: {}, embeddedArguments: {},
      momentArguments: {},
    });
    expect(resolveGrounding("auto", { modelPath: join(directory, "model.gguf") })).toEqual({
      copyWords: new Set(["maria"]), coverWords: new Set(["dublin"]), copyArguments: new Map([["send_email", new Set(["recipient"])]]), stepArguments: new Map(),
      timestampArguments: {}, distinctArguments: {}, embeddedArguments: {}, momentArguments: new Map(),
    });
    expect(resolveGrounding("auto", { modelPath: join(tmpdir(), "nowhere", "model.gguf") })).toBeUndefined();
    expect(resolveGrounding("off", { modelPath: join(directory, "model.gguf") })).toBeUndefined();
    writeFileSync(path, "{ not json");
    expect(() => readGrounding(path)).toThrow(InputError);
    expect(() => readGrounding(path)).toThrow(path);
    writeFileSync(path, JSON.stringify({ copyWords: ["maria", 3] }));
    expect(() => readGrounding(path)).toThrow(/field 'copyWords' must be an array of strings/);
    writeFileSync(path, JSON.stringify({ copyWords: [], copyArguments: { send_email: "recipient" } }));
    expect(() => readGrounding(path)).toThrow(/field 'copyArguments' must map function names to arrays/);
    // A planner's named-dates rule keeps the clock its training requests were written against.
    writeGrounding(path, { copyWords: [], coverWords: [], namedDates: { now: "2026-11-25T09:00" } });
    expect(readGrounding(path).namedDates).toEqual({ now: "2026-11-25T09:00" });
    expect(resolveGrounding(path, { modelPath: "model.gguf" })?.namedDatesToday).toEqual({ year: 2026, month: 11, day: 25 });
    writeFileSync(path, JSON.stringify({ copyWords: [], namedDates: { now: "tomorrow" } }));
    expect(() => readGrounding(path)).toThrow(/field 'namedDates' must be an object with the clock/);
  });
});
