// The offline teacher's labels must be learnable: whatever a request leaves out is filled with a
// fixed default, never a random draw ("louder" is always level 8), and a step carries every value
// its call needs, because the action model sees only the step and the previous observation.
import { describe, expect, it } from "vitest";
import { composeCandidate } from "../../../src/data/offline/compose.js";
import { fill, settle, type Phrase } from "../../../src/data/offline/intent.js";
import { Dice } from "../../../src/data/offline/random.js";
import { parseNow } from "../../../src/data/offline/spoken.js";
import { BUILTIN_INTENTS } from "../../../src/data/offline/teacher.js";
import { isArgumentReference } from "../../../src/data/generate/teacher.js";

const now = parseNow("2026-11-25T09:00");
const oneStep = Array.from({ length: 6000 }, (_, seed) => composeCandidate(BUILTIN_INTENTS, 1, { dice: new Dice(seed), now }, "canonical")!);

describe("offline teacher labels", () => {
  it("maps the same request to the same step and call every time", () => {
    const seen = new Map<string, string>();
    const conflicts: string[] = [];
    let repeats = 0;
    for (const candidate of oneStep) {
      const target = JSON.stringify([candidate.steps, candidate.calls]);
      const earlier = seen.get(candidate.query);
      if (earlier === undefined) seen.set(candidate.query, target);
      else if (earlier !== target) conflicts.push(`${candidate.query}: ${earlier} vs ${target}`);
      else repeats++;
    }
    expect(repeats).toBeGreaterThan(20); // short requests ("louder") do repeat, so the check has something to compare
    expect(conflicts.slice(0, 5)).toEqual([]);
  });

  it("gives every phrasing of every intent one target per wording, however it is combined", () => {
    // Stronger than the whole-request check: long requests rarely repeat, but one clause does.
    const conflicts: string[] = [];
    let compared = 0;
    for (const intent of BUILTIN_INTENTS) {
      for (const raw of [...intent.say, ...(intent.ask ?? [])]) {
        const seen = new Map<string, string>();
        for (let seed = 0; seed < 150; seed++) {
          const binding = intent.bind({ dice: new Dice(seed), now });
          const phrase = (text: string): Phrase => ({ text: fill(text, binding.slots), template: "", raw: text });
          const settled = settle(intent, intent.steps.map((variants) => phrase(variants[0]!)), binding, phrase(raw));
          const target = JSON.stringify([settled.steps.map((step) => step.text), settled.calls]);
          const said = fill(raw, binding.slots);
          const earlier = seen.get(said);
          if (earlier === undefined) seen.set(said, target);
          else if (earlier === target) compared++;
          else conflicts.push(`${intent.id} '${raw}': '${said}' → ${earlier} vs ${target}`);
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(conflicts.slice(0, 8)).toEqual([]);
  });

  it("puts an email's title and content in its step when the request says them", () => {
    let checked = 0;
    for (const candidate of oneStep) {
      const [call] = candidate.calls;
      if (call!.name !== "send_email" || Object.values(call!.arguments).some(isArgumentReference)) continue;
      const step = candidate.steps[0]!.toLowerCase();
      for (const field of ["title", "content"]) expect(step).toContain(String(call!.arguments[field]).toLowerCase().replace(/\.$/, ""));
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
