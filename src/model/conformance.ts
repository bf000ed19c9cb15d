// Conformance: proof that our forward graphs compute what llama.cpp computes. For each architecture we write a
// tiny random model (d=64, 2 blocks, GQA, a real BPE vocabulary) with our GGUF writer, load it in node-llama-cpp
// in this process, and compare the next-token distribution at every position of several prompts. Then the same
// with a random LoRA adapter written by writeLoraAdapter and applied by llama.cpp at scale 1.
// Weights are drawn larger than a training init so that distributions are peaked and differences show.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getLlama, LlamaLogLevel, type ControlledEvaluateInputItem, type Token } from "node-llama-cpp";
import { Ggml } from "../ggml/ggml.js";
import { ARCHITECTURES, type Architecture, type ModelConfig } from "./config.js";
import { writeLoraAdapter } from "./gguf/lora.js";
import { LanguageModel } from "./language-model.js";
import { adaptableLayouts, LoraWeights } from "./lora-weights.js";
import { SeededRandom } from "./random.js";
import { BpeTokenizer } from "./tokenizer/bpe.js";

export const CONFORMANCE_TOLERANCE = 1e-3;

const CORPUS = [
  "Turn on the flashlight and set an alarm for 7 am tomorrow.",
  "Find a Thai restaurant nearby, then send the address to Alice.",
  "Book a flight from Paris to Tokyo on the 3rd of March for two adults.",
  "What's the weather in Zürich? Σύνολο 42 — naïve café, 12:30, 3.14159!",
  "<|user|>Search the web for cheap headphones<|end|><|assistant|>search_web('cheap headphones')<nexa_split>",
];

export const CONFORMANCE_PROMPTS = [
  "<|user|>Set an alarm for 7 am<|end|><|assistant|>",
  "Book a flight from Paris to Tokyo, then send the address to Alice.",
  "Zürich café 12:30 — naïve 3.14159",
];

export interface ConformanceResult {
  architecture: Architecture;
  /** max |p_ours − p_llama.cpp| over every vocabulary entry, position and prompt. */
  maxProbabilityDelta: number;
  /** max |log p_ours − log p_llama.cpp| (a logit difference, free of the softmax's squashing). */
  maxLogProbabilityDelta: number;
  withLora: { maxProbabilityDelta: number; maxLogProbabilityDelta: number };
  passed: boolean;
}

export function conformanceConfig(architecture: Architecture, vocabSize: number): ModelConfig {
  return {
    architecture, vocabSize, embeddingLength: 64, blockCount: 2, feedForwardLength: 96, headCount: 4, headCountKv: 2,
    contextLength: 128, ropeFreqBase: 10000, rmsNormEps: architecture === "gemma" ? 1e-6 : 1e-5,
    tiedEmbeddings: architecture === "qwen2" || architecture === "gemma",
  };
}

/** Large random weights (peaked distributions, visible differences); also used by the gradient test. */
export function randomizeWeights(model: LanguageModel, seed: number): void {
  const random = new SeededRandom(seed);
  for (const spec of model.specs) {
    const count = spec.shape.reduce((product, size) => product * size, 1);
    let values: Float32Array;
    if (spec.name.endsWith("norm.weight")) values = random.normals(count, 0.2).map((value) => 1 + value);
    else if (spec.name.endsWith(".bias")) values = random.normals(count, 0.3);
    else if (spec.name === "token_embd.weight") values = random.normals(count, model.config.architecture === "gemma" ? 0.15 : 1);
    else values = random.normals(count, (spec.name === "output.weight" ? 3 : 1) / Math.sqrt(spec.shape[0]!));
    model.weights.write(spec.name, values);
  }
}

/** Probabilities of the logits row [offset, offset + size), in float64: what we compare with llama.cpp's (tests too). */
export function softmax(logits: Float32Array, offset: number, size: number): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < size; i++) max = Math.max(max, logits[offset + i]!);
  const out = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) sum += out[i] = Math.exp(logits[offset + i]! - max);
  return out.map((value) => value / sum);
}

interface Deltas { maxProbabilityDelta: number; maxLogProbabilityDelta: number }

function compare(ours: Float64Array, theirs: Map<number, number>, deltas: Deltas): void {
  for (let token = 0; token < ours.length; token++) {
    const p = ours[token]!;
    const q = theirs.get(token) ?? 0;
    deltas.maxProbabilityDelta = Math.max(deltas.maxProbabilityDelta, Math.abs(p - q));
    if (p > 1e-30 && q > 1e-30) deltas.maxLogProbabilityDelta = Math.max(deltas.maxLogProbabilityDelta, Math.abs(Math.log(p) - Math.log(q)));
  }
}

export interface ConformanceOptions {
  architectures?: readonly Architecture[];
  threads?: number;
  /** Called with a line of progress per architecture. */
  log?: (line: string) => void;
}

export async function runConformance(options: ConformanceOptions = {}): Promise<ConformanceResult[]> {
  const tokenizer = BpeTokenizer.train(CORPUS, { vocabSize: 400, minFrequency: 1 });
  const prompts = CONFORMANCE_PROMPTS.map((prompt) => tokenizer.encode(prompt));
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "octoplan-conformance-"));
  // One thread by default: these graphs are tiny, and spinning thread barriers crawl on a shared, loaded machine.
  const threads = options.threads ?? 1;
  const ggml = await Ggml.create({ threads, device: "cpu" });
  const llama = await getLlama({ gpu: false, logLevel: LlamaLogLevel.error, build: "never" });
  const results: ConformanceResult[] = [];
  try {
    for (const [index, architecture] of (options.architectures ?? ARCHITECTURES).entries()) {
      const model = await LanguageModel.create(conformanceConfig(architecture, tokenizer.vocabSize), { ggml });
      const rank = 4;
      const alpha = 8;
      const lora = LoraWeights.create(ggml, adaptableLayouts(model.specs), rank, alpha);
      try {
        randomizeWeights(model, 1000 + index);
        const random = new SeededRandom(2000 + index);
        for (const layout of lora.layouts) {
          lora.parameters.write(`${layout.baseName}.lora_a`, random.normals(layout.inFeatures * rank, 1 / Math.sqrt(layout.inFeatures)));
          lora.parameters.write(`${layout.baseName}.lora_b`, random.normals(rank * layout.outFeatures, 0.5 / Math.sqrt(rank)));
        }
        const modelPath = path.join(directory, `${architecture}.gguf`);
        const adapterPath = path.join(directory, `${architecture}-lora.gguf`);
        await model.save(modelPath, tokenizer);
        writeLoraAdapter(adapterPath, { architecture, alpha, pairs: lora.pairs() });

        const llamaModel = await llama.loadModel({ modelPath });
        const measure = async (adapter: boolean): Promise<Deltas> => {
          const context = await llamaModel.createContext({
            contextSize: 128, batchSize: 128, sequences: 1, flashAttention: false, threads,
            // F32 KV cache: the default F16 cache rounds K and V, a ~1e-3 difference that is not ours.
            experimentalKvCacheKeyType: "F32", experimentalKvCacheValueType: "F32",
            ...(adapter ? { lora: { adapters: [{ filePath: adapterPath, scale: 1 }] } } : {}),
          });
          const deltas: Deltas = { maxProbabilityDelta: 0, maxLogProbabilityDelta: 0 };
          try {
            const sequence = context.getSequence();
            for (const tokens of prompts) {
              const logits = model.logits(tokens, adapter ? { lora: lora.tensors(1) } : {});
              await sequence.clearHistory();
              const outputs = await sequence.controlledEvaluate(
                tokens.map((token): ControlledEvaluateInputItem => [token as Token, { generateNext: { probabilities: true } }]));
              tokens.forEach((_, position) => {
                const theirs = outputs[position]?.next?.probabilities;
                if (!theirs) throw new Error(`node-llama-cpp returned no probabilities at position ${position}`);
                compare(softmax(logits, position * model.config.vocabSize, model.config.vocabSize), theirs as Map<number, number>, deltas);
              });
            }
          } finally {
            await context.dispose();
          }
          return deltas;
        };
        const base = await measure(false);
        const withLora = await measure(true);
        await llamaModel.dispose();
        const passed = base.maxProbabilityDelta <= CONFORMANCE_TOLERANCE && withLora.maxProbabilityDelta <= CONFORMANCE_TOLERANCE;
        results.push({ architecture, ...base, withLora, passed });
        options.log?.(`${architecture}: max |Δp| ${base.maxProbabilityDelta.toExponential(2)}, with LoRA ${withLora.maxProbabilityDelta.toExponential(2)} ${passed ? "ok" : "FAILED"}`);
      } finally {
        lora.dispose();
        model.dispose();
      }
    }
  } finally {
    ggml.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
  }
  return results;
}
