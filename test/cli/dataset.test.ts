import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";
import { readDatasetAll, readRecords, splitByIdHash } from "../../src/data/index.js";
import { sampleRecords } from "../data/fixtures.js";

const folder = mkdtempSync(join(tmpdir(), "octoplan-dataset-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("octoplan dataset", () => {
  const input = join(folder, "in.jsonl");
  writeFileSync(input, [...sampleRecords(40).map((record) => JSON.stringify(record)), "{oops", '{"id":"x"}'].join("\n") + "\n");

  it("stats prints JSON and reports bad lines on stderr", () => {
    const result = runCli(["dataset", "stats", input, "--json"]);
    expect(result.status, result.stderr).toBe(0);
    const stats = JSON.parse(result.stdout) as { count: number; stepsHistogram: Record<string, number> };
    expect(stats.count).toBe(40);
    expect(stats.stepsHistogram).toEqual({ "1": 14, "2": 13, "3": 13 });
    expect(result.stderr).toContain(`${input}:41: invalid JSON`);
    expect(result.stderr).toContain(`${input}:42: query: missing required field`);
    expect(result.stderr).toContain("40 valid records, 2 problems");
  });

  it("convert writes paper text that reads back, and split writes a train/test pair", async () => {
    const paper = join(folder, "out.txt");
    const convert = runCli(["dataset", "convert", input, "--to", "paper", "--out", paper]);
    expect(convert.status, convert.stderr).toBe(0);
    expect(readFileSync(paper, "utf8").split("\n")[0]).toBe("<|user|>Find report 0 and handle it<|end|><|assistant|>Step 1 of 0 with search_files<|end|>");
    const back = [];
    for await (const record of readRecords(paper, "paper", { errors: [] })) back.push(record.query);
    expect(back).toEqual(sampleRecords(40).map((record) => record.query));

    const train = join(folder, "train.jsonl");
    const test = join(folder, "test.jsonl");
    const split = runCli(["dataset", "split", input, "--test-fraction", "0.25", "--train-out", train, "--test-out", test]);
    expect(split.status, split.stderr).toBe(0);
    const expected = splitByIdHash(sampleRecords(40), 0.25);
    expect((await readDatasetAll(train)).records).toEqual(expected.train);
    expect((await readDatasetAll(test)).records).toEqual(expected.test);
  });

  it("fails with a hint when nothing valid was read or an option is wrong", () => {
    const empty = join(folder, "bad.jsonl");
    writeFileSync(empty, "{}\n");
    const result = runCli(["dataset", "stats", empty]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`${empty}:1: id: missing required field`);
    expect(result.stderr).toContain("error: ");
    expect(result.stderr).toContain("no valid records");
    const wrongFormat = runCli(["dataset", "convert", input, "--to", "xml", "--out", join(folder, "x")]);
    expect(wrongFormat.status).not.toBe(0);
    expect(wrongFormat.stderr).toContain("Available formats: jsonl, paper, chat");
  });
});
