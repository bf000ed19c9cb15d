// GgufFile: typed access to a GGUF file's metadata and tensors. Only the header is read on open
// (header.ts); tensor data is read on demand at its offset, so a large model never sits in memory
// twice. Tensors convert to f32 from F32, F16, BF16, and dequantize from Q8_0 and Q4_0.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { FileFormatError } from "../../errors.js";
import { ByteReader } from "./byte-reader.js";
import { parseGgufHeader, type GgufHeader, type GgufTensorInfo } from "./header.js";
import { dequantizeQ4_0, dequantizeQ8_0 } from "./quant.js";
import { decodeBf16, decodeF16 } from "./half.js";
import type { GgufEntry, GgufValue } from "./types.js";

export type { GgufTensorInfo } from "./header.js";

export class GgufFile {
  readonly version: number;
  readonly alignment: number;
  /** Absolute byte offset of the tensor data section. */
  readonly dataOffset: number;
  readonly metadata: ReadonlyMap<string, GgufValue>;
  /** The same metadata with its GGUF types, in file order: enough to write it back unchanged. */
  readonly entries: readonly GgufEntry[];
  readonly tensors: readonly GgufTensorInfo[];
  private readonly tensorsByName: Map<string, GgufTensorInfo>;

  private constructor(readonly path: string, readonly fileSize: number, header: GgufHeader) {
    this.version = header.version;
    this.alignment = header.alignment;
    this.dataOffset = header.dataOffset;
    this.metadata = header.metadata;
    this.entries = header.entries;
    this.tensors = header.tensors;
    this.tensorsByName = new Map(header.tensors.map((tensor) => [tensor.name, tensor]));
  }

  static async read(path: string): Promise<GgufFile> {
    return GgufFile.readSync(path);
  }

  static readSync(path: string): GgufFile {
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch (error) {
      throw new FileFormatError(path, `cannot open: ${(error as Error).message}`, { hint: "check the path", cause: error });
    }
    try {
      const size = fstatSync(fd).size;
      return new GgufFile(path, size, parseGgufHeader(new ByteReader(fd, size, path)));
    } finally {
      closeSync(fd);
    }
  }

  private fail(message: string, hint?: string): never {
    throw new FileFormatError(this.path, message, { hint });
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
