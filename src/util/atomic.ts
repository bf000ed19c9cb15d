// Nothing already written is ever lost: whole-file writes go to a temp file in the
// same folder and are renamed over the target (rename is atomic on POSIX).
// Appends (for resumable JSONL jobs) are single write() calls of whole lines, and
// readers ignore a torn last line, so a kill -9 loses at most the line in flight.
import { mkdirSync, openSync, writeSync, fsyncSync, closeSync, renameSync, rmSync } from "node:fs";
import { dirname, basename, join } from "node:path";

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.partial`);
  const fd = openSync(temporary, "w");
  try {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
}

/** Returns the temp path to write into and a commit() that renames it into place. */
export function atomicTarget(path: string): { temporaryPath: string; commit(): void; abort(): void } {
  mkdirSync(dirname(path), { recursive: true });
  const temporaryPath = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.partial`);
  return {
    temporaryPath,
    commit: () => renameSync(temporaryPath, path),
    abort: () => rmSync(temporaryPath, { force: true }),
  };
}

/** Appends whole lines in one write() so a crash never leaves half a record behind a good one. */
export function appendLines(path: string, lines: string[]): void {
  if (lines.length === 0) return;
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, "a");
  try {
    const bytes = Buffer.from(lines.map((line) => line + "\n").join(""), "utf8");
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
