// GGUF v3 writer: explicitly typed metadata, F32/F16/BF16 tensors, alignment 32 (or the
// `general.alignment` entry when one is given). The file is written to a temp file tensor by
// tensor (never the whole model in one buffer) and renamed into place, so readers never see a
// half-written model. Deliberately left out: writing quantized tensors.
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
import { InputError } from "../../errors.js";
import { atomicTarget } from "../../util/atomic.js";
import { encodeHalf } from "./half.js";
import {
  MAX_TENSOR_DIMS, GGUF_DEFAULT_ALIGNMENT, GGUF_MAGIC, ggmlTypeByName, ggufValueTypeId,
  type GgufEntry, type GgufTypedArray, type GgufValue, type GgufValueType,
} from "./types.js";

export interface GgufTensorInput {
  name: string;
  type: "F32" | "F16" | "BF16";
  /** ggml ne order: shape[0] is the row length. */
  shape: number[];
  data: Float32Array;
}

export interface GgufWriteInput {
  metadata: GgufEntry[];
  tensors: GgufTensorInput[];
}

/** GGML_MAX_NAME is 64 including the terminating NUL. */
const MAX_TENSOR_NAME_BYTES = 63;

const INTEGER_RANGES: Partial<Record<GgufValueType, [number, number]>> = {
  uint8: [0, 255], int8: [-128, 127], uint16: [0, 65535], int16: [-32768, 32767],
  uint32: [0, 4294967295], int32: [-2147483648, 2147483647],
};

class GrowableBuffer {
  private bytes = new Uint8Array(1 << 16);
  private view = new DataView(this.bytes.buffer);
  length = 0;

  private reserve(extra: number): number {
    if (this.length + extra > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
      this.view = new DataView(grown.buffer);
    }
    const at = this.length;
    this.length += extra;
    return at;
  }
  /** Reserves first, then writes: growing replaces this.view, so it must not be read before. */
  private put(size: number, write: (view: DataView, at: number) => void): void {
    const at = this.reserve(size);
    write(this.view, at);
  }
  u8(value: number) { this.put(1, (view, at) => view.setUint8(at, value)); }
  i8(value: number) { this.put(1, (view, at) => view.setInt8(at, value)); }
  u16(value: number) { this.put(2, (view, at) => view.setUint16(at, value, true)); }
  i16(value: number) { this.put(2, (view, at) => view.setInt16(at, value, true)); }
  u32(value: number) { this.put(4, (view, at) => view.setUint32(at, value, true)); }
  i32(value: number) { this.put(4, (view, at) => view.setInt32(at, value, true)); }
  f32(value: number) { this.put(4, (view, at) => view.setFloat32(at, value, true)); }
  f64(value: number) { this.put(8, (view, at) => view.setFloat64(at, value, true)); }
  u64(value: bigint) { this.put(8, (view, at) => view.setBigUint64(at, value, true)); }
  i64(value: bigint) { this.put(8, (view, at) => view.setBigInt64(at, value, true)); }
  raw(bytes: Uint8Array) {
    const at = this.reserve(bytes.length);
    this.bytes.set(bytes, at);
  }
  string(value: string) {
    const bytes = Buffer.from(value, "utf8");
    this.u64(BigInt(bytes.length));
    this.raw(bytes);
  }
  padTo(alignment: number) { this.reserve((alignment - (this.length % alignment)) % alignment); }
  contents(): Uint8Array { return this.bytes.subarray(0, this.length); }
}

function badValue(key: string, type: string, value: unknown): never {
  throw new InputError(`metadata key "${key}": ${JSON.stringify(typeof value === "bigint" ? String(value) : value)} is not a valid ${type}`, {
    hint: "give each metadata entry a value that fits its declared type (64-bit integers may be bigint)",
  });
}

function writeValue(out: GrowableBuffer, key: string, type: GgufValueType, value: unknown): void {
  const range = INTEGER_RANGES[type];
  if (range) {
    if (typeof value !== "number" || !Number.isInteger(value) || value < range[0] || value > range[1]) badValue(key, type, value);
  }
  switch (type) {
    case "uint8": return out.u8(value as number);
    case "int8": return out.i8(value as number);
    case "uint16": return out.u16(value as number);
    case "int16": return out.i16(value as number);
    case "uint32": return out.u32(value as number);
    case "int32": return out.i32(value as number);
    case "float32":
    case "float64":
      if (typeof value !== "number") badValue(key, type, value);
      return type === "float32" ? out.f32(value) : out.f64(value);
    case "uint64":
    case "int64": {
      if (typeof value !== "bigint" && !(typeof value === "number" && Number.isSafeInteger(value))) badValue(key, type, value);
      const big = BigInt(value);
      if (type === "uint64" ? big < 0n || big >= 1n << 64n : big < -(1n << 63n) || big >= 1n << 63n) badValue(key, type, value);
      return type === "uint64" ? out.u64(big) : out.i64(big);
    }
    case "bool":
      if (typeof value !== "boolean") badValue(key, type, value);
      return out.u8(value ? 1 : 0);
    case "string":
      if (typeof value !== "string") badValue(key, type, value);
      return out.string(value);
    case "array": {
      const array = value as GgufTypedArray;
      if (typeof array !== "object" || array === null || !Array.isArray(array.value)) badValue(key, "array", value);
      out.u32(ggufValueTypeId(array.itemType));
      out.u64(BigInt(array.value.length));
      for (const item of array.value) writeValue(out, key, array.itemType, item as GgufValue);
      return;
    }
  }
}

function alignmentOf(metadata: GgufEntry[]): number {
  const entry = metadata.find((item) => item.key === "general.alignment");
  if (entry === undefined) return GGUF_DEFAULT_ALIGNMENT;
  const value = entry.value;
  if (entry.type !== "uint32" || typeof value !== "number" || value === 0 || (value & (value - 1)) !== 0) {
    throw new InputError(`metadata key "general.alignment" must be a power-of-two uint32, got ${String(value)}`);
  }
  return value;
}

function validateTensors(tensors: GgufTensorInput[]): void {
  const seen = new Set<string>();
  for (const tensor of tensors) {
    const where = `tensor "${tensor.name}"`;
    if (seen.has(tensor.name)) throw new InputError(`${where} is given twice`);
    seen.add(tensor.name);
    if (Buffer.byteLength(tensor.name) > MAX_TENSOR_NAME_BYTES) throw new InputError(`${where}: name is longer than ggml's ${MAX_TENSOR_NAME_BYTES} bytes`);
    if (!["F32", "F16", "BF16"].includes(tensor.type)) {
      throw new InputError(`${where}: cannot write type ${tensor.type}`, { hint: "the writer supports F32, F16 and BF16" });
    }
    if (tensor.shape.length < 1 || tensor.shape.length > MAX_TENSOR_DIMS || tensor.shape.some((dim) => !Number.isInteger(dim) || dim < 1)) {
      throw new InputError(`${where}: shape [${tensor.shape.join(", ")}] must be 1…${MAX_TENSOR_DIMS} positive integers (ggml ne order)`);
    }
    const elements = tensor.shape.reduce((product, dim) => product * dim, 1);
    if (tensor.data.length !== elements) {
      throw new InputError(`${where}: shape [${tensor.shape.join(", ")}] holds ${elements} values but data has ${tensor.data.length}`);
    }
  }
}

function encodeTensor(tensor: GgufTensorInput): Uint8Array {
  if (tensor.type === "F32") return new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength);
  return encodeHalf(tensor.data, tensor.type);
}

export function writeGguf(path: string, input: GgufWriteInput): void {
  validateTensors(input.tensors);
  const alignment = alignmentOf(input.metadata);
  const header = new GrowableBuffer();
  header.u32(GGUF_MAGIC);
  header.u32(3);
  header.u64(BigInt(input.tensors.length));
  header.u64(BigInt(input.metadata.length));
  const keys = new Set<string>();
  for (const entry of input.metadata) {
    if (keys.has(entry.key)) throw new InputError(`metadata key "${entry.key}" is given twice`);
    keys.add(entry.key);
    header.string(entry.key);
    header.u32(ggufValueTypeId(entry.type));
    writeValue(header, entry.key, entry.type, entry.type === "array" ? { itemType: entry.itemType, value: entry.value } : entry.value);
  }
  let offset = 0;
  for (const tensor of input.tensors) {
    header.string(tensor.name);
    header.u32(tensor.shape.length);
    for (const dim of tensor.shape) header.u64(BigInt(dim));
    header.u32(ggmlTypeByName(tensor.type)!.id);
    header.u64(BigInt(offset));
    const bytes = tensor.data.length * (tensor.type === "F32" ? 4 : 2);
    offset += Math.ceil(bytes / alignment) * alignment;
  }
  header.padTo(alignment);

  const target = atomicTarget(path);
  const fd = openSync(target.temporaryPath, "w");
  let complete = false;
  try {
    writeAll(fd, header.contents());
    for (const tensor of input.tensors) {
      const bytes = encodeTensor(tensor);
      writeAll(fd, bytes);
      const padding = (alignment - (bytes.length % alignment)) % alignment;
      if (padding > 0) writeAll(fd, new Uint8Array(padding));
    }
    fsyncSync(fd);
    complete = true;
  } finally {
    closeSync(fd);
    if (!complete) target.abort();
  }
  target.commit();
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}
