// Appends the extra request-side phrasings (android-extra-a/-b) to the intents they name.
// Steps, bindings and calls are untouched; the original phrasings keep their template indices.
import { EXTRA_A } from "./android-extra-a.js";
import { EXTRA_B } from "./android-extra-b.js";
import type { Intent } from "./intent.js";

const EXTRA = { ...EXTRA_A, ...EXTRA_B };

export function broaden(intent: Intent): Intent {
  const extra = EXTRA[intent.id];
  if (!extra) return intent;
  return { ...intent, say: [...intent.say, ...(extra.say ?? [])], ask: [...(intent.ask ?? []), ...(extra.ask ?? [])] };
}
