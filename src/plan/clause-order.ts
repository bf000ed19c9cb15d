// Clause order: a request's steps come in the order of the clauses they are about, unless it says otherwise. A small
// planner sometimes moves a step: "update me on the Fed thx, boost brightness 20%, get a snapshot" came out as news,
// photo, screenshot, then brightness; "attach my passport scan to an email to Kevin once you locate the project
// timeline" with the timeline last.
//
// A step is about the clauses (clause-scope.ts's splitClauses) that hold one of its anchor words (clause-scope.ts's
// stepAnchors, and with a planner's cover words only those: OrderAnchoring); a step with none whose function is its
// plan's only step of that function is about the clauses whose intent words ask for it, or, when none does, the
// clauses whose support words allow it (support-words.ts: "buzz me in half an hour" for "Set an alarm for 9:30 AM").
// Only steps about exactly one clause take part, so "Take a photo" in a request with two photos says nothing. A
// request without an order word keeps the order of mention; one with order words keeps the cues they give
// (order-words.ts: "before you B, A", "B, but first A", "B once you A"), and nothing else; one whose order words
// give no cue is not read.
//
// The planner's decoder (agent/plan-search.ts) reads an ended plan that leaves nothing out: when a step comes late,
// it writes that step (and the steps that move with it: OrderBreak.count) where it belongs and goes on greedily;
// failing that, the whole plan with those steps moved.
// Each result is kept only when it has the same steps, breaks the order less and leaves nothing out. Clause plans
// (agent/clause-plans.ts) read the same anchoring (stepClausesReader) to tell whether a clause has its step.
// Learnt like the others: `train` writes `clauseOrder: { commonWords }` to grounding.json when at most 0.5% of at
// least 20 training plans of two steps or more that the check reads break it. On session 13's demo data 77 of 36101
// do (1 of the 5240 with cues), most of them two photos or two volumes anchored by "camera", "media".
// Deliberately left out: steps anchored by neither a word nor a function of their own ("turn it down a notch" when
// the plan sets two volumes), and order said in other ways ("do X last", "X, and only then Y").
import { wordsOf } from "./grounding.js";
import { commonRequestWords, splitClauses, stepAnchors, type RequestClause } from "./clause-scope.js";
import { askedFunctions, stepFunction, type IntentWords } from "./intent-words.js";
import { supportedBy } from "./support-words.js";
import { hasOrderWord, orderCues, type OrderCue } from "./order-words.js";

/** The rule as grounding.json keeps it: the words too common in training requests to anchor a step. */
export interface ClauseOrder {
  commonWords: string[];
}

/**
 * What else a step is anchored by, from the same grounding.json: with cover words, only anchor words that plans
 * repeat when a request says them ("brightness", "Paris"; not "ring" of "ring an alarm", which anchored "Set the ring
 * volume" to the alarm's clause); with intent words, a step with no anchor word whose function no other step of the
 * plan has is about the clauses whose intent words ask for that function ("brighten the screen").
 */
export interface OrderAnchoring {
  intentWords?: IntentWords;
  coverWords?: ReadonlySet<string>;
}

/** Where a plan breaks the order of its request's clauses: how many steps come late, and the first of them. */
export interface OrderBreak {
  breaks: number;
  /** The first step that comes after a step of a later clause. */
  late: number;
  /** How many steps from `late` on move together (runLength): it, and those right after it that also belong before
   * `from` or that read the step before them ("Send the screenshot to Olivia" after "Take a screenshot of the receipt"). */
  count: number;
  /** The first step of a later clause written before it: where it belongs. */
  from: number;
}

/**
 * The check an ended plan gets, or undefined when the rule does not read this request (fewer than two clauses, or an
 * order word that gives no cue): undefined for a plan in order, else where it breaks.
 */
export function clauseOrderCheck(request: string, rule: ClauseOrder, anchoring: OrderAnchoring = {}): ((steps: readonly string[]) => OrderBreak | undefined) | undefined {
  const clauses = splitClauses(request);
  if (clauses.length < 2) return undefined;
  const cues = hasOrderWord(request) ? orderCues(clauses) : undefined;
  if (cues?.length === 0) return undefined;
  const stepClauses = stepClausesReader(clauses, rule, anchoring);
  return (steps) => {
    // clauseOf[i]: the one clause step i is about, or undefined.
    const clauseOf = stepClauses(steps).map((about) => (about.length === 1 ? about[0] : undefined));
    return cues ? cueBreak(steps, clauseOf, cues) : mentionBreak(steps, clauseOf);
  };
}

/** For a request's clauses, a reader of the clauses (indices) each step of a plan is about, as the file comment says. */
export function stepClausesReader(clauses: readonly RequestClause[], rule: ClauseOrder, anchoring: OrderAnchoring = {}): (steps: readonly string[]) => number[][] {
  const words = clauses.map((clause) => new Set(wordsOf(clause.text)));
  const commonWords = new Set(rule.commonWords);
  const { intentWords, coverWords } = anchoring;
  // Per clause, the functions its intent words ask for, and those its support words allow (support-words.ts).
  const asks = intentWords && clauses.map((clause) => askedFunctions(clause.text, intentWords));
  const supports = intentWords?.supports;
  const allows = supports && clauses.map((clause) => supportedBy(clause.text, supports));
  return (steps) => {
    const functions = asks ? steps.map((step) => stepFunction(step, intentWords!.stepFunctions)) : [];
    return steps.map((step, index) => {
      const anchors = stepAnchors(step, commonWords).filter((word) => !coverWords || coverWords.has(word));
      let about = words.flatMap((clauseWords, at) => (anchors.some((word) => clauseWords.has(word)) ? [at] : []));
      const name = functions[index];
      if (about.length === 0 && asks && name !== undefined && functions.indexOf(name) === functions.lastIndexOf(name)) {
        about = asks.flatMap((names, at) => (names.has(name) ? [at] : []));
        if (about.length === 0 && allows) about = allows.flatMap((names, at) => (names.has(name) ? [at] : []));
      }
      return about;
    });
  };
}

/** Steps in the order of mention: a step about an earlier clause than one before it comes late. */
function mentionBreak(steps: readonly string[], clauseOf: ReadonlyArray<number | undefined>): OrderBreak | undefined {
  let found: OrderBreak | undefined;
  let latest = -1;
  clauseOf.forEach((clause, index) => {
    if (clause === undefined) return;
    if (clause < latest) {
      if (found) found.breaks++;
      else {
        const from = clauseOf.findIndex((other) => other !== undefined && other > clause);
        found = { breaks: 1, late: index, from, count: runLength(steps, clauseOf, index, (other) => other < clauseOf[from]!) };
      }
    }
    latest = Math.max(latest, clause);
  });
  return found;
}

/** Steps as the cues say: a step about a cue's early clauses after one about its late clauses comes late. */
function cueBreak(steps: readonly string[], clauseOf: ReadonlyArray<number | undefined>, cues: readonly OrderCue[]): OrderBreak | undefined {
  let found: OrderBreak | undefined;
  for (const cue of cues) {
    const from = clauseOf.findIndex((clause) => clause !== undefined && cue.late.includes(clause));
    const late = from < 0 ? -1 : clauseOf.findIndex((clause, index) => index > from && clause !== undefined && cue.early.includes(clause));
    if (late < 0) continue;
    if (found) found.breaks++;
    else found = { breaks: 1, late, from, count: runLength(steps, clauseOf, late, (other) => cue.early.includes(other)) };
  }
  return found;
}

/**
 * The rule, when at most `maxMisses` of at least `minCount` training plans of two steps or more that the check reads
 * break it; undefined otherwise.
 */
export function learnClauseOrder(
  records: ReadonlyArray<{ query: string; steps: readonly string[] }>,
  anchoring: OrderAnchoring = {},
  options: { minCount?: number; maxMisses?: number } = {},
): ClauseOrder | undefined {
  const rule = { commonWords: commonRequestWords(records) };
  let count = 0;
  let misses = 0;
  for (const record of records) {
    if (record.steps.length < 2) continue;
    const check = clauseOrderCheck(record.query, rule, anchoring);
    if (!check) continue;
    count++;
    if (check(record.steps)) misses++;
  }
  return count >= (options.minCount ?? 20) && misses <= (options.maxMisses ?? 0.005) * count ? rule : undefined;
}

/**
 * How many steps from `start` on move together: the first, and those right after it that are about a clause that
 * `belongs`, or about no single clause but read the step before them (they share a word of five letters or more:
 * "Send the screenshot to Olivia" after "Take a screenshot of the receipt"; moved alone, the screenshot landed before
 * "Disable Do Not Disturb mode" and the text read that). An unrelated step after it ("Take a photo" after "Create a
 * new contact") stays.
 */
function runLength(steps: readonly string[], clauseOf: ReadonlyArray<number | undefined>, start: number, belongs: (clause: number) => boolean): number {
  let end = start + 1;
  while (end < clauseOf.length && (clauseOf[end] === undefined ? readsPrevious(steps[end - 1]!, steps[end]!) : belongs(clauseOf[end]!))) end++;
  return end - start;
}

function readsPrevious(previous: string, step: string): boolean {
  const words = new Set(wordsOf(previous).filter((word) => word.length >= 5));
  return wordsOf(step).some((word) => words.has(word));
}
