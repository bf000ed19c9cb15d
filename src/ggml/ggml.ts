// Ggml: the loaded libraries plus one compute backend (CPU with N threads, or CUDA when present), and the
// typed-array transfers to and from tensors that live in that backend's buffers.
//
// Transfers go through ggml_backend_tensor_set/get so that the same code works for host and device buffers;
// F16/BF16 tensors are converted with ggml's own row converters on write and exactly in TypeScript on read.

import os from "node:os";
import { OctoplanError } from "../errors.js";
import type { BaseBindings, NativePointer } from "./bindings.js";
import { loadLibraries } from "./library.js";
import { ShapeError, Tensor, TYPE_SIZE } from "./tensor.js";

export interface GgmlOptions {
  /** CPU threads; defaults to all cores (os.availableParallelism()). */
  threads?: number;
  /** "auto" uses CUDA when the CUDA platform package and a GPU are present. */
  device?: "auto" | "cpu" | "cuda";
}

export class Ggml {
  /** Live CPU instances, so a training worker can move all of its compute to another thread count. */
  private static readonly live = new Set<Ggml>();
  /** Set by setThreadsOfAll: instances created later in this process use it too. */
  private static threadsOfAll: number | undefined;
  private disposed = false;
  private opIds: Map<string, number> | undefined;

  private constructor(
    readonly base: BaseBindings,
    private readonly backendPointer: NativePointer,
    private readonly setCpuThreads: ((threads: number) => void) | undefined,
    readonly device: "cpu" | "cuda",
    readonly cpuVariant: string,
    readonly libraryDirectory: string,
    private threadCount: number,
  ) {}

  static async create(options: GgmlOptions = {}): Promise<Ggml> {
    return Ggml.createSync(options);
  }

  /** Synchronous form of create (loading is synchronous dlopen). */
  static createSync(options: GgmlOptions = {}): Ggml {
    const threads = checkThreads(Ggml.threadsOfAll ?? options.threads ?? os.availableParallelism(), "Omit it to use all cores.");
    const libraries = loadLibraries(options.device ?? "auto");
    if (libraries.cuda) {
      const backend = libraries.cuda.ggml_backend_cuda_init(0);
      if (backend) {
        return new Ggml(libraries.base, backend, undefined, "cuda", libraries.cpuVariant, libraries.directory, threads);
      }
    }
    const backend = libraries.cpu.ggml_backend_cpu_init();
    if (!backend) throw new OctoplanError("ggml_backend_cpu_init failed", { hint: "Out of memory?" });
    const setThreads = (count: number) => libraries.cpu.ggml_backend_cpu_set_n_threads(backend, count);
    setThreads(threads);
    const ggml = new Ggml(libraries.base, backend, setThreads, "cpu", libraries.cpuVariant, libraries.directory, threads);
    Ggml.live.add(ggml);
    return ggml;
  }

  get backend(): NativePointer {
    this.assertAlive();
    return this.backendPointer;
  }

  get threads(): number {
    return this.threadCount;
  }

  set threads(count: number) {
    this.threadCount = checkThreads(count);
    this.setCpuThreads?.(count);
  }

  /**
   * Sets the thread count of every live CPU instance in this process, and of those created later (over their
   * own `threads` option). For a process that does one job (a trainInParallel worker): when its sibling finishes,
   * it takes over the freed cores from its next step on, even if the message comes before its model is built.
   */
  static setThreadsOfAll(count: number): void {
    Ggml.threadsOfAll = checkThreads(count);
    for (const ggml of Ggml.live) ggml.threads = count;
  }

  get backendName(): string {
    return this.base.ggml_backend_name(this.backend);
  }

  /** Runs a graph on the backend; its tensors must already be allocated. */
  computeGraph(graph: NativePointer): void {
    const status = this.base.ggml_backend_graph_compute(this.backend, graph);
    if (status !== 0) {
      throw new OctoplanError(`ggml_backend_graph_compute failed with status ${status}`, {
        hint: "Status -1 means allocation failed (out of memory); -2 means the graph was not allocated.",
      });
    }
  }

  /** ggml_op id for an op name such as "MUL_MAT" (looked up in the loaded library, so it follows its version). */
  opId(name: string): number {
    if (this.opIds === undefined) {
      this.opIds = new Map();
      for (let id = 0; id < 1024; id++) {
        const opName = this.base.ggml_op_name(id);
        if (!opName || opName === "COUNT" || this.opIds.has(opName)) break;
        this.opIds.set(opName, id);
      }
    }
    const id = this.opIds.get(name);
    if (id === undefined) {
      throw new OctoplanError(`unknown ggml op '${name}'. Available ops: ${[...this.opIds.keys()].join(", ")}`, {
        hint: "Op names are ggml_op_name() spellings such as MUL_MAT.",
      });
    }
    return id;
  }

  /** Copies a whole tensor out as float32 (F32, F16, BF16) or int32 values (I32). */
  read(tensor: Tensor): Float32Array {
    const count = tensor.elementCount;
    if (!tensor.isContiguous) throw new ShapeError(`read: ${tensor.describe()} is not contiguous`, { hint: "Read its source, or ggml_cont it in the graph." });
    switch (tensor.type) {
      case "F32": {
        const out = new Float32Array(count);
        this.base.ggml_backend_tensor_get(tensor.pointer, out, 0, count * 4);
        return out;
      }
      case "F16":
      case "BF16": {
        const raw = new Uint16Array(count);
        this.base.ggml_backend_tensor_get(tensor.pointer, raw, 0, count * 2);
        return tensor.type === "F16" ? halfToFloat(raw) : bfloatToFloat(raw);
      }
      default:
        throw new ShapeError(`read: ${tensor.describe()} cannot be read as float32`, { hint: "Use readInt32 for I32 tensors." });
    }
  }

  readInt32(tensor: Tensor): Int32Array {
    if (tensor.type !== "I32") throw new ShapeError(`readInt32: ${tensor.describe()} is not I32`);
    const out = new Int32Array(tensor.elementCount);
    this.base.ggml_backend_tensor_get(tensor.pointer, out, 0, out.byteLength);
    return out;
  }

  /** Writes float32 values, converting to the tensor's F16/BF16 type; Int32Array for I32 tensors. */
  write(tensor: Tensor, values: Float32Array | Int32Array): void {
    const count = tensor.elementCount;
    if (values.length !== count) {
      throw new ShapeError(`write: ${tensor.describe()} holds ${count} values, got ${values.length}`);
    }
    if (!tensor.isContiguous) throw new ShapeError(`write: ${tensor.describe()} is not contiguous`);
    if (tensor.type === "I32") {
      if (!(values instanceof Int32Array)) throw new ShapeError(`write: ${tensor.describe()} needs an Int32Array`);
      this.base.ggml_backend_tensor_set(tensor.pointer, values, 0, count * 4);
      return;
    }
    if (!(values instanceof Float32Array)) throw new ShapeError(`write: ${tensor.describe()} needs a Float32Array`);
    if (tensor.type === "F32") {
      this.base.ggml_backend_tensor_set(tensor.pointer, values, 0, count * TYPE_SIZE.F32);
    } else if (tensor.type === "F16" || tensor.type === "BF16") {
      const raw = new Uint16Array(count);
      if (tensor.type === "F16") this.base.ggml_fp32_to_fp16_row(values, raw, count);
      else this.base.ggml_fp32_to_bf16_row_ref(values, raw, count);
      this.base.ggml_backend_tensor_set(tensor.pointer, raw, 0, count * 2);
    } else {
      throw new ShapeError(`write: ${tensor.describe()} has a type octoplan does not write`);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    Ggml.live.delete(this);
    this.base.ggml_backend_free(this.backendPointer);
  }

  private assertAlive(): void {
    if (this.disposed) throw new OctoplanError("this Ggml instance was disposed", { hint: "Create a new one with Ggml.create()." });
  }
}

/** IEEE half → float, exact. */
export function halfToFloat(raw: Uint16Array): Float32Array {
  const out = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const h = raw[i]!;
    const sign = h & 0x8000 ? -1 : 1;
    const exponent = (h >> 10) & 0x1f;
    const mantissa = h & 0x3ff;
    if (exponent === 0) out[i] = sign * mantissa * 2 ** -24;
    else if (exponent === 31) out[i] = mantissa ? NaN : sign * Infinity;
    else out[i] = sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
  }
  return out;
}

/** bfloat16 → float, exact (the top 16 bits of a float32). */
export function bfloatToFloat(raw: Uint16Array): Float32Array {
  const bits = new Uint32Array(raw.length);
  for (let i = 0; i < raw.length; i++) bits[i] = raw[i]! << 16;
  return new Float32Array(bits.buffer);
}

/** The one check of a thread count (options, the setter, setThreadsOfAll); returns it when valid. */
function checkThreads(count: number, hint?: string): number {
  if (!Number.isInteger(count) || count < 1) throw new OctoplanError(`threads must be a positive integer, got ${count}`, { hint });
  return count;
}
