// runWithLookahead: bounded parallel jobs whose results stream out as they arrive.
import { describe, expect, it } from "vitest";
import { runWithLookahead } from "../../../src/data/teachers/lookahead.js";

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe("runWithLookahead", () => {
  it("runs at most `lookahead` jobs at once and yields in completion order", async () => {
    let running = 0;
    let most = 0;
    const values: number[] = [];
    // Job 0 is slow, so job 1's values arrive first.
    for await (const value of runWithLookahead<number, number>({
      items: [0, 1, 2, 3], lookahead: 2,
      run: async (item, emit) => {
        running++; most = Math.max(most, running);
        await sleep(item === 0 ? 150 : 10);
        emit(item * 10); emit(item * 10 + 1);
        running--;
      },
    })) values.push(value);
    expect(most).toBe(2);
    expect(values.slice(0, 2)).toEqual([10, 11]);
    expect([...values].sort((a, b) => a - b)).toEqual([0, 1, 10, 11, 20, 21, 30, 31]);
  });

  it("ends with the first failure, and aborts the jobs still running", async () => {
    const signals: AbortSignal[] = [];
    const stream = runWithLookahead<number, number>({
      items: [0, 1], lookahead: 2,
      run: async (item, _emit, signal) => {
        signals.push(signal);
        if (item === 1) throw new Error("job 1 broke");
        await sleep(5_000);
      },
    });
    await expect((async () => { for await (const _ of stream) { /* nothing is emitted */ } })()).rejects.toThrow("job 1 broke");
    expect(signals.every((signal) => signal.aborted)).toBe(true); // job 0 was told to stop, not waited for
  });

  it("lets the check stop the stream, and aborts when the consumer stops early", async () => {
    let checks = 0;
    const stopped = runWithLookahead<number, number>({ items: [1, 2, 3], lookahead: 1, run: async () => {}, check: () => { if (++checks > 2) throw new Error("stalled"); } });
    await expect((async () => { for await (const _ of stopped) { /* nothing */ } })()).rejects.toThrow("stalled");

    let jobSignal: AbortSignal | undefined;
    for await (const value of runWithLookahead<number, number>({ items: [1, 2], lookahead: 2, run: async (item, emit, signal) => { jobSignal = signal; emit(item); await sleep(50); } })) {
      expect(value).toBe(1);
      break;
    }
    expect(jobSignal?.aborted).toBe(true);
  });
});
