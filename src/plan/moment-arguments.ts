// Moment arguments: a string argument written in words ("A catch-up on December 11 at 2:05 PM?") whose every time
// and date, in every training call, is one its step writes. Such an argument is composed, not copied (the step says
// "Send a text message to Yuki about a catch-up on December 11 at 2:05 PM"), so copy-arguments.ts cannot hold it,
// and a small action model wrote its time wrong ("at 11:05 PM", "December 1 at 2:30 PM" for "December 2 at 1:30
// PM") on 3 of 566 held-out requests whose plans were right (session 18). Which parameters qualify is learnt from
// the action model's training calls and written to grounding.json (`momentArguments`), as the other argument rules
// are (call-strings.ts lists them).
//
// While such an argument is written, the decoder keeps its times and dates to those of the step, as the planner's
// named-times and named-dates checks keep a step to the request's (keepsNamedTimes, keepsNamedDates). Deliberately
// left out: timestamps ("2026-12-11-14-05", timestamp-arguments.ts) and times in other forms ("14:05").
import type { FunctionCall } from "./action-call.js";
import type { ArgumentCheck } from "./call-strings.js";
import type { CopyArguments } from "./copy-arguments.js";
import { parametersHolding, stepSource } from "./copy-arguments.js";
import { keepsNamedDates, MONTH_NAMES, namedMonths } from "./named-dates.js";
import { keepsNamedTimes } from "./named-times.js";

/** A time or a date as steps write them ("2:05 PM", "December 11"). */
const STEP_TIME = /\b\d{1,2}:\d\d [AP]M\b/g;
const STEP_DATE = new RegExp(String.raw`\b(?:${MONTH_NAMES.join("|")}) \d{1,2}\b`, "g");

/** The times and dates a step writes, as they are written. */
export function stepMoments(step: string): { times: Set<string>; dates: Set<string> } {
  return { times: new Set(step.match(STEP_TIME) ?? []), dates: new Set(step.match(STEP_DATE) ?? []) };
}

/**
 * The string parameters that write a time or a date in at least `minCount` training calls and, in at least
 * `minRatio` of those, write only times and dates their step writes.
 */
export function learnMomentArguments(
  examples: Iterable<{ prompt: string; call: FunctionCall }>,
  options: { minCount?: number; minRatio?: number } = {},
): CopyArguments {
  return parametersHolding(examples, (prompt) => {
    let moments: ReturnType<typeof stepMoments> | undefined;
    return (_parameter, value) => {
      const times = value.match(STEP_TIME) ?? [];
      const dates = value.match(STEP_DATE) ?? [];
      if (times.length === 0 && dates.length === 0) return undefined;
      moments ??= stepMoments(stepSource(prompt));
      return times.every((time) => moments!.times.has(time)) && dates.every((date) => moments!.dates.has(date));
    };
  }, options);
}

/** Moment arguments (function → parameters) keep to the times and dates of `step` (the action prompt's step). */
export function momentCheck(step: string, momentArguments: ReadonlyMap<string, ReadonlySet<string>>): ArgumentCheck {
  const { times, dates } = stepMoments(step);
  const months = namedMonths(step); // "the November numbers" may stand when the step says November
  // keepsNamedTimes lets a number the text says stand where an hour goes ("at 5 stars"); a date's day is no such
  // number: "December 11 at 11 at 2:05 PM" came out of "December 11 at 2:05 PM".
  const said = step.replace(STEP_DATE, " ");
  return (name, parameter, string) => {
    if (!momentArguments.get(name)?.has(parameter)) return true;
    return keepsNamedTimes(string.value, times, said) && keepsNamedDates(string.value, dates, months);
  };
}
