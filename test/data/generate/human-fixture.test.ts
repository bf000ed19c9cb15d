// test/fixtures/human-android.jsonl (72 requests, session 1), human-android-2.jsonl (80, session 10), -3 (65, session 12), -4 (70, session 13), -5 (66, session 20), -6 (60, session 21) and -7 (60, session 22) are written
// by hand (not generated, not templated): requests in people's own words with gold plans, for reporting accuracy on
// human phrasing separately. This checks they stay valid, useful benchmarks; it does not grade any model.
import { describe, expect, it } from "vitest";
import { readDatasetAll } from "../../../src/data/jsonl.js";
import { FunctionSet } from "../../../src/functions/function-set.js";
import { DEFAULT_HUMAN_TEST_FILES } from "../../../src/eval/demo-pipeline.js";
import type { DatasetRecord } from "../../../src/data/index.js";

const android = FunctionSet.fromDomains(["android"]);

async function read(file: string): Promise<DatasetRecord[]> {
  const { records, errors } = await readDatasetAll(file, { functions: android });
  expect(errors).toEqual([]);
  return records;
}

describe("hand-written android fixtures", () => {
  it.each(DEFAULT_HUMAN_TEST_FILES)("%s has at least 60 valid records over all android functions, 1-5 steps each", async (file) => {
    const records = await read(file);
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

  it("the sets share no request and no id", async () => {
    const sets = await Promise.all(DEFAULT_HUMAN_TEST_FILES.map(read));
    const queries = new Set<string>();
    const ids = new Set<string>();
    for (const set of sets) {
      expect(set.filter((record) => queries.has(record.query.toLowerCase()) || ids.has(record.id))).toEqual([]);
      for (const record of set) {
        queries.add(record.query.toLowerCase());
        ids.add(record.id);
      }
    }
  });
});
