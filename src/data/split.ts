// Deterministic train/test split: a record goes to test when the hash of its id falls below
// testFraction. It depends only on the id, so it is stable across runs, machines and orderings, and a
// record never moves between sets when others are added. (Content ids from convert.ts make this hold
// for converted files too.) Deliberately left out: stratification by domain or step count.
import { createHash } from "node:crypto";
import { InputError } from "../errors.js";
import type { DatasetRecord } from "./record.js";

/** Maps an id to [0, 1) from the first 48 bits of its SHA-256. */
export function idHashUnit(id: string): number {
  const digest = createHash("sha256").update(id, "utf8").digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

export function splitByIdHash<T extends Pick<DatasetRecord, "id">>(records: Iterable<T>, testFraction: number): { train: T[]; test: T[] } {
  if (!Number.isFinite(testFraction) || testFraction < 0 || testFraction > 1) {
    throw new InputError(`test fraction must be between 0 and 1, got ${testFraction}`, { hint: "For example 0.1 puts about 10% in test" });
  }
  const train: T[] = [];
  const test: T[] = [];
  for (const record of records) (idHashUnit(record.id) < testFraction ? test : train).push(record);
  return { train, test };
}
