// The composer: turns a step count into one request. It picks intents whose step counts
// add up, fills them, and joins their clauses the way people chain requests: varied
// connectors ("then", "after that", "; ", "also"), sometimes out of order ("before you X, Y";
// "X, but first Y") while the plan stays in execution order, and a register (terse, polite,
// chatty) plus casual typos on a small fraction. Intents never share pronouns across
// clauses, so reordering clauses never breaks a reference ("it" stays inside one intent).
import type { CandidateCall, CandidateRecord } from "../generate/teacher.js";
import { isArgumentReference } from "../generate/teacher.js";
import { capitalize, choosePhrase, settle, type Intent, type IntentContext, type IntentBinding, type Phrase, type StepPhrasing } from "./intent.js";
import type { Dice } from "./random.js";
import { CONNECTORS, FINAL_CONNECTORS, OPENERS, ORDERINGS, PREFIXES, SUFFIXES } from "./compose-phrases.js";
import { addTypos } from "./typos.js";

interface Filled {
  say: Phrase;
  ask?: Phrase;
  binding: IntentBinding;
  steps: Phrase[];
  intent: Intent;
}

/** Picks intents whose step counts sum to `stepCount`, preferring distinct intents. */
export function pickIntents(intents: readonly Intent[], stepCount: number, dice: Dice): Intent[] | undefined {
  const chosen: Intent[] = [];
  let remaining = stepCount;
  while (remaining > 0) {
    const fitting = intents.filter((intent) => intent.functions.length <= remaining);
    if (fitting.length === 0) return undefined;
    const fresh = fitting.filter((intent) => !chosen.some((other) => other.id === intent.id || other.functions.join() === intent.functions.join()));
    // Mostly distinct intents; sometimes the same one twice ("weather in London and Paris").
    const intent = dice.pick(fresh.length > 0 && !dice.chance(0.08) ? fresh : fitting);
    chosen.push(intent);
    remaining -= intent.functions.length;
  }
  return dice.shuffle(chosen);
}

/** Shifts intent-local step references to positions in the whole plan. */
function offsetCalls(calls: CandidateCall[], offset: number): CandidateCall[] {
  return calls.map((call) => ({
    name: call.name,
    arguments: Object.fromEntries(Object.entries(call.arguments).map(([key, value]) =>
      [key, isArgumentReference(value) ? { $ref: { ...value.$ref, step: value.$ref.step + offset } } : value])),
  }));
}

function fillIntent(intent: Intent, context: IntentContext, stepPhrasing: StepPhrasing): Filled {
  const binding = intent.bind(context);
  const { slots } = binding;
  const { dice } = context;
  return {
    intent,
    binding,
    say: choosePhrase(dice, `${intent.id}.say`, intent.say, slots),
    ask: intent.ask && intent.ask.length > 0 ? choosePhrase(dice, `${intent.id}.ask`, intent.ask, slots) : undefined,
    steps: intent.steps.map((variants, index) => choosePhrase(dice, `${intent.id}.step${index}`, variants, slots, stepPhrasing === "canonical")),
  };
}

/** "check the weather" → "checking the weather" (for "before checking…"). */
export function gerund(clause: string): string {
  const [verb = "", ...rest] = clause.split(" ");
  const irregular: Record<string, string> = { get: "getting", set: "setting", put: "putting", shoot: "shooting", run: "running", dig: "digging",
    snap: "snapping", map: "mapping", drop: "dropping", plan: "planning", stop: "stopping", grab: "grabbing", pencil: "penciling", see: "seeing", shop: "shopping", sms: "texting",
    let: "letting", dim: "dimming", hit: "hitting", shut: "shutting", pop: "popping", plot: "plotting", msg: "messaging", txt: "texting",
    google: "googling", screenshot: "screenshotting", nav: "navigating" };
  const base = verb.toLowerCase();
  const ing = irregular[base] ?? (base.endsWith("ie") ? base.slice(0, -2) + "ying" : base.endsWith("e") && !base.endsWith("ee") ? base.slice(0, -1) + "ing" : base + "ing");
  return [ing, ...rest].join(" ");
}

function tidy(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\s+([?.!,;:])/g, "$1").replace(/([?.!])[.]/g, "$1").replace(/,,/g, ",").trim();
}

const FIRST_PERSON = /^(I'd like to|I want to|I need to|need to|gotta|i wanna|let's|help me) $/i;

function wrap(clause: string, dice: Dice, templates: string[]): string {
  let prefixIndex = Math.floor(dice.next() * PREFIXES.length);
  // "I want to" / "gotta" do not fit a clause whose object is "me" ("I want to give me directions").
  if (/^\S+ me\b/i.test(clause) && FIRST_PERSON.test(PREFIXES[prefixIndex]![0])) prefixIndex = 0;
  const [prefix, question] = PREFIXES[prefixIndex]!;
  let suffix = dice.pick(SUFFIXES);
  if (/pl[sz]|please/i.test(prefix) && /pl[sz]|please/i.test(suffix)) suffix = "";
  templates.push(`register#${prefixIndex}`);
  let text = prefix + clause + suffix;
  if (question) text += "?";
  else if (dice.chance(0.5)) text += dice.pick([".", ".", "!"]);
  return text;
}

/** One candidate with exactly `stepCount` steps, or undefined when no intents fit. */
export function composeCandidate(
  intents: readonly Intent[],
  stepCount: number,
  context: IntentContext,
  stepPhrasing: StepPhrasing = "varied",
): CandidateRecord | undefined {
  const { dice } = context;
  const picked = pickIntents(intents, stepCount, dice);
  if (!picked) return undefined;
  const filled = picked.map((intent) => fillIntent(intent, context, stepPhrasing));
  const templates: string[] = filled.flatMap((part) => part.steps.map((step) => step.template));
  // Which phrase each part was spoken with decides its steps (Intent.unsaid); most parts use `say`.
  const spoken = filled.map((part) => part.say);

  let query: string;
  if (filled.length === 1) {
    const only = filled[0]!;
    if (only.ask && dice.chance(0.45)) {
      query = only.ask.text;
      spoken[0] = only.ask;
      templates.push(only.ask.template);
    } else {
      query = wrap(only.say.text, dice, templates);
      templates.push(only.say.template);
    }
  } else {
    // Clauses in execution order; one adjacent pair may be merged out of order.
    const units = filled.map((part) => part.say.text);
    templates.push(...filled.map((part) => part.say.template));
    if (dice.chance(0.25)) {
      const index = dice.integer(0, units.length - 2);
      const orderIndex = Math.floor(dice.next() * ORDERINGS.length);
      const merged = ORDERINGS[orderIndex]!.replace("{A}", units[index]!).replace("{B_ing}", gerund(units[index + 1]!)).replace("{B}", units[index + 1]!);
      units.splice(index, 2, merged);
      templates.push(`order#${orderIndex}`);
    }
    const first = filled[0]!;
    let text: string;
    let question = false;
    if (first.ask && units[0] === first.say.text && dice.chance(0.15)) {
      // Opening with a question: "wx paris? Also text Mom that I'm on my way"
      const ask = /[?.!]$/.test(first.ask.text) ? first.ask.text : first.ask.text + ".";
      const joiner = dice.pick([" Also ", " And ", " Then ", " After that, ", " "]);
      text = ask + joiner + (joiner === " " ? capitalize(units[1]!) : units[1]!);
      templates.push(first.ask.template, "opener:ask");
      spoken[0] = first.ask;
      units.splice(0, 2);
    } else {
      const opening = wrap(units.shift()!, dice, templates);
      question = opening.endsWith("?");
      text = opening.replace(/[.!?]$/, "");
    }
    // A plain list ("A, B and C") is how people most often chain three or more things.
    const list = units.length >= 2 && dice.chance(0.35);
    if (list) templates.push("connector:list");
    units.forEach((unit, index) => {
      const last = index === units.length - 1;
      const [connector] = list ? [last ? dice.pick([" and ", ", and ", " & "]) : ", "]
        : last && units.length >= 2 && dice.chance(0.5) ? dice.pick(FINAL_CONNECTORS) : dice.pick(CONNECTORS);
      templates.push(`connector:${connector.trim() || "space"}`);
      text += connector + unit;
    });
    if (question) text += "?";
    else if (dice.chance(0.5)) text += dice.pick([".", ".", "!", " thanks", ", thx"]);
    query = text;
  }
  if (dice.chance(0.1)) {
    const openerIndex = Math.floor(dice.next() * OPENERS.length);
    query = OPENERS[openerIndex]! + query[0]!.toLowerCase() + query.slice(1);
    templates.push(`opener#${openerIndex}`);
  }
  query = tidy(query);
  if (dice.chance(0.12)) {
    // Texting style: no final punctuation.
    query = query.replace(dice.chance(0.5) ? /[.!?]+$/ : /[.!]+$/, "");
    templates.push("style:texting");
  }
  query = dice.chance(0.7) ? capitalize(query) : query;
  if (dice.chance(0.06)) {
    query = addTypos(query, dice);
    templates.push("typo");
  }
  const steps: string[] = [];
  const calls: CandidateCall[] = [];
  filled.forEach((part, index) => {
    const settled = settle(part.intent, part.steps, part.binding, spoken[index]!);
    calls.push(...offsetCalls(settled.calls, steps.length));
    steps.push(...settled.steps.map((step) => capitalize(step.text)));
  });
  const domains = [...new Set(picked.map((intent) => intent.domain))];
  return { query, steps, calls, templates: [...new Set(templates)], domains };
}
