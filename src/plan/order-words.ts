// What a request says about the order of its clauses (clause-order.ts reads it). Most requests say nothing: their
// steps come in the order of mention. A request with an order word may say otherwise, in the ways the offline
// teacher and people write it:
//   "before you B, A" / "before B-ing, A"  → A's steps come before B's (B: the "before" clause, and those after it up
//                                            to the next punctuation but ", then"; A: the clause after that);
//   "B, but first A" / "B, but A first"    → A before B (the clause before);
//   "B after you A" / "B once you A"       → A before B.
// Each is a cue: its early clauses' steps come before its late clauses' steps. Order words that keep the order of
// mention ("first A, then B", "A first and then B", "after that", "once that's done") give no cue.
//
// Deliberately left out: a cue whose late part spans clauses before it ("take a screenshot and send it to Ann, but
// first B" only puts B before "send it to Ann"): taking every clause back to the last punctuation broke 306 of 5697
// cued training plans ("X and Y, but first Z" is often the units X and "Y, but first Z"). And the rest of a cued
// request is not held to the order of mention (19% of cued training plans broke that, for the same reason).
import type { RequestClause } from "./clause-scope.js";
import { withinDistance, wordsOf } from "./grounding.js";

/** Words that may reorder a request's clauses. */
const ORDER_WORDS = ["before", "first", "once", "after", "afterwards", "prior"];
/** Order words for which one typo is also read ("befroe", "fiirst", "affter"); "once" is too close to "one". */
const TYPO_ORDER_WORDS = ["before", "first", "after"];

/** `target`, or (four letters or more) one letter added, dropped, changed, or two neighbours swapped. */
function isWord(word: string | undefined, target: string): boolean {
  return word !== undefined && (word === target || (word.length >= 4 && withinDistance(word, target, 1)));
}

/** Whether the request has a word that may reorder its clauses ("after that" and "before I forget" do not). */
export function hasOrderWord(request: string): boolean {
  const text = request.toLowerCase().replace(/\bafter that\b|\bbefore i forget\b|\bday after tomorrow\b/g, " ");
  return wordsOf(text).some((word) => ORDER_WORDS.includes(word) || TYPO_ORDER_WORDS.some((target) => isWord(word, target)));
}

/** Every step about one of the `early` clauses comes before every step about one of the `late` clauses. */
export interface OrderCue {
  early: number[];
  late: number[];
}

/** The cues of a request's clauses (clause-scope.ts's splitClauses), in the order they are said. */
export function orderCues(clauses: readonly RequestClause[]): OrderCue[] {
  const cues: OrderCue[] = [];
  clauses.forEach((clause, index) => {
    const words = wordsOf(clause.text);
    // "Before" opens the clause, or a sentence (". Before you …", ", before you …": the split took it as a joiner).
    const opensBefore = (isWord(words[0], "before") && !/^before i forget\b/i.test(clause.text)) || (clause.afterPunctuation && /\bbefore$/.test(clause.joiner));
    if (opensBefore) {
      const late = [index];
      let next = index + 1;
      // B runs on over "and …" and ", then …" ("before you pair the printer, then print the proposal, mute it").
      while (next < clauses.length && (!clauses[next]!.afterPunctuation || /\bthen$/.test(clauses[next]!.joiner))) late.push(next++);
      if (next < clauses.length) cues.push({ early: [next], late });
    } else if (index > 0 && /\bbut$/.test(clause.joiner) && (isWord(words[0], "first") || isWord(words.at(-1), "first"))) {
      cues.push({ early: [index], late: [index - 1] });
    } else if (index > 0 && /\b(?:after|once)$/.test(clause.joiner) && words[0] === "you") {
      cues.push({ early: [index], late: [index - 1] });
    }
  });
  return cues;
}
