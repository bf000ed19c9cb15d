import { describe, expect, it } from "vitest";
import { bf16BitsToF32, f16BitsToF32, f32ToBf16Bits, f32ToF16Bits } from "../../../src/model/gguf/index.js";

const hex = (value: number) => "0x" + value.toString(16).padStart(4, "0");

describe("f32 → f16 (round to nearest even, as ggml)", () => {
  it("matches hand-computed bit patterns", () => {
    const cases: Array<[number, number]> = [
      [0, 0x0000], [-0, 0x8000], [1, 0x3c00], [-2, 0xc000], [0.5, 0x3800],
      [65504, 0x7bff], // largest finite
      [65519.99, 0x7bff], [65520, 0x7c00], // 65520 is the tie above 65504 → Inf (even)
      [Infinity, 0x7c00], [-Infinity, 0xfc00],
      [1 + 2 ** -11, 0x3c00], // tie → even (down)
      [1 + 3 * 2 ** -11, 0x3c02], // tie → even (up)
      [1 + 2 ** -11 + 2 ** -20, 0x3c01], // just above the tie → up
      [0.1, 0x2e66], [1 / 3, 0x3555],
      [2 ** -14, 0x0400], // smallest normal
      [2 ** -24, 0x0001], // smallest subnormal
      [2 ** -25, 0x0000], // tie between 0 and 2^-24 → even (0)
      [1.5 * 2 ** -25, 0x0001], [3 * 2 ** -25, 0x0002], // 1.5 units → 2 (even)
      [2 ** -14 - 2 ** -25, 0x0400], // rounds up into the normals
    ];
    for (const [value, bits] of cases) expect(hex(f32ToF16Bits(value)), String(value)).toBe(hex(bits));
    expect(hex(f32ToF16Bits(NaN))).toBe("0x7e00");
  });

  it("round-trips all 63,488 finite f16 values and rounds every midpoint to even", () => {
    for (let bits = 0; bits < 0x10000; bits++) {
      const value = f16BitsToF32(bits);
      if (!Number.isFinite(value)) continue;
      if (f32ToF16Bits(value) !== bits) throw new Error(`${hex(bits)} → ${value} → ${hex(f32ToF16Bits(value))}`);
      const exponent = (bits >> 10) & 0x1f;
      if ((bits & 0x8000) !== 0 || exponent >= 30 || bits === 0x7bff) continue;
      const midpoint = (value + f16BitsToF32(bits + 1)) / 2; // exact in f32 and in doubles
      const expected = (bits & 1) === 0 ? bits : bits + 1;
      if (f32ToF16Bits(midpoint) !== expected) throw new Error(`midpoint above ${hex(bits)} → ${hex(f32ToF16Bits(midpoint))}`);
    }
  });
});

describe("f32 → bf16 (ggml_compute_fp32_to_bf16)", () => {
  it("matches hand-computed bit patterns", () => {
    const cases: Array<[number, number]> = [
      [1, 0x3f80], [-1, 0xbf80], [0, 0x0000], [Math.PI, 0x4049],
      [1 + 2 ** -8, 0x3f80], // tie → even (down)
      [1 + 3 * 2 ** -8, 0x3f82], // tie → even (up)
      [0.1, 0x3dcd], [65504, 0x4780], [3.4e38, 0x7f80], // rounds past the largest finite → Inf
      [Infinity, 0x7f80],
    ];
    for (const [value, bits] of cases) expect(hex(f32ToBf16Bits(value)), String(value)).toBe(hex(bits));
    expect(hex(f32ToBf16Bits(NaN))).toBe("0x7fc0");
    expect(bf16BitsToF32(0x4049)).toBe(3.140625);
  });
});
