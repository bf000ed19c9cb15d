// llama.cpp LoRA adapter files (llama-adapter.cpp): general.type="adapter", adapter.type="lora",
// adapter.lora.alpha (f32), general.architecture = the base model's. For each adapted weight W
// with ne=(in, out) there are two F32 tensors:
//   <base>.lora_a  ne=(in, r)      <base>.lora_b  ne=(r, out)
// and llama.cpp computes W·x + (alpha/r)·B(A·x) at scale 1.
// Deliberately left out: checking the pairs against a base model (the engine does that on load).
import { FileFormatError, InputError } from "../../errors.js";
import { GgufFile } from "./reader.js";
import type { GgufEntry } from "./types.js";
import { writeGguf, type GgufTensorInput } from "./writer.js";

export interface LoraPair {
  /** The adapted base tensor, e.g. "blk.0.attn_q.weight". */
  baseName: string;
  /** ne=(inFeatures, rank), row-major in ggml order: a[r * inFeatures + i]. */
  a: Float32Array;
  /** ne=(rank, outFeatures): b[o * rank + r]. */
  b: Float32Array;
  inFeatures: number;
  outFeatures: number;
  rank: number;
}

export interface LoraAdapter {
  architecture: string;
  alpha: number;
  pairs: LoraPair[];
}

export interface LoraAdapterInput extends LoraAdapter {
  /** Extra entries (e.g. general.name); the adapter keys above always win. */
  metadata?: GgufEntry[];
}

const RESERVED_KEYS = new Set(["general.type", "adapter.type", "adapter.lora.alpha", "general.architecture"]);

export function writeLoraAdapter(path: string, adapter: LoraAdapterInput): void {
  if (!(Number.isFinite(adapter.alpha) && adapter.alpha > 0)) {
    throw new InputError(`LoRA alpha must be a positive number, got ${adapter.alpha}`, { hint: "alpha is usually the rank or twice the rank" });
  }
  const tensors: GgufTensorInput[] = [];
  for (const pair of adapter.pairs) {
    const { baseName, inFeatures, outFeatures, rank } = pair;
    if (![inFeatures, outFeatures, rank].every((n) => Number.isInteger(n) && n > 0)) {
      throw new InputError(`LoRA pair "${baseName}": inFeatures, outFeatures and rank must be positive integers`);
    }
    if (pair.a.length !== inFeatures * rank) {
      throw new InputError(`LoRA pair "${baseName}": a has ${pair.a.length} values, expected inFeatures·rank = ${inFeatures}·${rank}`);
    }
    if (pair.b.length !== rank * outFeatures) {
      throw new InputError(`LoRA pair "${baseName}": b has ${pair.b.length} values, expected rank·outFeatures = ${rank}·${outFeatures}`);
    }
    tensors.push({ name: `${baseName}.lora_a`, type: "F32", shape: [inFeatures, rank], data: pair.a });
    tensors.push({ name: `${baseName}.lora_b`, type: "F32", shape: [rank, outFeatures], data: pair.b });
  }
  const metadata: GgufEntry[] = [
    { key: "general.architecture", type: "string", value: adapter.architecture },
    { key: "general.type", type: "string", value: "adapter" },
    { key: "adapter.type", type: "string", value: "lora" },
    { key: "adapter.lora.alpha", type: "float32", value: adapter.alpha },
    ...(adapter.metadata ?? []).filter((entry) => !RESERVED_KEYS.has(entry.key)),
  ];
  writeGguf(path, { metadata, tensors });
}

export async function readLoraAdapter(path: string): Promise<LoraAdapter> {
  const file = await GgufFile.read(path);
  const hint = "write adapters with writeLoraAdapter or llama.cpp's convert_lora_to_gguf.py";
  if (file.getString("general.type") !== "adapter") throw new FileFormatError(path, `general.type is "${file.getString("general.type")}", expected "adapter"`, { hint });
  if (file.getString("adapter.type") !== "lora") throw new FileFormatError(path, `adapter.type is "${file.getString("adapter.type")}", expected "lora"`, { hint });
  const alphaEntry = file.entries.find((entry) => entry.key === "adapter.lora.alpha");
  if (alphaEntry === undefined || alphaEntry.type !== "float32") {
    throw new FileFormatError(path, `metadata key "adapter.lora.alpha" must be a float32${alphaEntry ? `, got ${alphaEntry.type}` : " but is missing"}`, { hint });
  }
  const pairs: LoraPair[] = [];
  for (const tensor of file.tensors) {
    if (tensor.name.endsWith(".lora_b")) {
      const twin = tensor.name.slice(0, -".lora_b".length) + ".lora_a";
      if (!file.hasTensor(twin)) throw new FileFormatError(path, `tensor "${tensor.name}" has no "${twin}" twin`, { hint });
      continue;
    }
    if (!tensor.name.endsWith(".lora_a")) {
      throw new FileFormatError(path, `tensor "${tensor.name}" is not a LoRA tensor (names end in .lora_a or .lora_b)`, { hint });
    }
    const baseName = tensor.name.slice(0, -".lora_a".length);
    const bName = `${baseName}.lora_b`;
    if (!file.hasTensor(bName)) throw new FileFormatError(path, `tensor "${tensor.name}" has no "${bName}" twin`, { hint });
    const bInfo = file.tensor(bName);
    for (const info of [tensor, bInfo]) {
      if (info.type !== "F32" && info.type !== "F16" && info.type !== "BF16") {
        throw new FileFormatError(path, `tensor "${info.name}" has type ${info.type}; LoRA tensors must be F32, F16 or BF16`, { hint });
      }
      if (info.shape.length !== 2) throw new FileFormatError(path, `tensor "${info.name}" must be 2-D, got shape [${info.shape.join(", ")}]`, { hint });
    }
    const [inFeatures, rank] = tensor.shape as [number, number];
    const [bRank, outFeatures] = bInfo.shape as [number, number];
    if (bRank !== rank) {
      throw new FileFormatError(path, `"${tensor.name}" has rank ${rank} (ne[1]) but "${bName}" has rank ${bRank} (ne[0])`, { hint });
    }
    pairs.push({ baseName, a: file.tensorF32(tensor.name), b: file.tensorF32(bName), inFeatures, outFeatures, rank });
  }
  return { architecture: file.getString("general.architecture"), alpha: file.getNumber("adapter.lora.alpha"), pairs };
}
