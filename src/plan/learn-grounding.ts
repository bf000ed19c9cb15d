// What grounding.json holds, learnt from a model's training examples (grounding-file.ts reads and writes it): for a
// planner, copy and cover words (grounding.ts), named dates and times (named-dates.ts, named-times.ts), event ends
// (event-ends.ts), named starts (named-starts.ts), intent and support words (intent-words.ts, support-words.ts), clause
// scope (clause-scope.ts) and clause order (clause-order.ts);
// for an action model, copy words and copied, step, timestamp, distinct, embedded and moment arguments
// (copy-arguments.ts, timestamp-arguments.ts, distinct-arguments.ts, embedded-arguments.ts, moment-arguments.ts).
import { OctoplanError } from "../errors.js";
import type { FunctionSet } from "../functions/index.js";
import { actionToCall } from "./action-call.js";
import { learnCopyArguments, learnStepArguments } from "./copy-arguments.js";
import { learnDistinctArguments } from "./distinct-arguments.js";
import { learnEmbeddedArguments } from "./embedded-arguments.js";
import type { GroundingWords } from "./grounding-file.js";
import { learnCopyWords, learnCoverWords } from "./grounding.js";
import { learnEventEnds } from "./event-ends.js";
import { learnIntentWords, type IntentWords } from "./intent-words.js";
import { learnSupportWords } from "./support-words.js";
import { DATA_CLOCK, learnNamedDates } from "./named-dates.js";
import { learnNamedTimes } from "./named-times.js";
import { parsePlanCompletion } from "./planner-format.js";
import { learnTimestampArguments } from "./timestamp-arguments.js";
import { learnClauseScope } from "./clause-scope.js";
import { learnClauseOrder } from "./clause-order.js";
import { learnNamedStarts } from "./named-starts.js";
import { learnMomentArguments } from "./moment-arguments.js";

/** A training example as the learners read it; a plan example carries its steps' functions when its record names them. */
export interface GroundingExample {
  prompt: string;
  target: string;
  functions?: readonly string[];
}

/**
 * From a model's training examples (prompt → target): copy words and cover words for a planner, with its date, time,
 * event-end and intent rules where its plans hold to them; copy words and argument rules for an action model (given
 * its `functions`, which map a target to a call). An action model's search for a covering call could change the
 * function it calls (the first token) to fit a word in, which cost 1 point of plan accuracy on the demo's models, so
 * it gets no cover words.
 */
export function learnGrounding(examples: readonly GroundingExample[], options: { functions?: FunctionSet }): GroundingWords {
  const records = examples.map((example) => ({ query: example.prompt, steps: [example.target] }));
  const { functions } = options;
  if (!functions) {
    const namedDates = learnNamedDates(records, DATA_CLOCK);
    const namedTimes = learnNamedTimes(records, DATA_CLOCK);
    const eventEnds = learnEventEnds(records);
    const namedStarts = namedTimes && learnNamedStarts(records);
    const intentWords = learnPlannerIntents(examples);
    const plans = examples.map((example) => ({ query: example.prompt, steps: parsePlanCompletion(example.target) }));
    const clauseScope = namedDates || namedTimes ? learnClauseScope(plans, DATA_CLOCK) : undefined;
    const coverWords = learnCoverWords(records);
    const clauseOrder = learnClauseOrder(plans, { intentWords, coverWords: new Set(coverWords) });
    return {
      copyWords: learnCopyWords(records), coverWords,
      ...(namedDates && { namedDates }), ...(namedTimes && { namedTimes }), ...(eventEnds && { eventEnds }), ...(namedStarts && { namedStarts }),
      ...(intentWords && { intentWords }),
      ...(clauseScope && { clauseScope }), ...(clauseOrder && { clauseOrder }),
    };
  }
  const calls = examples.flatMap((example) => {
    try {
      return [{ prompt: example.prompt, call: actionToCall(functions, example.target) }];
    } catch (error) {
      if (!(error instanceof OctoplanError)) throw error;
      return []; // a target the function set rejects teaches nothing about copying
    }
  });
  const copyArguments = learnCopyArguments(calls);
  return {
    copyWords: learnCopyWords(records), coverWords: [], copyArguments, stepArguments: learnStepArguments(calls, copyArguments),
    timestampArguments: learnTimestampArguments(calls), distinctArguments: learnDistinctArguments(calls, copyArguments),
    embeddedArguments: learnEmbeddedArguments(calls), momentArguments: learnMomentArguments(calls),
  };
}

/** Intent words (and support words) from the plan examples whose records name each step's function; none when no intent word is found. */
function learnPlannerIntents(examples: readonly GroundingExample[]): IntentWords | undefined {
  const records = examples.flatMap((example) => {
    if (!example.functions) return [];
    const steps = parsePlanCompletion(example.target);
    return steps.length === example.functions.length ? [{ query: example.prompt, steps, functions: example.functions }] : [];
  });
  const intentWords = learnIntentWords(records);
  if (Object.keys(intentWords.intents).length === 0) return undefined;
  const supports = learnSupportWords(records, intentWords.stepFunctions);
  return { ...intentWords, ...(supports && { supports }) };
}
