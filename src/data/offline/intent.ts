// An intent is one thing a person asks for, producing one or more plan steps (an
// "implicit" intent like "email the Q3 report to Dana" needs search_files, then
// send_email). It is written as phrasing lists with {slot} holes plus a function that
// picks slot values and builds the calls. The composer (compose.ts) joins intents into
// multi-step requests; this file only defines the shape and the filling helpers.
import type { CandidateCall } from "../generate/teacher.js";
import type { Dice } from "./random.js";
import type { Clock } from "./spoken.js";

export interface IntentContext {
  dice: Dice;
  now: Clock;
  /** Probability that a free-text slot is an open-vocabulary phrase instead of a lexicon value (open-slots.ts); 0 when unset. */
  openSlots?: number;
}

/**
 * How the teacher words plan steps: "varied" picks one of an intent's step phrasings at random (an action model
 * trained on it reads any planner's wording); "canonical" always writes the first, so a planner trained on it
 * spends no capacity on choosing between synonyms and its steps read the same for the same intent.
 */
export type StepPhrasing = "varied" | "canonical";
export const STEP_PHRASINGS: readonly StepPhrasing[] = ["varied", "canonical"];

export type Slots = Record<string, string>;

export interface IntentBinding {
  slots: Slots;
  /** One call per step; ArgumentReference steps are local to this intent (0 = its first call). */
  calls: CandidateCall[];
}

export interface Intent {
  /** Stable id, used as the template id prefix ("android.print-found"). */
  id: string;
  domain: string;
  /** The functions it calls, in execution order (its step count is this length). */
  functions: readonly string[];
  /** Verb phrases that fit after "please", "can you", "before you": "check the weather in {city}". */
  say: readonly string[];
  /** Whole utterances for when the intent is the request or opens it: "wx {city}?". */
  ask?: readonly string[];
  /** Per step, the paper-style step phrasings: "Check the weather forecast for {city}". */
  steps: ReadonlyArray<readonly string[]>;
  /**
   * Step slots for a request that leaves a detail out: when the phrase that was spoken mentions none of `mentions`,
   * the steps are filled with `slots` on top ("capture the screen" → "Take a screenshot", not "… of the receipt"),
   * and the intent's calls take `arguments` on top (news asked for without a language is in English).
   */
  unsaid?: { mentions: readonly string[]; slots: Slots; arguments?: Record<string, unknown> };
  bind(context: IntentContext): IntentBinding;
}

export interface Phrase {
  text: string;
  /** "android.weather.say#3" */
  template: string;
  /** The template before filling: "check the weather in {city}". */
  raw: string;
}

/** Fills {slot} holes; an unknown slot is a programming error, so it throws. */
export function fill(template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`template '${template}' uses unknown slot {${name}}`);
    return value;
  });
}

/** A random variant; `first` still draws from the dice, so the rest of a record stays the same either way. */
export function choosePhrase(dice: Dice, key: string, variants: readonly string[], slots: Slots, first = false): Phrase {
  const drawn = Math.floor(dice.next() * variants.length);
  const index = first ? 0 : drawn;
  return { text: fill(variants[index]!, slots), template: `${key}#${index}`, raw: variants[index]! };
}

/** The intent's steps and calls for a request worded with `spoken` (a raw say/ask template), applying `unsaid`. */
export function settle(intent: Intent, steps: readonly Phrase[], binding: IntentBinding, spoken: Phrase): { steps: Phrase[]; calls: CandidateCall[] } {
  const { unsaid } = intent;
  if (!unsaid || unsaid.mentions.some((slot) => spoken.raw.includes(`{${slot}}`))) return { steps: [...steps], calls: binding.calls };
  const quiet = { ...binding.slots, ...unsaid.slots };
  return {
    steps: steps.map((step) => ({ ...step, text: fill(step.raw, quiet) })),
    calls: binding.calls.map((call) => ({ ...call, arguments: { ...call.arguments, ...unsaid.arguments } })),
  };
}

/** Capitalises the first letter ("Find the presentation…"). */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

export function call(name: string, args: Record<string, unknown>): CandidateCall {
  return { name, arguments: args };
}

/** A reference to an earlier call's result (see ArgumentReference). */
export function fromStep(step: number, field: string, extra: { pick?: "first" | "cheapest"; format?: string } = {}) {
  return { $ref: { step, field, ...extra } };
}
