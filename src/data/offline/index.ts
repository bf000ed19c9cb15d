// Public API of the offline teacher.
export { OfflineTeacher, BUILTIN_INTENTS, intentsFor } from "./teacher.js";
export { composeCandidate } from "./compose.js";
export { genericIntent } from "./generic.js";
export { Dice } from "./random.js";
export { sayTime, sayDate, numberWords, parseNow, type SpokenTime, type SpokenDate } from "./spoken.js";
export type { Intent, IntentBinding, IntentContext, StepPhrasing } from "./intent.js";
export { STEP_PHRASINGS } from "./intent.js";
