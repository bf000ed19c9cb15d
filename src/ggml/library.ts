// Finds and loads ggml's shared libraries from node-llama-cpp's platform package for this host.
//
// CPU variant: every libggml-cpu-<variant>.so exports ggml_backend_score(), which returns 0 when the host lacks an
// instruction the variant needs and a higher number for a better match. This is how ggml's own registry picks
// (ggml_backend_load_best); we do the same here so that we also know the variant's name. Nothing is hard-coded.
// CUDA: used when the `@node-llama-cpp/<platform>-cuda` package is installed, an NVIDIA device node exists and
// libggml-cuda reports at least one device. All libraries then come from that package's folder, because its
// libggml-cuda links against its own libggml-base. Untested on the development machines (no GPU).

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import koffi, { type LibraryHandle } from "koffi";
import { OctoplanError } from "../errors.js";
import { bindBase, bindCpu, bindCuda, type BaseBindings, type CpuBindings, type CudaBindings } from "./bindings.js";

export class GgmlLoadError extends OctoplanError {}

export interface LoadedLibraries {
  directory: string;
  base: BaseBindings;
  cpu: CpuBindings;
  cpuVariant: string;
  cpuScores: Record<string, number>;
  cuda?: CudaBindings;
}

const require = createRequire(import.meta.url);

/** The bins folder of an installed node-llama-cpp platform package, or undefined when it is not installed. */
export function platformDirectory(packageSuffix = ""): string | undefined {
  const platform = `${process.platform}-${process.arch}`;
  const packageName = `@node-llama-cpp/${platform}${packageSuffix}`;
  let entry: string;
  try {
    entry = require.resolve(packageName); // package.json is not in its "exports"; walk up from the entry point
  } catch {
    return undefined;
  }
  let root = path.dirname(entry);
  while (!fs.existsSync(path.join(root, "package.json")) && path.dirname(root) !== root) root = path.dirname(root);
  const binsRoot = path.join(root, "bins");
  if (!fs.existsSync(binsRoot)) return undefined;
  const folder = fs.readdirSync(binsRoot).find((name) => fs.statSync(path.join(binsRoot, name)).isDirectory());
  return folder === undefined ? undefined : path.join(binsRoot, folder);
}

function hasNvidiaDevice(): boolean {
  return fs.existsSync("/dev/nvidia0") || fs.existsSync("/proc/driver/nvidia/version");
}

function loadLibrary(file: string): LibraryHandle {
  try {
    return koffi.load(file);
  } catch (error) {
    throw new GgmlLoadError(`cannot load ${file}: ${(error as Error).message}`, {
      hint: "Reinstall node-llama-cpp (npm ci) so that its platform package ships the ggml libraries.",
      cause: error,
    });
  }
}

/** Scores every CPU variant in `directory` and keeps the best one loaded. */
function loadBestCpuVariant(directory: string): { cpu: CpuBindings; variant: string; scores: Record<string, number> } {
  const files = fs.readdirSync(directory).filter((name) => /^libggml-cpu(-[\w]+)?\.so$/.test(name)).sort();
  if (files.length === 0) {
    throw new GgmlLoadError(`no libggml-cpu*.so in ${directory}`, { hint: "Reinstall node-llama-cpp (npm ci)." });
  }
  const scores: Record<string, number> = {};
  let best: { lib: LibraryHandle; cpu: CpuBindings; variant: string; score: number } | undefined;
  for (const file of files) {
    const variant = file.replace(/^libggml-cpu-?/, "").replace(/\.so$/, "") || "default";
    let lib: LibraryHandle;
    try {
      lib = koffi.load(path.join(directory, file));
    } catch {
      scores[variant] = 0;
      continue;
    }
    const cpu = bindCpu(lib);
    const score = cpu.ggml_backend_score();
    scores[variant] = score;
    if (score > 0 && (best === undefined || score > best.score)) {
      best?.lib.unload();
      best = { lib, cpu, variant, score };
    } else {
      lib.unload();
    }
  }
  if (best === undefined) {
    throw new GgmlLoadError(`no CPU variant in ${directory} supports this processor (scores: ${JSON.stringify(scores)})`, {
      hint: "Install a node-llama-cpp build for this CPU.",
    });
  }
  return { cpu: best.cpu, variant: best.variant, scores };
}

function tryLoadCuda(directory: string): CudaBindings | undefined {
  const file = path.join(directory, "libggml-cuda.so");
  if (!fs.existsSync(file)) return undefined;
  try {
    const cuda = bindCuda(koffi.load(file));
    return cuda.ggml_backend_cuda_get_device_count() > 0 ? cuda : undefined;
  } catch {
    return undefined; // CUDA runtime missing or driver mismatch: fall back to the CPU package.
  }
}

let cached: Map<string, LoadedLibraries> | undefined;

/** Loads (once per process and device choice) the ggml libraries. */
export function loadLibraries(device: "auto" | "cpu" | "cuda" = "auto"): LoadedLibraries {
  cached ??= new Map();
  const existing = cached.get(device);
  if (existing) return existing;
  const cudaDirectory = device === "cpu" || !hasNvidiaDevice() ? undefined : platformDirectory("-cuda");
  const cpuDirectory = platformDirectory();
  let loaded: LoadedLibraries | undefined;
  if (cudaDirectory !== undefined) {
    const base = bindBase(loadLibrary(path.join(cudaDirectory, "libggml-base.so")));
    const cuda = tryLoadCuda(cudaDirectory);
    if (cuda) {
      const best = loadBestCpuVariant(cudaDirectory);
      loaded = { directory: cudaDirectory, base, cpu: best.cpu, cpuVariant: best.variant, cpuScores: best.scores, cuda };
    }
  }
  if (loaded === undefined && device === "cuda") {
    throw new GgmlLoadError("CUDA was requested but no CUDA device is usable", {
      hint: `Install @node-llama-cpp/${process.platform}-${process.arch}-cuda and an NVIDIA driver, or use device "cpu".`,
    });
  }
  if (loaded === undefined) {
    if (cpuDirectory === undefined) {
      throw new GgmlLoadError(`node-llama-cpp has no prebuilt package for ${process.platform}-${process.arch}`, {
        hint: "Install node-llama-cpp 3.21.1 with its platform package (npm ci).",
      });
    }
    const base = bindBase(loadLibrary(path.join(cpuDirectory, "libggml-base.so")));
    const best = loadBestCpuVariant(cpuDirectory);
    loaded = { directory: cpuDirectory, base, cpu: best.cpu, cpuVariant: best.variant, cpuScores: best.scores };
  }
  cached.set(device, loaded);
  return loaded;
}
