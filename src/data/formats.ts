// One entry point per direction for the three on-disk formats, so the CLI and other jobs do not
// switch on format names themselves:
//   jsonl: DatasetRecord per line (the native format, all fields)
//   paper: the paper's text format, one example per line (query and steps only)
//   chat:  HF chat `messages` JSONL (query and steps only)
import { writeFileAtomic } from "../util/atomic.js";
import { InputError, OctoplanError } from "../errors.js";
import { readDataset, writeDataset, type ReadDatasetOptions } from "./jsonl.js";
import { fromChatMessages, readPaperText, toChatMessages, toPaperText } from "./convert.js";
import { LineProblem, readTextLines, reportProblem, type LineProblemSink } from "./lines.js";
import type { DatasetRecord } from "./record.js";

export const DATASET_FORMATS = ["jsonl", "paper", "chat"] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

export function parseDatasetFormat(value: string, option: string): DatasetFormat {
  if ((DATASET_FORMATS as readonly string[]).includes(value)) return value as DatasetFormat;
  throw new InputError(`${option}: unknown format '${value}'`, { hint: `Available formats: ${DATASET_FORMATS.join(", ")}` });
}

async function* readChatJsonl(path: string, sink: LineProblemSink): AsyncGenerator<DatasetRecord> {
  for await (const line of readTextLines(path)) {
    if (line.text.trim() === "") continue;
    try {
      yield fromChatMessages(JSON.parse(line.text));
    } catch (error) {
      if (!(error instanceof OctoplanError) && !(error instanceof SyntaxError)) throw error;
      const reason = error instanceof SyntaxError ? `invalid JSON: ${error.message}` : (error as Error).message;
      reportProblem(sink, new LineProblem(path, line.number, line.terminated ? reason : `torn last line: ${reason}`));
    }
  }
}

/** Streams records from a file in any format; bad lines go to the sink as "file:line: reason". */
export function readRecords(path: string, format: DatasetFormat, options: ReadDatasetOptions = {}): AsyncGenerator<DatasetRecord> {
  if (format === "paper") return readPaperText(path, options);
  if (format === "chat") return readChatJsonl(path, options);
  return readDataset(path, options);
}

/** Writes records atomically in any format (jsonl records are validated first). Returns the count. */
export async function writeRecords(path: string, records: readonly DatasetRecord[], format: DatasetFormat): Promise<number> {
  if (format === "jsonl") return writeDataset(path, records);
  const lines = records.map((record) => (format === "paper" ? toPaperText(record) : JSON.stringify(toChatMessages(record))));
  writeFileAtomic(path, lines.map((line) => line + "\n").join(""));
  return records.length;
}
