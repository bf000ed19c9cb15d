// What the distinct-steps decoder does when a plan ends while it leaves something out of the request
// (plan/left-out.ts: a cover word in none of its steps, or a step an intent word asks for). It keeps the ended plan
// that leaves out least (the first, greedy one on a tie), and says where to decode from next:
// - first, up to `maxLengthenSearches` times, a closed step that goes on instead of closing ("Set an alarm for 6:20
//   AM" + " labeled meditation", "Send an email to Chris about the school trip" + ' saying "…"'). Such a plan is kept
//   only when it has the same steps, each beginning as before, and leaves out less; otherwise the decoder goes back
//   to the plan it lengthened, with that plan's backtracks, so that the searches after it start where they did
//   without it;
// - then, up to `maxCoverSearches` times, the most probable other start of a step (or going on instead of ending).
// Deliberately left out: comparing plans by probability (the right plan a search finds is often much less probable
// than greedy's) and searching from the best plan rather than the latest.
import type { Token } from "node-llama-cpp";
import { bestDeviation, type DecodeState } from "./decode-choices.js";

type Deviation = { position: number; token: Token };

/** The decoder's view of a plan that has just ended. */
export interface EndedPlan {
  steps: readonly string[];
  state: DecodeState;
  stepStarts: readonly number[];
  stepEnds: readonly number[];
  /** The position of the end token. */
  position: number;
  backtracks: number;
}

export class PlanSearch {
  private best: { tokens: Token[]; uncovered: number } | undefined;
  private coverSearches = 0;
  private lengthenSearches = 0;
  // A lengthening in flight: the split it replaced, and the plan it must lengthen.
  private lengthening: { position: number; token: Token; steps: readonly string[]; uncovered: number; backtracks: number } | undefined;

  constructor(
    private readonly leftOut: (steps: readonly string[]) => number,
    private readonly limits: { maxCoverSearches: number; maxLengthenSearches: number },
  ) {}

  /** The searches made so far (the decoder reports them with its backtracks). */
  get searches(): number {
    return this.coverSearches + this.lengthenSearches;
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
    const attempt = this.lengthening;
    this.lengthening = undefined;
    if (attempt) {
      const lengthens = steps.length === attempt.steps.length && attempt.steps.every((step, index) => steps[index]!.startsWith(step));
      if (!lengthens || uncovered >= attempt.uncovered) return { deviation: { position: attempt.position, token: attempt.token }, backtracks: attempt.backtracks };
    }
    if (uncovered === 0) {
      this.best = undefined;
      return "stop";
    }
    if (!this.best || uncovered < this.best.uncovered) this.best = { tokens: [...generated], uncovered };
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
