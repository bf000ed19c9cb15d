// The child side of trainInParallel (parallel.ts): one `train()` in its own process, driven over Node's IPC
// channel. The parent sends one serialisable job; progress, log lines and the result come back as messages.
// A separate process rather than a worker thread: ggml's compute call blocks its thread, a GGML_ABORT kills
// only this child, and each child's threads are its own.
import { FunctionSet, type DomainName } from "../functions/index.js";
import { Ggml } from "../ggml/ggml.js";
import { train, type TrainOptions } from "./train.js";

/** What crosses the process boundary: TrainOptions without callbacks, functions as domain names. */
export type TrainJob = Omit<TrainOptions, "functions" | "onProgress" | "log" | "signal" | "progressBar"> & { functionDomains?: DomainName[] };

/** Parent → child after the job: use this many threads from the next step on (a sibling run finished). */
export interface ThreadsMessage {
  kind: "threads";
  threads: number;
}

export type WorkerMessage =
  | { kind: "progress"; step: number; totalSteps: number; loss: number; evalLoss?: number }
  | { kind: "log"; line: string }
  | { kind: "done"; result: Awaited<ReturnType<typeof train>> }
  | { kind: "failed"; message: string; hint?: string };

function send(message: WorkerMessage): void {
  process.send?.(message);
}

let started = false;
process.on("message", (message: TrainJob | ThreadsMessage) => {
  if ("kind" in message && message.kind === "threads") {
    // Takes effect between steps: IPC messages are handled where the trainer yields to the event loop.
    Ggml.setThreadsOfAll(message.threads);
    send({ kind: "log", line: `now on ${message.threads} thread${message.threads === 1 ? "" : "s"}` });
    return;
  }
  if (started) return;
  started = true;
  const { functionDomains, ...options } = message as TrainJob;
  const controller = new AbortController();
  process.once("SIGTERM", () => controller.abort());
  // Inside the promise chain, so an unknown domain comes back as a "failed" message naming it.
  Promise.resolve().then(() => train({
    ...options,
    functions: functionDomains?.length ? FunctionSet.fromDomains(functionDomains) : undefined,
    progressBar: false,
    signal: controller.signal,
    log: (line) => send({ kind: "log", line }),
    onProgress: (progress) => send({ kind: "progress", step: progress.step, totalSteps: progress.totalSteps, loss: progress.loss, evalLoss: progress.evalLoss }),
  })).then(
    (result) => send({ kind: "done", result }),
    (error: Error & { hint?: string }) => send({ kind: "failed", message: error.message, hint: error.hint }),
  ).finally(() => process.disconnect?.());
});
