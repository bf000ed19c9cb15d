// `octoplan dataset stats|convert|split`: thin layer over src/data. Bad lines are printed as
// "file:line: reason" on stderr with a summary; a command fails only when no valid record was read.
import type { Command } from "commander";
import { InputError } from "../../errors.js";
import { fractionOption } from "../option-values.js";
import {
  datasetStats,
  formatStats,
  parseDatasetFormat,
  readRecords,
  splitByIdHash,
  writeRecords,
  type DatasetFormat,
  type DatasetRecord,
} from "../../data/index.js";

async function readOrFail(path: string, format: DatasetFormat): Promise<DatasetRecord[]> {
  const records: DatasetRecord[] = [];
  let bad = 0;
  const onError = (problem: { toString(): string }): void => {
    bad++;
    process.stderr.write(`${problem.toString()}\n`);
  };
  for await (const record of readRecords(path, format, { onError })) records.push(record);
  if (bad > 0) process.stderr.write(`${path}: ${records.length} valid records, ${bad} problems reported above\n`);
  if (records.length === 0) {
    throw new InputError(`${path}: no valid records`, {
      hint: format === "jsonl" ? "Each line must be a JSON record { id, query, steps, functions, domains }; for other formats pass --from paper|chat" : "Check the file's format (--from)",
    });
  }
  return records;
}

export function register(program: Command): void {
  const dataset = program.command("dataset").description("Inspect, convert and split datasets (JSONL records, paper text, HF chat)");

  dataset
    .command("stats")
    .description("Counts, steps/functions/domains histograms, duplicates and diversity of a dataset")
    .argument("<file>", "dataset file")
    .option("--from <format>", "input format: jsonl, paper or chat", "jsonl")
    .option("--json", "print the statistics as JSON")
    .action(async (file: string, options: { from: string; json?: boolean }) => {
      const records = await readOrFail(file, parseDatasetFormat(options.from, "--from"));
      const stats = datasetStats(records);
      process.stdout.write((options.json ? JSON.stringify(stats, null, 2) : formatStats(stats)) + "\n");
    });

  dataset
    .command("convert")
    .description("Convert a dataset between formats: jsonl (records), paper (text, one per line), chat (HF messages JSONL)")
    .argument("<in>", "input file")
    .requiredOption("--to <format>", "output format: jsonl, paper or chat")
    .requiredOption("--out <file>", "output file (written atomically)")
    .option("--from <format>", "input format: jsonl, paper or chat", "jsonl")
    .action(async (input: string, options: { to: string; out: string; from: string }) => {
      const to = parseDatasetFormat(options.to, "--to");
      const records = await readOrFail(input, parseDatasetFormat(options.from, "--from"));
      const count = await writeRecords(options.out, records, to);
      process.stdout.write(`wrote ${count} records to ${options.out} (${to})\n`);
    });

  dataset
    .command("split")
    .description("Deterministic train/test split by a hash of each record's id")
    .argument("<in>", "input dataset (jsonl)")
    .option("--test-fraction <fraction>", "share of records in the test set", "0.1")
    .requiredOption("--train-out <file>", "train output (jsonl)")
    .requiredOption("--test-out <file>", "test output (jsonl)")
    .option("--from <format>", "input format: jsonl, paper or chat", "jsonl")
    .action(async (input: string, options: { testFraction: string; trainOut: string; testOut: string; from: string }) => {
      const fraction = fractionOption(options.testFraction, "--test-fraction", "0.1");
      const records = await readOrFail(input, parseDatasetFormat(options.from, "--from"));
      const { train, test } = splitByIdHash(records, fraction);
      await writeRecords(options.trainOut, train, "jsonl");
      await writeRecords(options.testOut, test, "jsonl");
      process.stdout.write(`train: ${train.length} records → ${options.trainOut}\ntest: ${test.length} records → ${options.testOut}\n`);
    });
}
