// Reading and writing dataset JSONL (one DatasetRecord per line).
// Reading streams and never stops at a bad line: each one is reported as "file:line: reason"
// (invalid JSON, a field that fails validation, a torn last line) and the good lines are all yielded.
// Writing is either a whole-file atomic rewrite (temp file + rename on close(), so a failed or aborted
// write leaves the old file intact) or append-safe (each write is one whole line, fsync'd, for resumable
// jobs; a torn line left by a crash is cut off when the file is reopened).
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from "node:fs";
import { appendLines, atomicTarget } from "../util/atomic.js";
import { OctoplanError } from "../errors.js";
import { checkRecord, validateRecord, type DatasetRecord, type RecordCheckOptions } from "./record.js";
import { LineProblem, readTextLines, reportProblem, type LineProblemSink } from "./lines.js";

export interface ReadDatasetOptions extends LineProblemSink, RecordCheckOptions {}

export async function* readDataset(path: string, options: ReadDatasetOptions = {}): AsyncGenerator<DatasetRecord> {
  for await (const line of readTextLines(path)) {
    if (line.text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      const reason = line.terminated
        ? `invalid JSON: ${(error as Error).message}`
        : "torn last line (no newline at the end; an interrupted write?), skipped";
      reportProblem(options, new LineProblem(path, line.number, reason));
      continue;
    }
    const { record, problems } = checkRecord(value, options);
    if (record === undefined) {
      reportProblem(options, new LineProblem(path, line.number, problems.join("; ")));
      continue;
    }
    yield record;
  }
}

export async function readDatasetAll(path: string, options: RecordCheckOptions = {}): Promise<{ records: DatasetRecord[]; errors: string[] }> {
  const records: DatasetRecord[] = [];
  const errors: string[] = [];
  for await (const record of readDataset(path, { ...options, errors })) records.push(record);
  return { records, errors };
}

export interface DatasetWriterOptions {
  /** Append to the existing file (resumable jobs) instead of replacing it atomically on close(). */
  append?: boolean;
}

export class DatasetWriter {
  private closed = false;
  private count = 0;

  private constructor(
    readonly path: string,
    readonly append: boolean,
    /** Ids already in the file when opened in append mode, so a resumed job can skip them. */
    readonly existingIds: ReadonlySet<string>,
    private readonly fd: number | undefined,
    private readonly target: ReturnType<typeof atomicTarget> | undefined,
  ) {}

  static open(path: string, options: DatasetWriterOptions = {}): DatasetWriter {
    if (options.append) {
      const existingIds = existsSync(path) ? cutTornLineAndCollectIds(path) : new Set<string>();
      return new DatasetWriter(path, true, existingIds, undefined, undefined);
    }
    const target = atomicTarget(path);
    return new DatasetWriter(path, false, new Set(), openSync(target.temporaryPath, "w"), target);
  }

  /** Number of records written through this writer. */
  get written(): number {
    return this.count;
  }

  /** Validates, then writes one record (throws RecordValidationError naming the field; nothing is written). */
  write(record: DatasetRecord): void {
    this.writeMany([record]);
  }

  writeMany(records: readonly DatasetRecord[]): void {
    if (this.closed) throw new OctoplanError(`${this.path}: writer is already closed`, { hint: "Open a new DatasetWriter" });
    const lines = records.map((record) => JSON.stringify(validateRecord(record)));
    if (this.append) appendLines(this.path, lines);
    else {
      const bytes = Buffer.from(lines.map((line) => line + "\n").join(""), "utf8");
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(this.fd!, bytes, offset, bytes.length - offset);
    }
    this.count += records.length;
  }

  /** Finishes: an atomic writer renames its temp file over the target now. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.fd === undefined || this.target === undefined) return;
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.target.commit();
  }

  /** Drops everything written by an atomic writer; the old file (if any) is untouched. Idempotent. */
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.fd === undefined || this.target === undefined) return;
    closeSync(this.fd);
    this.target.abort();
  }
}

/** Writes all records atomically: if any record is invalid or the source throws, the old file stays. */
export async function writeDataset(path: string, records: Iterable<DatasetRecord> | AsyncIterable<DatasetRecord>): Promise<number> {
  const writer = DatasetWriter.open(path);
  try {
    for await (const record of records) writer.write(record);
  } catch (error) {
    writer.abort();
    throw error;
  }
  writer.close();
  return writer.written;
}

function cutTornLineAndCollectIds(path: string): Set<string> {
  const text = readFileSync(path, "utf8");
  const lastNewline = text.lastIndexOf("\n");
  if (lastNewline !== text.length - 1) truncateSync(path, Buffer.byteLength(text.slice(0, lastNewline + 1), "utf8"));
  const ids = new Set<string>();
  for (const line of text.slice(0, lastNewline + 1).split("\n")) {
    try {
      const id = (JSON.parse(line) as { id?: unknown }).id;
      if (typeof id === "string") ids.add(id);
    } catch {
      // Bad lines are the reader's to report; here only the ids of good ones matter.
    }
  }
  return ids;
}
