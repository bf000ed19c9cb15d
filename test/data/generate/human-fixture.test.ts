// test/fixtures/human-android.jsonl is written by hand (not generated, not templated): requests
// in people's own words with gold plans, for reporting accuracy on human phrasing separately.
// This checks it stays a valid, useful benchmark; it does not grade any model.
import { describe, expect, it } from "vitest";
import { readDatasetAll } from "../../../src/data/jsonl.js";
import { FunctionSet } from "../../../src/functions/function-set.js";
import { repoRoot } from "../../helpers/cli.js";
import { join } from "node:path";

describe("human-android fixture", () => {
  it("has at least 60 valid records over the android functions, 1-5 steps each", async () => {
    const android = FunctionSet.fromDomains(["android"]);
    const { records, errors } = await readDatasetAll(join(repoRoot, "test/fixtures/human-android.jsonl"), { functions: android });
    expect(errors).toEqual([]);
    expect(records.length).toBeGreaterThanOrEqual(60);
    for (const record of records) {
      expect(record.functions).toHaveLength(record.steps.length);
      expect(record.steps.length).toBeGreaterThanOrEqual(1);
      expect(record.steps.length).toBeLessThanOrEqual(5);
      expect(record.domains).toEqual(["android"]);
    }
    expect(new Set(records.map((record) => record.id)).size).toBe(records.length);
    expect(new Set(records.map((record) => record.query)).size).toBe(records.length);
    expect(new Set(records.flatMap((record) => record.functions))).toEqual(new Set(android.names));
    expect(new Set(records.map((record) => record.steps.length))).toEqual(new Set([1, 2, 3, 4, 5]));
  });
});
