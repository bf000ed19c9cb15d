// ComputeContext: one step's graph. A no_alloc ggml context holds the op tensors, a cgraph collects them, a
// GraphAllocator (gallocr) places them in one reusable backend buffer, and the backend runs the graph.
// Typical use:
//   const step = ComputeContext.create(ggml, { gradients: true });
//   const tokens = step.input("I32", [T * B], "tokens");
//   step.markParameter(weight) for each trainable tensor (before expand); const loss = …build with step.ops…;
//   step.markLoss(loss);
//   step.expand(loss); step.backward(); step.allocate(); ggml.write(tokens, …); step.resetGradients(); step.compute();
//   ggml.read(step.gradient(weight)); step.dispose();
// Reusing one GraphAllocator across steps keeps its buffer instead of reallocating it each step.

import koffi from "koffi";
import { OctoplanError } from "../errors.js";
import { POINTER_BYTES, readSource, readTensorLinks, tensorBytes, type NativePointer } from "./bindings.js";
import type { Ggml } from "./ggml.js";
import { Ops } from "./ops.js";
import { ShapeError, Tensor, type TensorType } from "./tensor.js";

/** Offset of `nodes` in struct ggml_cgraph: three ints, then the pointer's alignment. */
const GRAPH_NODES_OFFSET = Math.ceil((3 * 4) / POINTER_BYTES) * POINTER_BYTES;

export class GraphAllocator {
  private disposed = false;
  private constructor(private readonly ggml: Ggml, readonly pointer: NativePointer) {}

  static create(ggml: Ggml): GraphAllocator {
    const pointer = ggml.base.ggml_gallocr_new(ggml.base.ggml_backend_get_default_buffer_type(ggml.backend));
    if (!pointer) throw new OctoplanError("ggml_gallocr_new failed");
    return new GraphAllocator(ggml, pointer);
  }

  /** Bytes of the compute buffer after the last allocation. */
  get byteSize(): number {
    return this.ggml.base.ggml_gallocr_get_buffer_size(this.pointer, 0);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.ggml.base.ggml_gallocr_free(this.pointer);
  }
}

export interface ComputeContextOptions {
  /** Upper bound on graph nodes (forward + backward). */
  maxNodes?: number;
  /** Whether the graph will get a backward pass. */
  gradients?: boolean;
  /** A shared allocator; when omitted the context makes and frees its own. */
  allocator?: GraphAllocator;
}

export class ComputeContext {
  private disposed = false;
  private allocated = false;
  private expanded = false;
  readonly ops: Ops;

  private constructor(
    private readonly ggml: Ggml,
    private readonly context: NativePointer,
    readonly graph: NativePointer,
    private readonly allocator: GraphAllocator,
    private readonly ownsAllocator: boolean,
    readonly hasGradients: boolean,
  ) {
    this.ops = new Ops(ggml.base, context);
  }

  static create(ggml: Ggml, options: ComputeContextOptions = {}): ComputeContext {
    const base = ggml.base;
    const maxNodes = options.maxNodes ?? 16384;
    const gradients = options.gradients ?? false;
    // Tensors: up to maxNodes ops, their views and the backward's tensors; the graph's own bookkeeping on top.
    const memory = base.ggml_tensor_overhead() * maxNodes * (gradients ? 3 : 1) + base.ggml_graph_overhead_custom(maxNodes, gradients);
    const context = base.ggml_init({ mem_size: memory, mem_buffer: null, no_alloc: true });
    if (!context) throw new OctoplanError("ggml_init failed for a compute context", { hint: "Out of memory?" });
    const graph = base.ggml_new_graph_custom(context, maxNodes, gradients);
    const allocator = options.allocator ?? GraphAllocator.create(ggml);
    return new ComputeContext(ggml, context, graph, allocator, options.allocator === undefined, gradients);
  }

  /**
   * A tensor whose data the caller writes after allocate(). Also flagged as an output so that gallocr never
   * reuses its memory: the graph can be computed again (new weights, same inputs) without rewriting inputs.
   */
  input(type: TensorType, shape: readonly number[], name: string): Tensor {
    const tensor = this.ops.newTensor(type, shape, name);
    this.ggml.base.ggml_set_input(tensor.pointer);
    this.ggml.base.ggml_set_output(tensor.pointer);
    return tensor;
  }

  /** Keeps a result's memory from being reused before the caller reads it. */
  markOutput(tensor: Tensor): void {
    this.ggml.base.ggml_set_output(tensor.pointer);
  }

  /** Must come before expand(): ggml records a flagged leaf as a graph node only when it is visited. */
  markParameter(tensor: Tensor): void {
    if (this.expanded) {
      throw new OctoplanError("markParameter() after expand()", { hint: "Mark every trainable tensor before building the graph's forward expansion." });
    }
    this.ggml.base.ggml_set_param(tensor.pointer);
  }

  markLoss(tensor: Tensor): void {
    if (tensor.elementCount !== 1 || tensor.type !== "F32") {
      throw new OctoplanError(`markLoss: the loss must be an F32 scalar, got ${tensor.describe()}`);
    }
    this.ggml.base.ggml_set_loss(tensor.pointer);
  }

  expand(tensor: Tensor): void {
    this.assertOpen();
    this.ggml.base.ggml_build_forward_expand(this.graph, tensor.pointer);
    this.expanded = true;
  }

  /** Adds the gradient of the loss with respect to every tensor marked as a parameter. */
  backward(): void {
    this.assertOpen();
    if (!this.hasGradients) throw new OctoplanError("backward() on a ComputeContext created without gradients", { hint: "Pass { gradients: true }." });
    this.ggml.base.ggml_build_backward_expand(this.context, this.graph, null);
  }

  get nodeCount(): number {
    return this.ggml.base.ggml_graph_n_nodes(this.graph);
  }

  node(index: number): Tensor {
    return Tensor.wrap(this.nodePointer(index));
  }

  nodePointer(index: number): NativePointer {
    return this.ggml.base.ggml_graph_node(this.graph, index);
  }

  /**
   * Moves nodes that expand() appended at the end of the graph to just before an earlier node. ggml runs nodes in
   * array order, so a rewrite that gives an existing node new inputs must place them ahead of it. `moves` maps the
   * index of an existing node to the indices of appended nodes, in the order they should run.
   */
  moveAppendedNodes(moves: ReadonlyMap<number, readonly number[]>): void {
    this.assertOpen();
    if (this.allocated) throw new OctoplanError("moveAppendedNodes() after allocate()");
    const count = this.nodeCount;
    // struct ggml_cgraph { int size; int n_nodes; int n_leafs; struct ggml_tensor ** nodes; … } (ggml-impl.h): a
    // private layout, so check it against the public accessor before writing through it.
    const array = koffi.decode(this.graph, GRAPH_NODES_OFFSET, "void *") as NativePointer;
    const slots = new BigUint64Array(koffi.view(array, count * POINTER_BYTES));
    for (let index = 0; index < count; index++) {
      if (slots[index] !== koffi.address(this.nodePointer(index))) {
        throw new OctoplanError("unexpected ggml_cgraph layout: its node array does not match ggml_graph_node()", { hint: "this ggml build is not the one node-llama-cpp 3.21.1 ships" });
      }
    }
    const nodes = Array.from(slots);
    const moved = new Set([...moves.values()].flat());
    for (const [before, indices] of moves) {
      if (moved.has(before) || indices.some((index) => index <= before || index >= count)) {
        throw new OctoplanError(`moveAppendedNodes: cannot move nodes [${indices.join(", ")}] before node ${before} of ${count}`);
      }
    }
    const order = nodes.flatMap((node, index) => (moved.has(index) ? [] : [...(moves.get(index) ?? []).map((appended) => nodes[appended]!), node]));
    if (order.length !== count) throw new OctoplanError(`moveAppendedNodes: ${order.length} nodes after the move, ${count} before`);
    slots.set(order);
  }

  /** The gradient tensor of a parameter (after backward()), or undefined when it does not reach the loss. */
  gradient(tensor: Tensor): Tensor | undefined {
    const pointer = this.ggml.base.ggml_graph_get_grad(this.graph, tensor.pointer);
    return pointer ? Tensor.wrap(pointer) : undefined;
  }

  allocate(): void {
    this.assertOpen();
    if (this.hasGradients) this.checkOutProducts();
    if (!this.ggml.base.ggml_gallocr_alloc_graph(this.allocator.pointer, this.graph)) {
      throw new OctoplanError("could not allocate the compute graph", { hint: "Lower the batch size or the sequence length." });
    }
    this.allocated = true;
  }

  /**
   * ggml's CPU out_prod aborts the process for a BF16 first operand, and for F16 when it would have to broadcast
   * (a frozen F16 weight against a batch of activations). Both come from autodiff through frozen weights; refuse
   * them here with a way out instead of letting ggml kill Node.
   */
  private checkOutProducts(): void {
    const outProd = this.ggml.opId("OUT_PROD");
    for (let i = 0; i < this.nodeCount; i++) {
      const node = this.nodePointer(i);
      const links = readTensorLinks(tensorBytes(node));
      if (links.op !== outProd || !links.first || !links.second) continue;
      const first = Tensor.wrap(readSource(node, 0)!);
      const second = Tensor.wrap(readSource(node, 1)!);
      const broadcasts = first.ne[2] !== second.ne[2] || first.ne[3] !== second.ne[3];
      if (first.type === "BF16" || (first.type === "F16" && broadcasts)) {
        throw new ShapeError(`the backward pass needs out_prod(${first.describe()}, ${second.describe()}), which ggml cannot compute`, {
          hint: "Frozen F16/BF16 weights: create FrozenTransposes for them and call rewrite(step) after backward().",
        });
      }
    }
  }

  /** Sets the loss gradient to 1 and all other gradients to 0 (after allocate(), before compute()). */
  resetGradients(): void {
    if (!this.allocated) throw new OctoplanError("resetGradients() before allocate()");
    this.ggml.base.ggml_graph_reset(this.graph);
  }

  compute(): void {
    if (!this.allocated) this.allocate();
    this.ggml.computeGraph(this.graph);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.ggml.base.ggml_free(this.context);
    if (this.ownsAllocator) this.allocator.dispose();
  }

  private assertOpen(): void {
    if (this.disposed) throw new OctoplanError("this ComputeContext was disposed");
  }
}
