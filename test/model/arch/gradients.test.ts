// The backward pass of every architecture against central finite differences. One small block (d=16, GQA,
// batch 2), a cross-entropy loss, gradients of sampled entries of every weight and every LoRA A/B tensor.
// Finite differences re-run the same forward graph in float32 with perturbed weights.

import { afterAll, describe, expect, it } from "vitest";
import { ComputeContext, Ggml, type Tensor } from "../../../src/ggml/index.js";
import { ARCHITECTURES, buildForward, LanguageModel, SeededRandom, type ModelConfig, type Architecture } from "../../../src/model/index.js";
import { randomizeWeights } from "../../../src/model/conformance.js";
import { adaptableLayouts, LoraWeights } from "../../../src/model/lora-weights.js";

const ggml = await Ggml.create({ threads: 1 });
afterAll(() => ggml.dispose());

const T = 5, B = 2, V = 24;

function config(architecture: Architecture): ModelConfig {
  return { architecture, vocabSize: V, embeddingLength: 16, blockCount: 1, feedForwardLength: 24, headCount: 4, headCountKv: 2,
    contextLength: 32, ropeFreqBase: 10000, rmsNormEps: 1e-5, tiedEmbeddings: architecture !== "llama" };
}

async function setup(architecture: Architecture) {
  const model = await LanguageModel.create(config(architecture), { ggml });
  randomizeWeights(model, 7);
  // smaller weights than conformance so the loss is smooth at the finite-difference step
  for (const spec of model.specs) model.weights.write(spec.name, model.weights.read(spec.name).map((value) => (spec.shape.length === 1 ? value : value * 0.5)));
  const lora = LoraWeights.create(ggml, adaptableLayouts(model.specs), 2, 4);
  const random = new SeededRandom(11);
  for (const layout of lora.layouts) {
    lora.parameters.write(`${layout.baseName}.lora_a`, random.normals(layout.inFeatures * 2, 0.3));
    lora.parameters.write(`${layout.baseName}.lora_b`, random.normals(2 * layout.outFeatures, 0.3));
  }
  const tokens = Int32Array.from({ length: T * B }, () => Math.floor(random.next() * V));
  const labels = new Float32Array(V * T * B);
  for (let row = 0; row < T * B; row++) labels[row * V + Math.floor(random.next() * V)] = 1;
  return { model, lora, tokens, labels };
}

function lossGraph(setupResult: Awaited<ReturnType<typeof setup>>, parameters: Tensor[]) {
  const { model, lora } = setupResult;
  const step = ComputeContext.create(ggml, { gradients: parameters.length > 0 });
  for (const parameter of parameters) step.markParameter(parameter); // before expand: params must become graph nodes
  const input = step.input("I32", [T, B], "tokens");
  const labels = step.input("F32", [V, T * B], "labels");
  const forward = buildForward(step, model.config, model.weights, input, { lora: lora.tensors(), differentiable: true });
  const loss = step.ops.crossEntropyLoss(step.ops.reshape(forward.logits, [V, T * B]), labels); // scalar
  step.markOutput(loss);
  step.markLoss(loss);
  step.expand(loss);
  return { step, input, labels, loss, forward };
}

describe.each(ARCHITECTURES)("%s backward", (architecture) => {
  it("matches central finite differences for weights and LoRA A/B", async () => {
    const fixture = await setup(architecture);
    const { model, lora } = fixture;
    const parameters = [
      ...model.specs.map((spec) => ({ store: model.weights, name: spec.name })),
      ...lora.parameters.names.map((name) => ({ store: lora.parameters, name })),
    ];
    for (const { store, name } of parameters) store.get(name); // every name resolves

    const withGradients = lossGraph(fixture, parameters.map(({ store, name }) => store.get(name)));
    withGradients.step.backward();
    const gradientTensors = parameters.map(({ store, name }) => withGradients.step.gradient(store.get(name)));
    gradientTensors.forEach((tensor) => tensor && withGradients.step.markOutput(tensor));
    withGradients.step.allocate();
    ggml.write(withGradients.input, fixture.tokens);
    ggml.write(withGradients.labels, fixture.labels);
    withGradients.forward.fillPositions(ggml);
    withGradients.step.resetGradients();
    withGradients.step.compute();
    const analytic = gradientTensors.map((tensor) => (tensor ? ggml.read(tensor) : undefined));
    withGradients.step.dispose();

    const plain = lossGraph(fixture, []);
    plain.step.allocate();
    ggml.write(plain.input, fixture.tokens);
    ggml.write(plain.labels, fixture.labels);
    plain.forward.fillPositions(ggml);
    const lossAt = () => { plain.step.compute(); return ggml.read(plain.loss)[0]!; };
    const random = new SeededRandom(3);
    const h = 1e-2;
    let checked = 0;
    parameters.forEach(({ store, name }, index) => {
      const gradient = analytic[index];
      expect(gradient, `${name} has a gradient`).toBeDefined();
      const values = store.read(name);
      const scale = Math.max(...gradient!.map(Math.abs));
      for (let sample = 0; sample < 3; sample++) {
        const at = Math.floor(random.next() * values.length);
        const original = values[at]!;
        values[at] = original + h; store.write(name, values); const plus = lossAt();
        values[at] = original - h; store.write(name, values); const minus = lossAt();
        values[at] = original; store.write(name, values);
        const numeric = (plus - minus) / (2 * h);
        expect(Math.abs(gradient![at]! - numeric), `${name}[${at}] analytic ${gradient![at]} numeric ${numeric}`)
          .toBeLessThanOrEqual(0.03 * scale + 2e-4);
        checked++;
      }
    });
    expect(checked).toBe(parameters.length * 3);
    plain.step.dispose();
    lora.dispose();
    model.dispose();
  }, 60_000);
});
