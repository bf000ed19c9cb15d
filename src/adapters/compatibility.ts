// Checks that a set of LoRA adapters can be merged with each other and applied to a base model,
// before any arithmetic: same architecture, every adapted tensor present in the base with the
// same shape, and the same set of adapted tensors in every adapter. Each error names the adapter
// file and the tensor, and says what to do.
// Deliberately left out: comparing tokenizers or training metadata (an adapter file carries none).
import { GgufFile, readLoraAdapter, type LoraAdapter } from "../model/gguf/index.js";
import { InputError, OctoplanError } from "../errors.js";
import { parseAdapterReference } from "./export.js";

export class AdapterMismatchError extends OctoplanError {
  constructor(readonly file: string, readonly tensor: string | undefined, message: string, hint: string) {
    super(`${file}: ${message}`, { hint });
  }
}

export interface WeightedAdapter {
  path: string;
  /** The adapter's weight in the merge (PEFT's `weights`); 1 by default. */
  weight?: number;
}

export interface LoadedAdapter {
  path: string;
  weight: number;
  adapter: LoraAdapter;
}

/** "adapter.gguf:0.5" → { path, weight: 0.5 }; no suffix → weight 1. */
export function parseWeightedAdapter(text: string): WeightedAdapter {
  const reference = parseAdapterReference(text);
  return { path: reference.path, weight: reference.scale ?? 1 };
}

/** Reads the base header and every adapter, and checks them against each other. */
export async function loadCompatibleAdapters(basePath: string, references: WeightedAdapter[]): Promise<{ base: GgufFile; adapters: LoadedAdapter[] }> {
  if (references.length === 0) throw new InputError("no adapter to merge", { hint: "pass --lora adapter.gguf[:weight] at least once" });
  const base = await GgufFile.read(basePath);
  if (base.has("general.type") && base.getString("general.type") === "adapter") {
    throw new InputError(`${basePath} is a LoRA adapter, not a base model`, { hint: "pass the base model with --base and the adapters with --lora" });
  }
  const architecture = base.getString("general.architecture");
  const adapters: LoadedAdapter[] = [];
  for (const reference of references) {
    const weight = reference.weight ?? 1;
    if (!Number.isFinite(weight)) throw new InputError(`${reference.path}: weight ${weight} is not a number`, { hint: "write --lora adapter.gguf:0.5" });
    const adapter = await readLoraAdapter(reference.path);
    if (adapter.architecture !== architecture) {
      throw new AdapterMismatchError(reference.path, undefined, `adapter is for architecture '${adapter.architecture}', but the base ${basePath} is '${architecture}'`,
        "merge only adapters trained on this base model");
    }
    if (adapter.pairs.length === 0) throw new AdapterMismatchError(reference.path, undefined, "adapter has no tensor pairs", "re-export the adapter from its training run");
    for (const pair of adapter.pairs) checkAgainstBase(reference.path, pair, base);
    adapters.push({ path: reference.path, weight, adapter });
  }
  checkSameTensors(adapters);
  return { base, adapters };
}

function checkAgainstBase(path: string, pair: LoraAdapter["pairs"][number], base: GgufFile): void {
  if (!base.hasTensor(pair.baseName)) {
    const linear = base.tensors.filter((tensor) => tensor.shape.length === 2).map((tensor) => tensor.name);
    const shown = linear.slice(0, 8).join(", ") + (linear.length > 8 ? `, … (${linear.length} in all)` : "");
    throw new AdapterMismatchError(path, pair.baseName, `adapts tensor '${pair.baseName}', which the base ${base.path} does not have. Available tensors: ${shown}`,
      "the adapter was trained for another base (with resized embeddings, use the training run's base.gguf)");
  }
  const shape = base.tensor(pair.baseName).shape;
  if (shape.length !== 2 || shape[0] !== pair.inFeatures || shape[1] !== pair.outFeatures) {
    throw new AdapterMismatchError(path, pair.baseName,
      `tensor '${pair.baseName}' is ${pair.inFeatures}×${pair.outFeatures} (in×out) in the adapter but [${shape.join(", ")}] in the base ${base.path}`,
      "the adapter was trained for a base model of another size");
  }
}

function checkSameTensors(adapters: LoadedAdapter[]): void {
  const first = adapters[0]!;
  const names = new Set(first.adapter.pairs.map((pair) => pair.baseName));
  for (const other of adapters.slice(1)) {
    const otherNames = new Set(other.adapter.pairs.map((pair) => pair.baseName));
    for (const name of names) {
      if (!otherNames.has(name)) {
        throw new AdapterMismatchError(other.path, name, `has no LoRA pair '${name}.lora_a/.lora_b', which ${first.path} has`,
          "train every adapter with the same --targets (a missing pair would silently drop that adapter's share of the tensor)");
      }
    }
    for (const name of otherNames) {
      if (!names.has(name)) {
        throw new AdapterMismatchError(first.path, name, `has no LoRA pair '${name}.lora_a/.lora_b', which ${other.path} has`,
          "train every adapter with the same --targets");
      }
    }
  }
}

/** The rank every adapter shares, or an error naming the first one that differs (A/B-space methods need it). */
export function commonRank(adapters: LoadedAdapter[], method: string): number {
  const rank = adapters[0]!.adapter.pairs[0]!.rank;
  for (const { path, adapter } of adapters) {
    for (const pair of adapter.pairs) {
      if (pair.rank !== rank) {
        throw new AdapterMismatchError(path, pair.baseName, `has rank ${pair.rank} for '${pair.baseName}', but ${adapters[0]!.path} has rank ${rank}; method '${method}' combines A and B matrices element-wise and needs one rank`,
          "use --method cat, svd or linear, which accept different ranks");
      }
    }
  }
  return rank;
}
