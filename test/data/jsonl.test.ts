import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatasetWriter, RecordValidationError, checkRecord, readDataset, readDatasetAll, writeDataset, type DatasetRecord, type LineProblem } from "../../src/data/index.js";
import { sampleRecord, sampleRecords } from "./fixtures.js";

const folder = mkdtempSync(join(tmpdir(), "octoplan-jsonl-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("readDataset", () => {
  it("reads 97 records and reports exactly the 3 broken lines of 100 as file:line", async () => {
    const path = join(folder, "train.jsonl");
    const lines = sampleRecords(100).map((record) => JSON.stringify(record));
    lines[9] = '{"id": "rec-9", "query": "broken json",'; // line 10: invalid JSON
    lines[49] = JSON.stringify({ ...sampleRecord(49), steps: ["ok", 7] }); // line 50: wrong type
    lines[99] = lines[99].slice(0, 25); // line 100: torn by an interrupted write (no newline)
    writeFileSync(path, lines.slice(0, 99).join("\n") + "\n" + lines[99]);

    const { records, errors } = await readDatasetAll(path);
    expect(records).toHaveLength(97);
    expect(records.map((record) => record.id)).not.toContain("rec-9");
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(new RegExp(`^${path}:10: invalid JSON`));
    expect(errors[1]).toMatch(new RegExp(`^${path}:50: steps\\[1\\]: expected string, received number`));
    expect(errors[2]).toMatch(new RegExp(`^${path}:100: torn last line`));

    const seen: LineProblem[] = [];
    let streamed = 0;
    for await (const _record of readDataset(path, { onError: (problem) => seen.push(problem) })) streamed++;
    expect(streamed).toBe(97);
    expect(seen.map((problem) => problem.line)).toEqual([10, 50, 100]);
  });

  it("names fields and checks that every step has a function", () => {
    const base = sampleRecord(2);
    expect(checkRecord({ ...base, functions: ["search_files"] }).problems[0]).toMatch(/^functions: has 1 entries but steps has 3/);
    expect(checkRecord({ ...base, id: undefined }).problems).toEqual(["id: missing required field"]);
    expect(checkRecord({ ...base, steps: [] }).problems).toEqual(["steps: needs at least one step"]);
    expect(checkRecord({ ...base, calls: [{ name: "x", arguments: {} }] }).problems.join("\n")).toMatch(/calls: has 1 entries/);
    expect(checkRecord({ ...base, functions: [] }).record).toBeDefined(); // unknown functions (from paper text)
    expect(checkRecord([1, 2]).problems[0]).toMatch(/^record: expected object/);
  });

  it("reports a missing file with a hint", async () => {
    await expect(readDatasetAll(join(folder, "missing.jsonl"))).rejects.toThrow(/no such file/);
  });
});

describe("DatasetWriter", () => {
  it("replaces atomically: a failing write leaves the old file intact and no temp file behind", async () => {
    const path = join(folder, "atomic.jsonl");
    await writeDataset(path, sampleRecords(3));
    const before = readFileSync(path, "utf8");
    expect(before.trim().split("\n")).toHaveLength(3);

    const broken = { ...sampleRecord(5), steps: [] } as DatasetRecord;
    await expect(writeDataset(path, [sampleRecord(4), broken])).rejects.toThrow(RecordValidationError);
    async function* failingSource(): AsyncGenerator<DatasetRecord> {
      yield sampleRecord(6);
      throw new Error("teacher crashed");
    }
    await expect(writeDataset(path, failingSource())).rejects.toThrow("teacher crashed");
    expect(readFileSync(path, "utf8")).toBe(before);
    expect(readdirSync(folder).filter((name) => name.includes("atomic") && name.endsWith(".partial"))).toEqual([]);

    const writer = DatasetWriter.open(path);
    writer.write(sampleRecord(7));
    expect(readFileSync(path, "utf8")).toBe(before); // nothing visible until close()
    writer.close();
    writer.close();
    expect((await readDatasetAll(path)).records.map((record) => record.id)).toEqual(["rec-7"]);
  });

  it("appends safely: cuts a torn last line on reopen and knows the ids already written", async () => {
    const path = join(folder, "append.jsonl");
    const first = DatasetWriter.open(path, { append: true });
    first.writeMany(sampleRecords(2));
    first.close();
    appendFileSync(path, '{"id":"rec-2","que'); // a crash mid-line

    const resumed = DatasetWriter.open(path, { append: true });
    expect([...resumed.existingIds]).toEqual(["rec-0", "rec-1"]);
    resumed.write(sampleRecord(2));
    expect(() => resumed.write({ ...sampleRecord(3), query: "" })).toThrow(/query: must not be empty/);
    resumed.close();
    expect(() => resumed.write(sampleRecord(4))).toThrow(/already closed/);

    const { records, errors } = await readDatasetAll(path);
    expect(errors).toEqual([]);
    expect(records.map((record) => record.id)).toEqual(["rec-0", "rec-1", "rec-2"]);
  });
});
