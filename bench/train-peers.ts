// The peers of `npm run bench:train`, each run in a child process on the same model and shapes: llama.cpp's own full
// fine-tuning (llama_opt_epoch, bench/llama-cpp-peer.ts) and PyTorch (Debian python3-torch, bench/pytorch-peer.py).
// A peer that cannot run says why in its note instead of failing the benchmark.
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ModelConfig } from "../src/model/config.js";

export interface PeerRun {
  /** The GGUF our side trains (llama.cpp loads the same file). */
  modelPath: string;
  config: ModelConfig;
  sequence: number;
  batchSize: number;
  steps: number;
  threads: number;
}

export interface PeerResult { name: string; tokensPerSecond: number | null; note: string }

export function llamaCppPeer({ modelPath, config, sequence, batchSize, steps, threads }: PeerRun, enabled: boolean): PeerResult {
  const name = "llama.cpp llama_opt_epoch (full fine-tuning)";
  if (!enabled) return { name, tokensPerSecond: null, note: "skipped: --skip-llama-cpp" };
  const request = { modelPath, contextLength: sequence, threads, tokens: batchSize * sequence * steps, vocabSize: config.vocabSize, seed: 1 };
  const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./llama-cpp-peer.ts", import.meta.url)), JSON.stringify(request)],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) {
    const assertion = /GGML_ASSERT\(.*\) failed/.exec(child.stderr)?.[0];
    return { name, tokensPerSecond: null, note: `failed: the child exited with ${child.signal ?? `status ${child.status}`} inside llama.cpp${assertion ? `: ${assertion}` : ""} (see bench/llama-cpp-peer.ts, docs/BENCHMARKS.md)` };
  }
  const result = JSON.parse(child.stdout.trim().split("\n").pop()!) as { tokensPerSecond: number; finalLoss: number; tokens: number; contextUsed: number };
  return { name, tokensPerSecond: result.tokensPerSecond,
    note: `same model GGUF, ${result.tokens} tokens in sequences of ${result.contextUsed} (llama.cpp pads n_ctx to 256), one AdamW step per sequence, embeddings frozen by llama.cpp; loss ${result.finalLoss.toFixed(3)}` };
}

export function pytorchPeer({ config, sequence, batchSize, steps, threads }: PeerRun, enabled: boolean): PeerResult {
  const name = "PyTorch (python3-torch), full fine-tuning";
  try {
    execFileSync("/usr/bin/python3", ["-c", "import torch"], { stdio: "ignore" });
  } catch {
    return { name, tokensPerSecond: null, note: "skipped: /usr/bin/python3 has no torch (apt install python3-torch)" };
  }
  if (!enabled) return { name, tokensPerSecond: null, note: "skipped: pass --pytorch (Debian torch 1.13 takes about a minute per step here)" };
  const request = { ...config, sequence, batch: batchSize, steps, threads };
  const child = spawnSync("/usr/bin/python3", [fileURLToPath(new URL("./pytorch-peer.py", import.meta.url)), JSON.stringify(request)], { encoding: "utf8" });
  if (child.status !== 0) return { name, tokensPerSecond: null, note: `failed: ${child.stderr.trim().split("\n").pop()}` };
  const result = JSON.parse(child.stdout.trim().split("\n").pop()!) as { tokensPerSecond: number; torch: string; peakRssBytes: number; parameters: number };
  return { name, tokensPerSecond: result.tokensPerSecond,
    note: `torch ${result.torch}, same architecture and shapes (${result.parameters} parameters), AdamW, ${threads} threads, peak RSS ${(result.peakRssBytes / 2 ** 20).toFixed(0)} MiB` };
}
