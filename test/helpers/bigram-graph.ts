// A bigram model as a TrainingGraph, for tests of the training machinery: logits[:, t] = W_out · E[:, token_t],
// with E = token_embd.weight and W_out = output.weight, both F32 ne=(d, V) drawn uniformly from [−range, range]
// by a seeded Random. Small enough for float64 references, fast enough for whole training loops.
import { ParameterContext, type Ggml } from "../../src/ggml/index.js";
import { TrainingGraph } from "../../src/train/graph.js";
import { Random } from "../../src/train/random.js";

export interface BigramOptions {
  vocabularySize: number;
  dimension: number;
  seed: number;
  /** Initial weights are uniform in [−range, range]. */
  range: number;
}

/** The caller disposes both (graph first, then store). */
export function createBigramGraph(ggml: Ggml, options: BigramOptions): { store: ParameterContext; graph: TrainingGraph } {
  const { vocabularySize: V, dimension: d } = options;
  const store = ParameterContext.create(ggml, [
    { name: "token_embd.weight", type: "F32", shape: [d, V] },
    { name: "output.weight", type: "F32", shape: [d, V] },
  ]);
  const random = Random.fromSeed(options.seed);
  for (const name of store.names) store.write(name, Float32Array.from({ length: d * V }, () => random.uniform(-options.range, options.range)));
  const graph = TrainingGraph.create({
    ggml,
    vocabularySize: V,
    trainable: store.names.map((name) => ({ name, tensor: store.get(name), decay: true })),
    forward: ({ ops }, inputs) => {
      const [T, B] = [inputs.ne[0], inputs.ne[1]];
      const hidden = ops.getRows(store.get("token_embd.weight"), ops.reshape(inputs, [T * B])); // [d, T·B]
      return { logits: ops.reshape(ops.mulMat(store.get("output.weight"), hidden), [V, T, B]) }; // [V, T, B]
    },
  });
  return { store, graph };
}
