// The test run's own temporary folder (test/helpers/temporary-root.ts): scratch files of every test file, and of the
// processes tests start (the CLI), land in one folder that the run removes, not loose in the machine's /tmp.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

describe("temporary files of a test run", () => {
  it("go under the run's own folder, in this worker and in the processes it starts", () => {
    expect(basename(tmpdir())).toMatch(/^octoplan-test-run-/);
    expect(dirname(mkdtempSync(join(tmpdir(), "octoplan-check-")))).toBe(tmpdir());
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(require('node:os').tmpdir())"], { encoding: "utf8" });
    expect(child.stdout).toBe(tmpdir());
  });
});
