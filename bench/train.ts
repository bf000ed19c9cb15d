// `npm run bench:train`: training throughput on this machine, as JSON.
//   model: the "small" preset (~30M parameters, 4096 vocabulary), seq 128, batch 8, all cores (or --threads);
//   ours:  full fine-tuning and LoRA r16 / r64 (all-linear): tokens/s, model GFLOP/s, and where a step's time goes
//          (forward+backward graph, gradient norm, AdamW);
//   peers: llama.cpp's own full fine-tuning (llama_opt_epoch) — see llamaCppPeer below — and PyTorch (Debian
//          python3-torch), each skipped with a note when not measurable here; ratio ours/theirs when measured.
// Model FLOPs per token: full = 3 × forward (forward, backward to activations, backward to weights);
// LoRA = 2 × forward (the frozen weights need no weight gradient) + 6 × the LoRA branches' FLOPs.
// Usage: npm run bench:train -- [--steps 3] [--threads N] [--seq 128] [--batch 8]
import os from "node:os";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { BpeTokenizer } from "../src/model/tokenizer/index.js";
import { parseArgs } from "node:util";
import { LanguageModel } from "../src/model/language-model.js";
import { presetConfig, flopsPerToken, parameterCounts, type ModelConfig } from "../src/model/config.js";
import { buildForward } from "../src/model/arch/index.js";
import type { LoraWeights } from "../src/model/lora-weights.js";
import { TrainingGraph, type TrainableTensor } from "../src/train/graph.js";
import { createTrainableLora } from "../src/train/lora-init.js";
import { ALL_LINEAR } from "../src/train/options.js";
import { makeBatch } from "../src/train/examples.js";
import { Random } from "../src/train/random.js";

const { values } = parseArgs({
  options: {
    steps: { type: "string", default: "3" },
    threads: { type: "string" },
    seq: { type: "string", default: "128" },
    batch: { type: "string", default: "8" },
  },
});
const steps = Number(values.steps);
const threads = values.threads ? Number(values.threads) : os.availableParallelism();
const sequence = Number(values.seq);
const batchSize = Number(values.batch);

// A real BPE vocabulary (llama.cpp needs one to load the GGUF), trained on random words.
const random = Random.fromSeed(1);
const letters = "abcdefghijklmnopqrstuvwxyz";
const words = Array.from({ length: 30000 }, () => Array.from({ length: 2 + random.int(7) }, () => letters[random.int(26)]).join(""));
const tokenizer = BpeTokenizer.train([words.join(" ")], { vocabSize: 4096, minFrequency: 1 });
const config = presetConfig("small", { vocabSize: tokenizer.vocabSize });
const model = await LanguageModel.create(config, { seed: 1, threads });
const modelPath = join(mkdtempSync(join(os.tmpdir(), "octoplan-bench-train-")), "small.gguf");
await model.save(modelPath, tokenizer);
const batches = Array.from({ length: steps + 1 }, (_, index) =>
  makeBatch(Array.from({ length: batchSize }, (_, row) => ({
    id: `${index}:${row}`,
    tokens: Array.from({ length: sequence + 1 }, () => random.int(config.vocabSize)),
    promptLength: 1,
  }))));

interface MethodResult {
  method: string;
  trainableParameters: number;
  tokensPerSecond: number;
  modelGflopsPerSecond: number;
  secondsPerStep: number;
  /** Share of a step's wall time per phase. */
  profile: { forwardBackward: number; gradientNorm: number; optimizer: number };
}

function loraFlopsPerToken(lora: LoraWeights): number {
  return lora.layouts.reduce((sum, layout) => sum + 2 * lora.rank * (layout.inFeatures + layout.outFeatures), 0);
}

function measure(method: string, trainable: TrainableTensor[], lora: LoraWeights | undefined, flopsPerTrainingToken: number): MethodResult {
  const graph = TrainingGraph.create({
    ggml: model.ggml,
    trainable,
    vocabularySize: config.vocabSize,
    forward: (step, inputs) => {
      const forward = buildForward(step, config, model.weights, inputs, { lora: lora?.tensors(1), differentiable: true });
      return { logits: forward.logits, fillInputs: () => forward.fillPositions(model.ggml) };
    },
  });
  const phases = { forwardBackward: 0, gradientNorm: 0, optimizer: 0 };
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
      phases.forwardBackward += afterBackward - started;
      phases.gradientNorm += afterNorm - afterBackward;
      phases.optimizer += finished - afterNorm;
      total += finished - started;
    });
  } finally {
    graph.dispose();
  }
  const seconds = total / 1000;
  const tokens = steps * batchSize * sequence;
  process.stderr.write(`${method}: ${(tokens / seconds).toFixed(0)} tok/s\n`);
  return {
    method,
    trainableParameters: graph.trainableParameters,
    tokensPerSecond: tokens / seconds,
    modelGflopsPerSecond: (tokens * flopsPerTrainingToken) / seconds / 1e9,
    secondsPerStep: seconds / steps,
    profile: {
      forwardBackward: phases.forwardBackward / total,
      gradientNorm: phases.gradientNorm / total,
      optimizer: phases.optimizer / total,
    },
  };
}

const forwardFlops = flopsPerToken(config, sequence);
const results: MethodResult[] = [];
for (const rank of [16, 64]) {
  const lora = createTrainableLora(model.ggml, model.specs, { rank, alpha: 2 * rank, targets: ALL_LINEAR, seed: 1 });
  try {
    const trainable = lora.parameters.names.map((name) => ({ name, tensor: lora.parameters.get(name), decay: true }));
    results.push(measure(`lora r${rank}`, trainable, lora, 2 * forwardFlops + 3 * loraFlopsPerToken(lora)));
  } finally {
    lora.dispose();
  }
}
const full = model.weights.names.map((name) => ({ name, tensor: model.weights.get(name), decay: model.weights.get(name).shape.length > 1 }));
results.unshift(measure("full", full, undefined, 3 * forwardFlops));
model.dispose();

const peakRssBytes = process.resourceUsage().maxRSS * 1024; // ours only: the peers run in other processes
const peers = [llamaCppPeer(modelPath), pytorchPeer(config)];
const fullResult = results[0]!;
process.stdout.write(JSON.stringify({
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, threads, loadAverage: os.loadavg() },
  model: { preset: "small", ...config, parameters: parameterCounts(config).total, forwardGflopsPerToken: forwardFlops / 1e9 },
  sequence, batchSize, steps,
  ours: results,
  peers: peers.map((peer) => ({ ...peer, ratioOursOverTheirs: peer.tokensPerSecond ? fullResult.tokensPerSecond / peer.tokensPerSecond : null })),
  peakRssBytes,
  notes: [
    "Model GFLOP/s counts matrix-product FLOPs only (see flopsPerToken in src/model/config.ts).",
    "Timings are wall-clock on a shared machine; the load average above says how busy it was.",
  ],
}, null, 2) + "\n");

function llamaCppPeer(modelPath: string): { name: string; tokensPerSecond: number | null; note: string } {
  const name = "llama.cpp llama_opt_epoch (full fine-tuning)";
  const request = { modelPath, contextLength: sequence, threads, tokens: batchSize * sequence * steps, vocabSize: config.vocabSize, seed: 1 };
  const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./llama-cpp-peer.ts", import.meta.url)), JSON.stringify(request)],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) {
    return { name, tokensPerSecond: null, note: `failed: the child exited with ${child.signal ?? `status ${child.status}`} inside llama.cpp (see bench/llama-cpp-peer.ts)` };
  }
  const result = JSON.parse(child.stdout.trim().split("\n").pop()!) as { tokensPerSecond: number; finalLoss: number; tokens: number; contextUsed: number };
  return { name, tokensPerSecond: result.tokensPerSecond,
    note: `same model GGUF, ${result.tokens} tokens in sequences of ${result.contextUsed} (llama.cpp pads n_ctx to 256), one AdamW step per sequence, embeddings frozen by llama.cpp; loss ${result.finalLoss.toFixed(3)}` };
}

function pytorchPeer(modelConfig: ModelConfig): { name: string; tokensPerSecond: number | null; note: string } {
  try {
    execFileSync("/usr/bin/python3", ["-c", "import torch"], { stdio: "ignore" });
  } catch {
    return { name: "PyTorch (python3-torch)", tokensPerSecond: null, note: "skipped: /usr/bin/python3 has no torch (apt install python3-torch)" };
  }
  return { name: "PyTorch (python3-torch)", tokensPerSecond: null, note: `torch is installed but the peer script for ${modelConfig.architecture} is not written yet` };
}
