// Clause order: when a request says nothing about order, its steps come in the order of the clauses they are about.
// A small planner sometimes moves a step: "update me on the Fed thx, boost brightness 20%, get a snapshot" came out
// as news, photo, screenshot, then brightness; "log doctor's checkup … n turn on do not disturb mode" with the
// do-not-disturb step first.
//
// A step is about the clauses (clause-scope.ts's requestClauses) that hold one of its anchor words (clause-scope.ts's
// stepAnchors, and with a planner's cover words only those: OrderAnchoring); a step with none whose function is its
// plan's only step of that function is about the clauses whose intent words ask for it. Only steps about exactly one
// clause take part, so "Take a photo" in a request with two photos says nothing. A request with an order word
// ("before", "first", "once", "after" but not "after that", with one-letter typos: "befroe", "fiirst") may reorder
// its clauses, and is not read at all.
//
// The planner's decoder (agent/plan-search.ts) reads an ended plan that leaves nothing out: when a step comes after
// a step of a later clause, it writes the late step first and goes on greedily; failing that, the whole plan with
// that one step moved. Each result is kept only when it has the same steps, breaks the order less and leaves nothing
// out. Learnt like the others: `train` writes `clauseOrder: { commonWords }` to grounding.json when at most 0.5% of
// at least 20 training plans of two steps or more, for requests of two clauses or more without an order word, break
// it. On session 13's demo data 76 of 30861 do, most of them two photos or two volumes anchored by "camera", "media".
// Deliberately left out: cued requests ("before X, Y"; 1.1% to 1.8% of the training plans broke a cue-reading
// prototype, docs/RESULTS.md), and steps anchored by neither a word nor a function of their own ("turn it down a
// notch" when the plan sets two volumes).
import { wordsOf } from "./grounding.js";
import { commonRequestWords, requestClauses, stepAnchors } from "./clause-scope.js";
import { requestFeatures, stepFunction, type IntentWords } from "./intent-words.js";

/** The rule as grounding.json keeps it: the words too common in training requests to anchor a step. */
export interface ClauseOrder {
  commonWords: string[];
}

/** Words that let a request reorder its clauses ("before you X, Y"; "X, but Y first"; "X once you Y"). */
const ORDER_WORDS = ["before", "first", "once", "after", "afterwards", "prior"];
/** Order words for which one typo is also read ("befroe", "fiirst", "affter"); "once" is too close to "one". */
const TYPO_ORDER_WORDS = ["before", "first", "after"];

function withinOneEdit(word: string, target: string): boolean {
  if (Math.abs(word.length - target.length) > 1) return false;
  if (word.length === target.length) {
    const differ = [...word].flatMap((char, index) => (char === target[index] ? [] : [index]));
    return differ.length <= 1 || (differ.length === 2 && differ[1] === differ[0]! + 1 && word[differ[0]!] === target[differ[1]!] && word[differ[1]!] === target[differ[0]!]);
  }
  const [longer, shorter] = word.length > target.length ? [word, target] : [target, word];
  for (let index = 0; index < longer.length; index++) if (longer.slice(0, index) + longer.slice(index + 1) === shorter) return true;
  return false;
}

/** Whether the request has a word that may reorder its clauses ("after that" and "before I forget" do not). */
export function hasOrderWord(request: string): boolean {
  const text = request.toLowerCase().replace(/\bafter that\b|\bbefore i forget\b|\bday after tomorrow\b/g, " ");
  return wordsOf(text).some((word) => ORDER_WORDS.includes(word) || (word.length >= 4 && TYPO_ORDER_WORDS.some((target) => withinOneEdit(word, target))));
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
  /** The first step of a later clause written before it: where it belongs. */
  from: number;
}

/**
 * The check an ended plan gets, or undefined when the rule does not read this request (an order word, or fewer than
 * two clauses): undefined for a plan in order, else where it breaks.
 */
export function clauseOrderCheck(request: string, rule: ClauseOrder, anchoring: OrderAnchoring = {}): ((steps: readonly string[]) => OrderBreak | undefined) | undefined {
  if (hasOrderWord(request)) return undefined;
  const texts = requestClauses(request);
  const clauses = texts.map((text) => new Set(wordsOf(text)));
  if (clauses.length < 2) return undefined;
  const commonWords = new Set(rule.commonWords);
  const { intentWords, coverWords } = anchoring;
  // Per clause, the functions its intent words ask for.
  const asks = intentWords && texts.map((text) => new Set([...requestFeatures(text).keys()].flatMap((feature) => (intentWords.intents[feature] ?? []).map(([name]) => name))));
  return (steps) => {
    const functions = asks ? steps.map((step) => stepFunction(step, intentWords!.stepFunctions)) : [];
    // clauseOf[i]: the one clause step i is about, or undefined.
    const clauseOf = steps.map((step, index) => {
      const anchors = stepAnchors(step, commonWords).filter((word) => !coverWords || coverWords.has(word));
      let about = clauses.flatMap((words, at) => (anchors.some((word) => words.has(word)) ? [at] : []));
      const name = functions[index];
      if (about.length === 0 && asks && name !== undefined && functions.indexOf(name) === functions.lastIndexOf(name)) {
        about = asks.flatMap((names, at) => (names.has(name) ? [at] : []));
      }
      return about.length === 1 ? about[0] : undefined;
    });
    let found: OrderBreak | undefined;
    let latest = -1;
    clauseOf.forEach((clause, index) => {
      if (clause === undefined) return;
      if (clause < latest) {
        if (found) found.breaks++;
        else found = { breaks: 1, late: index, from: clauseOf.findIndex((other) => other !== undefined && other > clause) };
      }
      latest = Math.max(latest, clause);
    });
    return found;
  };
}

/**
 * The rule, when at most `maxMisses` of at least `minCount` training plans that the check reads (a request without an
 * order word, two or more steps about one clause each) break it; undefined otherwise.
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
