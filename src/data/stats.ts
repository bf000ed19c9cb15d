// Dataset statistics: what a person checks before training on generated data.
//   - counts: steps histogram (plan length), functions histogram (calls per function), domains;
//   - duplicates: identical queries, near-duplicates (equal after lower-casing, dropping punctuation and
//     collapsing spaces, but not identical), repeated ids;
//   - diversity: distinct-n (distinct n-grams / all n-grams over the queries' words, n = 1, 2, 3) and
//     the number of distinct templates when generators record them in meta.templates.
// Deliberately left out: embedding-based similarity (needs a model; normalized text catches the
// template-filling duplicates that matter for generated data).
import type { DatasetRecord } from "./record.js";

export interface DuplicateGroup {
  query: string;
  ids: string[];
}

export interface DatasetStats {
  count: number;
  stepsHistogram: Record<string, number>;
  functionsHistogram: Record<string, number>;
  domainsHistogram: Record<string, number>;
  duplicateQueries: DuplicateGroup[];
  nearDuplicateQueries: DuplicateGroup[];
  duplicateIds: string[];
  diversity: {
    distinct1: number;
    distinct2: number;
    distinct3: number;
    /** Distinct entries of meta.templates over all records; null when no record has templates. */
    distinctTemplates: number | null;
  };
}

export function normalizeQuery(query: string): string {
  return query
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function increment(histogram: Record<string, number>, key: string): void {
  histogram[key] = (histogram[key] ?? 0) + 1;
}

function sortedByKey(histogram: Record<string, number>, numeric: boolean): Record<string, number> {
  const keys = Object.keys(histogram).sort(numeric ? (a, b) => Number(a) - Number(b) : undefined);
  return Object.fromEntries(keys.map((key) => [key, histogram[key]]));
}

function distinctRatio(queries: string[], n: number): number {
  const seen = new Set<string>();
  let total = 0;
  for (const query of queries) {
    const words = query.split(" ").filter((word) => word !== "");
    for (let start = 0; start + n <= words.length; start++) {
      seen.add(words.slice(start, start + n).join(" "));
      total++;
    }
  }
  return total === 0 ? 0 : seen.size / total;
}

function groupsOf(records: readonly DatasetRecord[], key: (record: DatasetRecord) => string): Map<string, DatasetRecord[]> {
  const groups = new Map<string, DatasetRecord[]>();
  for (const record of records) {
    const value = key(record);
    const group = groups.get(value);
    if (group) group.push(record);
    else groups.set(value, [record]);
  }
  return groups;
}

export function datasetStats(records: readonly DatasetRecord[]): DatasetStats {
  const stepsHistogram: Record<string, number> = {};
  const functionsHistogram: Record<string, number> = {};
  const domainsHistogram: Record<string, number> = {};
  const templates = new Set<string>();
  let sawTemplates = false;
  for (const record of records) {
    increment(stepsHistogram, String(record.steps.length));
    for (const name of record.functions) increment(functionsHistogram, name);
    for (const domain of record.domains) increment(domainsHistogram, domain);
    const recordTemplates = record.meta?.templates;
    if (Array.isArray(recordTemplates)) {
      sawTemplates = true;
      for (const template of recordTemplates) if (typeof template === "string") templates.add(template);
    }
  }

  const exact = groupsOf(records, (record) => record.query.trim());
  const duplicateQueries = [...exact.entries()]
    .filter(([, group]) => group.length > 1)
    .map(([query, group]) => ({ query, ids: group.map((record) => record.id) }));
  const near = groupsOf(records, (record) => normalizeQuery(record.query));
  const nearDuplicateQueries = [...near.entries()]
    .filter(([, group]) => new Set(group.map((record) => record.query.trim())).size > 1)
    .map(([query, group]) => ({ query, ids: group.map((record) => record.id) }));
  const duplicateIds = [...groupsOf(records, (record) => record.id).entries()].filter(([, group]) => group.length > 1).map(([id]) => id);

  const normalizedQueries = records.map((record) => normalizeQuery(record.query));
  return {
    count: records.length,
    stepsHistogram: sortedByKey(stepsHistogram, true),
    functionsHistogram: sortedByKey(functionsHistogram, false),
    domainsHistogram: sortedByKey(domainsHistogram, false),
    duplicateQueries,
    nearDuplicateQueries,
    duplicateIds,
    diversity: {
      distinct1: distinctRatio(normalizedQueries, 1),
      distinct2: distinctRatio(normalizedQueries, 2),
      distinct3: distinctRatio(normalizedQueries, 3),
      distinctTemplates: sawTemplates ? templates.size : null,
    },
  };
}

/** Human-readable report for the CLI. */
export function formatStats(stats: DatasetStats): string {
  const histogram = (values: Record<string, number>): string =>
    Object.keys(values).length === 0 ? "  (none)" : Object.entries(values).map(([key, count]) => `  ${key.padEnd(28)} ${count}`).join("\n");
  const lines = [
    `records: ${stats.count}`,
    "steps per plan:",
    histogram(stats.stepsHistogram),
    "calls per function:",
    histogram(stats.functionsHistogram),
    "records per domain:",
    histogram(stats.domainsHistogram),
    `duplicate queries: ${stats.duplicateQueries.length} groups (${stats.duplicateQueries.reduce((sum, group) => sum + group.ids.length - 1, 0)} extra records)`,
    ...stats.duplicateQueries.slice(0, 5).map((group) => `  ${JSON.stringify(group.query)} × ${group.ids.length}`),
    `near-duplicate queries: ${stats.nearDuplicateQueries.length} groups`,
    ...stats.nearDuplicateQueries.slice(0, 5).map((group) => `  ${JSON.stringify(group.query)} × ${group.ids.length}`),
    `duplicate ids: ${stats.duplicateIds.length}${stats.duplicateIds.length > 0 ? ` (${stats.duplicateIds.slice(0, 5).join(", ")})` : ""}`,
    `distinct-1/2/3: ${stats.diversity.distinct1.toFixed(3)} / ${stats.diversity.distinct2.toFixed(3)} / ${stats.diversity.distinct3.toFixed(3)}`,
    `distinct templates: ${stats.diversity.distinctTemplates ?? "n/a (no meta.templates)"}`,
  ];
  return lines.join("\n");
}
