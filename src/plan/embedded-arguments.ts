// Embedded arguments: an argument that, after a fixed opening, always goes on with another argument of the same call,
// such as an email's content "Here is the {title}: /storage/…". A small action model writes the title right and then
// shortens or garbles it in the content ("Here is the Acme Corp:" for the title "Invoice for Acme Corp", "Here is
// the investor s:"). Which (parameter, opening, embedded parameter) triples qualify is learnt from the action model's
// training calls and written to grounding.json (call-strings.ts lists the other checks): an opening that at least
// `minCount` calls begin with, and that at least `minRatio` of those follow with the other argument (its first letter
// in either case: "Pitch deck" is embedded as "pitch deck").
//
// While such an argument is written after its embedded one was closed, the decoder (agent/distinct-steps.ts, option
// `accept`) refuses a value that has the opening and then leaves the embedded value. Deliberately left out: what
// follows the embedded value (the path after "…: ", which copied arguments and the model decide), and an embedded
// argument written after the one that holds it (the order of a call's parameters decides).
import type { ArgumentCheck } from "./call-strings.js";
import { occurrences } from "./copy-arguments.js";
import type { FunctionCall } from "./action-call.js";

/** Function → triples [parameter, opening, embedded parameter]: the parameter's value, once it has the opening, goes on with the embedded one's. */
export type EmbeddedArguments = Record<string, Array<[string, string, string]>>;

/** Where `part` first occurs in `value`, its first letter in either case; -1 when it does not. */
function embeddedAt(value: string, part: string): number {
  if (part === "") return -1;
  for (const at of occurrences(part, value)) return at;
  return -1;
}

/** Whether `written` (the value after the opening) agrees with `part` so far: the same text, first letter in either case. */
function agrees(written: string, part: string, closed: boolean): boolean {
  if (written === "") return !closed;
  if (written[0]!.toLowerCase() !== part[0]!.toLowerCase()) return false;
  const tail = written.slice(1);
  const rest = part.slice(1);
  return tail.length <= rest.length ? rest.startsWith(tail) && (!closed || tail === rest) : tail.startsWith(rest);
}

/** The triples every training call (of at least `minCount` with the opening) kept; see the file comment. */
export function learnEmbeddedArguments(
  examples: Iterable<{ call: FunctionCall }>,
  options: { minCount?: number; minRatio?: number } = {},
): EmbeddedArguments {
  const minCount = options.minCount ?? 20;
  const minRatio = options.minRatio ?? 0.995;
  const calls = [...examples].map((example) => example.call);
  // Candidate openings: the text before another argument's value, wherever a value holds one.
  const candidates = new Map<string, number>();
  for (const call of calls) {
    const strings = Object.entries(call.arguments).filter((entry): entry is [string, string] => typeof entry[1] === "string");
    for (const [parameter, value] of strings) {
      for (const [embedded, part] of strings) {
        const at = embedded === parameter ? -1 : embeddedAt(value, part);
        if (at < 1) continue; // an empty opening says nothing about where the other value starts
        const key = [call.name, parameter, value.slice(0, at), embedded].join("\u0000");
        candidates.set(key, (candidates.get(key) ?? 0) + 1);
      }
    }
  }
  const result: EmbeddedArguments = {};
  for (const [key, kept] of [...candidates].sort(([a], [b]) => a.localeCompare(b))) {
    if (kept < minCount) continue;
    const [name, parameter, opening, embedded] = key.split("\u0000") as [string, string, string, string];
    let opened = 0;
    for (const call of calls) {
      const value = call.arguments[parameter];
      if (call.name === name && typeof value === "string" && value.startsWith(opening)) opened++;
    }
    if (kept >= minRatio * opened) (result[name] ??= []).push([parameter, opening, embedded]);
  }
  return result;
}

/** A value that has its opening must go on with its embedded argument's value, once that one is closed. */
export function embeddedCheck(embedded: EmbeddedArguments): ArgumentCheck {
  return (name, parameter, string, closedBefore) => {
    for (const [holder, opening, inner] of embedded[name] ?? []) {
      const part = closedBefore.get(inner);
      if (holder !== parameter || part === undefined || part === "" || !string.value.startsWith(opening)) continue;
      if (!agrees(string.value.slice(opening.length), part, string.closed)) return false;
    }
    return true;
  };
}
