// The composer's invariants: exact step counts, one call per step, determinism by seed, no repeated phrasing,
// and out-of-order phrasing ("before you B, A") that never reorders the plan.
import { describe, expect, it } from "vitest";
import { composeCandidate, gerund } from "../../../src/data/offline/compose.js";
import { call, type Intent } from "../../../src/data/offline/intent.js";
import { Dice } from "../../../src/data/offline/random.js";
import { parseNow } from "../../../src/data/offline/spoken.js";
import { BUILTIN_INTENTS } from "../../../src/data/offline/teacher.js";

const now = parseNow("2026-11-25T09:00");

function probe(id: string, functionName: string, phrase: string, step: string): Intent {
  return { id, domain: "test", functions: [functionName], say: [phrase], steps: [[step]], bind: () => ({ slots: {}, calls: [call(functionName, {})] }) };
}

describe("composeCandidate", () => {
  it("gives exactly the requested number of steps, each with one call", () => {
    for (let seed = 0; seed < 300; seed++) {
      const steps = 1 + (seed % 5);
      const candidate = composeCandidate(BUILTIN_INTENTS, steps, { dice: new Dice(seed), now })!;
      expect(candidate.steps).toHaveLength(steps);
      expect(candidate.calls).toHaveLength(steps);
      expect(candidate.query.trim()).not.toBe("");
      expect(candidate.templates!.length).toBeGreaterThan(0);
    }
  });

  it("is deterministic by seed and varies across seeds", () => {
    const make = (seed: number) => composeCandidate(BUILTIN_INTENTS, 3, { dice: new Dice(seed), now });
    expect(make(11)).toEqual(make(11));
    const queries = new Set(Array.from({ length: 50 }, (_, seed) => make(seed)!.query));
    expect(queries.size).toBe(50);
  });

  it("words each step with its first phrasing when canonical, and changes nothing else", () => {
    const stepTemplates = new Map<string, Set<string>>();
    let differs = 0;
    for (let seed = 0; seed < 200; seed++) {
      const varied = composeCandidate(BUILTIN_INTENTS, 1 + (seed % 5), { dice: new Dice(seed), now })!;
      const canonical = composeCandidate(BUILTIN_INTENTS, 1 + (seed % 5), { dice: new Dice(seed), now }, "canonical")!;
      expect(canonical.query).toBe(varied.query);
      expect(canonical.calls).toEqual(varied.calls);
      expect(canonical.steps).toHaveLength(varied.steps.length);
      if (canonical.steps.join() !== varied.steps.join()) differs++;
      // Template ids of steps end in "#<variant>": canonical ones are always variant 0.
      for (const template of canonical.templates!.filter((id) => /\.step\d+#/.test(id))) {
        expect(template).toMatch(/#0$/);
        const key = template.replace(/#\d+$/, "");
        stepTemplates.set(key, (stepTemplates.get(key) ?? new Set()).add(template));
      }
    }
    expect(differs).toBeGreaterThan(20);
    expect(stepTemplates.size).toBeGreaterThan(20);
  });

  it("keeps the plan in execution order when the request mentions steps out of order", () => {
    const intents = [probe("alpha", "first_function", "find the alpha1 report", "Find the alpha1 report"),
      probe("beta", "second_function", "print the beta2 memo", "Print the beta2 memo")];
    let outOfOrder = 0;
    for (let seed = 0; seed < 400; seed++) {
      const candidate = composeCandidate(intents, 2, { dice: new Dice(seed), now })!;
      const order = candidate.calls.map((entry) => entry.name);
      const first = candidate.steps[0] === "Find the alpha1 report" ? "first_function" : "second_function";
      // Steps and calls always agree with each other (marker words carry digits, so typos never touch them)...
      expect(order[0]).toBe(first);
      const template = candidate.templates!.find((id) => id.startsWith("order#"));
      if (!template) continue;
      const lower = candidate.query.toLowerCase();
      const alphaAt = lower.indexOf("alpha1");
      const betaAt = lower.indexOf("beta2");
      // ...and when a reordering template was used, the clause mentioned first in the text runs second
      // for the "before you B, A" / "B, but first A" family.
      if (["order#0", "order#1", "order#2", "order#3", "order#4", "order#5"].includes(template)) {
        const mentionedFirst = alphaAt < betaAt ? "alpha" : "beta";
        const ranFirst = candidate.steps[0]!.includes("alpha") ? "alpha" : "beta";
        expect(mentionedFirst, candidate.query).not.toBe(ranFirst);
        outOfOrder++;
      }
    }
    expect(outOfOrder).toBeGreaterThan(10);
  });

  it("forms gerunds for 'before doing X'", () => {
    expect(gerund("set an alarm")).toBe("setting an alarm");
    expect(gerund("take a photo")).toBe("taking a photo");
    expect(gerund("check the weather")).toBe("checking the weather");
  });

  it("lists each built-in intent's phrasings once (a repeat only doubles that phrasing's weight)", () => {
    const repeats = BUILTIN_INTENTS.flatMap((intent) => (["say", "ask"] as const).flatMap((field) => {
      const phrasings = (intent[field] ?? []).map((phrasing) => JSON.stringify(phrasing));
      return phrasings.filter((phrasing, index) => phrasings.indexOf(phrasing) !== index).map((phrasing) => `${intent.id}.${field}: ${phrasing}`);
    }));
    expect(repeats).toEqual([]);
    expect(BUILTIN_INTENTS.length).toBeGreaterThan(20);
  });
});
