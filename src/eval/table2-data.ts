// Data for the Table 2 experiment. The paper builds its multi-domain benchmark so that "queries
// draw functions from each included domain with equal probability": some queries stay in one domain,
// some mix. The offline composer picks intents uniformly, and the domains have very different
// numbers of intents (android has the most), so DomainBalancedTeacher repeats each domain's intents
// until every domain holds the same share of the list the composer draws from. Everything else is
// the offline teacher's (same composer, same per-candidate seeds).
// Deliberately left out: balancing step counts per domain (the pipeline already spreads steps 1..5).
import { domainOf, type FunctionSet } from "../functions/index.js";
import type { CandidateRecord, GenerationRequest, Teacher } from "../data/generate/teacher.js";
import { composeCandidate, Dice, intentsFor, parseNow, type Intent } from "../data/offline/index.js";

function domainOfIntent(intent: Intent): string {
  return domainOf(intent.functions[0]!);
}

/** The intents for a function set, with each domain's intents repeated so the domains weigh the same. */
export function balancedIntents(functions: FunctionSet): Intent[] {
  const byDomain = new Map<string, Intent[]>();
  for (const intent of intentsFor(functions)) {
    const domain = domainOfIntent(intent);
    byDomain.set(domain, [...(byDomain.get(domain) ?? []), intent]);
  }
  const largest = Math.max(...[...byDomain.values()].map((list) => list.length));
  const balanced: Intent[] = [];
  for (const list of byDomain.values()) {
    // Repeat the list, then top up with a prefix: each domain contributes exactly `largest` entries.
    for (let index = 0; index < largest; index++) balanced.push(list[index % list.length]!);
  }
  return balanced;
}

export class DomainBalancedTeacher implements Teacher {
  readonly name = "offline-balanced";
  private readonly cache = new WeakMap<FunctionSet, Intent[]>();

  async *generate(request: GenerationRequest, signal?: AbortSignal): AsyncIterable<CandidateRecord> {
    let intents = this.cache.get(request.functions);
    if (!intents) {
      intents = balancedIntents(request.functions);
      this.cache.set(request.functions, intents);
    }
    const now = parseNow(request.now ?? "2026-11-25T09:00");
    const total = Math.min(request.count, request.stepCounts.length);
    for (let index = 0; index < total; index++) {
      signal?.throwIfAborted();
      const candidate = composeCandidate(intents, request.stepCounts[index]!, { dice: Dice.derive(request.seed, index), now });
      if (candidate) yield candidate;
    }
  }
}
