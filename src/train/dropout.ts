// LoRA dropout (PEFT's lora_dropout): during training the LoRA branch sees dropout(x) instead of x,
// with an independent inverted-dropout mask per adapted layer (kept values scaled by 1/(1−p)).
// ggml has no dropout op, so each mask is an input tensor shaped like x ([in, T·B], as linear() flattens it) filled from the seeded RNG
// after the graph is allocated: the masks, and so a resumed run, are reproducible.
import type { ComputeContext, Ggml, Tensor } from "../ggml/index.js";
import { Random } from "./random.js";

export class LoraDropout {
  private readonly masks: Tensor[] = [];

  constructor(private readonly step: ComputeContext, private readonly probability: number) {}

  /** The LoraTensors.dropout callback: x [in, T·B] → x ⊙ mask. */
  readonly apply = (name: string, x: Tensor): Tensor => {
    const mask = this.step.input("F32", x.shape, `dropout ${name}`.slice(0, 63));
    this.masks.push(mask);
    return this.step.ops.mul(x, mask);
  };

  /** Fills every mask (after allocate()). */
  fill(ggml: Ggml, seed: number): void {
    const random = Random.fromSeed(seed);
    const keep = 1 - this.probability;
    for (const mask of this.masks) {
      const values = new Float32Array(mask.elementCount);
      for (let index = 0; index < values.length; index++) values[index] = random.next() < keep ? 1 / keep : 0;
      ggml.write(mask, values);
    }
  }
}
