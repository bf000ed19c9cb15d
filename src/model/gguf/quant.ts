// Dequantization of the two block formats we accept for frozen base weights.
// Layouts (ggml-common.h):
//   block_q8_0 { f16 d; int8 qs[32]; }          x[j] = d · qs[j]
//   block_q4_0 { f16 d; uint8 qs[16]; }         x[j] = d · ((qs[j] & 15) − 8), x[j+16] = d · ((qs[j] >> 4) − 8)
// Deliberately left out: K-quants and i-quants (the reader refuses them with a hint to convert to f16/q8_0).
import { f16BitsToF32 } from "./half.js";

export function dequantizeQ8_0(bytes: Uint8Array, count: number): Float32Array {
  const out = new Float32Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blocks = count / 32;
  for (let block = 0; block < blocks; block++) {
    const base = block * 34;
    const scale = f16BitsToF32(view.getUint16(base, true));
    for (let j = 0; j < 32; j++) out[block * 32 + j] = scale * view.getInt8(base + 2 + j);
  }
  return out;
}

export function dequantizeQ4_0(bytes: Uint8Array, count: number): Float32Array {
  const out = new Float32Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blocks = count / 32;
  for (let block = 0; block < blocks; block++) {
    const base = block * 18;
    const scale = f16BitsToF32(view.getUint16(base, true));
    for (let j = 0; j < 16; j++) {
      const packed = bytes[base + 2 + j]!;
      out[block * 32 + j] = scale * ((packed & 0x0f) - 8);
      out[block * 32 + j + 16] = scale * ((packed >> 4) - 8);
    }
  }
  return out;
}
