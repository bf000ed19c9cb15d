// Merged adapters, merged full models and runtime mixing in llama.cpp (node-llama-cpp) against what our
// own forward pass predicts for base + merged ΔW; plus the mismatch errors, through the CLI.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getLlama, LlamaLogLevel, type ControlledEvaluateInputItem, type Llama, type LlamaModel, type Token } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMergeMethod, loadCompatibleAdapters, mergeAdapters, mergeLoadedAdapters, type MergeMethod } from "../../src/adapters/index.js";
import { Ggml } from "../../src/ggml/index.js";
import { randomizeWeights, conformanceConfig, softmax } from "../../src/model/conformance.js";
import { adaptableLayouts, BpeTokenizer, LanguageModel, LoraWeights, readLoraAdapter, type LoraAdapter } from "../../src/model/index.js";
import { runCli } from "../helpers/cli.js";
import { writeRandomAdapter } from "./fixtures.js";

const directory = mkdtempSync(join(tmpdir(), "octoplan-merge-"));
const basePath = join(directory, "base.gguf");
const adapterPaths = [join(directory, "a.gguf"), join(directory, "b.gguf")];
const weights = [0.7, 1.3];
const prompts = ["open the settings and turn on wifi", "book a hotel in paris"];
let ggml: Ggml, model: LanguageModel, llama: Llama, tokenizer: BpeTokenizer;

/** Max |Δp| between our forward (base + `predicted` adapter) and llama.cpp on `modelPath` with `adapters`. */
async function maxDelta(predicted: LoraAdapter | undefined, modelPath: string, adapters: { filePath: string; scale: number }[]): Promise<number> {
  const lora = predicted ? LoraWeights.fromPairs(ggml, predicted.pairs, predicted.alpha) : undefined;
  const llamaModel: LlamaModel = await llama.loadModel({ modelPath });
  const context = await llamaModel.createContext({
    contextSize: 64, batchSize: 64, sequences: 1, flashAttention: false, threads: 1,
    experimentalKvCacheKeyType: "F32", experimentalKvCacheValueType: "F32",
    ...(adapters.length > 0 ? { lora: { adapters } } : {}),
  });
  let delta = 0;
  try {
    const sequence = context.getSequence();
    for (const prompt of prompts) {
      const tokens = tokenizer.encode(prompt);
      const logits = model.logits(tokens, lora ? { lora: lora.tensors(1) } : {});
      await sequence.clearHistory();
      const outputs = await sequence.controlledEvaluate(tokens.map((token): ControlledEvaluateInputItem => [token as Token, { generateNext: { probabilities: true } }]));
      tokens.forEach((_, position) => {
        const ours = softmax(logits, position * model.config.vocabSize, model.config.vocabSize);
        const theirs = outputs[position]!.next!.probabilities! as Map<number, number>;
        ours.forEach((p, token) => { delta = Math.max(delta, Math.abs(p - (theirs.get(token) ?? 0))); });
      });
    }
  } finally {
    await context.dispose();
    await llamaModel.dispose();
    lora?.dispose();
  }
  return delta;
}

beforeAll(async () => {
  tokenizer = BpeTokenizer.train(prompts.concat(["a small corpus for a tiny model, with a few words."]), { vocabSize: 400, minFrequency: 1 });
  ggml = await Ggml.create({ threads: 1, device: "cpu" });
  model = await LanguageModel.create(conformanceConfig("llama", tokenizer.vocabSize), { ggml });
  randomizeWeights(model, 42);
  await model.save(basePath, tokenizer);
  const layouts = adaptableLayouts(model.specs);
  adapterPaths.forEach((path, t) => writeRandomAdapter(path, layouts, 4, [8, 4][t]!, 500 + t));
  llama = await getLlama({ gpu: false, logLevel: LlamaLogLevel.error, build: "never" });
});

afterAll(async () => {
  await llama?.dispose();
  model?.dispose();
  ggml?.dispose();
});

const references = () => adapterPaths.map((path, t) => ({ path, weight: weights[t]! }));

describe("merged adapters and models in llama.cpp", () => {
  for (const method of ["cat", "ties", "dare_ties", "svd", "magnitude_prune_svd"] as MergeMethod[]) {
    it(`${method}: the merged adapter gives the probabilities our forward predicts`, async () => {
      const output = join(directory, `${method}.gguf`);
      const summary = await mergeAdapters({ base: basePath, adapters: references(), method, output, density: 0.6, seed: 3, rank: method.includes("svd") ? 6 : undefined });
      expect(summary.kind).toBe("adapter");
      const { adapters } = await loadCompatibleAdapters(basePath, references());
      const predicted = mergeLoadedAdapters(adapters, { method, density: 0.6, seed: 3, rank: method.includes("svd") ? 6 : undefined });
      expect((await readLoraAdapter(output)).pairs).toEqual(predicted.pairs);
      expect(await maxDelta(predicted, basePath, [{ filePath: output, scale: 1 }])).toBeLessThan(1e-3);
    });
  }

  it("linear --full (exact) and ties --full write models that match base + merged ΔW", async () => {
    const { adapters } = await loadCompatibleAdapters(basePath, references());
    const exact = mergeLoadedAdapters(adapters, { method: "cat" });
    const linear = join(directory, "linear-full.gguf");
    expect((await mergeAdapters({ base: basePath, adapters: references(), method: "linear", output: linear, full: true })).kind).toBe("model");
    expect(await maxDelta(exact, linear, [])).toBeLessThan(1e-3);
    const ties = join(directory, "ties-full.gguf");
    await mergeAdapters({ base: basePath, adapters: references(), method: "ties", output: ties, full: true, density: 0.5 });
    expect(await maxDelta(mergeLoadedAdapters(adapters, { method: "ties", density: 0.5 }), ties, [])).toBeLessThan(1e-3);
  });

  it("runtime mixing (two adapters with scales, no merge) equals the exact weighted sum", async () => {
    const { adapters } = await loadCompatibleAdapters(basePath, references());
    const exact = mergeLoadedAdapters(adapters, { method: "cat" });
    const mixed = adapterPaths.map((filePath, t) => ({ filePath, scale: weights[t]! }));
    expect(await maxDelta(exact, basePath, mixed)).toBeLessThan(1e-3);
    // and the comparison can fail: without the adapters the distributions differ
    expect(await maxDelta(exact, basePath, [])).toBeGreaterThan(1e-2);
  });
});

describe("mismatch errors, before any work", () => {
  it("a different architecture, a missing pair, a tensor the base lacks, a shape that differs", async () => {
    const layouts = adaptableLayouts(model.specs);
    const qwen = join(directory, "qwen.gguf");
    writeRandomAdapter(qwen, layouts, 4, 4, 7, "qwen2");
    const run = runCli(["merge", "--base", basePath, "--lora", adapterPaths[0]!, "--lora", `${qwen}:0.5`, "--method", "ties", "--out", join(directory, "never.gguf")]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/qwen\.gguf: adapter is for architecture 'qwen2', but the base .*base\.gguf is 'llama'/);
    expect(run.stderr).toMatch(/hint: merge only adapters trained on this base model/);

    const partial = join(directory, "partial.gguf");
    writeRandomAdapter(partial, layouts.slice(1), 4, 4, 8);
    await expect(mergeAdapters({ base: basePath, adapters: [{ path: adapterPaths[0]! }, { path: partial }], method: "cat", output: join(directory, "never.gguf") }))
      .rejects.toThrow(/partial\.gguf: has no LoRA pair 'blk\.0\.attn_q\.weight\.lora_a\/\.lora_b', which .*a\.gguf has/);

    const foreign = join(directory, "foreign.gguf");
    writeRandomAdapter(foreign, [{ baseName: "blk.9.attn_q.weight", inFeatures: 64, outFeatures: 64 }], 4, 4, 9);
    await expect(mergeAdapters({ base: basePath, adapters: [{ path: foreign }], method: "linear", output: join(directory, "never.gguf") }))
      .rejects.toThrow(/foreign\.gguf: adapts tensor 'blk\.9\.attn_q\.weight', which the base .* does not have\. Available tensors: token_embd\.weight, blk\.0\.attn_q\.weight/);

    const wide = join(directory, "wide.gguf");
    writeRandomAdapter(wide, [{ baseName: "blk.0.attn_q.weight", inFeatures: 32, outFeatures: 64 }], 4, 4, 10);
    await expect(mergeAdapters({ base: basePath, adapters: [{ path: wide }], method: "linear", output: join(directory, "never.gguf") }))
      .rejects.toThrow(/wide\.gguf: tensor 'blk\.0\.attn_q\.weight' is 32×64 \(in×out\) in the adapter but \[64, 64\] in the base/);
  });

  it("the CLI writes an adapter and reports it; an unknown method lists the valid ones", () => {
    const output = join(directory, "cli-cat.gguf");
    const run = runCli(["merge", "--base", basePath, "--lora", `${adapterPaths[0]}:0.7`, "--lora", `${adapterPaths[1]}:1.3`, "--method", "cat", "--out", output, "--json"]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toMatchObject({ method: "cat", kind: "adapter", rank: 8, tensors: adaptableLayouts(model.specs).length });
    expect(() => checkMergeMethod("average")).toThrow(/unknown merge method 'average'\. Available methods: linear, cat, svd, ties, dare_linear, dare_ties, magnitude_prune/);
  });
});
