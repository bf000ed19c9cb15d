// Routing, a step beyond the paper: a small classifier picks, per request, which domain adapters to
// apply. It is a multi-label TextClassifier trained on the training records' `domains`, so a request
// that mixes two domains can switch on both adapters (runtime mixing of that subset, scale 1 each).
// RoutedPlanner keeps one llama.cpp context per adapter subset it has needed (created on first use).
// Deliberately left out: soft mixing with the router's probabilities as scales (llama.cpp fixes an
// adapter's scale when the context is created, so each distinct mix would need a new context).
import { InputError } from "../errors.js";
import type { DatasetRecord } from "../data/index.js";
import { LlamaPlanner, type LlamaPlannerOptions } from "../agent/planner.js";
import type { PlanResult, Planner } from "../agent/types.js";
import { TextClassifier, type ClassifierJson, type ClassifierOptions } from "./text-classifier.js";

export interface RouteResult {
  /** Adapters (domains) to apply, most likely first. */
  domains: string[];
  probabilities: Map<string, number>;
  ms: number;
}

export interface RouterEvaluation {
  records: number;
  /** The predicted domain set equals the record's. */
  exactAccuracy: number;
  /** The most likely domain is one of the record's. */
  topAccuracy: number;
  meanMs: number;
  maxMs: number;
}

export class AdapterRouter {
  private constructor(readonly classifier: TextClassifier, readonly threshold: number) {}

  static train(records: DatasetRecord[], options: ClassifierOptions & { threshold?: number } = {}): AdapterRouter {
    const labelled = records.filter((record) => record.domains.length > 0).map((record) => ({ text: record.query, labels: record.domains }));
    if (labelled.length === 0) throw new InputError("no record has a domain label to train the router on", { hint: "generate records with --functions so each carries its domains" });
    return new AdapterRouter(TextClassifier.train(labelled, { multiLabel: true, ...options }), options.threshold ?? 0.5);
  }

  static fromJson(json: ClassifierJson & { threshold?: number }): AdapterRouter {
    return new AdapterRouter(TextClassifier.fromJson(json), json.threshold ?? 0.5);
  }

  toJson(): ClassifierJson & { threshold: number } {
    return { ...this.classifier.toJson(), threshold: this.threshold };
  }

  get domains(): string[] {
    return this.classifier.labels;
  }

  route(query: string): RouteResult {
    const started = performance.now();
    const probabilities = this.classifier.probabilities(query);
    const domains = this.classifier.predict(query, this.threshold);
    return { domains, probabilities, ms: performance.now() - started };
  }

  evaluate(records: DatasetRecord[]): RouterEvaluation {
    let exact = 0, top = 0, totalMs = 0, maxMs = 0;
    for (const record of records) {
      const result = this.route(record.query);
      const expected = [...record.domains].sort().join();
      if ([...result.domains].sort().join() === expected) exact++;
      if (record.domains.includes(result.domains[0]!)) top++;
      totalMs += result.ms;
      maxMs = Math.max(maxMs, result.ms);
    }
    const count = Math.max(records.length, 1);
    return { records: records.length, exactAccuracy: exact / count, topAccuracy: top / count, meanMs: totalMs / count, maxMs };
  }
}

export interface RoutedPlannerOptions extends Omit<LlamaPlannerOptions, "lora"> {
  router: AdapterRouter;
  /** Adapter file per domain label. */
  adapters: Record<string, string>;
}

/** A Planner that routes each request to the adapters of its predicted domains. */
export class RoutedPlanner implements Planner {
  private readonly planners = new Map<string, Promise<LlamaPlanner>>();
  /** Routing decisions in order, for reports (domains and ms per request). */
  readonly routes: Array<{ query: string; domains: string[]; ms: number }> = [];

  private constructor(private readonly options: RoutedPlannerOptions) {}

  static create(options: RoutedPlannerOptions): RoutedPlanner {
    const missing = options.router.domains.filter((domain) => options.adapters[domain] === undefined);
    if (missing.length > 0) {
      throw new InputError(`the router knows domains without an adapter: ${missing.join(", ")}. Adapters given: ${Object.keys(options.adapters).join(", ") || "none"}`, {
        hint: "give one adapter per domain the router was trained on",
      });
    }
    return new RoutedPlanner(options);
  }

  private plannerFor(domains: string[]): Promise<LlamaPlanner> {
    const key = [...domains].sort().join("+");
    let planner = this.planners.get(key);
    if (!planner) {
      const { router: _router, adapters, ...plannerOptions } = this.options;
      planner = LlamaPlanner.create({ ...plannerOptions, lora: domains.map((domain) => ({ path: adapters[domain]!, scale: 1 })) });
      this.planners.set(key, planner);
    }
    return planner;
  }

  async plan(query: string, options: { signal?: AbortSignal } = {}): Promise<PlanResult> {
    const route = this.options.router.route(query);
    this.routes.push({ query, domains: route.domains, ms: route.ms });
    const planner = await this.plannerFor(route.domains);
    const result = await planner.plan(query, options);
    return { ...result, ms: result.ms + route.ms };
  }

  async dispose(): Promise<void> {
    const planners = [...this.planners.values()];
    this.planners.clear();
    for (const planner of planners) await (await planner).dispose();
  }
}
