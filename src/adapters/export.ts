// Merging LoRA adapters into their base model: writes a full GGUF whose adapted weights are
//   W' = W + Σ_adapters scale · (alpha / r) · B·A
// with W ne=(in, out), A ne=(in, r), B ne=(r, out) as in llama.cpp's adapter files. Everything
// else (metadata, tokenizer, untouched tensors) is copied; F32/F16/BF16 tensors keep their type.
// Deliberately left out: multi-adapter merge methods beyond a weighted sum (TIES, DARE, …),
// and writing quantized tensors (a quantized base is written dequantized to F32, and said so).
import { GgufFile, readLoraAdapter, writeGguf, type GgufTensorInput, type LoraPair } from "../model/gguf/index.js";
import { InputError } from "../errors.js";

export interface AdapterReference {
  path: string;
  /** Multiplies alpha/r, like llama.cpp's --lora-scaled (default 1). */
  scale?: number;
}

export interface MergeResult {
  output: string;
  mergedTensors: number;
  /** Tensors whose type could not be kept and were written as F32. */
  dequantized: string[];
}

/** "adapter.gguf:0.5" → { path, scale: 0.5 }. */
export function parseAdapterReference(text: string): AdapterReference {
  const match = /^(.*):([-+]?\d*\.?\d+(?:e[-+]?\d+)?)$/i.exec(text);
  if (!match) return { path: text };
  return { path: match[1]!, scale: Number(match[2]) };
}

/** B·A scaled, added into w in place. w[o·in + i] += factor · Σ_k b[o·r + k] · a[k·in + i]. */
export function addLoraDelta(weight: Float32Array, pair: LoraPair, factor: number): void {
  const { a, b, inFeatures, outFeatures, rank } = pair;
  if (weight.length !== inFeatures * outFeatures) {
    throw new InputError(`LoRA pair ${pair.baseName} is ${inFeatures}×${outFeatures} but the base tensor has ${weight.length} values`, {
      hint: "the adapter was trained for a different base model",
    });
  }
  const row = new Float32Array(inFeatures);
  for (let o = 0; o < outFeatures; o++) {
    row.fill(0);
    for (let k = 0; k < rank; k++) {
      const coefficient = b[o * rank + k]!;
      if (coefficient === 0) continue;
      const offset = k * inFeatures;
      for (let i = 0; i < inFeatures; i++) row[i]! += coefficient * a[offset + i]!;
    }
    const offset = o * inFeatures;
    for (let i = 0; i < inFeatures; i++) weight[offset + i]! += factor * row[i]!;
  }
}

export async function mergeLoraIntoBase(options: { base: string; adapters: AdapterReference[]; output: string }): Promise<MergeResult> {
  if (options.adapters.length === 0) throw new InputError("no adapter to merge", { hint: "pass --lora adapter.gguf[:scale]" });
  const base = await GgufFile.read(options.base);
  const architecture = base.getString("general.architecture");
  const deltas = new Map<string, { pair: LoraPair; factor: number }[]>();
  for (const reference of options.adapters) {
    const adapter = await readLoraAdapter(reference.path);
    if (adapter.architecture !== architecture) {
      throw new InputError(`${reference.path}: adapter is for architecture '${adapter.architecture}', base ${options.base} is '${architecture}'`, {
        hint: "merge an adapter into the base model it was trained on",
      });
    }
    for (const pair of adapter.pairs) {
      if (!base.hasTensor(pair.baseName)) {
        throw new InputError(`${reference.path}: adapts '${pair.baseName}', which ${options.base} does not have`, {
          hint: "the adapter was trained for a different base (e.g. one with resized embeddings: use the training run's base.gguf)",
        });
      }
      const list = deltas.get(pair.baseName) ?? [];
      list.push({ pair, factor: (reference.scale ?? 1) * (adapter.alpha / pair.rank) });
      deltas.set(pair.baseName, list);
    }
  }
  const dequantized: string[] = [];
  const tensors: GgufTensorInput[] = base.tensors.map((info) => {
    const data = base.tensorF32(info.name).slice(); // a copy: the delta is added in place
    for (const { pair, factor } of deltas.get(info.name) ?? []) addLoraDelta(data, pair, factor);
    let type: GgufTensorInput["type"] = "F32";
    if (info.type === "F16" || info.type === "BF16") type = info.type as "F16" | "BF16";
    else if (info.type !== "F32") dequantized.push(info.name);
    return { name: info.name, type, shape: info.shape, data };
  });
  writeGguf(options.output, { metadata: [...base.entries], tensors });
  return { output: options.output, mergedTensors: deltas.size, dequantized };
}
