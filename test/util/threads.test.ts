import { spawn } from "node:child_process";
import { cpus } from "node:os";
import { describe, expect, it } from "vitest";
import { measureBusyCores, pickThreads } from "../../src/util/threads.js";

describe("threads", () => {
  it("uses every core on a quiet machine", () => {
    expect(pickThreads(2, 0.1)).toBe(2);
    expect(pickThreads(16, 0)).toBe(16);
  });
  it("drops to one thread when other jobs keep the cores busy (ggml's workers busy-wait)", () => {
    expect(pickThreads(2, 1.8)).toBe(1);
    expect(pickThreads(2, 9.5)).toBe(1);
    expect(pickThreads(8, 3)).toBe(5);
  });
  it("measures the cores that are busy now, not the last minute's load", async () => {
    // A child that spins for 2 s keeps one core busy while we measure.
    const spinner = spawn(process.execPath, ["-e", "const end = Date.now() + 2000; while (Date.now() < end);"], { stdio: "ignore" });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const busy = await measureBusyCores(800);
      expect(busy).toBeGreaterThanOrEqual(0.6);
      expect(busy).toBeLessThanOrEqual(cpus().length + 1e-9);
    } finally {
      spinner.kill();
    }
  });
});
