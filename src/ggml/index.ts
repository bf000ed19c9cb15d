// Public API of src/ggml: ggml through koffi (see docs/ENGINE.md).
export { bindBase, bindCpu, bindCuda, readTensorFields, InitParamsStruct, TensorStruct, type NativePointer, type TensorFields, type BaseBindings, type CpuBindings, type CudaBindings } from "./bindings.js";
export { loadLibraries, platformDirectory, GgmlLoadError, type LoadedLibraries } from "./library.js";
export { Ggml, halfToFloat, bfloatToFloat, type GgmlOptions } from "./ggml.js";
export { Tensor, ShapeError, GgmlTypeId, TYPE_SIZE, assertShape, assertBroadcastable, assertType, type TensorType } from "./tensor.js";
export { ParameterContext, UnknownTensorError, derivedTensorName, type TensorSpec } from "./parameter-context.js";
export { ComputeContext, GraphAllocator, type ComputeContextOptions } from "./compute-context.js";
export { Ops, RopeMode, type RopeOptions } from "./ops.js";
export { FrozenTransposes } from "./frozen-backward.js";
export { MixedPrecisionCopies } from "./mixed-precision.js";
export { cpuPeak, type CpuPeak } from "./cpu-info.js";
