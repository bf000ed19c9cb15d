// The offline teacher: a compositional generator that needs no network. It picks the
// hand-written intents whose functions are all in the requested set (and whose arguments
// fit those functions' parameters), adds a generic fallback intent for any function left
// uncovered, and composes one candidate per requested step count. Candidate i of a request
// depends only on (request seed, i), so a request is reproducible on its own.
import type { FunctionSet } from "../../functions/index.js";
import type { CandidateRecord, GenerationRequest, Teacher } from "../generate/teacher.js";
import { ANDROID_CHAINS } from "./android-chains.js";
import { ANDROID_DEVICE } from "./android-device.js";
import { broaden } from "./android-extra.js";
import { ANDROID_PHONE } from "./android-phone.js";
import { ANDROID_SETTINGS } from "./android-settings.js";
import { ANDROID_TIME } from "./android-time.js";
import { composeCandidate } from "./compose.js";
import { ECOMMERCE } from "./ecommerce.js";
import { genericIntent } from "./generic.js";
import type { Intent, StepPhrasing } from "./intent.js";
import { Dice } from "./random.js";
import { parseNow } from "./spoken.js";
import { TRAVEL } from "./travel.js";
import { VIDEO } from "./video.js";

// Android intents get the extra request phrasings of android-extra-a/-b/-c (broaden is a no-op for others).
export const BUILTIN_INTENTS: readonly Intent[] = [...ANDROID_PHONE, ...ANDROID_TIME, ...ANDROID_SETTINGS, ...ANDROID_DEVICE, ...ANDROID_CHAINS, ...ECOMMERCE, ...VIDEO, ...TRAVEL]
  .map(broaden);

const DEFAULT_NOW = "2026-11-25T09:00";

/** True when a sample binding only uses functions of the set with parameters they have. */
function fits(intent: Intent, functions: FunctionSet): boolean {
  if (!intent.functions.every((name) => functions.has(name))) return false;
  const sample = intent.bind({ dice: new Dice(1), now: parseNow(DEFAULT_NOW) });
  return sample.calls.every((candidate) => {
    const parameters = functions.parameterNames(candidate.name);
    return Object.keys(candidate.arguments).every((key) => parameters.includes(key));
  });
}

/** The intents used for a function set: fitting built-ins, plus a generic one per uncovered function. */
export function intentsFor(functions: FunctionSet): Intent[] {
  const intents = BUILTIN_INTENTS.filter((intent) => fits(intent, functions));
  const covered = new Set(intents.flatMap((intent) => intent.functions));
  for (const spec of functions.functions) if (!covered.has(spec.name)) intents.push(genericIntent(spec));
  return intents;
}

export class OfflineTeacher implements Teacher {
  readonly name = "offline";
  private readonly cache = new WeakMap<FunctionSet, Intent[]>();

  constructor(private readonly options: { stepPhrasing?: StepPhrasing; openSlots?: number } = {}) {}

  async *generate(request: GenerationRequest, signal?: AbortSignal): AsyncIterable<CandidateRecord> {
    let intents = this.cache.get(request.functions);
    if (!intents) {
      intents = intentsFor(request.functions);
      this.cache.set(request.functions, intents);
    }
    const now = parseNow(request.now ?? DEFAULT_NOW);
    const total = Math.min(request.count, request.stepCounts.length);
    for (let index = 0; index < total; index++) {
      signal?.throwIfAborted();
      const dice = Dice.derive(request.seed, index);
      const candidate = composeCandidate(intents, request.stepCounts[index]!, { dice, now, openSlots: this.options.openSlots }, this.options.stepPhrasing);
      if (candidate) yield candidate;
    }
  }
}
