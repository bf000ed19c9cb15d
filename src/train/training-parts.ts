// What a run trains and how: the trainable tensors (every weight of the model, or a LoRA adapter over frozen ones)
// and the training graph over the prepared model, with the number-format helpers each method needs (transposed
// frozen copies under LoRA, BF16 product copies for `precision: "bf16"`). train.ts owns the run; this file only
// assembles the parts, and disposes of what it made when a later part fails.
import type { FrozenTransposes, MixedPrecisionCopies } from "../ggml/index.js";
import type { LoraWeights } from "../model/lora-weights.js";
import { LoraDropout } from "./dropout.js";
import { frozenTransposes, mixedPrecisionCopies, numberFormatHooks, type Precision } from "./frozen.js";
import { TrainingGraph, type TrainableTensor } from "./graph.js";
import { createTrainableLora } from "./lora-init.js";
import type { Hyperparameters } from "./options.js";
import type { PreparedModel } from "./setup.js";

export interface TrainingParts {
  graph: TrainingGraph;
  /** The adapter being trained (method "lora"), which the outputs write. */
  lora?: LoraWeights;
  /** One line for the log: what is trained over what. */
  description: string;
  dispose(): void;
}

export function buildTrainingParts(prepared: PreparedModel, hyper: Hyperparameters, precision: Precision | undefined): TrainingParts {
  const { model } = prepared;
  let lora: LoraWeights | undefined;
  let frozen: FrozenTransposes | undefined;
  let copies: MixedPrecisionCopies | undefined;
  const dispose = () => {
    frozen?.dispose();
    copies?.dispose();
    lora?.dispose();
  };
  try {
    let trainable: TrainableTensor[];
    if (hyper.method === "lora") {
      const adapter = createTrainableLora(model.ggml, model.specs, { rank: hyper.loraRank, alpha: hyper.loraAlpha, targets: hyper.loraTargets, seed: hyper.seed });
      lora = adapter;
      trainable = adapter.parameters.names.map((name) => ({ name, tensor: adapter.parameters.get(name), decay: true }));
      frozen = frozenTransposes(model.ggml, model.weights, model.specs);
    } else {
      // Norm weights (vectors) are exempt from weight decay.
      trainable = model.weights.names.map((name) => {
        const tensor = model.weights.get(name);
        return { name, tensor, decay: tensor.shape.length > 1 };
      });
      copies = mixedPrecisionCopies(model.ggml, model.weights, model.specs, precision);
    }
    const loraTensors = lora?.tensors(1);
    const graph = TrainingGraph.create({
      ggml: model.ggml,
      trainable,
      vocabularySize: model.config.vocabSize,
      forward: (step, inputs, { training, dropoutSeed, outputRows }) => {
        const dropout = training && loraTensors && hyper.loraDropout > 0 ? new LoraDropout(step, hyper.loraDropout) : undefined;
        const withDropout = loraTensors && dropout ? { ...loraTensors, dropout: dropout.apply } : loraTensors;
        const forward = prepared.buildForward(step, inputs, { lora: withDropout, differentiable: true, outputRows });
        return { logits: forward.logits, rowsSelected: true, fillInputs: () => { forward.fillInputs(); dropout?.fill(model.ggml, dropoutSeed); } };
      },
      ...numberFormatHooks(frozen, copies),
      emaDecay: hyper.emaDecay,
    });
    const over = lora ? ` over a ${model.weights.get(lora.layouts[0]!.baseName).type} base${frozen ? " (frozen backward via transposed copies)" : ""}`
      : copies ? ", BF16 products over F32 weights" : "";
    return {
      graph, lora,
      description: `${graph.trainableParameters.toLocaleString("en-US")} parameters (${hyper.method}${over})`,
      dispose: () => {
        graph.dispose();
        dispose();
      },
    };
  } catch (error) {
    dispose();
    throw error;
  }
}
