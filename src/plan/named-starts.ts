// Named starts: a time a step writes anywhere but as a range's end ("… to 7:40 PM") is one the request names, or the
// clock plus a wait it names ("in two hours", "a 10 minute timer"). named-times.ts allows the union of those and of
// the ends it works out (a named time plus an hour, or plus an event's length), so a small planner wrote "put an
// alarm on for 23:05" as "Set an alarm for 12:05 AM" (23:05 plus the default hour), "quarter to ten" as 10:45 AM,
// or started "client demo … at twenty to eleven" at 9:00 AM, the end of "an alarm for 08:00".
//
// The starts are named-times.ts's namedStartTimes, of which its allowed times are a superset. Learnt like the others
// (clock-rule.ts): `train` writes `namedStarts: true` to grounding.json when at least 20 training plans write a time
// for a request with worked-out ends and at most 0.5% break it; on session 13's demo data none of 10524 does.
// Deliberately left out: times the request names only as a range's end ("until 5 pm") may still start a step, and
// so may a length said away from its time ("at noon on Friday for an hour" reads as a wait).
import { learnClockRule } from "./clock-rule.js";
import { DATA_CLOCK } from "./named-dates.js";
import { allowedStepTimes, minuteOfDay, namedStartTimes } from "./named-times.js";

/**
 * The check a planner's decoder runs on its text so far, or undefined when the request names no time: a time that
 * named-times.ts allows only as a worked-out end may follow "to " and nothing else, and one being written elsewhere
 * must begin a start. Times no rule allows are named-times.ts's to refuse.
 */
export function namedStartsCheck(request: string, clockMinutes: number): ((text: string) => boolean) | undefined {
  const allowed = allowedStepTimes(request, clockMinutes);
  if (allowed.size === 0) return undefined;
  const starts = namedStartTimes(request, clockMinutes);
  const endsOnly = [...allowed].filter((time) => !starts.has(time));
  if (endsOnly.length === 0) return undefined;
  return (text) => {
    for (const match of text.matchAll(/(\bto )?\b\d{1,2}:\d{0,2}(?: [AP]?M?)?/g)) {
      if (match[1] !== undefined) continue;
      const written = match[0];
      if (match.index + written.length === text.length) {
        // Being written: refused only when it can become nothing but an end (or a piece of the request: "1:1 with").
        const canEnd = endsOnly.some((time) => time.startsWith(written));
        if (canEnd && ![...starts].some((time) => time.startsWith(written)) && !request.includes(written)) return false;
      } else if (endsOnly.includes(written)) {
        return false;
      }
    }
    return true;
  };
}

/** Whether the training plans start their times as namedStartsCheck says, read against the data's clock. */
export function learnNamedStarts(records: Iterable<{ query: string; steps: readonly string[] }>): boolean {
  const clockMinutes = minuteOfDay(DATA_CLOCK)!;
  return learnClockRule(records, DATA_CLOCK, /\d:\d\d [AP]M/, (request) => namedStartsCheck(request, clockMinutes)) !== undefined;
}
