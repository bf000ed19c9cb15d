// Appends the extra request-side phrasings (android-extra-a/-b/-c) to the intents they name, in that order.
// Steps, bindings and calls are untouched; the original phrasings keep their template indices.
import { EXTRA_A, type ExtraPhrasings } from "./android-extra-a.js";
import { EXTRA_B } from "./android-extra-b.js";
import { EXTRA_C } from "./android-extra-c.js";
import type { Intent } from "./intent.js";

const PARTS: ReadonlyArray<Record<string, ExtraPhrasings>> = [EXTRA_A, EXTRA_B, EXTRA_C];

export function broaden(intent: Intent): Intent {
  const extras = PARTS.map((part) => part[intent.id]).filter((extra) => extra !== undefined);
  if (extras.length === 0) return intent;
  return {
    ...intent,
    say: [...intent.say, ...extras.flatMap((extra) => extra.say ?? [])],
    ask: [...(intent.ask ?? []), ...extras.flatMap((extra) => extra.ask ?? [])],
  };
}
