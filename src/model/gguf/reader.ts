// GGUF v2/v3 reader (little-endian). Layout, from gguf.h:
//   magic "GGUF" | u32 version | u64 tensor_count | u64 kv_count
//   kv_count × { string key | u32 type | value }          (arrays: u32 item type | u64 n | items)
//   tensor_count × { string name | u32 n_dims | u64 ne[n_dims] | u32 ggml type | u64 offset }
//   padding to `general.alignment` (default 32) | tensor data (offsets relative to here)
// Only the header is read on open; tensor data is read on demand at its offset, so a large model
// never sits in memory twice. Deliberately left out: big-endian files and GGUF v1.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { FileFormatError } from "../../errors.js";
import { ByteReader } from "./byte-reader.js";
import { dequantizeQ4_0, dequantizeQ8_0 } from "./quant.js";
import { decodeBf16, decodeF16 } from "./half.js";
import {
  GGML_MAX_DIMS, GGML_TYPES, GGUF_DEFAULT_ALIGNMENT, GGUF_MAGIC, GGUF_SCALAR_SIZE, GGUF_VALUE_TYPES,
  tensorByteSize, type GgmlType, type GgufEntry, type GgufTypedArray, type GgufValue, type GgufValueType,
} from "./types.js";

export interface GgufTensorInfo {
  name: string;
  type: GgmlType;
  typeId: number;
  /** ggml ne order: shape[0] is the fastest-varying (row length). */
  shape: number[];
  /** Byte offset relative to the data section. */
  offset: number;
  byteSize: number;
}

const MAX_ARRAY_DEPTH = 4;

function readValue(reader: ByteReader, type: GgufValueType, key: string, depth: number): GgufValue | GgufTypedArray {
  switch (type) {
    case "uint8": return reader.u8(key);
    case "int8": return reader.i8(key);
    case "uint16": return reader.u16(key);
    case "int16": return reader.i16(key);
    case "uint32": return reader.u32(key);
    case "int32": return reader.i32(key);
    case "float32": return reader.f32(key);
    case "float64": return reader.f64(key);
    case "uint64": return reader.u64(key);
    case "int64": return reader.i64(key);
    case "bool": return reader.u8(key) !== 0;
    case "string": return reader.string(`value of "${key}"`);
    case "array": {
      if (depth >= MAX_ARRAY_DEPTH) throw new FileFormatError(reader.file, `metadata key "${key}" nests arrays deeper than ${MAX_ARRAY_DEPTH}`);
      const itemType = valueType(reader, reader.u32(`item type of "${key}"`), key);
      const minimumItemBytes = GGUF_SCALAR_SIZE[itemType] ?? (itemType === "array" ? 12 : 8);
      const count = reader.count(`length of array "${key}"`, Math.floor(reader.remaining / minimumItemBytes));
      const items: Array<GgufValue | GgufTypedArray> = new Array(count);
      for (let i = 0; i < count; i++) items[i] = readValue(reader, itemType, key, depth + 1);
      return { itemType, value: items as GgufValue[] | GgufTypedArray[] };
    }
  }
}

function valueType(reader: ByteReader, id: number, key: string): GgufValueType {
  const type = GGUF_VALUE_TYPES[id];
  if (type === undefined) {
    throw new FileFormatError(reader.file, `metadata key "${key}" has unknown value type ${id}`, {
      hint: `valid GGUF value types are 0…${GGUF_VALUE_TYPES.length - 1} (${GGUF_VALUE_TYPES.join(", ")})`,
    });
  }
  return type;
}

/** Strips the item-type wrappers of (nested) arrays: what callers usually want. */
function plain(value: GgufValue | GgufTypedArray): GgufValue {
  if (typeof value === "object" && !Array.isArray(value)) return (value.value as Array<GgufValue | GgufTypedArray>).map(plain);
  return value;
}

export class GgufFile {
  readonly metadata = new Map<string, GgufValue>();
  /** The same metadata with its GGUF types, in file order: enough to write it back unchanged. */
  readonly entries: GgufEntry[] = [];
  readonly tensors: GgufTensorInfo[] = [];
  private readonly tensorsByName = new Map<string, GgufTensorInfo>();
  version = 0;
  alignment = GGUF_DEFAULT_ALIGNMENT;
  /** Absolute byte offset of the tensor data section. */
  dataOffset = 0;
  fileSize = 0;

  private constructor(readonly path: string) {}

  static async read(path: string): Promise<GgufFile> {
    return GgufFile.readSync(path);
  }

  static readSync(path: string): GgufFile {
    const file = new GgufFile(path);
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch (error) {
      throw new FileFormatError(path, `cannot open: ${(error as Error).message}`, { hint: "check the path", cause: error });
    }
    try {
      file.parse(new ByteReader(fd, fstatSync(fd).size, path));
    } finally {
      closeSync(fd);
    }
    return file;
  }

  private fail(message: string, hint?: string): never {
    throw new FileFormatError(this.path, message, { hint });
  }

  private parse(reader: ByteReader): void {
    this.fileSize = reader.fileSize;
    if (reader.fileSize < 4 || reader.u32("magic") !== GGUF_MAGIC) {
      this.fail("not a GGUF file (bad magic; expected the bytes \"GGUF\")", "pass a .gguf model or adapter file");
    }
    this.version = reader.u32("version");
    if (this.version !== 2 && this.version !== 3) {
      this.fail(`unsupported GGUF version ${this.version}`, "GGUF versions 2 and 3 are supported; re-export the file with a current llama.cpp");
    }
    const tensorCount = reader.count("tensor count", Math.floor(reader.remaining / 24));
    const keyCount = reader.count("metadata count", Math.floor(reader.remaining / 13));
    for (let i = 0; i < keyCount; i++) {
      const key = reader.string(`metadata key #${i}`);
      if (this.metadata.has(key)) this.fail(`duplicate metadata key "${key}"`);
      const type = valueType(reader, reader.u32(`type of "${key}"`), key);
      const value = readValue(reader, type, key, 0);
      this.metadata.set(key, plain(value));
      this.entries.push(type === "array"
        ? { key, type, ...(value as GgufTypedArray) }
        : { key, type, value: value as GgufValue });
    }
    const alignment = this.metadata.get("general.alignment");
    if (alignment !== undefined) {
      if (typeof alignment !== "number" || alignment === 0 || (alignment & (alignment - 1)) !== 0) {
        this.fail(`general.alignment must be a power-of-two uint32, got ${String(alignment)}`);
      }
      this.alignment = alignment;
    }
    for (let i = 0; i < tensorCount; i++) this.readTensorInfo(reader, i);
    this.dataOffset = Math.ceil(reader.position / this.alignment) * this.alignment;
    for (const tensor of this.tensors) {
      const end = this.dataOffset + tensor.offset + tensor.byteSize;
      if (end > this.fileSize) {
        this.fail(`tensor "${tensor.name}" data (bytes ${this.dataOffset + tensor.offset}…${end}) runs past the end of the file (${this.fileSize} bytes)`,
          "the file is truncated; re-download or re-export it");
      }
    }
  }

  private readTensorInfo(reader: ByteReader, index: number): void {
    const name = reader.string(`name of tensor #${index}`);
    if (this.tensorsByName.has(name)) this.fail(`duplicate tensor name "${name}"`);
    const dims = reader.u32(`dimension count of tensor "${name}"`);
    if (dims < 1 || dims > GGML_MAX_DIMS) this.fail(`tensor "${name}" has ${dims} dimensions; ggml allows 1…${GGML_MAX_DIMS}`);
    const shape: number[] = [];
    for (let d = 0; d < dims; d++) {
      const dim = reader.count(`ne[${d}] of tensor "${name}"`, Number.MAX_SAFE_INTEGER);
      if (dim === 0) this.fail(`tensor "${name}" has ne[${d}] = 0`);
      shape.push(dim);
    }
    const typeId = reader.u32(`type of tensor "${name}"`);
    const info = GGML_TYPES.get(typeId);
    if (info === undefined) {
      this.fail(`tensor "${name}" has unknown ggml type ${typeId}`, `known types: ${[...GGML_TYPES.values()].map((t) => `${t.name}=${t.id}`).join(", ")}`);
    }
    if (shape[0]! % info.blockSize !== 0) this.fail(`tensor "${name}" ne[0]=${shape[0]} is not a multiple of the ${info.name} block size ${info.blockSize}`);
    const offset = reader.count(`data offset of tensor "${name}"`, this.fileSize);
    if (offset % this.alignment !== 0) this.fail(`tensor "${name}" data offset ${offset} is not aligned to ${this.alignment}`);
    const byteSize = tensorByteSize(info, shape);
    if (byteSize > this.fileSize) this.fail(`tensor "${name}" claims ${byteSize} bytes, more than the whole file`);
    const tensor: GgufTensorInfo = { name, type: info.name, typeId, shape, offset, byteSize };
    this.tensors.push(tensor);
    this.tensorsByName.set(name, tensor);
  }

  // ----- metadata accessors: each throws naming the file and the key -----

  has(key: string): boolean {
    return this.metadata.has(key);
  }

  get(key: string): GgufValue | undefined {
    return this.metadata.get(key);
  }

  private required(key: string): GgufValue {
    const value = this.metadata.get(key);
    if (value === undefined) this.fail(`metadata key "${key}" missing`, "the file was not written for this purpose, or by an exporter that omits this key");
    return value;
  }

  private typeName(key: string): string {
    return this.entries.find((entry) => entry.key === key)?.type ?? "unknown";
  }

  getString(key: string): string {
    const value = this.required(key);
    if (typeof value !== "string") this.fail(`metadata key "${key}" is ${this.typeName(key)}, expected string`);
    return value;
  }

  getNumber(key: string): number {
    const value = this.required(key);
    if (typeof value === "bigint" && value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)) return Number(value);
    if (typeof value !== "number") this.fail(`metadata key "${key}" is ${this.typeName(key)}, expected a number`);
    return value;
  }

  getBoolean(key: string): boolean {
    const value = this.required(key);
    if (typeof value !== "boolean") this.fail(`metadata key "${key}" is ${this.typeName(key)}, expected bool`);
    return value;
  }

  getArray(key: string): GgufValue[] {
    const value = this.required(key);
    if (!Array.isArray(value)) this.fail(`metadata key "${key}" is ${this.typeName(key)}, expected array`);
    return value;
  }

  getStringArray(key: string): string[] {
    const values = this.getArray(key);
    if (values.some((item) => typeof item !== "string")) this.fail(`metadata key "${key}" must be an array of strings`);
    return values as string[];
  }

  getNumberArray(key: string): number[] {
    const values = this.getArray(key);
    if (values.some((item) => typeof item !== "number")) this.fail(`metadata key "${key}" must be an array of 8–32-bit numbers`);
    return values as number[];
  }

  // ----- tensors -----

  hasTensor(name: string): boolean {
    return this.tensorsByName.has(name);
  }

  tensor(name: string): GgufTensorInfo {
    const tensor = this.tensorsByName.get(name);
    if (tensor === undefined) {
      const names = this.tensors.map((t) => t.name);
      const shown = names.slice(0, 12).join(", ") + (names.length > 12 ? `, … (${names.length} in all)` : "");
      this.fail(`no tensor named "${name}"`, `available tensors: ${shown || "(none)"}`);
    }
    return tensor;
  }

  /** The tensor's raw bytes, read from disk at its offset. */
  tensorBytes(name: string): Uint8Array {
    const tensor = this.tensor(name);
    const bytes = new Uint8Array(tensor.byteSize);
    const fd = openSync(this.path, "r");
    try {
      let filled = 0;
      while (filled < bytes.length) {
        const read = readSync(fd, bytes, filled, bytes.length - filled, this.dataOffset + tensor.offset + filled);
        if (read === 0) this.fail(`tensor "${name}" data ends early (the file shrank after it was opened)`);
        filled += read;
      }
    } finally {
      closeSync(fd);
    }
    return bytes;
  }

  /** F32/F16/BF16 converted exactly, Q8_0/Q4_0 dequantized; shape is tensor(name).shape. */
  tensorF32(name: string): Float32Array {
    const tensor = this.tensor(name);
    const count = tensor.shape.reduce((product, dim) => product * dim, 1);
    switch (tensor.type) {
      case "F32": {
        const bytes = this.tensorBytes(name);
        return new Float32Array(bytes.buffer, bytes.byteOffset, count);
      }
      case "F16": return decodeF16(this.tensorBytes(name), count);
      case "BF16": return decodeBf16(this.tensorBytes(name), count);
      case "Q8_0": return dequantizeQ8_0(this.tensorBytes(name), count);
      case "Q4_0": return dequantizeQ4_0(this.tensorBytes(name), count);
      default:
        return this.fail(`tensor "${name}" has type ${tensor.type}, which octoplan cannot convert to f32`,
          "supported tensor types: F32, F16, BF16, Q8_0, Q4_0; re-export the model with --outtype f16 (or quantize to q8_0)");
    }
  }
}
