// Checkpoints: everything a run needs to continue bit for bit — trainable weights, AdamW
// moments m and v, the optimizer step, the RNG state and the data cursor.
//
// File layout (DIR/checkpoints/step-000120.ckpt), little-endian:
//   "OCTOCKPT" | u32 version | u32 header bytes | header JSON | pad to 64 | f32 data of each tensor, 64-aligned
// The header lists {name, shape, offset} per tensor plus the JSON state. Tensors are raw f32
// (never re-encoded), so a resumed run starts from exactly the bits it saved. The file is written
// under a temp name and renamed, then `latest.json` is replaced atomically, so a kill at any moment
// leaves the previous checkpoint usable. Frozen base weights are not stored: resume reloads them.
import { openSync, writeSync, fsyncSync, closeSync, readFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { atomicTarget, writeFileAtomic } from "../util/atomic.js";
import { FileFormatError } from "../errors.js";
import type { RandomState } from "./random.js";
import type { DataCursor } from "./batches.js";

const MAGIC = "OCTOCKPT";
const VERSION = 1;
const ALIGN = 64;

export interface CheckpointState {
  /** Optimizer steps done. */
  step: number;
  cursor: DataCursor;
  random: RandomState;
  /** Free-form JSON (losses so far, hyperparameters hash, …). */
  extra: Record<string, unknown>;
}

export interface CheckpointTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

interface Header extends CheckpointState {
  tensors: { name: string; shape: number[]; offset: number; length: number }[];
}

const align = (value: number) => Math.ceil(value / ALIGN) * ALIGN;

export function checkpointPath(directory: string, step: number): string {
  return join(directory, `step-${String(step).padStart(6, "0")}.ckpt`);
}

/** Writes a checkpoint and points latest.json at it; keeps the newest `keep` checkpoints. */
export function saveCheckpoint(directory: string, state: CheckpointState, tensors: CheckpointTensor[], keep = 2): string {
  const path = checkpointPath(directory, state.step);
  let offset = 0;
  const table = tensors.map((tensor) => {
    const entry = { name: tensor.name, shape: tensor.shape, offset, length: tensor.data.length };
    offset = align(offset + tensor.data.byteLength);
    return entry;
  });
  const header: Header = { ...state, tensors: table };
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const prefix = Buffer.alloc(align(16 + headerBytes.length));
  prefix.write(MAGIC, 0, "latin1");
  prefix.writeUInt32LE(VERSION, 8);
  prefix.writeUInt32LE(headerBytes.length, 12);
  headerBytes.copy(prefix, 16);

  const target = atomicTarget(path);
  const fd = openSync(target.temporaryPath, "w");
  try {
    writeAll(fd, prefix);
    let written = 0;
    for (const [index, tensor] of tensors.entries()) {
      const bytes = new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength);
      writeAll(fd, bytes);
      written += bytes.length;
      const padding = table[index]!.offset + align(bytes.length) - written;
      if (padding > 0 && index < tensors.length - 1) {
        writeAll(fd, new Uint8Array(padding));
        written += padding;
      }
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    target.abort();
    throw error;
  }
  closeSync(fd);
  target.commit();
  writeFileAtomic(join(directory, "latest.json"), JSON.stringify({ step: state.step, file: path }) + "\n");
  pruneCheckpoints(directory, keep);
  return path;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

function pruneCheckpoints(directory: string, keep: number): void {
  const files = readdirSync(directory)
    .filter((file) => /^step-\d+\.ckpt$/.test(file))
    .sort();
  for (const file of files.slice(0, Math.max(0, files.length - keep))) rmSync(join(directory, file), { force: true });
}

export interface LoadedCheckpoint extends CheckpointState {
  path: string;
  tensors: Map<string, CheckpointTensor>;
}

/** The checkpoint latest.json points to, or undefined when the folder has none. */
export function loadLatestCheckpoint(directory: string): LoadedCheckpoint | undefined {
  const pointer = join(directory, "latest.json");
  if (!existsSync(pointer)) return undefined;
  const { file } = JSON.parse(readFileSync(pointer, "utf8")) as { file: string };
  return loadCheckpoint(file);
}

export function loadCheckpoint(path: string): LoadedCheckpoint {
  const bytes = readFileSync(path);
  if (bytes.length < 16 || bytes.toString("latin1", 0, 8) !== MAGIC) {
    throw new FileFormatError(path, "not an octoplan checkpoint (bad magic)", { hint: "delete the file and resume from an older one" });
  }
  const version = bytes.readUInt32LE(8);
  if (version !== VERSION) throw new FileFormatError(path, `checkpoint version ${version}, expected ${VERSION}`);
  const headerLength = bytes.readUInt32LE(12);
  const header = JSON.parse(bytes.toString("utf8", 16, 16 + headerLength)) as Header;
  const dataStart = align(16 + headerLength);
  const tensors = new Map<string, CheckpointTensor>();
  for (const entry of header.tensors) {
    const start = dataStart + entry.offset;
    const end = start + entry.length * 4;
    if (end > bytes.length) {
      throw new FileFormatError(path, `tensor ${entry.name} runs past the end of the file`, { hint: "the file is truncated; resume from an older checkpoint" });
    }
    // Copy into a fresh aligned buffer: the file buffer's offset may not be 4-aligned.
    const data = new Float32Array(entry.length);
    new Uint8Array(data.buffer).set(bytes.subarray(start, end));
    tensors.set(entry.name, { name: entry.name, shape: entry.shape, data });
  }
  return { path, step: header.step, cursor: header.cursor, random: header.random, extra: header.extra, tensors };
}
