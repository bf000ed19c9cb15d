// The offline teacher's android requests and canonical plans, by seed: what the demo trains on, for the tests of
// the planner's decoding rules (named-dates, named-times, intent-words).
import { composeCandidate } from "../../src/data/offline/compose.js";
import type { CandidateRecord } from "../../src/data/generate/teacher.js";
import { Dice } from "../../src/data/offline/random.js";
import { parseNow } from "../../src/data/offline/spoken.js";
import type { Intent } from "../../src/data/offline/intent.js";
import { intentsFor } from "../../src/data/offline/teacher.js";
import { FunctionSet } from "../../src/functions/index.js";

export const ANDROID_INTENTS = intentsFor(FunctionSet.fromDomains(["android"]));
const NOW = parseNow("2026-11-25T09:00");

/** One request of 1–5 steps (by seed) and its plan, with the calls that carry it out. */
export function androidPlan(seed: number, intents: readonly Intent[] = ANDROID_INTENTS): CandidateRecord {
  return composeCandidate(intents, 1 + (seed % 5), { dice: new Dice(seed), now: NOW }, "canonical")!;
}

/** androidPlan's request and plan with each step's function (from its call). */
export function androidPlannedRecord(seed: number): { query: string; steps: string[]; functions: string[] } {
  const candidate = androidPlan(seed);
  return { query: candidate.query, steps: candidate.steps, functions: candidate.calls.map((call) => call.name) };
}

/**
 * Runs a decoding check (undefined: the request names nothing it checks) on every prefix of the plans of `seeds`,
 * as the decoder would while writing them: how many plans were checked, and the first rejected prefix of each plan.
 */
export function rejectedPrefixes(seeds: Iterable<number>, checkFor: (request: string) => ((text: string) => boolean) | undefined): { checked: number; rejected: string[] } {
  let checked = 0;
  const rejected: string[] = [];
  for (const seed of seeds) {
    const candidate = androidPlan(seed);
    const check = checkFor(candidate.query);
    if (!check) continue;
    checked++;
    const plan = candidate.steps.join("<nexa_split>");
    for (let end = 1; end <= plan.length; end++) {
      if (!check(plan.slice(0, end))) { rejected.push(`${plan.slice(0, end)} ← ${candidate.query}`); break; }
    }
  }
  return { checked, rejected };
}

export function seedRange(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, offset) => start + offset);
}
