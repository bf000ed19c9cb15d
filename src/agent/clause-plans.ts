// Clauses planned alone. A small planner drops clauses of long requests ("connect my headphones, set media volume to
// 3, and find a lo-fi playlist on YouTube" planned without the headphones), and its searches (plan-search.ts) cannot
// tell which words a missing step must be about. A clause can: when a plan still leaves something of a clause out
// (plan/left-out.ts: a cover word of the clause in none of its steps, or a missing step of a function the clause's
// intent words ask for), the planner plans that clause as a request of its own, and its steps are written into the
// plan where they leave out least and break the clauses' order least (plan/clause-order.ts), the earliest such place
// on a tie.
//
// The clause's steps are kept only when
// - every one of them is of a function the clause's support words allow (plan/support-words.ts). Held instead to the
//   functions the clause's intent words ask for, it lost most of its gains (docs/AGENT.md); context clauses ("I'm at
//   the cinema", "before the call") still become steps when a word of theirs supports one;
// - no step of the plan of the same function is already about that clause (clause-order.ts's anchoring): then the
//   plan has the clause's step and only wrote it wrongly ("Search YouTube for best songs videos" for "knot tying");
// - a function the plan has already is one the request's intent words ask for again (two screenshots);
// - the plan then leaves out less, and has at most the planner's maximum of steps.
// Deliberately left out: clauses that say only a pronoun's worth ("text it to Chris"), whose plans alone lack what
// "it" is; a clause's steps are the planner's own reading of the clause, as good as its single-clause plans.
import { splitClauses } from "../plan/clause-scope.js";
import { clauseOrderCheck, stepClausesReader, type ClauseOrder } from "../plan/clause-order.js";
import { uncoveredWords, wordsOf } from "../plan/grounding.js";
import { askedFunctions, missingSteps, stepFunction, type IntentWords } from "../plan/intent-words.js";
import { leftOutCounter } from "../plan/left-out.js";
import { supportedBy } from "../plan/support-words.js";

/** What the clause plans read, from grounding.json: all three rules must have been learnt. */
export interface ClausePlanRules {
  coverWords: ReadonlySet<string>;
  intentWords: IntentWords;
  clauseOrder: ClauseOrder;
}

export interface ClausePlanOptions {
  /** The most steps a plan may have (the planner's maxSteps). */
  maxSteps: number;
  /** Plans one clause as a request of its own. */
  planClause: (clause: string) => Promise<readonly string[]>;
}

/** The plan with the steps of the clauses it leaves something of out, where the file comment says; or the plan itself. */
export async function withClausePlans(request: string, plan: readonly string[], rules: ClausePlanRules, options: ClausePlanOptions): Promise<string[]> {
  const { coverWords, intentWords, clauseOrder } = rules;
  const supports = intentWords.supports;
  const leftOut = leftOutCounter(request, { coverWords, intentWords });
  let steps = [...plan];
  if (!supports || leftOut(steps) === 0) return steps;
  const clauses = splitClauses(request);
  if (clauses.length < 2) return steps;
  const stepClauses = stepClausesReader(clauses, clauseOrder, { intentWords, coverWords });
  const order = clauseOrderCheck(request, clauseOrder, { intentWords, coverWords });
  const requestWords = new Set(wordsOf(request));
  const functionOf = (step: string) => stepFunction(step, intentWords.stepFunctions);
  for (const [at, clause] of clauses.entries()) {
    const left = leftOut(steps);
    if (left === 0) break;
    const uncovered = new Set(uncoveredWords(requestWords, steps, coverWords));
    const missing = missingSteps(request, steps, intentWords);
    const asked = askedFunctions(clause.text, intentWords);
    if (!wordsOf(clause.text).some((word) => uncovered.has(word)) && !missing.some(({ name }) => asked.has(name))) continue;
    const added = await options.planClause(clause.text);
    if (added.length === 0 || steps.length + added.length > options.maxSteps) continue;
    const allowed = supportedBy(clause.text, supports);
    const about = stepClauses(steps);
    const missingNames = new Set(missing.map(({ name }) => name));
    const kept = added.every((step) => {
      const name = functionOf(step);
      if (name === undefined || !allowed.has(name)) return false;
      const same = steps.flatMap((other, index) => (functionOf(other) === name ? [index] : []));
      return !same.some((index) => about[index]!.includes(at)) && (same.length === 0 || missingNames.has(name));
    });
    if (!kept) continue;
    steps = bestPlacement(steps, added, left, (candidate) => ({ leftOut: leftOut(candidate), breaks: order?.(candidate)?.breaks ?? 0 })) ?? steps;
  }
  return steps;
}

/** `added` written into `steps` where the plan leaves out least, then breaks order least (the earliest on a tie), if it leaves out less than `left`. */
function bestPlacement(
  steps: readonly string[],
  added: readonly string[],
  left: number,
  score: (candidate: readonly string[]) => { leftOut: number; breaks: number },
): string[] | undefined {
  let best: { steps: string[]; leftOut: number; breaks: number } | undefined;
  for (let position = 0; position <= steps.length; position++) {
    const candidate = [...steps.slice(0, position), ...added, ...steps.slice(position)];
    const scored = { steps: candidate, ...score(candidate) };
    if (!best || scored.leftOut < best.leftOut || (scored.leftOut === best.leftOut && scored.breaks < best.breaks)) best = scored;
  }
  return best && best.leftOut < left ? best.steps : undefined;
}
