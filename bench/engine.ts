// `npm run bench:engine [-- --tokens 512 --steps 2 --threads N]`: throughput of our ggml graphs for the `small`
// model (~30M parameters, d=512, 8 blocks) on all cores. Prints JSON on stdout; progress goes to stderr.
// Modes: forward (F32/F16/BF16 weights); full training forward+backward (F32); LoRA training forward+backward
// through frozen F32/F16/BF16 weights, with ggml's autodiff (dx = out_prod(W, dyᵀ)) and with our rewrite
// (dx = mul_mat(Wᵀ, dy), src/ggml/frozen-backward.ts). FLOPs: forward = flopsPerToken; full training = 3×
// forward (dx and dW); LoRA = 2× forward (dx only; LoRA's own products are <1% and left out).
// Batch 1 × T tokens: ggml's F16 out_prod aborts when it has to broadcast over a batch.

import os from "node:os";
import { ComputeContext, cpuPeak, FrozenTransposes, Ggml, ParameterContext, type TensorType } from "../src/ggml/index.js";
import { adaptableLayouts, buildLossGraph, flopsPerToken, LanguageModel, LoraWeights, oneHotLabels, parameterCounts, presetConfig, SeededRandom } from "../src/model/index.js";
import { ProgressBar } from "../src/util/progress.js";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const tokenCount = option("tokens", 512);
const steps = option("steps", 2);
const threads = option("threads", os.availableParallelism());
const config = presetConfig("small", { vocabSize: 4096 });
const forwardFlops = flopsPerToken(config, tokenCount) * tokenCount;

interface Mode { name: string; weights: TensorType; pass: "forward" | "forward+backward"; training?: "full" | "lora"; backward?: "autodiff" | "transposed" }
const MODES: Mode[] = [
  ...(["F32", "F16", "BF16"] as const).map((weights): Mode => ({ name: `forward ${weights}`, weights, pass: "forward" })),
  { name: "full training F32", weights: "F32", pass: "forward+backward", training: "full", backward: "autodiff" },
  ...(["F32", "F16", "BF16"] as const).flatMap((weights): Mode[] => (["autodiff", "transposed"] as const).map((backward) => ({
    name: `LoRA over frozen ${weights}, ${backward} backward`, weights, pass: "forward+backward", training: "lora", backward,
  }))),
];

const ggml = await Ggml.create({ threads, device: "cpu" });
const source = await LanguageModel.create(config, { ggml, seed: 1 });
const random = new SeededRandom(2);
const tokens = Int32Array.from({ length: tokenCount }, () => Math.floor(random.next() * config.vocabSize));
const labels = oneHotLabels(Array.from({ length: tokenCount }, () => Math.floor(random.next() * config.vocabSize)), config.vocabSize);
const progress = new ProgressBar({ total: MODES.length, label: "bench:engine", unit: "modes" });

async function measure(mode: Mode) {
  // weights in the mode's type (norms stay F32)
  const weights = ParameterContext.create(ggml, source.specs.map((spec) => ({ ...spec, type: spec.shape.length === 2 ? mode.weights : "F32" })));
  for (const spec of source.specs) weights.write(spec.name, source.weights.read(spec.name));
  const lora = mode.training === "lora" ? LoraWeights.create(ggml, adaptableLayouts(source.specs), 8, 16) : undefined;
  // every matrix, token_embd included: the small preset ties the output head to it
  const frozenNames = source.specs.filter((spec) => spec.shape.length === 2).map((spec) => spec.name);
  const frozen = mode.backward === "transposed" ? FrozenTransposes.create(ggml, weights, frozenNames) : undefined;
  const step = ComputeContext.create(ggml, { gradients: mode.pass !== "forward" });
  try {
    const trainable = mode.training === "full" ? source.specs.map((spec) => weights.get(spec.name))
      : lora ? lora.parameters.names.map((name) => lora.parameters.get(name)) : [];
    for (const tensor of trainable) step.markParameter(tensor);
    const graph = buildLossGraph(step, config, weights, tokenCount, 1, { lora: lora?.tensors(), differentiable: mode.pass !== "forward" });
    if (mode.pass !== "forward") step.backward();
    frozen?.rewrite(step);
    step.allocate(); // throws (instead of aborting) when ggml cannot run this backward
    ggml.write(graph.tokens, tokens);
    ggml.write(graph.labels, labels);
    graph.forward.fillPositions(ggml);
    const run = () => {
      if (mode.pass !== "forward") step.resetGradients();
      step.compute();
    };
    run(); // warm-up: first-touch of the compute buffer, thread start
    const started = process.hrtime.bigint();
    for (let i = 0; i < steps; i++) run();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9 / steps;
    const flops = forwardFlops * (mode.training === "full" ? 3 : mode.training === "lora" ? 2 : 1);
    return { secondsPerStep: Number(seconds.toFixed(4)), tokensPerSecond: Math.round(tokenCount / seconds), gflops: Number((flops / seconds / 1e9).toFixed(2)) };
  } finally {
    step.dispose();
    frozen?.dispose();
    lora?.dispose();
    weights.dispose();
  }
}

const peak = cpuPeak(threads);
const results = [];
for (const mode of MODES) {
  let result: Record<string, unknown>;
  try {
    const measured = await measure(mode);
    result = { ...mode, ...measured, percentOfPeak: Number(((100 * measured.gflops) / peak.peakGflops).toFixed(1)) };
  } catch (error) {
    result = { ...mode, error: (error as Error).message };
  }
  results.push(result);
  progress.tick(1, mode.name);
}
progress.finish();
source.dispose();
ggml.dispose();

console.log(JSON.stringify({
  machine: { ...peak, cpuVariant: ggml.cpuVariant, threads },
  model: { preset: "small", config, parameters: parameterCounts(config).total, forwardFlopsPerToken: Math.round(forwardFlops / tokenCount) },
  sequence: { tokens: tokenCount, batch: 1, timedSteps: steps },
  results,
}, null, 2));
