// The machine's nominal FP32 peak, for "% of peak" in the engine benchmark:
//   peak = frequency × cores × FP32 lanes per vector × 2 (an FMA is a multiply and an add).
// Frequency comes from cpufreq's maximum, else /proc/cpuinfo's current "cpu MHz", else os.cpus(); lanes from the
// widest vector extension in the CPU flags (AVX-512: 16, AVX/AVX2: 8, SSE/NEON: 4). Cores with two FMA pipes
// can reach twice this figure; we do not guess pipe counts per micro-architecture.

import fs from "node:fs";
import os from "node:os";

export interface CpuPeak {
  model: string;
  cores: number;
  gigahertz: number;
  frequencySource: string;
  vectorExtension: string;
  fp32Lanes: number;
  peakGflops: number;
  formula: string;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

export function cpuPeak(cores = os.availableParallelism()): CpuPeak {
  const cpuinfo = readText("/proc/cpuinfo") ?? "";
  const flags = new Set((/^(flags|Features)\s*:\s*(.*)$/m.exec(cpuinfo)?.[2] ?? "").split(/\s+/));
  let gigahertz: number;
  let frequencySource: string;
  const maxKhz = Number(readText("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq"));
  const currentMhz = Number(/^cpu MHz\s*:\s*([\d.]+)/m.exec(cpuinfo)?.[1]);
  if (maxKhz > 0) {
    gigahertz = maxKhz / 1e6;
    frequencySource = "cpufreq cpuinfo_max_freq";
  } else if (currentMhz > 0) {
    gigahertz = currentMhz / 1000;
    frequencySource = "/proc/cpuinfo cpu MHz";
  } else {
    gigahertz = (os.cpus()[0]?.speed ?? 0) / 1000;
    frequencySource = "os.cpus()";
  }
  const [vectorExtension, fp32Lanes] = flags.has("avx512f") ? ["avx512f", 16] as const
    : flags.has("avx2") || flags.has("avx") ? ["avx2", 8] as const
    : ["sse/neon", 4] as const;
  return {
    model: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown",
    cores,
    gigahertz: Number(gigahertz.toFixed(3)),
    frequencySource,
    vectorExtension,
    fp32Lanes,
    peakGflops: Number((gigahertz * cores * fp32Lanes * 2).toFixed(1)),
    formula: "GHz × cores × FP32 lanes × 2 (FMA)",
  };
}
