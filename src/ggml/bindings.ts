// The whole ggml FFI surface of octoplan, declared through koffi in one typed file.
//
// Three libraries from node-llama-cpp's platform package are bound here:
//   - libggml-base: tensors, graph building, autodiff, backends, buffers, gallocr;
//   - one libggml-cpu-<variant>: the CPU backend (picked by score in ./library.ts), threads, compute_with_ctx;
//   - libggml-cuda, when the CUDA platform package is installed (designed for; untested on these machines).
// Struct layouts mirrored here (ggml_init_params, ggml_tensor) are checked against the C headers by
// test/ggml/struct-layout.test.ts. Deliberately left out: quantization helpers, gguf.h (GGUF I/O is pure TypeScript
// in src/model/gguf), ggml-opt (the trainer builds its own loop), and ops no architecture here uses.

import koffi, { type LibraryHandle } from "koffi";

/** An opaque native pointer as koffi hands it out (an External object); never dereference it in JavaScript. */
export type NativePointer = object & { readonly __native?: never };

export const GGML_MAX_DIMS = 4;
export const GGML_MAX_SRC = 10;
export const GGML_MAX_NAME = 64;
export const GGML_MAX_OP_PARAMS = 64;

koffi.opaque("ggml_context");
koffi.opaque("ggml_cgraph");
koffi.opaque("ggml_backend");
koffi.opaque("ggml_backend_buffer");
koffi.opaque("ggml_backend_buffer_type");
koffi.opaque("ggml_backend_reg");
koffi.opaque("ggml_backend_device");
koffi.opaque("ggml_gallocr");
koffi.opaque("ggml_threadpool");

/** struct ggml_init_params (ggml.h). */
export const InitParamsStruct = koffi.struct("ggml_init_params", {
  mem_size: "size_t",
  mem_buffer: "void *",
  no_alloc: "bool",
});

/** struct ggml_tensor (ggml.h): the fields we read (type, ne, nb, op, flags, src, data, name) at the C offsets. */
export const TensorStruct = koffi.struct("ggml_tensor", {
  type: "int32_t",
  buffer: "ggml_backend_buffer *",
  ne: koffi.array("int64_t", GGML_MAX_DIMS),
  nb: koffi.array("size_t", GGML_MAX_DIMS),
  op: "int32_t",
  op_params: koffi.array("int32_t", GGML_MAX_OP_PARAMS / 4),
  flags: "int32_t",
  src: koffi.array("void *", GGML_MAX_SRC),
  view_src: "void *",
  view_offs: "size_t",
  data: "void *",
  name: koffi.array("char", GGML_MAX_NAME, "String"),
  extra: "void *",
  padding: koffi.array("char", 8),
});

/** The decoded (copied) view of a ggml_tensor struct. */
export interface TensorFields {
  type: number;
  ne: number[];
  nb: number[];
  op: number;
  flags: number;
  src: Array<NativePointer | null>;
  data: NativePointer | null;
  name: string;
}

type P = NativePointer;
type Nullable = NativePointer | null;

/** Binds libggml-base: everything that is not backend-specific. */
export function bindBase(lib: LibraryHandle) {
  const f = <T>(definition: string) => lib.func(definition) as unknown as T;
  return {
    // --- context and tensors -----------------------------------------------------------------------------
    ggml_init: f<(params: { mem_size: number; mem_buffer: null; no_alloc: boolean }) => Nullable>(
      "ggml_context * ggml_init(ggml_init_params params)"),
    ggml_free: f<(context: P) => void>("void ggml_free(ggml_context * ctx)"),
    ggml_tensor_overhead: f<() => number>("size_t ggml_tensor_overhead(void)"),
    ggml_graph_overhead_custom: f<(size: number, grads: boolean) => number>(
      "size_t ggml_graph_overhead_custom(size_t size, bool grads)"),
    ggml_type_size: f<(type: number) => number>("size_t ggml_type_size(int type)"),
    ggml_blck_size: f<(type: number) => number>("int64_t ggml_blck_size(int type)"),
    ggml_type_name: f<(type: number) => string>("const char * ggml_type_name(int type)"),
    ggml_op_name: f<(op: number) => string>("const char * ggml_op_name(int op)"),
    ggml_nbytes: f<(tensor: P) => number>("size_t ggml_nbytes(ggml_tensor * tensor)"),
    ggml_nelements: f<(tensor: P) => number>("int64_t ggml_nelements(ggml_tensor * tensor)"),
    ggml_new_tensor_1d: f<(context: P, type: number, ne0: number) => P>(
      "ggml_tensor * ggml_new_tensor_1d(ggml_context * ctx, int type, int64_t ne0)"),
    ggml_new_tensor_2d: f<(context: P, type: number, ne0: number, ne1: number) => P>(
      "ggml_tensor * ggml_new_tensor_2d(ggml_context * ctx, int type, int64_t ne0, int64_t ne1)"),
    ggml_new_tensor_3d: f<(context: P, type: number, ne0: number, ne1: number, ne2: number) => P>(
      "ggml_tensor * ggml_new_tensor_3d(ggml_context * ctx, int type, int64_t ne0, int64_t ne1, int64_t ne2)"),
    ggml_new_tensor_4d: f<(context: P, type: number, ne0: number, ne1: number, ne2: number, ne3: number) => P>(
      "ggml_tensor * ggml_new_tensor_4d(ggml_context * ctx, int type, int64_t ne0, int64_t ne1, int64_t ne2, int64_t ne3)"),
    ggml_dup_tensor: f<(context: P, tensor: P) => P>("ggml_tensor * ggml_dup_tensor(ggml_context * ctx, ggml_tensor * src)"),
    ggml_get_tensor: f<(context: P, name: string) => Nullable>("ggml_tensor * ggml_get_tensor(ggml_context * ctx, const char * name)"),
    ggml_get_first_tensor: f<(context: P) => Nullable>("ggml_tensor * ggml_get_first_tensor(ggml_context * ctx)"),
    ggml_get_next_tensor: f<(context: P, tensor: P) => Nullable>(
      "ggml_tensor * ggml_get_next_tensor(ggml_context * ctx, ggml_tensor * tensor)"),
    ggml_set_name: f<(tensor: P, name: string) => P>("ggml_tensor * ggml_set_name(ggml_tensor * tensor, const char * name)"),
    ggml_get_name: f<(tensor: P) => string>("const char * ggml_get_name(ggml_tensor * tensor)"),
    ggml_set_input: f<(tensor: P) => void>("void ggml_set_input(ggml_tensor * tensor)"),
    ggml_set_output: f<(tensor: P) => void>("void ggml_set_output(ggml_tensor * tensor)"),
    ggml_set_param: f<(tensor: P) => void>("void ggml_set_param(ggml_tensor * tensor)"),
    ggml_set_loss: f<(tensor: P) => void>("void ggml_set_loss(ggml_tensor * tensor)"),

    // --- views and layout --------------------------------------------------------------------------------
    ggml_view_1d: f<(context: P, a: P, ne0: number, offset: number) => P>(
      "ggml_tensor * ggml_view_1d(ggml_context * ctx, ggml_tensor * a, int64_t ne0, size_t offset)"),
    ggml_view_2d: f<(context: P, a: P, ne0: number, ne1: number, nb1: number, offset: number) => P>(
      "ggml_tensor * ggml_view_2d(ggml_context * ctx, ggml_tensor * a, int64_t ne0, int64_t ne1, size_t nb1, size_t offset)"),
    ggml_view_3d: f<(context: P, a: P, ne0: number, ne1: number, ne2: number, nb1: number, nb2: number, offset: number) => P>(
      "ggml_tensor * ggml_view_3d(ggml_context * ctx, ggml_tensor * a, int64_t ne0, int64_t ne1, int64_t ne2, size_t nb1, size_t nb2, size_t offset)"),
    ggml_view_4d: f<(context: P, a: P, ne0: number, ne1: number, ne2: number, ne3: number, nb1: number, nb2: number, nb3: number, offset: number) => P>(
      "ggml_tensor * ggml_view_4d(ggml_context * ctx, ggml_tensor * a, int64_t ne0, int64_t ne1, int64_t ne2, int64_t ne3, size_t nb1, size_t nb2, size_t nb3, size_t offset)"),
    ggml_reshape_1d: f<(context: P, a: P, ne0: number) => P>("ggml_tensor * ggml_reshape_1d(ggml_context * ctx, ggml_tensor * a, int64_t ne0)"),
    ggml_reshape_2d: f<(context: P, a: P, ne0: number, ne1: number) => P>(
      "ggml_tensor * ggml_reshape_2d(ggml_context * ctx, ggml_tensor * a, int64_t ne0, int64_t ne1)"),
    ggml_reshape_3d: f<(context: P, a: P, ne0: number, ne1: number, ne2: number) => P>(
      "ggml_tensor * ggml_reshape_3d(ggml_context * ctx, ggml_tensor * a, int64_t ne0, int64_t ne1, int64_t ne2)"),
    ggml_reshape_4d: f<(context: P, a: P, ne0: number, ne1: number, ne2: number, ne3: number) => P>(
      "ggml_tensor * ggml_reshape_4d(ggml_context * ctx, ggml_tensor * a, int64_t ne0, int64_t ne1, int64_t ne2, int64_t ne3)"),
    ggml_permute: f<(context: P, a: P, axis0: number, axis1: number, axis2: number, axis3: number) => P>(
      "ggml_tensor * ggml_permute(ggml_context * ctx, ggml_tensor * a, int axis0, int axis1, int axis2, int axis3)"),
    ggml_transpose: f<(context: P, a: P) => P>("ggml_tensor * ggml_transpose(ggml_context * ctx, ggml_tensor * a)"),
    ggml_cont: f<(context: P, a: P) => P>("ggml_tensor * ggml_cont(ggml_context * ctx, ggml_tensor * a)"),
    ggml_cpy: f<(context: P, a: P, b: P) => P>("ggml_tensor * ggml_cpy(ggml_context * ctx, ggml_tensor * a, ggml_tensor * b)"),
    ggml_cast: f<(context: P, a: P, type: number) => P>("ggml_tensor * ggml_cast(ggml_context * ctx, ggml_tensor * a, int type)"),
    ggml_get_rows: f<(context: P, a: P, rows: P) => P>("ggml_tensor * ggml_get_rows(ggml_context * ctx, ggml_tensor * a, ggml_tensor * b)"),
    ggml_repeat_4d: f<(context: P, a: P, ne0: number, ne1: number, ne2: number, ne3: number) => P>(
      "ggml_tensor * ggml_repeat_4d(ggml_context * ctx, ggml_tensor * a, int64_t ne0, int64_t ne1, int64_t ne2, int64_t ne3)"),

    // --- arithmetic ----------------------------------------------------------------------------------------
    ggml_add: f<(context: P, a: P, b: P) => P>("ggml_tensor * ggml_add(ggml_context * ctx, ggml_tensor * a, ggml_tensor * b)"),
    ggml_sub: f<(context: P, a: P, b: P) => P>("ggml_tensor * ggml_sub(ggml_context * ctx, ggml_tensor * a, ggml_tensor * b)"),
    ggml_mul: f<(context: P, a: P, b: P) => P>("ggml_tensor * ggml_mul(ggml_context * ctx, ggml_tensor * a, ggml_tensor * b)"),
    ggml_div: f<(context: P, a: P, b: P) => P>("ggml_tensor * ggml_div(ggml_context * ctx, ggml_tensor * a, ggml_tensor * b)"),
    ggml_scale: f<(context: P, a: P, s: number) => P>("ggml_tensor * ggml_scale(ggml_context * ctx, ggml_tensor * a, float s)"),
    ggml_sqr: f<(context: P, a: P) => P>("ggml_tensor * ggml_sqr(ggml_context * ctx, ggml_tensor * a)"),
    ggml_sqrt: f<(context: P, a: P) => P>("ggml_tensor * ggml_sqrt(ggml_context * ctx, ggml_tensor * a)"),
    ggml_sum: f<(context: P, a: P) => P>("ggml_tensor * ggml_sum(ggml_context * ctx, ggml_tensor * a)"),
    ggml_sum_rows: f<(context: P, a: P) => P>("ggml_tensor * ggml_sum_rows(ggml_context * ctx, ggml_tensor * a)"),
    ggml_mean: f<(context: P, a: P) => P>("ggml_tensor * ggml_mean(ggml_context * ctx, ggml_tensor * a)"),
    ggml_neg: f<(context: P, a: P) => P>("ggml_tensor * ggml_neg(ggml_context * ctx, ggml_tensor * a)"),
    ggml_exp: f<(context: P, a: P) => P>("ggml_tensor * ggml_exp(ggml_context * ctx, ggml_tensor * a)"),
    ggml_softplus: f<(context: P, a: P) => P>("ggml_tensor * ggml_softplus(ggml_context * ctx, ggml_tensor * a)"),
    ggml_mul_mat: f<(context: P, a: P, b: P) => P>("ggml_tensor * ggml_mul_mat(ggml_context * ctx, ggml_tensor * a, ggml_tensor * b)"),
    ggml_out_prod: f<(context: P, a: P, b: P) => P>("ggml_tensor * ggml_out_prod(ggml_context * ctx, ggml_tensor * a, ggml_tensor * b)"),

    // --- neural-network ops ------------------------------------------------------------------------------
    ggml_rms_norm: f<(context: P, a: P, eps: number) => P>("ggml_tensor * ggml_rms_norm(ggml_context * ctx, ggml_tensor * a, float eps)"),
    ggml_norm: f<(context: P, a: P, eps: number) => P>("ggml_tensor * ggml_norm(ggml_context * ctx, ggml_tensor * a, float eps)"),
    ggml_rope_ext: f<(context: P, a: P, positions: P, factors: Nullable, nDims: number, mode: number, nContextOriginal: number,
      freqBase: number, freqScale: number, extFactor: number, attnFactor: number, betaFast: number, betaSlow: number) => P>(
      "ggml_tensor * ggml_rope_ext(ggml_context * ctx, ggml_tensor * a, ggml_tensor * b, ggml_tensor * c, int n_dims, int mode, int n_ctx_orig, float freq_base, float freq_scale, float ext_factor, float attn_factor, float beta_fast, float beta_slow)"),
    ggml_soft_max_ext: f<(context: P, a: P, mask: Nullable, scale: number, maxBias: number) => P>(
      "ggml_tensor * ggml_soft_max_ext(ggml_context * ctx, ggml_tensor * a, ggml_tensor * mask, float scale, float max_bias)"),
    ggml_diag_mask_inf: f<(context: P, a: P, nPast: number) => P>("ggml_tensor * ggml_diag_mask_inf(ggml_context * ctx, ggml_tensor * a, int n_past)"),
    ggml_silu: f<(context: P, a: P) => P>("ggml_tensor * ggml_silu(ggml_context * ctx, ggml_tensor * a)"),
    ggml_gelu: f<(context: P, a: P) => P>("ggml_tensor * ggml_gelu(ggml_context * ctx, ggml_tensor * a)"),
    ggml_swiglu: f<(context: P, a: P) => P>("ggml_tensor * ggml_swiglu(ggml_context * ctx, ggml_tensor * a)"),
    ggml_swiglu_split: f<(context: P, gate: P, up: P) => P>("ggml_tensor * ggml_swiglu_split(ggml_context * ctx, ggml_tensor * a, ggml_tensor * b)"),
    ggml_geglu: f<(context: P, a: P) => P>("ggml_tensor * ggml_geglu(ggml_context * ctx, ggml_tensor * a)"),
    ggml_geglu_split: f<(context: P, gate: P, up: P) => P>("ggml_tensor * ggml_geglu_split(ggml_context * ctx, ggml_tensor * a, ggml_tensor * b)"),
    ggml_cross_entropy_loss: f<(context: P, logits: P, labels: P) => P>(
      "ggml_tensor * ggml_cross_entropy_loss(ggml_context * ctx, ggml_tensor * a, ggml_tensor * b)"),
    ggml_opt_step_adamw: f<(context: P, a: P, grad: P, m: P, v: P, adamwParams: P) => P>(
      "ggml_tensor * ggml_opt_step_adamw(ggml_context * ctx, ggml_tensor * a, ggml_tensor * grad, ggml_tensor * m, ggml_tensor * v, ggml_tensor * adamw_params)"),

    // --- graphs and autodiff -------------------------------------------------------------------------------
    ggml_new_graph_custom: f<(context: P, size: number, grads: boolean) => P>(
      "ggml_cgraph * ggml_new_graph_custom(ggml_context * ctx, size_t size, bool grads)"),
    ggml_build_forward_expand: f<(graph: P, tensor: P) => void>("void ggml_build_forward_expand(ggml_cgraph * cgraph, ggml_tensor * tensor)"),
    ggml_build_backward_expand: f<(context: P, graph: P, gradAccumulators: BigUint64Array | null) => void>(
      "void ggml_build_backward_expand(ggml_context * ctx, ggml_cgraph * cgraph, void * grad_accs)"),
    ggml_graph_reset: f<(graph: P) => void>("void ggml_graph_reset(ggml_cgraph * cgraph)"),
    ggml_graph_n_nodes: f<(graph: P) => number>("int ggml_graph_n_nodes(ggml_cgraph * cgraph)"),
    ggml_graph_node: f<(graph: P, index: number) => P>("ggml_tensor * ggml_graph_node(ggml_cgraph * cgraph, int i)"),
    ggml_graph_get_grad: f<(graph: P, tensor: P) => Nullable>("ggml_tensor * ggml_graph_get_grad(ggml_cgraph * cgraph, ggml_tensor * node)"),
    ggml_graph_get_tensor: f<(graph: P, name: string) => Nullable>("ggml_tensor * ggml_graph_get_tensor(ggml_cgraph * cgraph, const char * name)"),

    // --- backends, buffers, allocation ---------------------------------------------------------------------
    ggml_backend_free: f<(backend: P) => void>("void ggml_backend_free(ggml_backend * backend)"),
    ggml_backend_name: f<(backend: P) => string>("const char * ggml_backend_name(ggml_backend * backend)"),
    ggml_backend_get_default_buffer_type: f<(backend: P) => P>(
      "ggml_backend_buffer_type * ggml_backend_get_default_buffer_type(ggml_backend * backend)"),
    ggml_backend_alloc_ctx_tensors: f<(context: P, backend: P) => Nullable>(
      "ggml_backend_buffer * ggml_backend_alloc_ctx_tensors(ggml_context * ctx, ggml_backend * backend)"),
    ggml_backend_buffer_free: f<(buffer: P) => void>("void ggml_backend_buffer_free(ggml_backend_buffer * buffer)"),
    ggml_backend_buffer_get_size: f<(buffer: P) => number>("size_t ggml_backend_buffer_get_size(ggml_backend_buffer * buffer)"),
    ggml_backend_buffer_clear: f<(buffer: P, value: number) => void>("void ggml_backend_buffer_clear(ggml_backend_buffer * buffer, uint8_t value)"),
    ggml_backend_tensor_set: f<(tensor: P, data: ArrayBufferView, offset: number, size: number) => void>(
      "void ggml_backend_tensor_set(ggml_tensor * tensor, const void * data, size_t offset, size_t size)"),
    ggml_backend_tensor_get: f<(tensor: P, data: ArrayBufferView, offset: number, size: number) => void>(
      "void ggml_backend_tensor_get(ggml_tensor * tensor, void * data, size_t offset, size_t size)"),
    ggml_backend_tensor_memset: f<(tensor: P, value: number, offset: number, size: number) => void>(
      "void ggml_backend_tensor_memset(ggml_tensor * tensor, uint8_t value, size_t offset, size_t size)"),
    ggml_backend_graph_compute: f<(backend: P, graph: P) => number>("int ggml_backend_graph_compute(ggml_backend * backend, ggml_cgraph * cgraph)"),
    ggml_gallocr_new: f<(bufferType: P) => Nullable>("ggml_gallocr * ggml_gallocr_new(ggml_backend_buffer_type * buft)"),
    ggml_gallocr_free: f<(allocator: P) => void>("void ggml_gallocr_free(ggml_gallocr * galloc)"),
    ggml_gallocr_alloc_graph: f<(allocator: P, graph: P) => boolean>("bool ggml_gallocr_alloc_graph(ggml_gallocr * galloc, ggml_cgraph * graph)"),
    ggml_fp32_to_fp16_row: f<(source: Float32Array, destination: Uint16Array, count: number) => void>(
      "void ggml_fp32_to_fp16_row(const float * x, void * y, int64_t n)"),
    ggml_fp32_to_bf16_row_ref: f<(source: Float32Array, destination: Uint16Array, count: number) => void>(
      "void ggml_fp32_to_bf16_row_ref(const float * x, void * y, int64_t n)"),
    ggml_gallocr_get_buffer_size: f<(allocator: P, bufferId: number) => number>(
      "size_t ggml_gallocr_get_buffer_size(ggml_gallocr * galloc, int buffer_id)"),
  };
}

/** Binds one CPU backend variant library (libggml-cpu-<variant>.so). */
export function bindCpu(lib: LibraryHandle) {
  const f = <T>(definition: string) => lib.func(definition) as unknown as T;
  return {
    ggml_backend_score: f<() => number>("int ggml_backend_score(void)"),
    ggml_backend_cpu_init: f<() => Nullable>("ggml_backend * ggml_backend_cpu_init(void)"),
    ggml_backend_cpu_set_n_threads: f<(backend: P, threads: number) => void>(
      "void ggml_backend_cpu_set_n_threads(ggml_backend * backend_cpu, int n_threads)"),
    ggml_graph_compute_with_ctx: f<(context: P, graph: P, threads: number) => number>(
      "int ggml_graph_compute_with_ctx(ggml_context * ctx, ggml_cgraph * cgraph, int n_threads)"),
  };
}

/** Binds libggml-cuda (only called when the CUDA platform package is present). */
export function bindCuda(lib: LibraryHandle) {
  const f = <T>(definition: string) => lib.func(definition) as unknown as T;
  return {
    ggml_backend_cuda_get_device_count: f<() => number>("int ggml_backend_cuda_get_device_count(void)"),
    ggml_backend_cuda_init: f<(device: number) => Nullable>("ggml_backend * ggml_backend_cuda_init(int device)"),
  };
}

export type BaseBindings = ReturnType<typeof bindBase>;
export type CpuBindings = ReturnType<typeof bindCpu>;
export type CudaBindings = ReturnType<typeof bindCuda>;

const TENSOR_BYTES = koffi.sizeof(TensorStruct);
/** Bytes of a pointer: the BigUint64 reads of pointers (here and in compute-context.ts) assume 64-bit platforms, as node-llama-cpp's binaries are. */
export const POINTER_BYTES = 8;
const FIELD = {
  type: koffi.offsetof(TensorStruct, "type"), ne: koffi.offsetof(TensorStruct, "ne"), nb: koffi.offsetof(TensorStruct, "nb"),
  op: koffi.offsetof(TensorStruct, "op"), src: koffi.offsetof(TensorStruct, "src"), name: koffi.offsetof(TensorStruct, "name"),
};

/**
 * A live view of a ggml_tensor struct's bytes. Reading a few fields through it costs about a microsecond, where
 * readTensorFields (koffi decoding the whole struct, its name and ten source pointers) costs about 14: graph
 * building and the backward rewrites read every node of every training step.
 */
export function tensorBytes(pointer: NativePointer): DataView {
  return new DataView(koffi.view(pointer, TENSOR_BYTES));
}

/** type, ne and nb of a tensor (what Tensor.wrap needs), from its bytes. */
export function readTensorShape(bytes: DataView): { type: number; ne: [number, number, number, number]; nb: [number, number, number, number] } {
  // ne is int64_t[4] and nb size_t[4]: 8 bytes each
  const four = (offset: number) => [0, 1, 2, 3].map((axis) => Number(bytes.getBigInt64(offset + 8 * axis, true))) as [number, number, number, number];
  return { type: bytes.getInt32(FIELD.type, true), ne: four(FIELD.ne), nb: four(FIELD.nb) };
}

/** The tensor's name (char[64], NUL-terminated), from its bytes. */
export function readTensorName(bytes: DataView): string {
  const raw = new Uint8Array(bytes.buffer, bytes.byteOffset + FIELD.name, GGML_MAX_NAME);
  const end = raw.indexOf(0);
  return Buffer.from(raw.subarray(0, end < 0 ? raw.length : end)).toString("utf8");
}

/** A node's op and the addresses of its first two sources (0n when absent). */
export interface TensorLinks {
  op: number;
  first: bigint;
  second: bigint;
}

export function readTensorLinks(bytes: DataView): TensorLinks {
  return { op: bytes.getInt32(FIELD.op, true), first: bytes.getBigUint64(FIELD.src, true), second: bytes.getBigUint64(FIELD.src + POINTER_BYTES, true) };
}

/** Source `index` of a tensor as a pointer (null when absent), for the few nodes a rewrite wraps as Tensors. */
export function readSource(pointer: NativePointer, index: number): NativePointer | null {
  return koffi.decode(pointer, FIELD.src + POINTER_BYTES * index, "void *") as NativePointer | null;
}

/** Points a built graph node at another op and other sources, in place (the caller checks shape and type). */
export function writeTensorLinks(bytes: DataView, links: TensorLinks): void {
  bytes.setInt32(FIELD.op, links.op, true);
  bytes.setBigUint64(FIELD.src, links.first, true);
  bytes.setBigUint64(FIELD.src + POINTER_BYTES, links.second, true);
}

/** Reads (copies) the fields of a ggml_tensor struct. */
export function readTensorFields(pointer: NativePointer): TensorFields {
  const raw = koffi.decode(pointer, TensorStruct) as {
    type: number; ne: ArrayLike<number | bigint>; nb: ArrayLike<number | bigint>; op: number; flags: number;
    src: Array<NativePointer | null>; data: NativePointer | null; name: string;
  };
  return {
    type: raw.type, ne: Array.from(raw.ne, Number), nb: Array.from(raw.nb, Number), op: raw.op, flags: raw.flags,
    src: Array.from(raw.src), data: raw.data, name: raw.name,
  };
}
