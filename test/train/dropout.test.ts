// LoRA dropout: seeded (same seed, same loss), active only in training, and with p → the branch
// sees x ⊙ mask with E[mask] = 1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LanguageModel } from "../../src/model/language-model.js";
import { buildForward } from "../../src/model/arch/index.js";
import { LoraWeights, adaptableLayouts } from "../../src/model/lora-weights.js";
import { SeededRandom } from "../../src/model/random.js";
import { TrainingGraph } from "../../src/train/graph.js";
import { LoraDropout } from "../../src/train/dropout.js";
import { makeBatch } from "../../src/train/examples.js";

let model: LanguageModel;
let lora: LoraWeights;
let graph: TrainingGraph;
const batch = makeBatch([
  { id: "a", tokens: [1, 5, 9, 3, 7, 2, 8], promptLength: 2 },
  { id: "b", tokens: [4, 4, 6, 1, 3], promptLength: 1 },
]);

beforeAll(async () => {
  model = await LanguageModel.create({
    architecture: "llama", vocabSize: 16, embeddingLength: 32, blockCount: 1, feedForwardLength: 48,
    headCount: 4, headCountKv: 4, contextLength: 32, ropeFreqBase: 10000, rmsNormEps: 1e-5, tiedEmbeddings: false,
  }, { seed: 1, threads: 2 });
  lora = LoraWeights.create(model.ggml, adaptableLayouts(model.specs), 4, 8);
  const random = new SeededRandom(4);
  for (const name of lora.parameters.names) lora.parameters.write(name, random.normals(lora.parameters.get(name).elementCount, 0.5));
  graph = TrainingGraph.create({
    ggml: model.ggml,
    vocabularySize: 16,
    trainable: lora.parameters.names.map((name) => ({ name, tensor: lora.parameters.get(name), decay: true })),
    forward: (step, inputs, { training, dropoutSeed }) => {
      const dropout = training ? new LoraDropout(step, 0.5) : undefined;
      const forward = buildForward(step, model.config, model.weights, inputs, { lora: { ...lora.tensors(1), dropout: dropout?.apply }, differentiable: true });
      return { logits: forward.logits, fillInputs: () => { forward.fillPositions(model.ggml); dropout?.fill(model.ggml, dropoutSeed); } };
    },
  });
});

afterAll(() => {
  graph?.dispose();
  lora?.dispose();
  model?.dispose();
});

describe("LoRA dropout", () => {
  it("is reproducible for a seed, differs between seeds, and is off for evaluation", () => {
    const loss = (seed: number) => {
      graph.zeroGradients();
      return graph.accumulate(batch, 1, seed);
    };
    expect(loss(1)).toBe(loss(1));
    expect(loss(1)).not.toBe(loss(2));
    // Evaluation has no dropout: its loss is the cross-entropy of the plain LoRA logits.
    const tokens = [1, 5, 9, 3, 7, 2, 8];
    const single = makeBatch([{ id: "a", tokens, promptLength: 2 }]);
    const logits = model.logits(tokens.slice(0, -1), { lora: lora.tensors(1) });
    let total = 0;
    for (let t = 1; t < tokens.length - 1; t++) {
      const row = Array.from(logits.subarray(t * 16, (t + 1) * 16));
      const max = Math.max(...row);
      total += Math.log(row.reduce((sum, value) => sum + Math.exp(value - max), 0)) + max - row[tokens[t + 1]!]!;
    }
    expect(graph.evalLoss(single)).toBeCloseTo(total / (tokens.length - 2), 4);
    expect(loss(3)).not.toBeCloseTo(graph.evalLoss(batch), 4);
  });
});
