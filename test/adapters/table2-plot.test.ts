// The PNG writer: a valid PNG (signature, CRC-checked chunks, IHDR, inflatable IDAT with the right
// size) whose pixels show the plotted line in its colour.
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, encodePng, plotAccuracy } from "../../src/eval/table2-plot.js";

function chunks(png: Buffer): Array<{ type: string; data: Buffer }> {
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const out: Array<{ type: string; data: Buffer }> = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    out.push({ type, data });
    offset += 12 + length;
  }
  return out;
}

describe("PNG plot", () => {
  it("CRC32 matches the standard check value", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  it("encodes pixels losslessly", () => {
    const rgb = Uint8Array.from({ length: 4 * 3 * 3 }, (_, i) => (i * 37) % 256);
    const parts = chunks(encodePng(4, 3, rgb));
    expect(parts.map((part) => part.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    const raw = inflateSync(parts[1]!.data);
    for (let y = 0; y < 3; y++) {
      expect(raw[y * 13]).toBe(0);
      expect([...raw.subarray(y * 13 + 1, y * 13 + 13)]).toEqual([...rgb.subarray(y * 12, y * 12 + 12)]);
    }
  });

  it("draws each series in its colour", () => {
    const png = plotAccuracy([{ label: "ties", values: [0.9, 0.8, 0.7, 0.6] }], 300, 200);
    const parts = chunks(png);
    expect(parts[0]!.data.readUInt32BE(0)).toBe(300);
    expect(parts[0]!.data.readUInt32BE(4)).toBe(200);
    const raw = inflateSync(parts[1]!.data);
    let blue = 0;
    for (let y = 0; y < 200; y++) for (let x = 0; x < 300; x++) {
      const at = y * (300 * 3 + 1) + 1 + x * 3;
      if (raw[at] === 31 && raw[at + 1] === 119 && raw[at + 2] === 180) blue++;
    }
    expect(blue).toBeGreaterThan(100);
  });
});
