// The training loop on a bigram model (fast): stop on a signal with a checkpoint, resume bit-exactly,
// gradient accumulation, eval every N steps, metrics lines; a resume on other examples or hyperparameters is refused.
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ggml } from "../../src/ggml/index.js";
import { Trainer } from "../../src/train/trainer.js";
import { checkResumable } from "../../src/train/resume-check.js";
import { resolveHyperparameters } from "../../src/train/options.js";
import type { TokenizedExample } from "../../src/train/examples.js";
import { createBigramGraph } from "../helpers/bigram-graph.js";

const V = 12;
const d = 8;
const disposables: { dispose(): void }[] = [];
afterEach(() => {
  while (disposables.length) disposables.pop()!.dispose();
});

function bigram(seed: number) {
  const ggml = Ggml.createSync({ threads: 2 });
  const { store, graph } = createBigramGraph(ggml, { vocabularySize: V, dimension: d, seed, range: 0.5 });
  disposables.push(ggml, store, graph);
  const weights = () => Buffer.concat(store.names.map((name) => Buffer.from(store.read(name).buffer)));
  return { graph, weights };
}

const examples: TokenizedExample[] = Array.from({ length: 10 }, (_, index) => ({
  id: String(index),
  tokens: Array.from({ length: 4 + (index % 5) }, (_, t) => (index + 3 * t) % V),
  promptLength: 1 + (index % 2),
}));
const hyperparameters = resolveHyperparameters("scratch", { lr: 0.05, epochs: 3, batchSize: 2, gradAccum: 2, warmupRatio: 0.2, checkpointEvery: 2, evalEvery: 3, seed: 4 });

describe("Trainer", () => {
  it("accumulates micro-batches into optimizer steps and logs metrics with eval loss", async () => {
    const directory = mkdtempSync(join(tmpdir(), "octoplan-trainer-"));
    const { graph } = bigram(1);
    const trainer = new Trainer(graph, { hyperparameters, train: examples, eval: examples.slice(0, 3), directory, progressBar: false });
    expect(trainer.stepsPerEpoch).toBe(3); // 5 batches of 2, 2 per step → 3 steps (the last has one)
    const result = await trainer.fit();
    expect(result.steps).toBe(9);
    const lines = readFileSync(join(directory, "metrics.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((line) => line.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(lines.filter((line) => line.evalLoss !== undefined).map((line) => line.step)).toEqual([3, 6, 9]);
    expect(lines[8].loss).toBeLessThan(lines[0].loss);
    expect(result.finalEvalLoss).toBe(lines[8].evalLoss);
  });

  it("stops on the signal with a checkpoint and resumes bit-exactly", async () => {
    const straightDirectory = mkdtempSync(join(tmpdir(), "octoplan-trainer-"));
    const straight = bigram(2);
    await new Trainer(straight.graph, { hyperparameters, train: examples, directory: straightDirectory, progressBar: false }).fit();

    const directory = mkdtempSync(join(tmpdir(), "octoplan-trainer-"));
    const first = bigram(2);
    const controller = new AbortController();
    const stopped = await new Trainer(first.graph, {
      hyperparameters, train: examples, directory, progressBar: false, signal: controller.signal,
      onProgress: (progress) => { if (progress.step === 5) controller.abort(); },
    }).fit();
    expect(stopped.interrupted).toBe(true);
    expect(stopped.steps).toBe(5);
    expect(JSON.parse(readFileSync(join(directory, "checkpoints", "latest.json"), "utf8")).step).toBe(5);

    // A fresh process would start from the initial weights; the checkpoint must restore everything.
    const second = bigram(2);
    const resumed = await new Trainer(second.graph, { hyperparameters, train: examples, directory, progressBar: false, resume: true }).fit();
    expect(resumed.resumedFrom).toBe(5);
    expect(resumed.steps).toBe(9);
    expect(second.weights().equals(straight.weights())).toBe(true);
    expect(existsSync(join(directory, "checkpoints", "step-000009.ckpt"))).toBe(true);

    // Resuming on other examples (other data, or another `duplicates` policy) would train on another order.
    const third = bigram(2);
    await expect(new Trainer(third.graph, { hyperparameters, train: examples.slice(1), directory, progressBar: false, resume: true }).fit())
      .rejects.toThrow(/trained on 10 examples, this run has 9/);
    // The same number of examples with other tokens (another --filler-noise draw, another tokenizer) is refused too,
    const shifted = examples.map((example) => ({ ...example, tokens: example.tokens.map((token) => (token + 1) % V) }));
    await expect(new Trainer(bigram(2).graph, { hyperparameters, train: shifted, directory, progressBar: false, resume: true }).fit())
      .rejects.toThrow(/trained on other examples/);
    // and so are other hyperparameters, each named with both values;
    const otherRate = { ...hyperparameters, lr: 0.01, fillerNoise: 0.5 };
    await expect(new Trainer(bigram(2).graph, { hyperparameters: otherRate, train: examples, directory, progressBar: false, resume: true }).fit())
      .rejects.toThrow(/other hyperparameters: lr 0.05 → 0.01, fillerNoise 0 → 0.5/);
    // only how often the run reports may change.
    const otherIntervals = { ...hyperparameters, evalEvery: 1, checkpointEvery: 5 };
    const finished = await new Trainer(bigram(2).graph, { hyperparameters: otherIntervals, train: examples, directory, progressBar: false, resume: true }).fit();
    expect(finished.resumedFrom).toBe(9);
  });

  it("resumes a checkpoint written before decisionWeight existed as weight 1, and refuses it under another weight", () => {
    const { decisionWeight: _unset, ...older } = resolveHyperparameters("scratch", {});
    const saved = { trainExamples: 1, examplesHash: "h", hyperparameters: older };
    const current = (decisionWeight: number) => ({ trainExamples: 1, examplesHash: "h", hyperparameters: { ...older, decisionWeight } });
    expect(() => checkResumable("old.json", saved, current(1))).not.toThrow();
    expect(() => checkResumable("old.json", saved, current(3))).toThrow(/old.json: .*decisionWeight 1 → 3/);
  });
});
