// Reading the training data for a task: dataset records → prompt/target texts, with the
// function set for the action format taken from the records' domains unless given.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readDatasetAll, type DatasetRecord } from "../data/index.js";
import { FunctionSet, isDomainName, type DomainName } from "../functions/index.js";
import { InputError } from "../errors.js";
import type { Duplicates } from "./options.js";
import { recordToExamples, type TextExample, type TrainingTask } from "./examples.js";

export type DataSource = string | readonly DatasetRecord[];

export interface LoadedData {
  records: DatasetRecord[];
  /** sha256 of the file bytes, or of the records' JSON when given in memory. */
  hash: string;
}

export async function loadRecords(source: DataSource, what: string): Promise<LoadedData> {
  if (typeof source !== "string") {
    const records = [...source];
    return { records, hash: createHash("sha256").update(JSON.stringify(records)).digest("hex") };
  }
  const { records, errors } = await readDatasetAll(source);
  if (errors.length > 0) {
    throw new InputError(`${what} ${source} has ${errors.length} invalid line(s):\n  ${errors.slice(0, 5).join("\n  ")}`, {
      hint: "fix or drop those lines (octoplan data validate shows them all)",
    });
  }
  if (records.length === 0) throw new InputError(`${what} ${source} has no records`, { hint: "generate data first: octoplan data generate" });
  return { records, hash: createHash("sha256").update(readFileSync(source)).digest("hex") };
}

/** The functions of every domain the records name, in first-seen order (for task "act"). */
export function functionsFromRecords(records: readonly DatasetRecord[]): FunctionSet {
  const domains: DomainName[] = [];
  for (const record of records) {
    for (const domain of record.domains) {
      if (!isDomainName(domain)) {
        throw new InputError(`record ${record.id}: unknown domain '${domain}'`, { hint: "pass --functions for custom function sets" });
      }
      if (!domains.includes(domain)) domains.push(domain);
    }
  }
  if (domains.length === 0) {
    throw new InputError("the records name no domains, so the action model's function set is unknown", { hint: "pass --functions" });
  }
  return FunctionSet.fromDomains(domains.sort());
}

export function textExamples(records: readonly DatasetRecord[], task: TrainingTask, functions?: FunctionSet): TextExample[] {
  return records.flatMap((record) => recordToExamples(record, task, functions));
}

/**
 * The examples with repeats thinned out: of an example (prompt and target) that occurs n times, "sqrt" keeps the
 * first ⌊√n⌋ (one of up to 3, three of 9) and "once" the first; order is kept. Square-root sampling (as word2vec
 * does for frequent words) keeps a function whose every example is a repeat (printing one of a few known files)
 * from vanishing, which "once" does.
 */
export function thinDuplicates(examples: readonly TextExample[], policy: Duplicates): TextExample[] {
  if (policy === "keep") return [...examples];
  const keys = examples.map((example) => `${example.prompt}\u0000${example.target}`);
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const kept = new Map<string, number>();
  return examples.filter((_, index) => {
    const key = keys[index]!;
    const limit = policy === "once" ? 1 : Math.floor(Math.sqrt(counts.get(key)!));
    const copies = (kept.get(key) ?? 0) + 1;
    kept.set(key, copies);
    return copies <= limit;
  });
}
