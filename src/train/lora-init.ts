// Training a LoRA: which base weights get a pair (targets), and their initialisation. The
// pairs themselves are the engine's LoraWeights (src/model/lora-weights.ts):
//   A ne=(in, r)  Kaiming-uniform, bound 1/√in (what PEFT's kaiming_uniform_(a=√5) gives), seeded
//   B ne=(r, out) zeros, so training starts exactly at the base model.
// Targets use PEFT-style short names (see options.ts). Deliberately left out: DoRA/rsLoRA
// scaling variants and per-layer ranks.
import type { Ggml } from "../ggml/index.js";
import type { TensorSpec } from "../ggml/parameter-context.js";
import { LoraWeights, adaptableLayouts } from "../model/lora-weights.js";
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

export function createTrainableLora(ggml: Ggml, specs: readonly TensorSpec[], settings: LoraSettings): LoraWeights {
  const layouts = adaptableLayouts(specs).filter((layout) => loraTargetsOf(layout.baseName).some((target) => settings.targets.includes(target)));
  if (layouts.length === 0) {
    throw new InputError(`no weight of the model matches the LoRA targets ${settings.targets.join(",")}`, {
      hint: "use --targets all-linear; 'output' needs an untied output.weight",
    });
  }
  const lora = LoraWeights.create(ggml, layouts, settings.rank, settings.alpha);
  const random = Random.fromSeed((settings.seed ^ 0x10ba) >>> 0);
  for (const layout of layouts) {
    const bound = 1 / Math.sqrt(layout.inFeatures);
    const a = new Float32Array(layout.inFeatures * settings.rank);
    for (let index = 0; index < a.length; index++) a[index] = random.uniform(-bound, bound);
    lora.parameters.write(`${layout.baseName}.lora_a`, a);
  }
  return lora;
}
