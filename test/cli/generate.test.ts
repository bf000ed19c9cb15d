// `octoplan generate` with the offline teacher: --open-slots reaches the teacher (the requests change, every record
// still passes the quality gate), and a value that is not a probability is refused, naming the flag.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";
import { readDatasetAll } from "../../src/data/index.js";

const folder = mkdtempSync(join(tmpdir(), "octoplan-generate-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function generate(name: string, extra: string[]) {
  const out = join(folder, name);
  const result = runCli(["generate", "--domain", "android", "--count", "60", "--out", out, "--no-progress", "--json", ...extra]);
  expect(result.status, result.stderr).toBe(0);
  const summary = JSON.parse(result.stdout) as { total: number; rejected: Record<string, number> };
  return { summary, queries: (await readDatasetAll(out)).records.map((record) => record.query) };
}

describe("octoplan generate", () => {
  it("passes --open-slots to the offline teacher", async () => {
    const closed = await generate("closed.jsonl", []);
    const open = await generate("open.jsonl", ["--open-slots", "1"]);
    expect(open.summary.total).toBe(60);
    // Only gate failures would show up here; duplicates are allowed.
    expect(Object.keys(open.summary.rejected).filter((reason) => reason !== "duplicate")).toEqual([]);
    expect(open.queries).not.toEqual(closed.queries);
  });

  it("refuses a share that is not a probability", () => {
    const result = runCli(["generate", "--domain", "android", "--count", "5", "--out", join(folder, "bad.jsonl"), "--open-slots", "1.5"]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("--open-slots: expected a probability from 0 to 1, got '1.5'");
  });
});
