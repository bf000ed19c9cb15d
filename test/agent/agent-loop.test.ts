// The agent loop and the executor with real functions on a real SimulatedDevice. The planner and
// the actor are scripted here so that the loop's own behaviour is pinned down exactly: event order,
// O_{i+1} = act(τ_i, O_i) (the actor sees the previous observation), failed calls becoming
// observations, and unregistered functions being rejected. Models are exercised in agent-model.test.ts.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Agent, ActionError, Executor, type Actor, type AgentEvent, type Planner } from "../../src/agent/index.js";
import { FunctionSet, SimulatedDevice, UnknownFunctionError, defineFunction } from "../../src/functions/index.js";

function scriptedPlanner(steps: string[]): Planner {
  return { plan: async () => ({ steps, promptTokens: 7, completionTokens: 11, ms: 1 }) };
}

/** Maps each step to a call by a table, and records which observation it was shown. */
function scriptedActor(table: Record<string, { name: string; arguments: Record<string, unknown> } | "fail">, seen: Array<string | undefined>): Actor {
  return {
    act: async (step, observation) => {
      seen.push(observation);
      const entry = table[step];
      if (entry === undefined || entry === "fail") throw new ActionError(step, ["<nexa_99>()"], "scripted failure");
      return { call: entry, raw: `${entry.name}(…)`, tokens: { prompt: 5, completion: 3 }, ms: 1 };
    },
  };
}

const counter = defineFunction({
  name: "add_to_counter",
  description: "Adds an amount to a counter kept by the test.",
  parameters: z.object({ amount: z.number().int() }),
  execute: ({ amount }) => ({ total: amount * 2 }),
});
const failing = defineFunction({
  name: "always_fails",
  description: "Fails every time, like a device that is offline.",
  parameters: z.object({}),
  execute: () => {
    throw new Error("device offline");
  },
});

async function collect(generator: AsyncGenerator<AgentEvent>): Promise<AgentEvent[]> {
  const events: AgentEvent[] = [];
  for await (const event of generator) events.push(event);
  return events;
}

describe("Agent loop", () => {
  it("streams plan, call, observation per step, then done, and feeds each observation to the next step", async () => {
    const seen: Array<string | undefined> = [];
    const functions = FunctionSet.from([counter, failing]);
    const agent = await Agent.create({
      planner: scriptedPlanner(["add three", "break things", "give up", "add four"]),
      actor: scriptedActor({ "add three": { name: "add_to_counter", arguments: { amount: 3 } }, "break things": { name: "always_fails", arguments: {} }, "give up": "fail", "add four": { name: "add_to_counter", arguments: { amount: 4 } } }, seen),
      functions,
    });
    const events = await collect(agent.run("do the things"));
    expect(events.map((event) => event.type)).toEqual(["plan", "call", "observation", "call", "observation", "observation", "call", "observation", "done"]);
    const done = events.at(-1);
    if (done?.type !== "done") throw new Error("no done event");
    const { trace } = done;
    expect(trace.steps).toEqual(["add three", "break things", "give up", "add four"]);
    expect(trace.calls.map((call) => call?.name ?? null)).toEqual(["add_to_counter", "always_fails", null, "add_to_counter"]);
    expect(trace.observations[0]).toEqual({ total: 6 });
    // A function's error is an observation, not a crash; so is the actor's failure.
    expect(trace.observations[1]).toEqual({ error: "device offline" });
    expect(trace.records[2].error).toMatch(/scripted failure/);
    // O_{i+1} = act(τ_i, O_i): step 1 sees no observation, step 2 sees step 1's result, and so on.
    expect(seen[0]).toBeUndefined();
    expect(seen[1]).toBe('{"total":6}');
    expect(seen[2]).toBe('{"error":"device offline"}');
    expect(trace.tokens).toEqual({ plan: { prompt: 7, completion: 11 }, act: { prompt: 15, completion: 9 } });
    expect(trace.timings.totalMs).toBeGreaterThanOrEqual(trace.timings.planMs);
    await agent.dispose();
    await agent.dispose();
  });

  it("rejects a call to a function that is not registered", async () => {
    const functions = FunctionSet.from([counter]);
    const executor = new Executor(functions, SimulatedDevice.create({ seed: 0 }));
    await expect(executor.execute({ name: "format_disk", arguments: {} })).rejects.toThrow(UnknownFunctionError);
    await expect(executor.execute({ name: "format_disk", arguments: {} })).rejects.toThrow(/Available functions: add_to_counter/);
    const agent = await Agent.create({
      planner: scriptedPlanner(["wipe everything"]),
      actor: { act: async () => ({ call: { name: "format_disk", arguments: {} }, raw: "", tokens: { prompt: 0, completion: 0 }, ms: 0 }) },
      functions,
    });
    await expect(collect(agent.run("wipe my phone"))).rejects.toThrow(UnknownFunctionError);
  });

  it("runs built-in android functions on the device it is given", async () => {
    const functions = FunctionSet.fromDomains(["android"]);
    const device = SimulatedDevice.create({ seed: 3 });
    const before = device.snapshot();
    const agent = await Agent.create({
      planner: scriptedPlanner(["Set a 07:30 alarm"]),
      actor: scriptedActor({ "Set a 07:30 alarm": { name: "set_timer_alarm", arguments: { time: "07:30", label: "wake up" } } }, []),
      functions,
    });
    const trace = await agent.runToEnd("wake me at 7:30", { device });
    expect(trace.records[0].error).toBeUndefined();
    expect(device.snapshot()).not.toEqual(before);
  });
});
