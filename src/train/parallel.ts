// Several training runs at once, one child process each (worker.ts), with one combined progress bar.
// Why: ggml's worker threads busy-wait, so on a 2-core machine two 1-thread runs side by side finish far
// sooner than the same runs one after the other with 2 threads each (docs/RESULTS.md). The demo trains its
// planner and its action model this way. Each run keeps its own checkpoints, so a killed parent resumes.
import { fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { OctoplanError } from "../errors.js";
import { ProgressBar } from "../util/progress.js";
import type { TrainResult } from "./train.js";
import type { ThreadsMessage, TrainJob, WorkerMessage } from "./worker.js";

export interface ParallelTrainJob {
  /** Shown in the progress line and in front of the run's log lines. */
  label: string;
  job: TrainJob;
}

export interface ParallelTrainOptions {
  log?: (line: string) => void;
  progressBar?: boolean;
  /** Runs at once (default: the number of cores); the others wait for a free slot. */
  concurrency?: number;
  /**
   * Threads shared by all runs (default: none, each job keeps its own `threads`). A job without `threads` starts
   * with its share; once no job is left to start, a finished run's threads go to the runs still going (the demo's
   * planner trains on both cores after the action model is done).
   */
  totalThreads?: number;
}

/** The worker's file: the compiled .js next to this one, or the .ts source when running under tsx/vitest. */
function workerEntry(): { path: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".ts")) return { path: here.replace(/parallel\.ts$/, "worker.ts"), execArgv: ["--import", "tsx"] };
  return { path: here.replace(/parallel\.js$/, "worker.js"), execArgv: [] };
}

export async function trainInParallel(jobs: ParallelTrainJob[], options: ParallelTrainOptions = {}): Promise<TrainResult[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + "\n"));
  const state = jobs.map((entry) => ({ step: 0, total: entry.job.maxSteps ?? 0, loss: Number.NaN }));
  const bar = new ProgressBar({ total: state.reduce((sum, job) => sum + job.total, 0) || 1, label: "train", unit: "step", enabled: options.progressBar ?? true });
  const redraw = () => bar.update(
    state.reduce((sum, job) => sum + job.step, 0),
    jobs.map((entry, index) => `${entry.label} ${state[index]!.step}/${state[index]!.total} loss ${state[index]!.loss.toFixed(3)}`).join(" · "),
  );
  const { path, execArgv } = workerEntry();
  const children = new Set<ReturnType<typeof fork>>();
  const concurrency = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), jobs.length));
  const share = (runs: number) => Math.max(1, Math.floor((options.totalThreads ?? 1) / Math.max(1, runs)));
  const rebalance = () => {
    if (options.totalThreads === undefined || next < jobs.length) return;
    const message: ThreadsMessage = { kind: "threads", threads: share(children.size) };
    for (const child of children) if (child.connected) child.send(message);
  };
  const runOne = (index: number) => new Promise<TrainResult>((resolve, reject) => {
    const entry = jobs[index]!;
    const child = fork(path, [], { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    children.add(child);
    let settled = false;
    child.on("message", (message: WorkerMessage) => {
      if (message.kind === "progress") {
        Object.assign(state[index]!, { step: message.step, total: state[index]!.total || message.totalSteps, loss: message.loss });
        redraw();
      } else if (message.kind === "log") {
        log(`${entry.label}: ${message.line}`);
      } else if (message.kind === "done") {
        settled = true;
        resolve(message.result);
      } else {
        settled = true;
        reject(new OctoplanError(`training the ${entry.label} failed: ${message.message}`, { hint: message.hint }));
      }
    });
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (!failed) rebalance();
      if (!settled) reject(new OctoplanError(`training the ${entry.label} stopped (${signal ?? `exit code ${code}`}) before it finished`, { hint: "run the same command again: training resumes from its last checkpoint" }));
    });
    child.send(options.totalThreads !== undefined && entry.job.threads === undefined ? { ...entry.job, threads: share(concurrency) } : entry.job);
  });
  const results: TrainResult[] = new Array(jobs.length);
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (next < jobs.length && !failed) {
      const index = next++;
      try {
        results[index] = await runOne(index);
      } catch (error) {
        failed = true; // the other lanes start nothing new; the finally below stops what runs
        throw error;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, lane));
    return results;
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    if (options.progressBar ?? true) process.stderr.write("\n");
  }
}
