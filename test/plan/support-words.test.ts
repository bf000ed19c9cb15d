// Support words: learnt from which request words come with a step of a function in at least 40% of their records,
// checked on small records by hand and on the offline teacher's own data (the demo's): a correct plan of another
// seed is rarely said to have an unsupported step, a plan with one step swapped for another function often is, and
// the check a re-decoded step is held to accepts every prefix of a supported step.
import { describe, expect, it } from "vitest";
import { learnStepFunctions } from "../../src/plan/intent-words.js";
import { learnSupportWords, stem, supportCheck, supportFeatures, unsupportedSteps } from "../../src/plan/support-words.js";
import { androidPlannedRecord, seedRange } from "./android-plans.js";

const volume = (query: string) => ({ query, steps: ["Set the media volume to 8"], functions: ["set_volume"] });
const search = (query: string) => ({ query, steps: [`Search the web for ${query}`], functions: ["web_search"] });
const printing = (query: string) => ({ query, steps: ["Print the report"], functions: ["print_document"] });
// Twenty of each, so that every step beginning is learnt (20 steps) and every word is said at least 20 times.
const RECORDS = Array.from({ length: 20 }, () => [
  volume("make the music louder"), volume("music louder please"),
  search("how many cups in a litre"), search("how far is the moon"),
  printing("print the report"),
]).flat();
const STEP_FUNCTIONS = learnStepFunctions(RECORDS);
const LEARN = { minCount: 20 };

describe("support words", () => {
  it("are request words and pairs that come with a step of a function often enough, without pairs that add nothing", () => {
    const support = learnSupportWords(RECORDS, STEP_FUNCTIONS, LEARN)!;
    expect(support.louder).toEqual(["set_volume"]);
    expect(support.music).toEqual(["set_volume"]);
    expect(support["music louder"]).toBeUndefined(); // its words support the same
    expect(support.how).toEqual(["web_search"]);
    expect(support.many).toEqual(["web_search"]);
    expect(support.the).toBeUndefined(); // a function word
    expect(support.print).toEqual(["print_document"]);
    // Each word is said in 20 or 40 records: with none, every plan breaks the rule.
    expect(learnSupportWords(RECORDS, STEP_FUNCTIONS, { minCount: 41 })).toBeUndefined();
  });

  it("say which steps no request word supports, reading each word's stem too", () => {
    const support = learnSupportWords(RECORDS, STEP_FUNCTIONS, LEARN)!;
    expect(unsupportedSteps("how many spoons in a cup", ["Set the media volume to 8"], support, STEP_FUNCTIONS)).toEqual([0]);
    expect(unsupportedSteps("how many spoons in a cup", ["Search the web for how many spoons in a cup"], support, STEP_FUNCTIONS)).toEqual([]);
    expect(unsupportedSteps("louder, then print it", ["Set the media volume to 8", "Print it", "Take a photo"], support, STEP_FUNCTIONS)).toEqual([]); // no known function: not counted
    expect(unsupportedSteps("louder", ["Set the media volume to 8", "Print the report"], support, STEP_FUNCTIONS)).toEqual([1]);
    expect(unsupportedSteps("printing the report", ["Print the report"], support, STEP_FUNCTIONS)).toEqual([]);
    expect(supportFeatures("Printing two videos")).toEqual(new Set(["printing", "two", "printing two", "videos", "two videos", "print", "video"]));
    expect(["printing", "printed", "prints", "shopping", "calling", "press", "news", "is"].map(stem)).toEqual(["print", "print", "print", "shop", "call", "press", "new", "is"]);
  });

  it("are not kept when more of the training plans than the limit have an unsupported step", () => {
    // Requests whose words are said once each: 20 of 120 plans.
    const odd = Array.from({ length: 20 }, (_, index) => ({ query: `my ears${index} hurt${index}`, steps: ["Set the media volume to 8"], functions: ["set_volume"] }));
    expect(learnSupportWords([...RECORDS, ...odd], STEP_FUNCTIONS, LEARN)).toBeUndefined();
    expect(learnSupportWords([...RECORDS, ...odd], STEP_FUNCTIONS, { ...LEARN, maxBroken: 0.2 })).toBeDefined();
  });

  it("hold a step being written to beginnings that can still call a supported function", () => {
    const support = learnSupportWords(RECORDS, STEP_FUNCTIONS, LEARN)!;
    const check = supportCheck("how many spoons in a cup", support, STEP_FUNCTIONS);
    expect(check.unsupported(["Set the media volume to 8"])).toEqual([0]);
    expect(check.unknown(["Set the media volume to 8", "Look at the camera"])).toBe(1);
    for (const prefix of ["", "S", "Sea", "Search", "Search ", "Search th", "Search the", "Search the web for how"]) expect(check.allows(prefix)).toBe(true);
    for (const prefix of ["Set", "Set the", "Print", "Look", "Take", "<|user|>", "Search<|user|>"]) expect(check.allows(prefix)).toBe(false);
    expect(check.closes("Search the web for spoons")).toBe(true);
    expect(check.closes("Se")).toBe(false);
    expect(check.closes("Set the media volume to 3")).toBe(false);
    // A request that supports nothing allows no step at all: the decoder then keeps its plan.
    expect(supportCheck("my phone is blinding me", support, STEP_FUNCTIONS).allows("")).toBe(false);
  });

  it("on the offline teacher's data: hold for correct plans of other seeds, catch many a swapped step, and allow every correct step", () => {
    const training = seedRange(0, 12000).map(androidPlannedRecord);
    const stepFunctions = learnStepFunctions(training);
    const support = learnSupportWords(training, stepFunctions);
    expect(support).toBeDefined();
    let flaggedCorrect = 0;
    let swapped = 0;
    let caught = 0;
    let refused = 0;
    const records = seedRange(100_000, 2000).map(androidPlannedRecord);
    for (const [index, record] of records.entries()) {
      const check = supportCheck(record.query, support!, stepFunctions);
      const unsupported = check.unsupported(record.steps);
      flaggedCorrect += Number(unsupported.length > 0);
      // Every prefix of a supported step may stand while the step is held to supported beginnings.
      record.steps.forEach((step, at) => {
        if (unsupported.includes(at)) return;
        for (let end = 0; end <= step.length; end++) refused += Number(!check.allows(step.slice(0, end)));
        refused += Number(!check.closes(step));
      });
      // The first step swapped for the first step of another record whose functions differ.
      const other = records[(index + 1) % records.length]!;
      if (other.functions.includes(record.functions[0]!)) continue;
      swapped++;
      caught += Number(check.unsupported([other.steps[0]!, ...record.steps.slice(1)]).includes(0));
    }
    expect(flaggedCorrect).toBeLessThanOrEqual(20); // 1%
    expect(refused).toBe(0);
    expect(caught).toBeGreaterThan(swapped / 2);
  });
});
