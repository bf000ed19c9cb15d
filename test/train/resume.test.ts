// Resume is bit-exact: a CLI training run (keeping a moving average of its weights) is SIGKILLed after a checkpoint, resumed with --resume,
// and its final model.gguf equals, byte for byte, the one of an uninterrupted run with the same seed.
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliEntry, repoRoot, runCli } from "../helpers/cli.js";
import { toyRecords } from "./fixtures.js";

const root = mkdtempSync(join(tmpdir(), "octoplan-resume-"));
const data = join(root, "train.jsonl");
writeFileSync(data, toyRecords(12).map((record) => JSON.stringify(record)).join("\n") + "\n");
const common = ["train", "--data", data, "--task", "plan", "--init", "tiny", "--vocab-size", "400", "--max-steps", "6", "--epochs", "3",
  "--batch", "4", "--seed", "11", "--threads", "2", "--checkpoint-every", "1", "--ema-decay", "0.5", "--no-progress"];

/** Starts a run and SIGKILLs it as soon as its first checkpoint is on disk. */
function runAndKillAfterCheckpoint(out: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", cliEntry, ...common, "--out", out], { cwd: repoRoot, stdio: "ignore" });
    const pointer = join(out, "checkpoints", "latest.json");
    const timer = setInterval(() => {
      if (!existsSync(pointer)) return;
      child.kill("SIGKILL");
      clearInterval(timer);
    }, 20);
    child.on("error", reject);
    child.on("exit", () => {
      clearInterval(timer);
      resolve(existsSync(pointer) ? (JSON.parse(readFileSync(pointer, "utf8")) as { step: number }).step : -1);
    });
  });
}

describe("octoplan train --resume", () => {
  it("continues bit-exactly after a SIGKILL", async () => {
    const straight = join(root, "straight");
    const first = runCli([...common, "--out", straight]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/trained 6 steps/);

    const interrupted = join(root, "interrupted");
    const killedAt = await runAndKillAfterCheckpoint(interrupted);
    expect(killedAt).toBeGreaterThanOrEqual(1);
    expect(killedAt).toBeLessThan(6);
    expect(existsSync(join(interrupted, "model.gguf"))).toBe(false);

    const resumed = runCli([...common, "--out", interrupted, "--resume"]);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(readFileSync(join(interrupted, "model.gguf")).equals(readFileSync(join(straight, "model.gguf")))).toBe(true);
    const steps = readFileSync(join(interrupted, "metrics.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line).step);
    expect(steps).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("rejects bad options with a hint", () => {
    const result = runCli(["train", "--data", data, "--task", "dance", "--out", join(root, "bad"), "--init", "tiny"]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/unknown task 'dance'/);
    expect(result.stderr).toMatch(/hint: Available tasks: plan, act/);
  });
});
