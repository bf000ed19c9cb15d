// runDemo checks the hand-written sets it was given before any work: a missing one is a named error, and nothing is
// generated or trained (the demo's own runs are too long for the test suite; bench and CI run `npm run demo`).
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { DEFAULT_HUMAN_TEST_FILES, runDemo } from "../../src/eval/demo-pipeline.js";

describe("demo pipeline", () => {
  it("refuses a hand-written set that does not exist before generating anything", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "octoplan-demo-")), "run");
    const missing = join(out, "no-such-set.jsonl");
    const run = runDemo({ out, fast: true, threads: 1, progress: false, log: () => undefined, humanTestFiles: [DEFAULT_HUMAN_TEST_FILES[0]!, missing] });
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(`hand-written test set not found: ${missing}`);
    expect(existsSync(out)).toBe(false);
  });

  it("evaluates the seven hand-written sets by default, and they exist", () => {
    expect(DEFAULT_HUMAN_TEST_FILES.map((file) => file.split("/").at(-1))).toEqual(["human-android.jsonl", "human-android-2.jsonl", "human-android-3.jsonl", "human-android-4.jsonl", "human-android-5.jsonl", "human-android-6.jsonl", "human-android-7.jsonl"]);
    for (const file of DEFAULT_HUMAN_TEST_FILES) expect(existsSync(file)).toBe(true);
  });
});
