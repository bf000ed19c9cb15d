// What the distinct-steps decoder does when a plan ends while it leaves something out of the request
// (plan/left-out.ts: a cover word in none of its steps, or a step an intent word asks for). It keeps the ended plan
// that leaves out least (the first, greedy one on a tie), and says where to decode from next:
// - first, up to `maxLengthenSearches` times, a closed step that goes on instead of closing ("Set an alarm for 6:20
//   AM" + " labeled meditation", "Send an email to Chris about the school trip" + ' saying "…"'). Such a plan is kept
//   only when it has the same steps, each beginning as before, and leaves out less; otherwise the decoder goes back
//   to the plan it lengthened, with that plan's backtracks, so that the searches after it start where they did
//   without it;
// - then, up to `maxCoverSearches` times, the most probable other start of a step (or going on instead of ending).
// A plan that leaves nothing out but writes a step after one of a later clause (plan/clause-order.ts: "Enable Do Not
// Disturb mode" before the doctor's checkup asked for first) is searched again, up to `maxOrderSearches` times: first
// the late step (with the steps that move with it, such as its "Send the screenshot to …") is written where it
// belongs and the decoder goes on greedily; then the whole plan is written with those steps moved. A result is kept
// only when it has the same steps, breaks the order less and leaves nothing out; otherwise the decoder goes back as
// above. (Re-decoding from the most probable other start of the step instead found garbage: the planner wants its
// own order too much, docs/RESULTS.md, session 19.)
// A plan with a step whose function no word of the request supports (plan/support-words.ts: "Set the media volume to
// 0" for "videos of cute puppies pls") is searched again, up to `maxSupportSearches` times, before the searches
// above: the plan ended before that step, when it is the last and nothing is left out, then the step re-decoded
// among supported beginnings (plan-edits.ts). A result is kept only when it has fewer unsupported steps, no more
// steps of no known function, leaves out no more and breaks the order no more. Not on the plans a cover search
// writes, which would steer the searches after it.
// Deliberately left out: comparing plans by probability (the right plan a search finds is often much less probable
// than greedy's) and searching from the best plan rather than the latest.
import type { Token } from "node-llama-cpp";
import type { OrderBreak } from "../plan/clause-order.js";
import type { SupportCheck } from "../plan/support-words.js";
import { bestDeviation } from "./decode-choices.js";
import { moveStep, permutedPlan, supportReplacement, type Deviation, type EndedPlan } from "./plan-edits.js";

export type { Deviation, EndedPlan } from "./plan-edits.js";

/** A search that must improve on the plan it starts from: the split it replaced, and that plan. */
type Attempt = { position: number; token: Token; steps: readonly string[]; uncovered: number; backtracks: number };

/** The searches a plan gets (decodeDistinctSteps' options). */
export interface PlanSearchOptions {
  /** Re-decodes allowed per plan to find one that leaves nothing out. Default 3. */
  maxCoverSearches?: number;
  /** Before those, re-decodes that let a closed step go on instead, kept only when they lengthen it. Default 2. */
  maxLengthenSearches?: number;
  /** Where an ended plan puts a step after one of a later clause (plan/clause-order.ts), if it does. */
  order?: (steps: readonly string[]) => OrderBreak | undefined;
  /** Re-decodes allowed per plan to put such a step in order: the step moved, then the whole plan. Default 2. */
  maxOrderSearches?: number;
  /** Which steps of an ended plan no word of the request supports, and which step beginnings it allows (plan/support-words.ts). */
  support?: SupportCheck;
  /** Re-decodes allowed per plan to drop or replace an unsupported step. Default 2. */
  maxSupportSearches?: number;
}

export class PlanSearch {
  private best: { tokens: Token[]; uncovered: number; unsupported: number } | undefined;
  private coverSearches = 0;
  private lengthenSearches = 0;
  private orderSearches = 0;
  private supportSearches = 0;
  // A lengthening in flight: the split it replaced, and the plan it must lengthen.
  private lengthening: Attempt | undefined;
  // A reordering in flight: the split it replaced, the plan it must put in order, and how many steps that plan has late.
  private reordering: (Attempt & { breaks: number }) | undefined;
  // A replacement in flight: the split it replaced, and the plan it must improve on, with its unsupported and late steps.
  private replacing: (Attempt & { unsupported: number; unknown: number; breaks: number }) | undefined;

  private readonly limits: Required<Omit<PlanSearchOptions, "order" | "support">>;
  private readonly order: PlanSearchOptions["order"];
  private readonly support: PlanSearchOptions["support"];

  constructor(private readonly leftOut: (steps: readonly string[]) => number, options: PlanSearchOptions) {
    this.limits = {
      maxCoverSearches: options.maxCoverSearches ?? 3, maxLengthenSearches: options.maxLengthenSearches ?? 2,
      maxOrderSearches: options.maxOrderSearches ?? 2, maxSupportSearches: options.maxSupportSearches ?? 2,
    };
    this.order = options.order;
    this.support = options.support;
  }

  /** The searches made so far (the decoder reports them with its backtracks). */
  get searches(): number {
    return this.coverSearches + this.lengthenSearches + this.orderSearches + this.supportSearches;
  }

  /** The plan to return instead of the latest one, when a search ran and found none that leaves nothing out. */
  get bestTokens(): Token[] | undefined {
    return this.best?.tokens;
  }

  /** At the end of a plan: stop, or where to decode from next (and, going back, the backtracks to restore). */
  ended(plan: EndedPlan): "stop" | { deviation: Deviation; backtracks?: number } {
    const { steps, state } = plan;
    const { choices, banned, generated } = state;
    const uncovered = this.leftOut(steps);
    // Where a plan that leaves nothing out breaks the request's order (read once: a reordering's test and the next search).
    const late = uncovered === 0 ? this.order?.(steps) : undefined;
    const attempt = this.lengthening;
    this.lengthening = undefined;
    if (attempt) {
      const lengthens = steps.length === attempt.steps.length && attempt.steps.every((step, index) => steps[index]!.startsWith(step));
      if (!lengthens || uncovered >= attempt.uncovered) return backTo(attempt);
    }
    const reorder = this.reordering;
    this.reordering = undefined;
    if (reorder) {
      const sameSteps = [...steps].sort().join("\n") === [...reorder.steps].sort().join("\n");
      const inOrder = uncovered === 0 && sameSteps && (late?.breaks ?? 0) < reorder.breaks;
      if (!inOrder) return backTo(reorder);
    }
    const unsupported = this.support?.unsupported(steps) ?? [];
    const unknown = this.support?.unknown(steps) ?? 0;
    const replaced = this.replacing;
    this.replacing = undefined;
    if (replaced) {
      const better = uncovered <= replaced.uncovered && unsupported.length < replaced.unsupported && unknown <= replaced.unknown
        && (late?.breaks ?? 0) <= replaced.breaks;
      if (!better) return backTo(replaced);
    }
    const replaceable = unsupported.length > 0 && this.supportSearches < this.limits.maxSupportSearches && (uncovered === 0 || this.coverSearches + this.lengthenSearches === 0);
    const replacement = replaceable ? supportReplacement(plan, unsupported[0]!, { uncovered, first: this.supportSearches === 0, support: this.support! }) : undefined;
    if (replacement) {
      this.supportSearches++;
      this.replacing = {
        position: replacement.position, token: generated[replacement.position]!, steps: [...steps], uncovered, backtracks: plan.backtracks,
        unsupported: unsupported.length, unknown, breaks: late?.breaks ?? 0,
      };
      return { deviation: replacement };
    }
    if (uncovered === 0) {
      const deviation = late && this.orderSearches < this.limits.maxOrderSearches
        ? (this.orderSearches === 0 ? moveStep(generated, plan, late) : permutedPlan(generated, plan, late))
        : undefined;
      if (late && deviation) {
        this.orderSearches++;
        this.reordering = { position: deviation.position, token: generated[deviation.position]!, steps: [...steps], uncovered, backtracks: plan.backtracks, breaks: late.breaks };
        return { deviation };
      }
      this.best = undefined;
      return "stop";
    }
    const best = this.best;
    if (!best || uncovered < best.uncovered || (uncovered === best.uncovered && unsupported.length < best.unsupported)) {
      this.best = { tokens: [...generated], uncovered, unsupported: unsupported.length };
    }
    const lengthen = this.lengthenSearches < this.limits.maxLengthenSearches
      ? bestDeviation(choices, banned, generated, plan.stepEnds.slice(0, -1), Number.NEGATIVE_INFINITY)
      : undefined;
    if (lengthen) {
      this.lengthenSearches++;
      this.lengthening = { position: lengthen.position, token: generated[lengthen.position]!, steps: [...steps], uncovered, backtracks: plan.backtracks };
      return { deviation: lengthen };
    }
    const search = this.coverSearches < this.limits.maxCoverSearches
      ? bestDeviation(choices, banned, generated, [...plan.stepStarts, plan.position], Number.NEGATIVE_INFINITY)
      : undefined;
    if (!search) return "stop";
    this.coverSearches++;
    return { deviation: search };
  }
}

/** Back to the plan an attempt started from: its token at the split the attempt replaced, and its backtracks. */
function backTo(attempt: Attempt): { deviation: Deviation; backtracks: number } {
  return { deviation: { position: attempt.position, token: attempt.token }, backtracks: attempt.backtracks };
}
