// Conformance: our forward graphs against llama.cpp (node-llama-cpp, same process) for every architecture, with
// and without a LoRA adapter, over full next-token distributions. Also the CLI that reports it.

import { describe, expect, it } from "vitest";
import { ARCHITECTURES } from "../../../src/model/config.js";
import { CONFORMANCE_TOLERANCE, runConformance } from "../../../src/model/conformance.js";
import { runCli } from "../../helpers/cli.js";

describe("conformance with llama.cpp", () => {
  it("matches next-token distributions for every architecture, with and without LoRA", async () => {
    const results = await runConformance({ threads: 1 });
    expect(results.map((result) => result.architecture)).toEqual([...ARCHITECTURES]);
    for (const result of results) {
      expect(result.maxProbabilityDelta, result.architecture).toBeLessThanOrEqual(CONFORMANCE_TOLERANCE);
      expect(result.withLora.maxProbabilityDelta, `${result.architecture} + LoRA`).toBeLessThanOrEqual(CONFORMANCE_TOLERANCE);
      // logit-level agreement too: log-probabilities differ by float32 rounding only
      expect(result.maxLogProbabilityDelta, result.architecture).toBeLessThan(1e-2);
      expect(result.withLora.maxLogProbabilityDelta, `${result.architecture} + LoRA`).toBeLessThan(1e-2);
      expect(result.passed).toBe(true);
    }
  }, 300_000);

  it("`octoplan conformance --json --arch llama` prints the deltas and exits 0", () => {
    const run = runCli(["conformance", "--json", "--arch", "llama"]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { tolerance: number; results: Array<{ architecture: string; passed: boolean }> };
    expect(report.tolerance).toBe(CONFORMANCE_TOLERANCE);
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({ architecture: "llama", passed: true });
  }, 300_000);

  it("names the valid architectures for an unknown --arch", () => {
    const run = runCli(["conformance", "--arch", "gpt9"]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Unknown architecture 'gpt9'. Available architectures: llama, qwen2, phi3, gemma/);
  }, 120_000);
});
