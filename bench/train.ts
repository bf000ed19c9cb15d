// `npm run bench:train`: training throughput on this machine, as JSON.
//   model: the "small" preset (~30M parameters, 4096 vocabulary; or --size tiny|base|WIDTHxLAYERS), seq 128, batch 8,
//          all cores (or --threads);
//   ours:  full fine-tuning (F32) and LoRA r16 / r64 (all-linear) over a frozen F32 base (ggml's autodiff, and with
//          FrozenTransposes) and a frozen BF16 base (FrozenTransposes, what `--base-type bf16` trains with); full
//          fine-tuning with BF16 products over F32 masters too (`--precision bf16`, MixedPrecisionCopies):
//          tokens/s, model GFLOP/s, % of the FP32 peak, RSS, and where a step's time goes (forward, backward,
//          gradient norm, AdamW; forward = a forward-only pass of the same batch);
//   peers: llama.cpp's own full fine-tuning (llama_opt_epoch) and, with --pytorch, PyTorch (Debian python3-torch),
//          each in a child process (bench/train-peers.ts); ratio ours/theirs when measured.
// Model FLOPs per token: full = 3 × forward (forward, backward to activations, backward to weights);
// LoRA = 2 × forward (the frozen weights need no weight gradient) + 6 × the LoRA branches' FLOPs.
// Usage: npm run bench:train -- [--steps 2] [--threads N] [--seq 128] [--batch 8] [--size small] [--pytorch]
//   [--skip-llama-cpp] [--only full,lora]
import os from "node:os";
import { mkdtempSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { BpeTokenizer } from "../src/model/tokenizer/index.js";
import { parseArgs } from "node:util";
import { LanguageModel } from "../src/model/language-model.js";
import { presetConfig, flopsPerToken, parameterCounts, type ModelSize } from "../src/model/config.js";
import { buildForward } from "../src/model/arch/index.js";
import type { LoraWeights } from "../src/model/lora-weights.js";
import { TrainingGraph, type TrainableTensor } from "../src/train/graph.js";
import { frozenTransposes, mixedPrecisionCopies, numberFormatHooks } from "../src/train/frozen.js";
import { cpuPeak, ParameterContext } from "../src/ggml/index.js";
import { createTrainableLora } from "../src/train/lora-init.js";
import { ALL_LINEAR } from "../src/train/options.js";
import { makeBatch } from "../src/train/examples.js";
import { Random } from "../src/train/random.js";
import { llamaCppPeer, pytorchPeer } from "./train-peers.js";

const { values } = parseArgs({
  options: {
    steps: { type: "string", default: "2" },
    pytorch: { type: "boolean", default: false },
    "skip-llama-cpp": { type: "boolean", default: false },
    only: { type: "string" },
    threads: { type: "string" },
    seq: { type: "string", default: "128" },
    batch: { type: "string", default: "8" },
    size: { type: "string", default: "small" },
  },
});
const steps = Number(values.steps);
const only = (values.only ?? "full,lora").split(",");
const threads = values.threads ? Number(values.threads) : os.availableParallelism();
const sequence = Number(values.seq);
const batchSize = Number(values.batch);
const size = values.size as ModelSize;
presetConfig(size, { vocabSize: 4096 }); // a bad --size fails here, naming the sizes, before the tokenizer is trained

// A real BPE vocabulary (llama.cpp needs one to load the GGUF), trained on random words.
const random = Random.fromSeed(1);
const letters = "abcdefghijklmnopqrstuvwxyz";
const words = Array.from({ length: 30000 }, () => Array.from({ length: 2 + random.int(7) }, () => letters[random.int(26)]).join(""));
const tokenizer = BpeTokenizer.train([words.join(" ")], { vocabSize: 4096, minFrequency: 1 });
const config = presetConfig(size, { vocabSize: tokenizer.vocabSize });
const model = await LanguageModel.create(config, { seed: 1, threads });
const modelPath = join(mkdtempSync(join(os.tmpdir(), "octoplan-bench-train-")), `${size}.gguf`);
await model.save(modelPath, tokenizer);
const batches = Array.from({ length: steps + 1 }, (_, index) =>
  makeBatch(Array.from({ length: batchSize }, (_, row) => ({
    id: `${index}:${row}`,
    tokens: Array.from({ length: sequence + 1 }, () => random.int(config.vocabSize)),
    promptLength: 1,
  }))));

interface MethodResult {
  method: string;
  base: string;
  trainableParameters: number;
  tokensPerSecond: number;
  modelGflopsPerSecond: number;
  secondsPerStep: number;
  percentOfFp32Peak: number;
  /** Process peak RSS after this method (cumulative: ggml buffers are freed, the high-water mark stays). */
  peakRssBytes: number;
  /** Share of a step's wall time per phase. */
  profile: { forward: number; backward: number; gradientNorm: number; optimizer: number };
}

function loraFlopsPerToken(lora: LoraWeights): number {
  return lora.layouts.reduce((sum, layout) => sum + 2 * lora.rank * (layout.inFeatures + layout.outFeatures), 0);
}

interface Base { name: string; weights: ParameterContext; transposed: boolean; precision?: "bf16" }

function measure(method: string, base: Base, trainable: TrainableTensor[], lora: LoraWeights | undefined, flopsPerTrainingToken: number): MethodResult {
  const frozen = base.transposed ? frozenTransposes(model.ggml, base.weights, model.specs, { includeF32: true }) : undefined;
  const copies = mixedPrecisionCopies(model.ggml, base.weights, model.specs, base.precision);
  const graph = TrainingGraph.create({
    ggml: model.ggml,
    trainable,
    vocabularySize: config.vocabSize,
    forward: (step, inputs) => {
      const forward = buildForward(step, config, base.weights, inputs, { lora: lora?.tensors(1), differentiable: true });
      return { logits: forward.logits, fillInputs: () => forward.fillPositions(model.ggml) };
    },
    ...numberFormatHooks(frozen, copies),
  });
  const phases = { forward: 0, forwardBackward: 0, gradientNorm: 0, optimizer: 0 };
  let total = 0;
  try {
    batches.forEach((batch, index) => {
      const started = performance.now();
      graph.zeroGradients();
      graph.accumulate(batch, 1, 0);
      const afterBackward = performance.now();
      graph.gradientNorm();
      const afterNorm = performance.now();
      graph.optimizerStep({ lr: 1e-4, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0, iteration: index + 1, gradientScale: 1 });
      const finished = performance.now();
      if (index === 0) return; // warm-up: first allocation of buffers
      const forwardStarted = performance.now();
      graph.evalLoss(batch); // outside the step's time: only to split forward from backward
      phases.forward += performance.now() - forwardStarted;
      phases.forwardBackward += afterBackward - started;
      phases.gradientNorm += afterNorm - afterBackward;
      phases.optimizer += finished - afterNorm;
      total += finished - started;
    });
  } finally {
    graph.dispose();
    frozen?.dispose();
    copies?.dispose();
  }
  const seconds = total / 1000;
  const tokens = steps * batchSize * sequence;
  const gflops = (tokens * flopsPerTrainingToken) / seconds / 1e9;
  process.stderr.write(`${method} over ${base.name}: ${(tokens / seconds).toFixed(0)} tok/s, ${gflops.toFixed(1)} GFLOP/s (load ${os.loadavg()[0]!.toFixed(1)})\n`);
  const round = (value: number) => Number(value.toFixed(3));
  return {
    method,
    base: base.name,
    trainableParameters: graph.trainableParameters,
    tokensPerSecond: round(tokens / seconds),
    modelGflopsPerSecond: round(gflops),
    secondsPerStep: round(seconds / steps),
    percentOfFp32Peak: round((100 * gflops) / peak.peakGflops),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    profile: {
      forward: round(Math.min(phases.forward, phases.forwardBackward) / total),
      backward: round(Math.max(0, phases.forwardBackward - phases.forward) / total),
      gradientNorm: round(phases.gradientNorm / total),
      optimizer: round(phases.optimizer / total),
    },
  };
}

const peak = cpuPeak(threads);
const forwardFlops = flopsPerToken(config, sequence);
const loadBefore = os.loadavg();
const results: MethodResult[] = [];
const full = model.weights.names.map((name) => ({ name, tensor: model.weights.get(name), decay: model.weights.get(name).shape.length > 1 }));
const f32: Base = { name: "F32", weights: model.weights, transposed: false };
if (only.includes("full")) {
  results.push(measure("full", f32, full, undefined, 3 * forwardFlops));
  results.push(measure("full", { name: "F32 masters, BF16 products", weights: model.weights, transposed: false, precision: "bf16" }, full, undefined, 3 * forwardFlops));
}
// A BF16 copy of the matrices (norms stay F32), as `--base-type bf16` makes.
const bf16Weights = ParameterContext.create(model.ggml, model.specs.map((spec) => ({ ...spec, type: spec.shape.length === 2 ? "BF16" as const : "F32" as const })));
for (const spec of model.specs) bf16Weights.write(spec.name, model.weights.read(spec.name));
const bases: Base[] = [f32, { name: "F32, transposed backward", weights: model.weights, transposed: true }, { name: "BF16, transposed backward", weights: bf16Weights, transposed: true }];
for (const rank of only.includes("lora") ? [16, 64] : []) {
  const lora = createTrainableLora(model.ggml, model.specs, { rank, alpha: 2 * rank, targets: ALL_LINEAR, seed: 1 });
  try {
    const trainable = lora.parameters.names.map((name) => ({ name, tensor: lora.parameters.get(name), decay: true }));
    for (const base of bases) results.push(measure(`lora r${rank}`, base, trainable, lora, 2 * forwardFlops + 3 * loraFlopsPerToken(lora)));
  } finally {
    lora.dispose();
  }
}
bf16Weights.dispose();
model.dispose();

const peakRssBytes = process.resourceUsage().maxRSS * 1024; // ours only: the peers run in other processes
const peerRun = { modelPath, config, sequence, batchSize, steps, threads };
const peers = [llamaCppPeer(peerRun, !values["skip-llama-cpp"]), pytorchPeer(peerRun, values.pytorch ?? false)];
rmSync(dirname(modelPath), { recursive: true, force: true }); // the peers are done with the model
const fullResult = results.find((result) => result.method === "full");
process.stdout.write(JSON.stringify({
  machine: { ...peak, cpus: os.cpus().length, threads, loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg() },
  model: { preset: size, ...config, parameters: parameterCounts(config).total, forwardGflopsPerToken: forwardFlops / 1e9 },
  sequence, batchSize, steps,
  ours: results,
  peers: peers.map((peer) => ({ ...peer, ratioOursOverTheirs: peer.tokensPerSecond && fullResult ? fullResult.tokensPerSecond / peer.tokensPerSecond : null })),
  peakRssBytes,
  notes: [
    "Model GFLOP/s counts matrix-product FLOPs only (see flopsPerToken in src/model/config.ts).",
    "Timings are wall-clock on a shared machine; the load averages above say how busy it was.",
    "LoRA FLOPs = 2 × forward + 3 × the LoRA branches' forward; full = 3 × forward. Peak = GHz × cores × FP32 lanes × 2.",
    "profile.forward is measured by a separate forward-only pass of the same batch; backward = forward+backward − forward.",
  ],
}, null, 2) + "\n");
