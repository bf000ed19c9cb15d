// Shared by the backward-rewrite tests: one loss graph on fixed tokens and labels, its backward, an optional rewrite
// of that backward, and the loss and gradients it computes.
import { ComputeContext, type Ggml, type Tensor } from "../../src/ggml/index.js";
import { buildLossGraph, oneHotLabels, type ForwardOptions, type ModelConfig, type WeightSource } from "../../src/model/index.js";

export function lossAndGradients<Rewritten>(ggml: Ggml, config: ModelConfig, weights: WeightSource, trainable: readonly Tensor[], shape: { T: number; B: number },
  options: { forward?: ForwardOptions; rewrite?: (step: ComputeContext) => Rewritten } = {}) {
  const { T, B } = shape;
  const step = ComputeContext.create(ggml, { gradients: true });
  try {
    for (const tensor of trainable) step.markParameter(tensor);
    const graph = buildLossGraph(step, config, weights, T, B, options.forward);
    step.backward();
    const rewritten = options.rewrite?.(step);
    const gradients = trainable.map((tensor) => step.gradient(tensor)!);
    gradients.forEach((tensor) => step.markOutput(tensor));
    step.allocate();
    ggml.write(graph.tokens, Int32Array.from({ length: T * B }, (_, i) => (i * 7) % config.vocabSize));
    ggml.write(graph.labels, oneHotLabels(Array.from({ length: T * B }, (_, i) => (i * 5 + 1) % config.vocabSize), config.vocabSize));
    graph.forward.fillPositions(ggml);
    step.resetGradients();
    step.compute();
    return { loss: ggml.read(graph.loss)[0]!, gradients: gradients.map((tensor) => ggml.read(tensor)), rewritten };
  } finally {
    step.dispose();
  }
}
