// A JSON-safe summary of a GGUF file for people: metadata with long arrays shortened, and the
// tensor table. Used by `octoplan gguf`. Deliberately left out: tensor statistics (they would
// read every weight; tensorF32 is there for that).
import type { GgufFile } from "./reader.js";
import type { GgufValue } from "./types.js";

export interface GgufSummary {
  path: string;
  version: number;
  alignment: number;
  fileSize: number;
  metadata: Record<string, unknown>;
  tensors: Array<{ name: string; type: string; shape: number[]; bytes: number }>;
  parameters: number;
}

const SHOWN_ITEMS = 8;

function summarize(value: GgufValue): unknown {
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (!Array.isArray(value)) return value;
  if (value.length <= SHOWN_ITEMS) return value.map(summarize);
  return [...value.slice(0, SHOWN_ITEMS).map(summarize), `… ${value.length} items in all`];
}

export function describeGguf(file: GgufFile): GgufSummary {
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of file.metadata) metadata[key] = summarize(value);
  const tensors = file.tensors.map((tensor) => ({ name: tensor.name, type: tensor.type, shape: tensor.shape, bytes: tensor.byteSize }));
  const parameters = file.tensors.reduce((sum, tensor) => sum + tensor.shape.reduce((product, dim) => product * dim, 1), 0);
  return { path: file.path, version: file.version, alignment: file.alignment, fileSize: file.fileSize, metadata, tensors, parameters };
}

export function formatGgufSummary(summary: GgufSummary): string {
  const lines = [`${summary.path}: GGUF v${summary.version}, ${summary.fileSize} bytes, ${summary.tensors.length} tensors, ${summary.parameters} parameters`];
  for (const [key, value] of Object.entries(summary.metadata)) lines.push(`  ${key} = ${JSON.stringify(value)}`);
  if (summary.tensors.length > 0) {
    const width = Math.max(...summary.tensors.map((tensor) => tensor.name.length));
    lines.push("tensors (ggml ne order):");
    for (const tensor of summary.tensors) lines.push(`  ${tensor.name.padEnd(width)}  ${tensor.type.padEnd(5)}  [${tensor.shape.join(", ")}]`);
  }
  return lines.join("\n");
}
