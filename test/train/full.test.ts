// Full training from scratch through the library API (the path `octoplan train --init tiny` takes):
// the loss falls, the outputs are written, and the exported model.gguf, loaded in node-llama-cpp,
// decodes greedily exactly as our own forward does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getLlama, LlamaLogLevel, type ControlledEvaluateInputItem, type Token } from "node-llama-cpp";
import { train, type TrainResult } from "../../src/train/train.js";
import { LanguageModel } from "../../src/model/language-model.js";
import { BpeTokenizer } from "../../src/model/tokenizer/index.js";
import { GgufFile } from "../../src/model/gguf/index.js";
import { plannerPrompt } from "../../src/plan/index.js";
import { toyRecords } from "./fixtures.js";

const directory = mkdtempSync(join(tmpdir(), "octoplan-full-train-"));
let result: TrainResult;
const progress: number[] = [];

beforeAll(async () => {
  result = await train({
    // The first 4 records twice: `duplicates: "once"` trains on the 16 distinct ones.
    data: [...toyRecords(16), ...toyRecords(4)], duplicates: "once", eval: toyRecords(4), task: "plan", output: directory, init: "tiny", vocabSize: 400,
    maxSteps: 12, epochs: 3, batchSize: 4, lr: 3e-3, seed: 2, threads: 2, evalEvery: 6, checkpointEvery: 0,
    progressBar: false, log: () => undefined, onProgress: (event) => progress.push(event.loss),
  });
});

afterAll(() => undefined);

describe("full training from scratch", () => {
  it("drives the loss down and writes model.gguf, training.json and metrics", () => {
    expect(result.steps).toBe(12);
    expect(progress).toHaveLength(12);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(progress.slice(-3))).toBeLessThan(mean(progress.slice(0, 3)) - 0.5);
    expect(result.finalEvalLoss).toBeLessThan(progress[0]!);
    expect(existsSync(result.modelPath!)).toBe(true);
    const metrics = readFileSync(result.metricsPath, "utf8").trim().split("\n").map((line) => JSON.parse(line));
    expect(metrics).toHaveLength(12);
    expect(Object.keys(metrics[5])).toEqual(expect.arrayContaining(["step", "loss", "lr", "gradNorm", "tokensPerSecond", "evalLoss"]));
    const summary = JSON.parse(readFileSync(result.trainingJsonPath, "utf8"));
    expect(summary.finalLoss).toBe(result.finalLoss);
    expect(summary.data.trainHash).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.hyperparameters.lr).toBe(3e-3);
    expect(summary.hyperparameters.duplicates).toBe("once");
    expect(summary.data.trainExamples).toBe(16);
    expect(summary.octoplanVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("exports a GGUF that node-llama-cpp decodes greedily like our forward", async () => {
    const file = await GgufFile.read(result.modelPath!);
    const tokenizer = BpeTokenizer.fromGguf(file);
    const prompt = tokenizer.encode(plannerPrompt("Check the weather in Paris and text Alice"));
    const steps = 8;

    const ours = [...prompt];
    const model = await LanguageModel.load(result.modelPath!, { threads: 2 });
    try {
      for (let step = 0; step < steps; step++) {
        const logits = model.logits(ours);
        const V = model.config.vocabSize;
        ours.push(argmax(logits.subarray((ours.length - 1) * V, ours.length * V)));
      }
    } finally {
      model.dispose();
    }

    const llama = await getLlama({ gpu: false, logLevel: LlamaLogLevel.error, build: "never" });
    const llamaModel = await llama.loadModel({ modelPath: result.modelPath! });
    const context = await llamaModel.createContext({
      contextSize: 128, batchSize: 128, sequences: 1, flashAttention: false,
      experimentalKvCacheKeyType: "F32", experimentalKvCacheValueType: "F32",
    });
    const theirs = [...prompt];
    try {
      const sequence = context.getSequence();
      let pending: number[] = prompt;
      for (let step = 0; step < steps; step++) {
        const outputs = await sequence.controlledEvaluate(pending.map((token, index): ControlledEvaluateInputItem =>
          index === pending.length - 1 ? [token as Token, { generateNext: { probabilities: true } }] : (token as Token)));
        const probabilities = outputs[pending.length - 1]?.next?.probabilities as Map<number, number>;
        const next = [...probabilities.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
        theirs.push(next);
        pending = [next];
      }
    } finally {
      await context.dispose();
      await llamaModel.dispose();
    }
    expect(theirs).toEqual(ours);
  });
});

function argmax(values: Float32Array): number {
  let best = 0;
  for (let index = 1; index < values.length; index++) if (values[index]! > values[best]!) best = index;
  return best;
}
