import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileFormatError, InputError } from "../../../src/errors.js";
import { GgufFile, writeGguf, type GgufEntry } from "../../../src/model/gguf/index.js";

const directory = mkdtempSync(join(tmpdir(), "octoplan-gguf-"));

const ALL_TYPES: GgufEntry[] = [
  { key: "test.uint8", type: "uint8", value: 255 },
  { key: "test.int8", type: "int8", value: -128 },
  { key: "test.uint16", type: "uint16", value: 65535 },
  { key: "test.int16", type: "int16", value: -32768 },
  { key: "test.uint32", type: "uint32", value: 4294967295 },
  { key: "test.int32", type: "int32", value: -2147483648 },
  { key: "test.float32", type: "float32", value: 0.5 },
  { key: "test.float64", type: "float64", value: Math.PI },
  { key: "test.bool", type: "bool", value: true },
  { key: "test.string", type: "string", value: "héllo 🙂 東京" },
  { key: "test.uint64", type: "uint64", value: 18446744073709551615n },
  { key: "test.int64", type: "int64", value: -9223372036854775808n },
  { key: "test.array.int32", type: "array", itemType: "int32", value: [1, -2, 3] },
  { key: "test.array.string", type: "array", itemType: "string", value: ["a", "", "Ġthe"] },
  { key: "test.array.empty", type: "array", itemType: "float32", value: [] },
  {
    key: "test.array.nested", type: "array", itemType: "array",
    value: [{ itemType: "uint8", value: [1, 2] }, { itemType: "string", value: ["x"] }],
  },
];

describe("GGUF writer and reader", () => {
  it("round-trips every metadata type, with its GGUF type", async () => {
    const path = join(directory, "metadata.gguf");
    writeGguf(path, { metadata: ALL_TYPES, tensors: [] });
    const file = await GgufFile.read(path);
    expect(file.version).toBe(3);
    expect(file.entries).toEqual(ALL_TYPES);
    expect(file.getNumber("test.uint32")).toBe(4294967295);
    expect(file.getNumber("test.float32")).toBe(0.5);
    expect(file.get("test.uint64")).toBe(18446744073709551615n);
    expect(file.getBoolean("test.bool")).toBe(true);
    expect(file.getString("test.string")).toBe("héllo 🙂 東京");
    expect(file.getArray("test.array.nested")).toEqual([[1, 2], ["x"]]);
    expect(file.getStringArray("test.array.string")).toEqual(["a", "", "Ġthe"]);
  });

  it("round-trips metadata larger than the writer's buffer and the reader's 1 MiB window", async () => {
    const path = join(directory, "large.gguf");
    const tokens = Array.from({ length: 30000 }, (_, index) => `tok${index}·${"x".repeat(index % 40)}`);
    const long = "é".repeat(1_500_000); // 3 MB of UTF-8 in one string
    const data = new Float32Array(1000).map((_, index) => index / 7);
    writeGguf(path, {
      metadata: [
        { key: "tokens", type: "array", itemType: "string", value: tokens },
        { key: "long", type: "string", value: long },
        { key: "after", type: "uint64", value: 5n },
      ],
      tensors: [{ name: "w", type: "F32", shape: [10, 100], data }],
    });
    const file = await GgufFile.read(path);
    expect(file.getStringArray("tokens")).toEqual(tokens);
    expect(file.getString("long")).toBe(long);
    expect(file.getNumber("after")).toBe(5);
    expect(file.tensorF32("w")).toEqual(data);
  });

  it("writes the exact bytes of the GGUF layout (header, kv, tensor info, alignment)", () => {
    const path = join(directory, "layout.gguf");
    writeGguf(path, {
      metadata: [{ key: "a", type: "uint32", value: 7 }],
      tensors: [{ name: "t", type: "F32", shape: [2], data: new Float32Array([1, -2]) }],
    });
    const bytes = readFileSync(path);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("GGUF");
    expect(view.getUint32(4, true)).toBe(3); // version
    expect(view.getBigUint64(8, true)).toBe(1n); // tensors
    expect(view.getBigUint64(16, true)).toBe(1n); // kv pairs
    expect(view.getBigUint64(24, true)).toBe(1n); // key length
    expect(bytes[32]).toBe(0x61); // "a"
    expect(view.getUint32(33, true)).toBe(4); // GGUF_TYPE_UINT32
    expect(view.getUint32(37, true)).toBe(7);
    expect(view.getBigUint64(41, true)).toBe(1n); // tensor name length
    expect(bytes[49]).toBe(0x74); // "t"
    expect(view.getUint32(50, true)).toBe(1); // n_dims
    expect(view.getBigUint64(54, true)).toBe(2n); // ne[0]
    expect(view.getUint32(62, true)).toBe(0); // GGML_TYPE_F32
    expect(view.getBigUint64(66, true)).toBe(0n); // offset
    // header ends at 74 → data starts at 96 (aligned to 32)
    expect(view.getFloat32(96, true)).toBe(1);
    expect(view.getFloat32(100, true)).toBe(-2);
    expect(bytes.length).toBe(128);
  });

  it("stores F32 exactly and F16/BF16 with round-to-nearest-even, aligned to 32", async () => {
    const path = join(directory, "tensors.gguf");
    // 1+2^-11 and 1+2^-8 are f16 / bf16 ties → round down to even; 1+3·2^-11 → up to even.
    const values = new Float32Array([1, -2.5, 1 + 2 ** -11, 1 + 3 * 2 ** -11, 65504, 1e-8, 0.1, 1 + 2 ** -8]);
    writeGguf(path, {
      metadata: [{ key: "general.architecture", type: "string", value: "llama" }],
      tensors: [
        { name: "f32", type: "F32", shape: [4, 2], data: values },
        { name: "f16", type: "F16", shape: [8], data: values },
        { name: "bf16", type: "BF16", shape: [2, 2, 2], data: values },
        { name: "odd", type: "F16", shape: [3], data: new Float32Array([1, 2, 3]) },
      ],
    });
    const file = await GgufFile.read(path);
    expect(file.tensors.map((t) => [t.name, t.type, t.shape])).toEqual([
      ["f32", "F32", [4, 2]], ["f16", "F16", [8]], ["bf16", "BF16", [2, 2, 2]], ["odd", "F16", [3]],
    ]);
    for (const tensor of file.tensors) expect((file.dataOffset + tensor.offset) % 32).toBe(0);
    expect(file.tensorF32("f32")).toEqual(values);
    expect([...file.tensorF32("f16")]).toEqual([1, -2.5, 1, 1 + 2 * 2 ** -10, 65504, 0, 0.0999755859375, 1.00390625]);
    expect([...file.tensorF32("bf16")]).toEqual([1, -2.5, 1, 1, 65536, 1.0011717677116394e-8, 0.10009765625, 1]);
    expect([...file.tensorF32("odd")]).toEqual([1, 2, 3]);
  });

  it("names the key in accessor errors", async () => {
    const path = join(directory, "model.gguf");
    writeGguf(path, { metadata: [{ key: "general.name", type: "string", value: "x" }], tensors: [] });
    const file = await GgufFile.read(path);
    expect(() => file.getNumber("llama.block_count")).toThrow(`model.gguf: metadata key "llama.block_count" missing`);
    expect(() => file.getNumber("general.name")).toThrow(/"general.name" is string, expected a number/);
    expect(() => file.tensorF32("token_embd.weight")).toThrow(/no tensor named "token_embd.weight"/);
  });

  it("refuses bad writer input with InputError naming the key or tensor", () => {
    const path = join(directory, "bad.gguf");
    expect(() => writeGguf(path, { metadata: [{ key: "k", type: "uint8", value: 256 }], tensors: [] })).toThrow(/"k": 256 is not a valid uint8/);
    expect(() => writeGguf(path, { metadata: [{ key: "k", type: "string", value: 3 }], tensors: [] })).toThrow(InputError);
    expect(() => writeGguf(path, {
      metadata: [], tensors: [{ name: "w", type: "F32", shape: [2, 2], data: new Float32Array(3) }],
    })).toThrow(/tensor "w": shape \[2, 2\] holds 4 values but data has 3/);
    expect(readdirSync(directory).filter((name) => name.includes("partial"))).toEqual([]);
  });
});

describe("GGUF reader on corrupt files", () => {
  const good = join(directory, "good.gguf");
  writeGguf(good, {
    metadata: [{ key: "general.architecture", type: "string", value: "llama" }],
    tensors: [{ name: "w", type: "F32", shape: [8, 8], data: new Float32Array(64).fill(1) }],
  });
  const goodBytes = readFileSync(good);

  function corrupt(name: string, edit: (bytes: Buffer) => Buffer): string {
    const path = join(directory, name);
    writeFileSync(path, edit(Buffer.from(goodBytes)));
    return path;
  }

  it("names a file that cannot be opened", async () => {
    await expect(GgufFile.read(join(directory, "missing.gguf"))).rejects.toThrow(/missing\.gguf: cannot open/);
  });

  it("rejects bad magic", async () => {
    const path = corrupt("magic.gguf", (bytes) => { bytes.write("GGML", 0, "latin1"); return bytes; });
    await expect(GgufFile.read(path)).rejects.toThrow(/magic\.gguf: not a GGUF file/);
  });

  it("rejects an unknown version", async () => {
    const path = corrupt("version.gguf", (bytes) => { bytes.writeUInt32LE(99, 4); return bytes; });
    await expect(GgufFile.read(path)).rejects.toThrow(/unsupported GGUF version 99/);
  });

  it("rejects tensor data past the end of the file", async () => {
    const path = corrupt("short.gguf", (bytes) => bytes.subarray(0, bytes.length - 10));
    const error = await GgufFile.read(path).catch((caught) => caught);
    expect(error).toBeInstanceOf(FileFormatError);
    expect(error.message).toMatch(/tensor "w" data .* runs past the end of the file/);
  });

  it("rejects a header cut short", async () => {
    const path = corrupt("cut.gguf", (bytes) => bytes.subarray(0, 60));
    await expect(GgufFile.read(path)).rejects.toThrow(/cut\.gguf: truncated/);
  });

  it("rejects absurd counts and lengths", async () => {
    const tensors = corrupt("count.gguf", (bytes) => { bytes.writeBigUInt64LE(1n << 60n, 8); return bytes; });
    await expect(GgufFile.read(tensors)).rejects.toThrow(/tensor count is 1152921504606846976, which cannot fit/);
    const key = corrupt("keylength.gguf", (bytes) => { bytes.writeBigUInt64LE(1n << 40n, 24); return bytes; });
    await expect(GgufFile.read(key)).rejects.toThrow(/length of metadata key #0 is 1099511627776/);
  });

  it("rejects unknown value and tensor types", async () => {
    const value = corrupt("valuetype.gguf", (bytes) => { bytes.writeUInt32LE(77, 24 + 8 + "general.architecture".length); return bytes; });
    await expect(GgufFile.read(value)).rejects.toThrow(/"general.architecture" has unknown value type 77/);
    const typeOffset = goodBytes.indexOf(Buffer.from("w")) + 1 + 4 + 16;
    const tensor = corrupt("tensortype.gguf", (bytes) => { bytes.writeUInt32LE(5, typeOffset); return bytes; });
    await expect(GgufFile.read(tensor)).rejects.toThrow(/tensor "w" has unknown ggml type 5/);
  });

  it("refuses to convert types it cannot dequantize, naming the type", async () => {
    const typeOffset = goodBytes.indexOf(Buffer.from("w")) + 1 + 4 + 16;
    // Q4_K needs ne[0] % 256 == 0; I32 has block size 1 and is a valid type we do not convert.
    const path = corrupt("i32.gguf", (bytes) => { bytes.writeUInt32LE(26, typeOffset); return bytes; });
    const file = await GgufFile.read(path);
    expect(() => file.tensorF32("w")).toThrow(/tensor "w" has type I32, which octoplan cannot convert/);
  });
});
