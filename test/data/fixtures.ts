// Small valid records for the data tests (function names from ../shared/functions.md).
import type { DatasetRecord } from "../../src/data/index.js";

export function sampleRecord(index: number): DatasetRecord {
  const stepCount = (index % 3) + 1;
  const functions = ["search_files", "print_document", "send_email"].slice(0, stepCount);
  return {
    id: `rec-${index}`,
    query: `Find report ${index} and handle it`,
    steps: functions.map((name, step) => `Step ${step + 1} of ${index} with ${name}`),
    functions,
    domains: ["android"],
    meta: { templates: [`template-${index % 7}`] },
  };
}

export function sampleRecords(count: number): DatasetRecord[] {
  return Array.from({ length: count }, (_, index) => sampleRecord(index));
}
