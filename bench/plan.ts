// `npm run bench:plan`: prints JSON with
//   - time to plan, p50/p95 (the fine-tuned planner, greedy, on this machine's cores);
//   - prompt tokens of the fine-tuned planner vs the in-context baseline on the same requests, both
//     counted with the planner's own tokenizer (goal: ≥ 20× fewer);
//   - agent overhead: a full agent run (plan + act + execute + bookkeeping) against raw
//     node-llama-cpp generation of exactly the same prompt and completion tokens (goal: ≤ 10%). The agent's
//     planner decodes greedily here, as the raw side does, so the number is the runtime's own cost;
//   - the planner's default distinct-steps decoding (with its grounding.json, if any) against greedy: time to plan,
//     and how many plans differ.
// Models: --planner/--actor, or the demo's (runs/demo; `octoplan demo --fast` runs first if missing).
// Usage: npm run bench:plan -- [--planner P.gguf --actor A.gguf] [--test FILE.jsonl] [--requests 30] [--repeats 3]
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import type { Token } from "node-llama-cpp";
import { Agent, LlamaPlanner, inContextInstructions, OctopusActor, type LocalModel, type Trace } from "../src/agent/index.js";
import { readDatasetAll } from "../src/data/index.js";
import { summarizeLatency } from "../src/eval/index.js";
import { FunctionSet, SimulatedDevice } from "../src/functions/index.js";
import { actionPrompt } from "../src/plan/action-format.js";
import { renderObservation } from "../src/plan/observation.js";
import { benchModelPaths } from "./demo-models.js";

const { values } = parseArgs({
  options: {
    planner: { type: "string" },
    actor: { type: "string" },
    test: { type: "string" },
    requests: { type: "string", default: "30" },
    repeats: { type: "string", default: "3" },
    out: { type: "string", default: "runs/demo" },
  },
});

/** Raw node-llama-cpp: evaluate the prompt, then take exactly `count` greedy tokens; nothing else. */
async function rawGeneration(local: LocalModel, prompt: Token[], count: number): Promise<number> {
  const started = performance.now();
  await local.sequence.clearHistory();
  let generated = 0;
  if (count > 0) {
    for await (const token of local.sequence.evaluate(prompt, { temperature: 0 })) {
      void token;
      if (++generated >= count) break;
    }
  } else {
    await local.sequence.evaluateWithoutGeneratingNewTokens(prompt);
  }
  return performance.now() - started;
}

/** Replays a trace's generations (planner, then each actor call) as raw generations. */
async function replay(trace: Trace, planner: LlamaPlanner, actor: OctopusActor): Promise<number> {
  // +1: the planner also samples the <|end|> that ends the plan (raw evaluate stops there too).
  let milliseconds = await rawGeneration(planner.local, planner.local.tokenize(planner.prompt(trace.query)), trace.tokens.plan.completion + 1);
  let observation: string | undefined;
  for (const record of trace.records) {
    const prompt = actor.local.tokenize(actionPrompt(record.step, observation));
    const generations = record.retried ? 2 : 1;
    for (let generation = 0; generation < generations; generation++) {
      milliseconds += await rawGeneration(actor.local, prompt, Math.round(record.tokens.completion / generations));
    }
    observation = renderObservation(record.observation);
  }
  return milliseconds;
}

const REPEATS = Math.max(1, Number(values.repeats));
const paths = await benchModelPaths({ ...values, out: values.out! });
const functions = FunctionSet.fromDomains(["android"]);
const { records } = await readDatasetAll(paths.test);
const requests = records.slice(0, Number(values.requests));
const planner = await LlamaPlanner.create({ modelPath: paths.planner, decoding: "greedy" });
const distinctPlanner = await LlamaPlanner.create({ modelPath: paths.planner, decoding: "distinct-steps" });
// The overhead compares the runtime with raw greedy generation, so both models decode greedily here; what the
// default (distinct steps, grounding) costs on top is measured apart below.
const actor = await OctopusActor.create({ modelPath: paths.actor, grounding: "off" });
const agent = await Agent.create({ planner, actor, functions });

// Warm-up: first calls page weights in and build grammars.
for (const record of requests.slice(0, 3)) await agent.runToEnd(record.query).catch(() => undefined);

const planMs: number[] = [];
const distinctPlanMs: number[] = [];
let changedPlans = 0;
const fineTunedPromptTokens: number[] = [];
const inContextPromptTokens: number[] = [];
// Requests whose actor needed no grammar retry measure the runtime itself; retries add a
// grammar-constrained second generation, which is a cost of the model's quality, reported apart.
const totals = { all: { agentMs: 0, rawMs: 0, requests: 0 }, withoutRetries: { agentMs: 0, rawMs: 0, requests: 0 } };
let failedPlans = 0;
for (const record of requests) {
  fineTunedPromptTokens.push(planner.local.tokenize(planner.prompt(record.query)).length);
  inContextPromptTokens.push(planner.local.tokenize(planner.prompt(inContextInstructions(record.query, functions, 5))).length);
  // Each request runs REPEATS times on each side and keeps its fastest time: on a shared CPU the
  // minimum is the measurement least disturbed by other processes (greedy decoding makes the
  // repeats identical work).
  let trace: Trace | undefined;
  let agentBest = Number.POSITIVE_INFINITY;
  let rawBest = Number.POSITIVE_INFINITY;
  let planBest = Number.POSITIVE_INFINITY;
  try {
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      trace = await agent.runToEnd(record.query, { device: SimulatedDevice.create({ seed: record.seed ?? 0 }) });
      agentBest = Math.min(agentBest, trace.timings.totalMs);
      planBest = Math.min(planBest, trace.timings.planMs);
      rawBest = Math.min(rawBest, await replay(trace, planner, actor));
    }
    let distinctBest = Number.POSITIVE_INFINITY;
    let distinctSteps: string[] = [];
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const plan = await distinctPlanner.plan(record.query);
      distinctBest = Math.min(distinctBest, plan.ms);
      distinctSteps = plan.steps;
    }
    distinctPlanMs.push(distinctBest);
    if (trace && distinctSteps.join("\n") !== trace.steps.join("\n")) changedPlans++;
  } catch {
    failedPlans++;
    continue;
  }
  if (!trace) continue;
  planMs.push(planBest);
  const buckets = trace.records.some((step) => step.retried) ? [totals.all] : [totals.all, totals.withoutRetries];
  for (const bucket of buckets) {
    bucket.agentMs += agentBest;
    bucket.rawMs += rawBest;
    bucket.requests++;
  }
}
const mean = (list: number[]) => list.reduce((sum, value) => sum + value, 0) / Math.max(1, list.length);
const ratio = mean(inContextPromptTokens) / Math.max(1, mean(fineTunedPromptTokens));
const overheadOf = (bucket: { agentMs: number; rawMs: number; requests: number }) => ({ ...bucket, overhead: bucket.rawMs > 0 ? (bucket.agentMs - bucket.rawMs) / bucket.rawMs : null });
const overhead = overheadOf(totals.withoutRetries).overhead;
const planLatency = summarizeLatency(planMs);
const distinctLatency = summarizeLatency(distinctPlanMs);
console.log(JSON.stringify({
  bench: "plan",
  machine: { cores: cpus().length, model: cpus()[0]?.model },
  models: paths,
  requests: requests.length,
  failedPlans,
  timeToPlanMs: planLatency,
  promptTokens: {
    fineTuned: mean(fineTunedPromptTokens),
    inContext: mean(inContextPromptTokens),
    ratio,
    goal: 20,
    meetsGoal: ratio >= 20,
    characters: { fineTuned: mean(requests.map((record) => planner.prompt(record.query).length)), inContext: mean(requests.map((record) => planner.prompt(inContextInstructions(record.query, functions, 5)).length)) },
    note: "in-context prompt = every android docstring + instructions + request, counted with the planner's tokenizer",
  },
  agentOverhead: {
    overhead,
    goal: 0.1,
    meetsGoal: overhead !== null && overhead <= 0.1,
    withoutRetries: overheadOf(totals.withoutRetries),
    all: overheadOf(totals.all),
    note: "agent = plan + act + execute + bookkeeping, greedy planner and action model (no grounding); raw = node-llama-cpp evaluate() of the same prompt tokens and the same number of greedy tokens",
  },
  distinctStepsDecoding: {
    timeToPlanMs: distinctLatency,
    slowdownP50: distinctLatency.p50 / Math.max(1e-9, planLatency.p50),
    changedPlans,
    grounding: distinctPlanner.grounding ? "grounding.json beside the planner" : "none (no grounding.json beside the planner)",
    note: "the planner's default decoding (never the same step twice; with grounding, no invented names and a search when a plan leaves a clause out) against greedy on the same requests",
  },
}, null, 2));
await agent.dispose();
await distinctPlanner.dispose();
