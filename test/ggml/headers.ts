// Finds llama.cpp's headers for tests that compare our mirrors against C: $LLAMA_CPP_DIR, /tmp/llama.cpp, or a
// clone of node-llama-cpp's bundled source into .cache/llama.cpp (made once; .cache is git-ignored).

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export function llamaCppHeaders(): string | undefined {
  const candidates = [process.env.LLAMA_CPP_DIR, "/tmp/llama.cpp", path.resolve(".cache/llama.cpp")].filter(
    (value): value is string => value !== undefined,
  );
  for (const candidate of candidates) {
    if (fs.existsSync(path.join(candidate, "ggml/include/ggml.h"))) return path.join(candidate, "ggml/include");
  }
  const bundle = path.resolve("node_modules/node-llama-cpp/llama/gitRelease.bundle");
  if (!fs.existsSync(bundle)) return undefined;
  const target = path.resolve(".cache/llama.cpp");
  fs.mkdirSync(path.dirname(target), { recursive: true });
  try {
    execFileSync("git", ["clone", "--quiet", bundle, target], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  return fs.existsSync(path.join(target, "ggml/include/ggml.h")) ? path.join(target, "ggml/include") : undefined;
}

export function hasCompiler(): boolean {
  try {
    execFileSync("g++", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
