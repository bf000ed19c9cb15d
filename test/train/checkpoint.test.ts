import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { saveCheckpoint, loadLatestCheckpoint, loadCheckpoint } from "../../src/train/checkpoint.js";
import { FileFormatError } from "../../src/errors.js";

describe("checkpoints", () => {
  it("round-trips tensors bit for bit and keeps the newest two", () => {
    const directory = mkdtempSync(join(tmpdir(), "octoplan-ckpt-"));
    const odd = new Float32Array([1.5, -0, Number.MIN_VALUE, 3.4e38, Math.PI]);
    for (const step of [1, 2, 3]) {
      saveCheckpoint(directory, { step, cursor: { epoch: 0, batch: step }, random: [1, 2, 3, step], extra: { loss: 0.5 } }, [
        { name: "w", shape: [5], data: odd },
        { name: "w#m", shape: [3, 1], data: new Float32Array([step, 7, 9]) },
      ]);
    }
    expect(readdirSync(directory).filter((file) => file.endsWith(".ckpt")).sort()).toEqual(["step-000002.ckpt", "step-000003.ckpt"]);
    const loaded = loadLatestCheckpoint(directory)!;
    expect(loaded.step).toBe(3);
    expect(loaded.cursor).toEqual({ epoch: 0, batch: 3 });
    expect(loaded.random).toEqual([1, 2, 3, 3]);
    expect(Buffer.from(loaded.tensors.get("w")!.data.buffer)).toEqual(Buffer.from(odd.buffer));
    expect([...loaded.tensors.get("w#m")!.data]).toEqual([3, 7, 9]);
    expect(loaded.tensors.get("w#m")!.shape).toEqual([3, 1]);
  });

  it("names the file when it is not a checkpoint or is truncated", () => {
    const directory = mkdtempSync(join(tmpdir(), "octoplan-ckpt-"));
    const bogus = join(directory, "bogus.ckpt");
    writeFileSync(bogus, "not a checkpoint at all");
    expect(() => loadCheckpoint(bogus)).toThrow(FileFormatError);
    const path = saveCheckpoint(directory, { step: 1, cursor: { epoch: 0, batch: 0 }, random: [1, 2, 3, 4], extra: {} }, [
      { name: "w", shape: [1000], data: new Float32Array(1000) },
    ]);
    writeFileSync(path, readFileSync(path).subarray(0, 500));
    expect(() => loadCheckpoint(path)).toThrow(/truncated|past the end/);
  });
});
