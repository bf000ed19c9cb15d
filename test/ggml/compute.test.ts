// The ggml wrappers on the real library: transfers in every float type, a matmul and its gradient against a
// reference computed in TypeScript, shape errors raised before ggml sees bad shapes, idempotent dispose.

import koffi from "koffi";
import { afterAll, describe, expect, it } from "vitest";
import { readTensorLinks, tensorBytes, writeTensorLinks } from "../../src/ggml/bindings.js";
import { ComputeContext, cpuPeak, Ggml, loadLibraries, ParameterContext, ShapeError, UnknownTensorError } from "../../src/ggml/index.js";

const ggml = await Ggml.create({ threads: 1 });
afterAll(() => ggml.dispose());

describe("Ggml", () => {
  it("loads a scored CPU variant and knows op ids", () => {
    expect(ggml.device).toBe("cpu");
    expect(ggml.cpuVariant.length).toBeGreaterThan(0);
    expect(ggml.opId("MUL_MAT")).not.toBe(ggml.opId("OUT_PROD"));
    expect(() => ggml.opId("NOPE")).toThrow(/Available ops: .*MUL_MAT/);
  });

  it("picks the CPU variant with the best ggml_backend_score, not a fixed name", () => {
    const libraries = loadLibraries("cpu");
    const scores = Object.values(libraries.cpuScores);
    expect(scores.length).toBeGreaterThan(1);
    expect(libraries.cpuScores[libraries.cpuVariant]).toBe(Math.max(...scores));
    expect(ggml.cpuVariant).toBe(libraries.cpuVariant);
  });

  it("moves every live CPU instance, and later ones, to a new thread count, and leaves disposed ones alone", async () => {
    const other = await Ggml.create({ threads: 1 });
    const gone = await Ggml.create({ threads: 1 });
    gone.dispose();
    let later: Ggml | undefined;
    try {
      Ggml.setThreadsOfAll(3);
      later = await Ggml.create({ threads: 2 });
      expect([ggml.threads, other.threads, gone.threads, later.threads]).toEqual([3, 3, 1, 3]);
      expect(() => Ggml.setThreadsOfAll(0)).toThrow(/positive integer/);
      expect(ggml.threads).toBe(3);
    } finally {
      Ggml.setThreadsOfAll(1); // the rest of this file's tests use one thread
      other.dispose();
      later?.dispose();
    }
  });

  it("computes the FP32 peak from frequency, cores and vector width", () => {
    const peak = cpuPeak(3);
    expect(peak.cores).toBe(3);
    expect(peak.peakGflops).toBeCloseTo(peak.gigahertz * 3 * peak.fp32Lanes * 2, 0);
    expect([4, 8, 16]).toContain(peak.fp32Lanes);
  });

  it("round-trips F32 exactly and F16/BF16 to their precision", () => {
    const params = ParameterContext.create(ggml, [
      { name: "a", type: "F32", shape: [5] }, { name: "b", type: "F16", shape: [5] }, { name: "c", type: "BF16", shape: [5] },
    ]);
    const values = new Float32Array([1.5, -2.25, 1e-3, 65504, -0.1]);
    for (const name of ["a", "b", "c"]) params.write(name, values);
    expect(params.read("a")).toEqual(values);
    params.read("b").forEach((value, i) => expect(value).toBeCloseTo(values[i]!, 3));
    params.read("c").forEach((value, i) => expect(Math.abs(value - values[i]!)).toBeLessThanOrEqual(Math.abs(values[i]!) / 128));
    expect(() => params.get("d")).toThrow(UnknownTensorError);
    expect(() => params.get("d")).toThrow(/Available tensors: a, b, c/);
    params.dispose();
    params.dispose();
  });
});

describe("ComputeContext", () => {
  it("computes W·x and d(sum((W·x)²))/dW like the reference", () => {
    const rows = 3, inner = 4, columns = 2;
    const w = Float32Array.from({ length: rows * inner }, (_, i) => Math.sin(i + 1));
    const x = Float32Array.from({ length: inner * columns }, (_, i) => Math.cos(i * 0.7));
    const params = ParameterContext.create(ggml, [{ name: "w", type: "F32", shape: [inner, rows] }]);
    params.write("w", w);
    const step = ComputeContext.create(ggml, { gradients: true });
    const input = step.input("F32", [inner, columns], "x");
    const weight = params.get("w");
    step.markParameter(weight);
    const y = step.ops.mulMat(weight, input); // [rows, columns]
    const loss = step.ops.sum(step.ops.sqr(y));
    step.markLoss(loss);
    step.markOutput(y);
    step.expand(loss);
    step.backward();
    const gradient = step.gradient(weight)!;
    step.markOutput(gradient);
    step.allocate();
    ggml.write(input, x);
    step.resetGradients();
    step.compute();
    // reference: y[r, c] = Σ_k w[r*inner + k] x[c*inner + k]; dL/dw[r, k] = Σ_c 2 y[r, c] x[c, k]
    const expectedY = new Float32Array(rows * columns);
    const expectedGradient = new Float32Array(rows * inner);
    for (let c = 0; c < columns; c++) for (let r = 0; r < rows; r++) {
      let sum = 0;
      for (let k = 0; k < inner; k++) sum += w[r * inner + k]! * x[c * inner + k]!;
      expectedY[c * rows + r] = sum;
      for (let k = 0; k < inner; k++) expectedGradient[r * inner + k]! += 2 * sum * x[c * inner + k]!;
    }
    ggml.read(y).forEach((value, i) => expect(value).toBeCloseTo(expectedY[i]!, 5));
    ggml.read(gradient).forEach((value, i) => expect(value).toBeCloseTo(expectedGradient[i]!, 4));
    step.dispose();
    step.dispose();
    params.dispose();
  });

  it("rejects mismatched shapes before calling ggml", () => {
    const step = ComputeContext.create(ggml);
    const a = step.input("F32", [4, 3], "a");
    const b = step.input("F32", [5, 2], "b");
    expect(() => step.ops.mulMat(a, b)).toThrow(ShapeError);
    expect(() => step.ops.add(a, b)).toThrow(/cannot broadcast/);
    expect(() => step.ops.reshape(a, [5, 2])).toThrow(/cannot become/);
    step.dispose();
  });
  it("moves appended nodes ahead of the node that reads them, and refuses other moves", () => {
    const step = ComputeContext.create(ggml, {});
    try {
      const x = step.input("F32", [4], "x");
      const sum = step.ops.add(step.ops.scale(x, 2), step.ops.scale(x, 2)); // nodes: 2x, 2x, sum
      step.expand(sum);
      const sumIndex = step.nodeCount - 1;
      const triple = step.ops.scale(x, 3);
      step.expand(triple); // appended after sum
      expect(() => step.moveAppendedNodes(new Map([[sumIndex + 1, [0]]]))).toThrow(/cannot move/);
      // sum's second operand becomes 3x, which ggml would compute only after sum without the move
      const bytes = tensorBytes(sum.pointer);
      writeTensorLinks(bytes, { ...readTensorLinks(bytes), second: koffi.address(triple.pointer) });
      step.moveAppendedNodes(new Map([[sumIndex, [sumIndex + 1]]]));
      expect(koffi.address(step.nodePointer(sumIndex))).toBe(koffi.address(triple.pointer));
      step.markOutput(sum);
      step.allocate();
      ggml.write(x, new Float32Array([1, 2, 3, 4]));
      step.compute();
      expect([...ggml.read(sum)]).toEqual([5, 10, 15, 20]);
    } finally {
      step.dispose();
    }
  });
});
