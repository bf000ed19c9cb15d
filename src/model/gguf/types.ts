// GGUF value types and ggml tensor types, with the numeric ids of gguf.h / ggml.h.
// Block sizes (elements per block, bytes per block) come from ggml-common.h's static_asserts;
// they let the reader compute every tensor's byte size, including types it cannot dequantize.
// Ids that ggml removed (4, 5, 31–33, 36–38) are deliberately absent: a file using them is refused.

export type GgufScalarType =
  | "uint8" | "int8" | "uint16" | "int16" | "uint32" | "int32" | "float32"
  | "bool" | "string" | "uint64" | "int64" | "float64";
export type GgufValueType = GgufScalarType | "array";

/** gguf.h `enum gguf_type`, index = id. */
export const GGUF_VALUE_TYPES: readonly GgufValueType[] = [
  "uint8", "int8", "uint16", "int16", "uint32", "int32", "float32",
  "bool", "string", "array", "uint64", "int64", "float64",
];

export function ggufValueTypeId(type: GgufValueType): number {
  return GGUF_VALUE_TYPES.indexOf(type);
}

/** Fixed byte width of scalar value types (string is variable: u64 length + bytes). */
export const GGUF_SCALAR_SIZE: Partial<Record<GgufValueType, number>> = {
  uint8: 1, int8: 1, bool: 1, uint16: 2, int16: 2,
  uint32: 4, int32: 4, float32: 4, uint64: 8, int64: 8, float64: 8,
};

/** A metadata value as read: numbers, bigints for 64-bit integers, nested arrays as JS arrays. */
export type GgufValue = number | bigint | boolean | string | GgufValue[];

/** An array whose items are themselves arrays carries each inner item type. */
export interface GgufTypedArray {
  itemType: GgufValueType;
  value: GgufValue[] | GgufTypedArray[];
}

/**
 * One metadata entry, typed explicitly so that writing is unambiguous (a JS number could be
 * any of eight GGUF types). For itemType "array", value holds GgufTypedArray items.
 */
export type GgufEntry =
  | { key: string; type: GgufScalarType; value: GgufValue }
  | { key: string; type: "array"; itemType: GgufValueType; value: GgufValue[] | GgufTypedArray[] };

export interface GgmlTypeInfo {
  name: string;
  id: number;
  blockSize: number; // elements per block
  typeSize: number; // bytes per block
}

const TYPE_TABLE: Array<[string, number, number, number]> = [
  ["F32", 0, 1, 4], ["F16", 1, 1, 2], ["Q4_0", 2, 32, 18], ["Q4_1", 3, 32, 20],
  ["Q5_0", 6, 32, 22], ["Q5_1", 7, 32, 24], ["Q8_0", 8, 32, 34], ["Q8_1", 9, 32, 36],
  ["Q2_K", 10, 256, 84], ["Q3_K", 11, 256, 110], ["Q4_K", 12, 256, 144], ["Q5_K", 13, 256, 176],
  ["Q6_K", 14, 256, 210], ["Q8_K", 15, 256, 292], ["IQ2_XXS", 16, 256, 66], ["IQ2_XS", 17, 256, 74],
  ["IQ3_XXS", 18, 256, 98], ["IQ1_S", 19, 256, 50], ["IQ4_NL", 20, 32, 18], ["IQ3_S", 21, 256, 110],
  ["IQ2_S", 22, 256, 82], ["IQ4_XS", 23, 256, 136], ["I8", 24, 1, 1], ["I16", 25, 1, 2],
  ["I32", 26, 1, 4], ["I64", 27, 1, 8], ["F64", 28, 1, 8], ["IQ1_M", 29, 256, 56],
  ["BF16", 30, 1, 2], ["TQ1_0", 34, 256, 54], ["TQ2_0", 35, 256, 66], ["MXFP4", 39, 32, 17],
  ["NVFP4", 40, 64, 36], ["Q1_0", 41, 128, 18], ["Q2_0", 42, 64, 18],
];

export const GGML_TYPES: ReadonlyMap<number, GgmlTypeInfo> = new Map(
  TYPE_TABLE.map(([name, id, blockSize, typeSize]) => [id, { name, id, blockSize, typeSize }]),
);

const BY_NAME = new Map([...GGML_TYPES.values()].map((info) => [info.name, info]));

/** ggml tensor type names as in ggml.h without the GGML_TYPE_ prefix. */
export type GgmlType = "F32" | "F16" | "BF16" | "Q4_0" | "Q8_0" | (string & {});

export function ggmlTypeByName(name: string): GgmlTypeInfo | undefined {
  return BY_NAME.get(name);
}

/** Bytes of a tensor with these dims (ggml ne order) — ne[0] must be a whole number of blocks. */
export function tensorByteSize(info: GgmlTypeInfo, shape: readonly number[]): number {
  const elements = shape.reduce((product, dim) => product * dim, 1);
  return (elements / info.blockSize) * info.typeSize;
}

export const GGUF_MAGIC = 0x46554747; // "GGUF" read as little-endian u32
export const GGUF_DEFAULT_ALIGNMENT = 32;
export const MAX_TENSOR_DIMS = 4; // GGML_MAX_DIMS
