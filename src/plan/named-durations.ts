// The durations a request names ("45 minutes", "an hour and a half", "10 minte"), and whether each is an event's
// length said right after a time ("at 19:30 for an hour") or a wait from now ("in two hours", "a 10 minute timer").
// named-times.ts works times out from them. Deliberately left out: days and weeks (named-dates.ts reads "in three
// days"), and durations with no number ("a while", "a couple of minutes").

import { numberFromWord } from "./number-words.js";

/** A duration a request names: how long something lasts after a named time ("at 16:10 for 45 minutes"), or from now. */
export interface NamedDuration {
  minutes: number;
  /** Said right after a time ("… 19:30 for an hour"): an event's length, not a wait from now. */
  afterTime: boolean;
}

/** Ends a time expression: a digit, am/pm, a day part, "noon", "o'clock" or an hour word. */
export const TIME_END = /(\d|[ap]\.?m\.?|morning|afternoon|evening|night|tonight|noon|midday|midnight|o'?clock|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirty|forty|fifty|fifteen|twenty)$/;

/** Every duration `request` names, in minutes. */
export function namedDurations(request: string): NamedDuration[] {
  const text = request.toLowerCase();
  const durations: NamedDuration[] = [];
  // Units with a typo count too ("10 minte", "2 hrs"); "miles" does not. The count is the word or two before.
  const words = text.split(/[^a-z0-9.']+/).map((word) => word.replace(/^'+|'+$/g, "")).filter(Boolean);
  const afterTime = (countAt: number) => words[countAt - 1] === "for" && countAt >= 2 && TIME_END.test(words[countAt - 2]!);
  words.forEach((unit, index) => {
    const minutes = /^(min|mni|mnu)/.test(unit) ? 1 : /^(hou|hr|hor|ohu)/.test(unit) ? 60 : undefined;
    if (minutes === undefined || index === 0) return;
    const last = words[index - 1]!;
    const pair = index >= 2 ? numberFromWord(`${words[index - 2]}-${last}`) : undefined; // "forty five"
    if ((words[index - 2] === "half" && ["a", "an"].includes(last)) || (words[index + 1] === "and" && words[index + 3] === "half")) return; // read below
    const count = pair ?? (["a", "an", "one"].includes(last) ? 1 : numberFromWord(last));
    if (count !== undefined && count > 0) durations.push({ minutes: minutes * count, afterTime: afterTime(index - (pair === undefined ? 1 : 2)) });
  });
  for (const match of text.matchAll(/\b(half an? hour|an? hour and a half)\b/g)) {
    const before = text.slice(0, match.index).trimEnd();
    durations.push({ minutes: match[1]!.startsWith("half") ? 30 : 90, afterTime: / for$/.test(before) && TIME_END.test(before.slice(0, -4).trimEnd()) });
  }
  return durations;
}
