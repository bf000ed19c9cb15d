// Float32 ⇄ float16 / bfloat16 conversions, bit-exact with ggml:
// - f32 → f16 rounds to nearest, ties to even, overflow → ±Inf, NaN → 0x7e00 (quiet, sign kept);
// - f32 → bf16 is ggml_compute_fp32_to_bf16: round to nearest even, NaN forced quiet;
// - f16/bf16 → f32 are exact.
// Deliberately integer arithmetic on the f32 bit pattern: no reliance on Math.fround rounding tricks.

const scratch = new DataView(new ArrayBuffer(4));

function bitsOf(value: number): number {
  scratch.setFloat32(0, value, true);
  return scratch.getUint32(0, true);
}

function floatOf(bits: number): number {
  scratch.setUint32(0, bits >>> 0, true);
  return scratch.getFloat32(0, true);
}

/** Rounds m >> shift to nearest, ties to even. */
function shiftRoundEven(mantissa: number, shift: number): number {
  const result = Math.floor(mantissa / 2 ** shift);
  const remainder = mantissa - result * 2 ** shift;
  const half = 2 ** (shift - 1);
  if (remainder > half || (remainder === half && (result & 1) === 1)) return result + 1;
  return result;
}

export function f32ToF16Bits(value: number): number {
  const bits = bitsOf(value);
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return mantissa !== 0 ? sign | 0x7e00 : sign | 0x7c00;
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 31) return sign | 0x7c00;
  if (halfExponent <= 0) {
    // Subnormal f16 (or zero): value = m · 2^(exponent-150); f16 subnormal unit is 2^-24.
    if (halfExponent < -10) return sign; // below half the smallest subnormal → ±0
    const full = mantissa | 0x800000;
    return sign | shiftRoundEven(full, 14 - halfExponent);
  }
  // A carry out of the mantissa correctly bumps the exponent (up to 0x7c00 = Inf).
  return sign | shiftRoundEven((halfExponent << 23) | mantissa, 13);
}

let f16Table: Float32Array | undefined;

function buildF16Table(): Float32Array {
  const table = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1;
    const exponent = (h >> 10) & 0x1f;
    const mantissa = h & 0x3ff;
    if (exponent === 0) table[h] = sign * mantissa * 2 ** -24;
    else if (exponent === 31) table[h] = mantissa === 0 ? sign * Infinity : NaN;
    else table[h] = sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
  }
  return table;
}

export function f16BitsToF32(half: number): number {
  f16Table ??= buildF16Table();
  return f16Table[half & 0xffff]!;
}

export function f32ToBf16Bits(value: number): number {
  const bits = bitsOf(value);
  if ((bits & 0x7fffffff) > 0x7f800000) return ((bits >>> 16) | 64) & 0xffff;
  return Math.floor((bits + (0x7fff + ((bits >>> 16) & 1))) / 65536) & 0xffff;
}

export function bf16BitsToF32(half: number): number {
  return floatOf((half & 0xffff) << 16);
}

/** Decodes `count` little-endian f16 values starting at bytes[0]. */
export function decodeF16(bytes: Uint8Array, count: number): Float32Array {
  f16Table ??= buildF16Table();
  const table = f16Table;
  const out = new Float32Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * 2);
  for (let i = 0; i < count; i++) out[i] = table[view.getUint16(i * 2, true)]!;
  return out;
}

export function decodeBf16(bytes: Uint8Array, count: number): Float32Array {
  const out = new Float32Array(count);
  const words = new Uint32Array(out.buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * 2);
  for (let i = 0; i < count; i++) words[i] = view.getUint16(i * 2, true) << 16;
  return out;
}

/** Encodes a Float32Array as little-endian f16 or bf16 bytes. */
export function encodeHalf(values: Float32Array, type: "F16" | "BF16"): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  const convert = type === "F16" ? f32ToF16Bits : f32ToBf16Bits;
  for (let i = 0; i < values.length; i++) view.setUint16(i * 2, convert(values[i]!), true);
  return out;
}
