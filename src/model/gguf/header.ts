// Parsing a GGUF v2/v3 header (little-endian). Layout, from gguf.h:
//   magic "GGUF" | u32 version | u64 tensor_count | u64 kv_count
//   kv_count × { string key | u32 type | value }          (arrays: u32 item type | u64 n | items)
//   tensor_count × { string name | u32 n_dims | u64 ne[n_dims] | u32 ggml type | u64 offset }
//   padding to `general.alignment` (default 32) | tensor data (offsets relative to here)
// Every inconsistency is a FileFormatError naming the file and what is wrong: counts that could
// not fit in the file are refused before anything is allocated for them.
// Deliberately left out: big-endian files and GGUF v1.
import { FileFormatError } from "../../errors.js";
import type { ByteReader } from "./byte-reader.js";
import {
  MAX_TENSOR_DIMS, GGML_TYPES, GGUF_DEFAULT_ALIGNMENT, GGUF_MAGIC, GGUF_SCALAR_SIZE, GGUF_VALUE_TYPES,
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

export interface GgufHeader {
  version: number;
  alignment: number;
  /** Absolute byte offset of the tensor data section. */
  dataOffset: number;
  metadata: Map<string, GgufValue>;
  entries: GgufEntry[];
  tensors: GgufTensorInfo[];
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

export function parseGgufHeader(reader: ByteReader): GgufHeader {
  const file = reader.file;
  // Annotated so that TypeScript narrows after a call (control flow needs the explicit type).
  const fail: (message: string, hint?: string) => never = (message, hint) => {
    throw new FileFormatError(file, message, { hint });
  };
  const header: GgufHeader = { version: 0, alignment: GGUF_DEFAULT_ALIGNMENT, dataOffset: 0, metadata: new Map(), entries: [], tensors: [] };
  const tensorsByName = new Set<string>();

  function readTensorInfo(index: number): void {
    const name = reader.string(`name of tensor #${index}`);
    if (tensorsByName.has(name)) fail(`duplicate tensor name "${name}"`);
    const dims = reader.u32(`dimension count of tensor "${name}"`);
    if (dims < 1 || dims > MAX_TENSOR_DIMS) fail(`tensor "${name}" has ${dims} dimensions; ggml allows 1…${MAX_TENSOR_DIMS}`);
    const shape: number[] = [];
    for (let d = 0; d < dims; d++) {
      const dim = reader.count(`ne[${d}] of tensor "${name}"`, Number.MAX_SAFE_INTEGER);
      if (dim === 0) fail(`tensor "${name}" has ne[${d}] = 0`);
      shape.push(dim);
    }
    const typeId = reader.u32(`type of tensor "${name}"`);
    const info = GGML_TYPES.get(typeId);
    if (info === undefined) {
      fail(`tensor "${name}" has unknown ggml type ${typeId}`, `known types: ${[...GGML_TYPES.values()].map((t) => `${t.name}=${t.id}`).join(", ")}`);
    }
    if (shape[0]! % info.blockSize !== 0) fail(`tensor "${name}" ne[0]=${shape[0]} is not a multiple of the ${info.name} block size ${info.blockSize}`);
    const offset = reader.count(`data offset of tensor "${name}"`, reader.fileSize);
    if (offset % header.alignment !== 0) fail(`tensor "${name}" data offset ${offset} is not aligned to ${header.alignment}`);
    const byteSize = tensorByteSize(info, shape);
    if (byteSize > reader.fileSize) fail(`tensor "${name}" claims ${byteSize} bytes, more than the whole file`);
    const tensor: GgufTensorInfo = { name, type: info.name, typeId, shape, offset, byteSize };
    header.tensors.push(tensor);
    tensorsByName.add(name);
  }

  if (reader.fileSize < 4 || reader.u32("magic") !== GGUF_MAGIC) {
    fail("not a GGUF file (bad magic; expected the bytes \"GGUF\")", "pass a .gguf model or adapter file");
  }
  header.version = reader.u32("version");
  if (header.version !== 2 && header.version !== 3) {
    fail(`unsupported GGUF version ${header.version}`, "GGUF versions 2 and 3 are supported; re-export the file with a current llama.cpp");
  }
  const tensorCount = reader.count("tensor count", Math.floor(reader.remaining / 24));
  const keyCount = reader.count("metadata count", Math.floor(reader.remaining / 13));
  for (let i = 0; i < keyCount; i++) {
    const key = reader.string(`metadata key #${i}`);
    if (header.metadata.has(key)) fail(`duplicate metadata key "${key}"`);
    const type = valueType(reader, reader.u32(`type of "${key}"`), key);
    const value = readValue(reader, type, key, 0);
    header.metadata.set(key, plain(value));
    header.entries.push(type === "array"
      ? { key, type, ...(value as GgufTypedArray) }
      : { key, type, value: value as GgufValue });
  }
  const alignment = header.metadata.get("general.alignment");
  if (alignment !== undefined) {
    if (typeof alignment !== "number" || alignment === 0 || (alignment & (alignment - 1)) !== 0) {
      fail(`general.alignment must be a power-of-two uint32, got ${String(alignment)}`);
    }
    header.alignment = alignment;
  }
  for (let i = 0; i < tensorCount; i++) readTensorInfo(i);
  header.dataOffset = Math.ceil(reader.position / header.alignment) * header.alignment;
  for (const tensor of header.tensors) {
    const end = header.dataOffset + tensor.offset + tensor.byteSize;
    if (end > reader.fileSize) {
      fail(`tensor "${tensor.name}" data (bytes ${header.dataOffset + tensor.offset}…${end}) runs past the end of the file (${reader.fileSize} bytes)`,
        "the file is truncated; re-download or re-export it");
    }
  }
  return header;
}
