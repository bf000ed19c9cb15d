import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GgufFile, f32ToF16Bits } from "../../../src/model/gguf/index.js";

// Our writer only writes float types, so this test assembles a GGUF by hand with one Q8_0 and one
// Q4_0 tensor (64 values = 2 blocks each) and checks dequantization against values computed here.

function ggufString(text: string): Buffer {
  const bytes = Buffer.from(text);
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(bytes.length));
  return Buffer.concat([length, bytes]);
}

function tensorInfo(name: string, count: number, type: number, offset: number): Buffer {
  const fields = Buffer.alloc(4 + 8 + 4 + 8);
  fields.writeUInt32LE(1, 0);
  fields.writeBigUInt64LE(BigInt(count), 4);
  fields.writeUInt32LE(type, 12);
  fields.writeBigUInt64LE(BigInt(offset), 16);
  return Buffer.concat([ggufString(name), fields]);
}

describe("quantized tensors", () => {
  it("dequantizes Q8_0 and Q4_0 blocks", async () => {
    const scales = [0.5, -0.25];
    const q8 = Buffer.alloc(2 * 34);
    const q4 = Buffer.alloc(2 * 18);
    const expected8: number[] = [];
    const expected4: number[] = [];
    for (let block = 0; block < 2; block++) {
      q8.writeUInt16LE(f32ToF16Bits(scales[block]!), block * 34);
      q4.writeUInt16LE(f32ToF16Bits(scales[block]!), block * 18);
      for (let j = 0; j < 32; j++) {
        const quant = ((j * 37 + block * 11) % 255) - 127;
        q8.writeInt8(quant, block * 34 + 2 + j);
        expected8.push(scales[block]! * quant);
      }
      const low: number[] = [], high: number[] = [];
      for (let j = 0; j < 16; j++) {
        const a = (j * 5 + block) % 16, b = (j * 3 + 7) % 16;
        q4[block * 18 + 2 + j] = a | (b << 4);
        low.push(scales[block]! * (a - 8));
        high.push(scales[block]! * (b - 8));
      }
      expected4.push(...low, ...high);
    }
    const header = Buffer.alloc(24);
    header.write("GGUF", 0, "latin1");
    header.writeUInt32LE(3, 4);
    header.writeBigUInt64LE(2n, 8);
    header.writeBigUInt64LE(0n, 16);
    const infos = Buffer.concat([tensorInfo("q8", 64, 8, 0), tensorInfo("q4", 64, 2, 96)]);
    const headerLength = header.length + infos.length;
    const padding = Buffer.alloc((32 - (headerLength % 32)) % 32);
    const data = Buffer.alloc(96 + 64);
    q8.copy(data, 0);
    q4.copy(data, 96);
    const path = join(mkdtempSync(join(tmpdir(), "octoplan-quant-")), "quant.gguf");
    writeFileSync(path, Buffer.concat([header, infos, padding, data]));

    const file = await GgufFile.read(path);
    expect(file.tensor("q8")).toMatchObject({ type: "Q8_0", shape: [64], byteSize: 68 });
    expect(file.tensor("q4")).toMatchObject({ type: "Q4_0", shape: [64], byteSize: 36 });
    expect([...file.tensorF32("q8")]).toEqual(expected8);
    expect([...file.tensorF32("q4")]).toEqual(expected4);
  });
});
