// LoRA pairs as ggml tensors: a ParameterContext holding `<base>.lora_a` ne=(in, r) and `<base>.lora_b`
// ne=(r, out) for each adapted weight, and the LoraTensors view the forward builders take. The trainer creates
// these (zero B, random A) to train an adapter; conformance fills them from random values.

import type { Ggml } from "../ggml/ggml.js";
import { ParameterContext, type TensorSpec } from "../ggml/parameter-context.js";
import { InputError } from "../errors.js";
import type { LoraTensors } from "./arch/layers.js";
import type { LoraPair } from "./gguf/lora.js";

export interface LoraLayout {
  baseName: string;
  inFeatures: number;
  outFeatures: number;
}

export class LoraWeights {
  private constructor(readonly parameters: ParameterContext, readonly layouts: readonly LoraLayout[], readonly rank: number,
    readonly alpha: number) {}

  /** Zero-filled pairs for each layout; write values with `parameters.write` or `fromPairs`. */
  static create(ggml: Ggml, layouts: readonly LoraLayout[], rank: number, alpha: number): LoraWeights {
    if (!Number.isInteger(rank) || rank < 1) throw new InputError(`LoRA rank must be a positive integer, got ${rank}`);
    if (layouts.length === 0) throw new InputError("LoRA: no layers to adapt", { hint: "Pass the weights to adapt, e.g. every attn_q/attn_v." });
    const specs: TensorSpec[] = layouts.flatMap((layout) => [
      { name: `${layout.baseName}.lora_a`, type: "F32" as const, shape: [layout.inFeatures, rank] },
      { name: `${layout.baseName}.lora_b`, type: "F32" as const, shape: [rank, layout.outFeatures] },
    ]);
    return new LoraWeights(ParameterContext.create(ggml, specs), layouts, rank, alpha);
  }

  static fromPairs(ggml: Ggml, pairs: readonly LoraPair[], alpha: number): LoraWeights {
    const rank = pairs[0]?.rank ?? 0;
    const weights = LoraWeights.create(ggml, pairs.map(({ baseName, inFeatures, outFeatures }) => ({ baseName, inFeatures, outFeatures })), rank, alpha);
    for (const pair of pairs) {
      if (pair.rank !== rank) throw new InputError(`LoRA pair ${pair.baseName} has rank ${pair.rank}; the others have ${rank}`);
      weights.parameters.write(`${pair.baseName}.lora_a`, pair.a);
      weights.parameters.write(`${pair.baseName}.lora_b`, pair.b);
    }
    return weights;
  }

  /** The forward builders' view; `scale` multiplies alpha/rank (llama.cpp's adapter scale). */
  tensors(scale = 1): LoraTensors {
    return {
      scale: (scale * this.alpha) / this.rank,
      pairs: new Map(this.layouts.map((layout) => [layout.baseName, {
        a: this.parameters.get(`${layout.baseName}.lora_a`),
        b: this.parameters.get(`${layout.baseName}.lora_b`),
      }])),
    };
  }

  /** Current values as writeLoraAdapter pairs. */
  pairs(): LoraPair[] {
    return this.layouts.map((layout) => ({
      ...layout,
      rank: this.rank,
      a: this.parameters.read(`${layout.baseName}.lora_a`),
      b: this.parameters.read(`${layout.baseName}.lora_b`),
    }));
  }

  dispose(): void {
    this.parameters.dispose();
  }
}

/** Every 2-D weight except the embedding: the linears LoRA can adapt (output only when untied). */
export function adaptableLayouts(specs: readonly TensorSpec[]): LoraLayout[] {
  return specs
    .filter((spec) => spec.shape.length === 2 && spec.name !== "token_embd.weight")
    .map((spec) => ({ baseName: spec.name, inFeatures: spec.shape[0]!, outFeatures: spec.shape[1]! }));
}
