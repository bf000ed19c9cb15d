// The planner–action loop (paper §3.1): {τ_1…τ_n} = π_plan(q), then O_{i+1} = act(τ_i, O_i) for each
// step, where act = the action model choosing a call plus the executor running it on the device.
// Events stream as they happen (plan, then call/observation per step, then done with the whole trace),
// so the CLI prints live and a server can forward them.
// Deliberately left out: re-planning from observations (the paper's future work).
import { OctoplanError } from "../errors.js";
import { FunctionSet, SimulatedDevice, type FunctionSpec, type DomainName } from "../functions/index.js";
import { renderObservation } from "../plan/observation.js";
import { Executor } from "./executor.js";
import type { Actor, AgentEvent, Planner, StepTrace, Trace } from "./types.js";

export interface AgentOptions {
  planner: Planner;
  actor: Actor;
  functions: FunctionSet | Array<FunctionSpec | DomainName | FunctionSet>;
  /** A device shared by every run; by default each run gets a fresh SimulatedDevice. */
  device?: SimulatedDevice;
  /** Seed of the fresh per-run device. */
  deviceSeed?: number;
}

export interface RunOptions {
  /** The device for this run only (evaluation passes one seeded like the test record). */
  device?: SimulatedDevice;
  signal?: AbortSignal;
}

export class Agent {
  private disposed = false;

  private constructor(
    readonly planner: Planner,
    readonly actor: Actor,
    readonly functions: FunctionSet,
    private readonly device: SimulatedDevice | undefined,
    private readonly deviceSeed: number,
  ) {}

  static async create(options: AgentOptions): Promise<Agent> {
    const functions = options.functions instanceof FunctionSet ? options.functions : FunctionSet.from(options.functions);
    return new Agent(options.planner, options.actor, functions, options.device, options.deviceSeed ?? 0);
  }

  async *run(query: string, options: RunOptions = {}): AsyncGenerator<AgentEvent, Trace> {
    if (this.disposed) throw new OctoplanError("this agent was disposed", { hint: "create a new Agent" });
    const started = performance.now();
    const device = options.device ?? this.device ?? SimulatedDevice.create({ seed: this.deviceSeed });
    const executor = new Executor(this.functions, device);
    const plan = await this.planner.plan(query, { signal: options.signal });
    yield { type: "plan", steps: plan.steps, ms: plan.ms };
    const records: StepTrace[] = [];
    let observationText: string | undefined;
    for (const [index, step] of plan.steps.entries()) {
      options.signal?.throwIfAborted();
      const record: StepTrace = { index, step, call: null, observation: null, actMs: 0, executeMs: 0, tokens: { prompt: 0, completion: 0 }, retried: false };
      records.push(record);
      const actStarted = performance.now();
      try {
        const action = await this.actor.act(step, observationText, this.functions, { signal: options.signal });
        Object.assign(record, { call: action.call, raw: action.raw, tokens: action.tokens, retried: action.retried ?? false });
      } catch (error) {
        // The action model found no valid call: the step fails, its error is the next observation.
        if (!(error instanceof OctoplanError)) throw error;
        record.error = error.message;
        record.observation = { error: error.message };
      }
      record.actMs = performance.now() - actStarted;
      if (record.call) {
        yield { type: "call", index, step, call: record.call };
        const execution = await executor.execute(record.call);
        Object.assign(record, { observation: execution.observation, executeMs: execution.ms, error: execution.error });
      }
      yield { type: "observation", index, observation: record.observation, ...(record.error === undefined ? {} : { error: record.error }) };
      observationText = renderObservation(record.observation);
    }
    const trace: Trace = {
      query,
      steps: plan.steps,
      calls: records.map((record) => record.call),
      observations: records.map((record) => record.observation),
      records,
      timings: {
        planMs: plan.ms,
        actMs: sum(records.map((record) => record.actMs)),
        executeMs: sum(records.map((record) => record.executeMs)),
        totalMs: performance.now() - started,
      },
      tokens: {
        plan: { prompt: plan.promptTokens, completion: plan.completionTokens },
        act: { prompt: sum(records.map((record) => record.tokens.prompt)), completion: sum(records.map((record) => record.tokens.completion)) },
      },
      planRaw: plan.raw,
    };
    yield { type: "done", trace };
    return trace;
  }

  /** Runs to completion and returns only the trace. */
  async runToEnd(query: string, options: RunOptions = {}): Promise<Trace> {
    for await (const event of this.run(query, options)) if (event.type === "done") return event.trace;
    throw new OctoplanError("agent run ended without a trace");
  }

  /** Disposes the planner and the actor (idempotent). */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.planner.dispose?.();
    if ((this.actor as unknown) !== (this.planner as unknown)) await this.actor.dispose?.();
  }
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
