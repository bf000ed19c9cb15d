// The models a server holds, each with its own queue: the planner and the actor (wrapped so every
// plan/act call waits for its model's slot), and any extra models (e.g. a base model) that only
// /v1/chat/completions uses. `chat` finds the LocalModel behind a name for the OpenAI-compatible
// endpoint: "planner" and "actor" are the agent's own models when they are local llama.cpp models.
import { LocalModel, type ActResult, type Actor, type PlanResult, type Planner } from "../agent/index.js";
import type { FunctionSet } from "../functions/index.js";
import { HttpError } from "./errors.js";
import { ModelQueue } from "./queue.js";

export interface ChatModel {
  name: string;
  local: LocalModel;
  queue: ModelQueue;
}

function localOf(part: Planner | Actor): LocalModel | undefined {
  const local = (part as { local?: unknown }).local;
  return local instanceof LocalModel ? local : undefined;
}

class QueuedPlanner implements Planner {
  constructor(private readonly inner: Planner, private readonly queue: ModelQueue) {}
  plan(query: string, options: { signal?: AbortSignal } = {}): Promise<PlanResult> {
    return this.queue.run(() => this.inner.plan(query, options), options.signal);
  }
}

class QueuedActor implements Actor {
  constructor(private readonly inner: Actor, private readonly queue: ModelQueue) {}
  act(step: string, observation: string | undefined, functions: FunctionSet, options: { signal?: AbortSignal } = {}): Promise<ActResult> {
    return this.queue.run(() => this.inner.act(step, observation, functions, options), options.signal);
  }
}

export class ModelRegistry {
  readonly planner: Planner;
  readonly actor: Actor;
  readonly plannerQueue: ModelQueue;
  readonly actorQueue: ModelQueue;
  private readonly chatModels = new Map<string, ChatModel>();

  constructor(parts: { planner: Planner; actor: Actor; models?: Record<string, LocalModel> }, maxQueued: number) {
    // Two names for one LocalModel share one queue: the context still serves one sequence.
    const queues = new Map<object, ModelQueue>();
    const queueFor = (owner: object, name: string) => {
      let queue = queues.get(owner);
      if (!queue) queues.set(owner, (queue = new ModelQueue(name, maxQueued)));
      return queue;
    };
    const plannerLocal = localOf(parts.planner);
    const actorLocal = localOf(parts.actor);
    this.plannerQueue = queueFor(plannerLocal ?? parts.planner, "planner");
    this.actorQueue = queueFor(actorLocal ?? parts.actor, "actor");
    this.planner = new QueuedPlanner(parts.planner, this.plannerQueue);
    this.actor = new QueuedActor(parts.actor, this.actorQueue);
    if (plannerLocal) this.chatModels.set("planner", { name: "planner", local: plannerLocal, queue: this.plannerQueue });
    if (actorLocal) this.chatModels.set("actor", { name: "actor", local: actorLocal, queue: this.actorQueue });
    for (const [name, local] of Object.entries(parts.models ?? {})) {
      this.chatModels.set(name, { name, local, queue: queueFor(local, name) });
    }
  }

  get chatModelNames(): string[] {
    return [...this.chatModels.keys()];
  }

  chat(name: string): ChatModel {
    const model = this.chatModels.get(name);
    if (!model) {
      throw new HttpError(404, `unknown model '${name}'`, {
        code: "model_not_found",
        param: "model",
        hint: `Available models: ${this.chatModelNames.join(", ") || "none (start the server with --planner/--actor/--base)"}`,
      });
    }
    return model;
  }

  /** Every distinct queue, for /metrics. */
  queues(): ModelQueue[] {
    return [...new Set([this.plannerQueue, this.actorQueue, ...[...this.chatModels.values()].map((model) => model.queue)])];
  }
}
