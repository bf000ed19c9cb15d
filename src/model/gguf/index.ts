// Pure-TypeScript GGUF I/O: reader, writer, LoRA adapter files, half-precision conversions.
export * from "./types.js";
export { GgufFile, type GgufTensorInfo } from "./reader.js";
export { writeGguf, type GgufTensorInput, type GgufWriteInput } from "./writer.js";
export { writeLoraAdapter, readLoraAdapter, type LoraPair, type LoraAdapter, type LoraAdapterInput } from "./lora.js";
export { f32ToF16Bits, f16BitsToF32, f32ToBf16Bits, bf16BitsToF32, decodeF16, decodeBf16, encodeHalf } from "./half.js";
export { dequantizeQ8_0, dequantizeQ4_0 } from "./quant.js";
export { describeGguf, formatGgufSummary, type GgufSummary } from "./describe.js";
