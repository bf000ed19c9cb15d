// A rule on the values a plan writes that is read against a device clock (named-dates.ts, named-times.ts): kept
// in grounding.json as the clock the training requests were written against, when the training plans hold to it.

/** The rule as grounding.json keeps it. */
export interface ClockRule {
  now: string;
}

export interface ClockRuleOptions {
  /** Plans that write such a value for a request that names one, needed to keep the rule. Default 20. */
  minCount?: number;
  /** Share of those plans allowed to break it (typos the reader misses). Default 0.005. */
  maxMisses?: number;
}

/**
 * Whether plans that write a value (`writes` matches a step) keep to `checkFor(request)` (undefined: the request
 * names none, and the plan is not counted): the rule when enough plans do, undefined otherwise.
 */
export function learnClockRule(
  records: Iterable<{ query: string; steps: readonly string[] }>,
  now: string,
  writes: RegExp,
  checkFor: (request: string) => ((text: string) => boolean) | undefined,
  options: ClockRuleOptions = {},
): ClockRule | undefined {
  let count = 0;
  let misses = 0;
  for (const record of records) {
    const plan = record.steps.join("\n");
    if (!writes.test(plan)) continue;
    const check = checkFor(record.query);
    if (!check) continue;
    count++;
    if (!check(plan)) misses++;
  }
  return count >= (options.minCount ?? 20) && misses <= (options.maxMisses ?? 0.005) * count ? { now } : undefined;
}
