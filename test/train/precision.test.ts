// `precision: "bf16"` (mixed precision) through the library API: the same run as F32 from the same seed, with its
// products over BF16 copies, follows F32's losses closely, keeps learning, and says so in training.json; options
// that cannot apply are refused before any work.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { train, type TrainOptions } from "../../src/train/train.js";
import { InputError } from "../../src/errors.js";
import { toyRecords } from "./fixtures.js";

async function run(precision: "f32" | "bf16") {
  const losses: number[] = [];
  const result = await train({
    data: toyRecords(16), eval: toyRecords(4), task: "plan", output: mkdtempSync(join(tmpdir(), `octoplan-precision-${precision}-`)),
    init: "tiny", vocabSize: 400, maxSteps: 12, epochs: 3, batchSize: 4, lr: 3e-3, seed: 2, threads: 2, evalEvery: 0, checkpointEvery: 0,
    precision, progressBar: false, log: () => undefined, onProgress: (event) => losses.push(event.loss),
  });
  return { result, losses };
}

describe("mixed-precision full training", () => {
  it("follows the F32 run's losses and records its precision", async () => {
    const f32 = await run("f32");
    const bf16 = await run("bf16");
    expect(bf16.losses).toHaveLength(12);
    // step 1 runs on the same initial weights: only BF16 rounding separates the two losses
    expect(Math.abs(bf16.losses[0]! - f32.losses[0]!)).toBeLessThan(0.01 * f32.losses[0]!);
    bf16.losses.forEach((loss, step) => expect(Math.abs(loss - f32.losses[step]!), `step ${step + 1}`).toBeLessThan(0.1 * f32.losses[step]! + 0.05));
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(bf16.losses.slice(-3))).toBeLessThan(mean(bf16.losses.slice(0, 3)) - 0.5);
    expect(JSON.parse(readFileSync(bf16.result.trainingJsonPath, "utf8")).precision).toBe("bf16");
    expect(JSON.parse(readFileSync(f32.result.trainingJsonPath, "utf8")).precision).toBe("f32");
  }, 120_000);

  it.each([
    [{ method: "lora", precision: "bf16" }, /--precision bf16 is for full training/, /--base-type bf16/],
    [{ precision: "f8" }, /unknown precision 'f8'/, /Available precisions: f32, bf16/],
  ])("refuses %j", async (options, message, hint) => {
    const error = await train({ data: toyRecords(4), task: "plan", output: mkdtempSync(join(tmpdir(), "octoplan-precision-bad-")), init: "tiny",
      progressBar: false, log: () => undefined, ...(options as Partial<TrainOptions>) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(message);
    expect((error as InputError).hint).toMatch(hint);
  });
});
