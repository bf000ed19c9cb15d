// An event's end, as a plan step writes it ("from 4:20 PM to 4:50 PM"): the end the request names for that start
// ("from 13:45 to a quarter past three"), else the start plus a duration said right after a time ("at 9 AM for 90
// minutes"), else an hour later or a later time the request names. named-times.ts already keeps every time a step
// writes to one the request names or works out; that set is the union of all of these, so a small planner could
// still end "from 6:00 PM to 6:30 PM" at 7:30 PM (6:30 PM plus the default hour) or a 90-minute dinner after 60.
// This rule ties the end to its start. Learnt like the others: `train` writes `eventEnds: true` to grounding.json
// when at least 20 training plans write such a pair for a request that names a time and at most 0.5% break it.
//
// Deliberately left out: tying a duration to its own event (with two events and one "for 45 minutes", the other
// may also end 45 minutes after its start or at a later named time, but not an hour later), and ranges that span
// midnight.
import { learnClockRule } from "./clock-rule.js";
import { DATA_CLOCK } from "./named-dates.js";
import { namedDurations, TIME_END } from "./named-durations.js";
import { allowedStepTimes, namedClockTimes, stepTime } from "./named-times.js";

/** A time range the request names: each reading of its start, and each of its end. */
interface NamedRange {
  starts: Set<number>;
  ends: Set<number>;
}

const CONNECTOR = /\s*(?:-|–|\bto\b|\buntil\b|\btill\b|\band\b)\s*/g;
/** What a time expression can begin with (a range's end; named-durations.ts's TIME_END is what one ends with). */
const TIME_START = /^(\d|(a quarter|quarter|half|noon|midday|midnight|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\b)/;
const MINUTES_TO = /\b(quarter|five|ten|twenty|twenty-five|twenty five)$/;
const HOUR_START = /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)\b/;
/** Words read around a connector: enough for "a quarter past three in the afternoon". */
const SPAN_WORDS = 8;

/** The ranges `request` names: a time, "to" / "until" / "-" (or "and" after "between"), and another time. */
export function namedRanges(request: string): NamedRange[] {
  const text = request.toLowerCase();
  const ranges: NamedRange[] = [];
  for (const match of text.matchAll(CONNECTOR)) {
    const before = text.slice(0, match.index).trimEnd();
    const after = text.slice(match.index + match[0].length);
    if (!TIME_END.test(before) || !TIME_START.test(after)) continue;
    const connector = match[0].trim();
    if (connector === "and" && !/\bbetween\b[^,;.]*$/.test(before)) continue;
    // Inside one time, not between two: "forty-five", "twenty to four" (3:40), "a quarter to eight".
    if (/^[-–]$/.test(connector) && /[a-z]$/.test(before) && /^[a-z]/.test(after)) continue;
    if (connector === "to" && MINUTES_TO.test(before) && HOUR_START.test(after)) continue;
    const startWords = before.split(/\s+/).slice(-SPAN_WORDS).join(" ");
    const endWords = after.split(/\s+/).slice(0, SPAN_WORDS).join(" ");
    // "from 10 to 11:30": a bare hour before a range's end is read by namedClockTimes only with its connector.
    const starts = namedClockTimes(`${startWords}${match[0]}${endWords.split(" ")[0]}`);
    const ends = namedClockTimes(`at ${endWords}`);
    for (const end of namedClockTimes(endWords.split(" ")[0]!)) ends.add(end);
    for (const end of ends) starts.delete(end);
    if (starts.size > 0 && ends.size > 0) ranges.push({ starts, ends });
  }
  return ranges;
}

function minutesOf(stepTimeText: string): number {
  const match = /^(\d{1,2}):(\d{2}) ([AP])M$/.exec(stepTimeText)!;
  return (Number(match[1]) % 12) * 60 + Number(match[2]) + (match[3] === "P" ? 720 : 0);
}

/** The ends, as steps write them, that an event starting at `start` (minutes after midnight) may have. */
export function allowedEventEnds(start: number, ranges: readonly NamedRange[], named: ReadonlySet<number>, lengths: readonly number[]): Set<string> {
  const ranged = ranges.filter((range) => range.starts.has(start)).flatMap((range) => [...range.ends]);
  if (ranged.length > 0) {
    const later = ranged.filter((end) => end > start);
    return new Set((later.length > 0 ? later : ranged).map(stepTime));
  }
  const laterNamed = [...named].filter((time) => time > start);
  const worked = lengths.length > 0 ? lengths.map((minutes) => start + minutes) : [start + 60];
  return new Set([...laterNamed, ...worked].map(stepTime));
}

/**
 * The check a planner's decoder runs on its text so far, or undefined when the request names no time. With the
 * clock of named-times.ts's rule, an end must also be a time that rule allows: a start whose every end it refuses
 * ("from 6:30 PM", itself 5:30 PM plus an hour) is refused as soon as it is written, so that the decoder goes back
 * to the start instead of writing around a time it cannot end ("from 6:30 PM manag2:30 PM").
 */
export function eventEndsCheck(request: string, clockMinutes?: number): ((text: string) => boolean) | undefined {
  const named = namedClockTimes(request);
  if (named.size === 0) return undefined;
  const ranges = namedRanges(request);
  const lengths = namedDurations(request).filter((duration) => duration.afterTime).map((duration) => duration.minutes);
  const times = clockMinutes === undefined ? undefined : allowedStepTimes(request, clockMinutes);
  // The decoder asks about every candidate token: each start's tails are worked out once.
  const tailsByStart = new Map<string, string[]>();
  const tailsOf = (start: string): string[] => {
    let tails = tailsByStart.get(start);
    if (!tails) {
      const ends = [...allowedEventEnds(minutesOf(start), ranges, named, lengths)].filter((end) => !times || times.has(end));
      tails = ends.map((end) => ` to ${end}`);
      tailsByStart.set(start, tails);
    }
    return tails;
  };
  return (text) => {
    // After a start, the step goes on with " to " and an allowed end (training steps write nothing else there).
    for (const match of text.matchAll(/\bfrom (\d{1,2}:\d{2} [AP]M)([^<\n]*)/g)) {
      const tails = tailsOf(match[1]!);
      const rest = match[2]!;
      const open = match.index + match[0].length === text.length;
      if (!tails.some((tail) => rest.startsWith(tail) || (open && tail.startsWith(rest)))) return false;
    }
    return true;
  };
}

/** Whether the training plans end their events as eventEndsCheck says (see the file comment). */
export function learnEventEnds(records: Iterable<{ query: string; steps: readonly string[] }>): boolean {
  return learnClockRule(records, DATA_CLOCK, /from \d{1,2}:\d{2} [AP]M to \d/, eventEndsCheck) !== undefined;
}
