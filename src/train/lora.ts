// LoRA weights for a frozen base: for each targeted weight W ne=(in, out) a pair
//   A ne=(in, r)  initialised Kaiming-uniform (bound 1/√in, what PEFT's kaiming_uniform_(a=√5) gives)
//   B ne=(r, out) initialised to zeros, so training starts exactly at the base model,
// applied as W·x + (alpha/r)·B(A·x), which is llama.cpp's adapter convention — the pairs are
// written unchanged as DIR/adapter.gguf. Targets use PEFT-style short names (see options.ts).
// Deliberately left out: DoRA/rsLoRA scaling variants and per-layer ranks.
import { ParameterContext, type Ggml, type Tensor } from "../ggml/index.js";
import type { LoraAdapter } from "../model/gguf/index.js";
import { InputError } from "../errors.js";
import { Random } from "./random.js";
import type { LoraTarget } from "./options.js";

const TARGET_OF: Record<string, LoraTarget[]> = {
  attn_q: ["q"],
  attn_k: ["k"],
  attn_v: ["v"],
  attn_qkv: ["q", "k", "v"],
  attn_output: ["o"],
  ffn_gate: ["gate"],
  ffn_up: ["up"],
  ffn_down: ["down"],
};

/** Which LoRA targets a GGUF tensor name belongs to ([] when it is not a linear layer). */
export function loraTargetsOf(tensorName: string): LoraTarget[] {
  if (tensorName === "output.weight") return ["output"];
  const match = /^blk\.\d+\.([a-z_]+)\.weight$/.exec(tensorName);
  return match ? (TARGET_OF[match[1]!] ?? []) : [];
}

export interface LoraSettings {
  rank: number;
  alpha: number;
  targets: readonly LoraTarget[];
  seed: number;
}

export interface LoraPairTensors {
  baseName: string;
  a: Tensor;
  b: Tensor;
  inFeatures: number;
  outFeatures: number;
}

export class LoraWeights {
  private disposed = false;

  private constructor(
    private readonly ggml: Ggml,
    private readonly store: ParameterContext,
    readonly pairs: LoraPairTensors[],
    readonly settings: LoraSettings,
  ) {}

  /** alpha / r, the factor on B(A·x). */
  get scale(): number {
    return this.settings.alpha / this.settings.rank;
  }

  /** Creates (and initialises) pairs for every base weight whose name matches a target. */
  static create(ggml: Ggml, baseWeights: readonly { name: string; shape: readonly number[] }[], settings: LoraSettings): LoraWeights {
    const { rank, targets } = settings;
    const chosen = baseWeights.filter(({ name, shape }) => shape.length === 2 && loraTargetsOf(name).some((target) => targets.includes(target)));
    if (chosen.length === 0) {
      throw new InputError(`no weight of the model matches the LoRA targets ${targets.join(",")}`, {
        hint: "use --targets all-linear; 'output' needs an untied output.weight",
      });
    }
    const specs = chosen.flatMap(({ name, shape }) => [
      { name: `${name}.lora_a`, type: "F32" as const, shape: [shape[0]!, rank] },
      { name: `${name}.lora_b`, type: "F32" as const, shape: [rank, shape[1]!] },
    ]);
    const store = ParameterContext.create(ggml, specs);
    const random = Random.fromSeed(settings.seed ^ 0x10ba);
    const pairs = chosen.map(({ name, shape }) => {
      const [inFeatures, outFeatures] = [shape[0]!, shape[1]!];
      const bound = 1 / Math.sqrt(inFeatures);
      const a = new Float32Array(inFeatures * rank);
      for (let index = 0; index < a.length; index++) a[index] = random.uniform(-bound, bound);
      store.write(`${name}.lora_a`, a);
      // B stays zero (ParameterContext clears its buffer).
      return { baseName: name, a: store.get(`${name}.lora_a`), b: store.get(`${name}.lora_b`), inFeatures, outFeatures };
    });
    return new LoraWeights(ggml, store, pairs, settings);
  }

  /** The pairs' current values, ready for writeLoraAdapter. */
  toAdapter(architecture: string): LoraAdapter {
    return {
      architecture,
      alpha: this.settings.alpha,
      pairs: this.pairs.map((pair) => ({
        baseName: pair.baseName,
        a: this.ggml.read(pair.a),
        b: this.ggml.read(pair.b),
        inFeatures: pair.inFeatures,
        outFeatures: pair.outFeatures,
        rank: this.settings.rank,
      })),
    };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.store.dispose();
  }
}
