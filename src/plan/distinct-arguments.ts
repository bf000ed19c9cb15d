// Distinct arguments: two copied arguments (copy-arguments.ts) of one function whose training values never overlapped
// (neither held the other), such as a route's origin and destination: two different pieces of the prompt. A small
// action model that has written the origin copies it again as the destination: "from the lake to the river walk"
// became origin "the lake", destination "the lake", in 12 of the 13 wrong route calls with a right step on the full
// demo's 567 held-out requests. Which pairs qualify is learnt
// from the action model's training data and written to grounding.json (call-strings.ts lists the other checks).
//
// While the second of such a pair is written, the decoder (agent/distinct-steps.ts, option `accept`) refuses a value
// that holds the first (or, once closed, lies inside it), so it backs out of "the lake" and takes the next piece.
// Deliberately left out: the first of the pair (when it takes the second's value, the swap goes unseen).
import type { ArgumentCheck } from "./call-strings.js";
import type { FunctionCall } from "./action-call.js";

/** Function → pairs [first, second] of parameters whose values must not overlap. */
export type DistinctArguments = Record<string, Array<[string, string]>>;

/** Whether `value` holds `part`, ignoring case and the spaces around either. */
function holds(value: string, part: string): boolean {
  return value.trim().toLowerCase().includes(part.trim().toLowerCase());
}

function overlaps(a: string, b: string): boolean {
  return a.trim() !== "" && b.trim() !== "" && (holds(a, b) || holds(b, a));
}

/**
 * The pairs of string parameters, both among `among` (a function's copied arguments), whose values overlapped in at
 * most `1 − minRatio` of at least `minCount` calls. Other pairs are left free: a message may well name its recipient.
 */
export function learnDistinctArguments(
  examples: Iterable<{ call: FunctionCall }>,
  among: Readonly<Record<string, readonly string[]>>,
  options: { minCount?: number; minRatio?: number } = {},
): DistinctArguments {
  const minCount = options.minCount ?? 20;
  const minRatio = options.minRatio ?? 0.995;
  const counts = new Map<string, { seen: number; apart: number }>();
  for (const { call } of examples) {
    const candidates = among[call.name] ?? [];
    const strings = Object.entries(call.arguments)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string" && candidates.includes(entry[0]));
    for (const [index, [first, value]] of strings.entries()) {
      for (const [second, other] of strings.slice(index + 1)) {
        const key = `${call.name}\u0000${first}\u0000${second}`;
        const count = counts.get(key) ?? { seen: 0, apart: 0 };
        count.seen++;
        if (!overlaps(value, other)) count.apart++;
        counts.set(key, count);
      }
    }
  }
  const result: DistinctArguments = {};
  for (const [key, { seen, apart }] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    if (seen < minCount || apart < minRatio * seen) continue;
    const [name, first, second] = key.split("\u0000") as [string, string, string];
    (result[name] ??= []).push([first, second]);
  }
  return result;
}

/** A value written after its pair's partner was closed may not hold the partner, nor, once closed itself, lie inside it. */
export function distinctCheck(distinct: DistinctArguments): ArgumentCheck {
  return (name, parameter, string, closedBefore) => {
    if (string.value.trim() === "") return true;
    for (const [first, second] of distinct[name] ?? []) {
      const other = parameter === second ? closedBefore.get(first) : parameter === first ? closedBefore.get(second) : undefined;
      if (other === undefined || other.trim() === "") continue;
      if (holds(string.value, other) || (string.closed && overlaps(string.value, other))) return false;
    }
    return true;
  };
}
