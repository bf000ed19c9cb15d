// The training loop. fit() runs epoch() for each epoch; epoch() runs optimizer steps, each
// made of `gradAccum` micro-batches: zero grads → accumulate → clip by global norm → AdamW.
// Around that: eval loss every N steps, JSONL metrics, a progress bar, checkpoints every N
// steps and at the end, and a stop request (Ctrl-C) that saves a checkpoint before returning.
// Which batches make up step s depends only on (seed, epoch, cursor), so resuming from a
// checkpoint replays exactly the same computation as an uninterrupted run.
import { join } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { appendLines, writeFileAtomic } from "../util/atomic.js";
import { ProgressBar } from "../util/progress.js";
import { getLr } from "./schedule.js";
import { Random } from "./random.js";
import { planEpoch, type DataCursor } from "./batches.js";
import { makeBatch, type TokenizedExample } from "./examples.js";
import { saveCheckpoint, loadLatestCheckpoint } from "./checkpoint.js";
import { checkResumable, runFingerprint, type RunFingerprint } from "./resume-check.js";
import type { Hyperparameters } from "./options.js";
import type { Trainable } from "./trainable.js";

export interface TrainingProgress {
  step: number;
  totalSteps: number;
  epoch: number;
  loss: number;
  lr: number;
  gradNorm: number;
  tokensPerSecond: number;
  evalLoss?: number;
}

export interface FitOptions {
  hyperparameters: Hyperparameters;
  train: TokenizedExample[];
  eval?: TokenizedExample[];
  /** Holds metrics.jsonl and checkpoints/. */
  directory: string;
  /** Continue from DIR/checkpoints/latest.json when there is one. */
  resume?: boolean;
  onProgress?: (progress: TrainingProgress) => void;
  /** Draw a progress bar on stderr (default true). */
  progressBar?: boolean;
  /** When aborted, the loop finishes the current step, saves a checkpoint and returns. */
  signal?: AbortSignal;
}

export interface FitResult {
  steps: number;
  totalSteps: number;
  finalLoss: number;
  finalEvalLoss?: number;
  /** True when stopped by the signal before the last step. */
  interrupted: boolean;
  /** Step the run resumed from, when it did. */
  resumedFrom?: number;
}

export class Trainer {
  private step = 0;
  private cursor: DataCursor = { epoch: 0, batch: 0 };
  private random: Random;
  private lastLoss = Number.NaN;
  private lastEvalLoss: number | undefined;
  private bar: ProgressBar | undefined;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  private readonly plans = new Map<number, number[][]>();
  /** What a checkpoint records about this run, so that a resume on another run is refused (resume-check.ts). */
  private readonly fingerprint: RunFingerprint;

  constructor(private readonly model: Trainable, private readonly options: FitOptions) {
    const { gradAccum, epochs, maxSteps, seed } = options.hyperparameters;
    this.random = Random.fromSeed(seed);
    const batches = this.plan(0).length;
    this.stepsPerEpoch = Math.ceil(batches / gradAccum);
    this.totalSteps = Math.min(maxSteps ?? Number.POSITIVE_INFINITY, this.stepsPerEpoch * epochs);
    this.fingerprint = runFingerprint(options.hyperparameters, options.train);
  }

  private get checkpointDirectory(): string {
    return join(this.options.directory, "checkpoints");
  }

  private get metricsPath(): string {
    return join(this.options.directory, "metrics.jsonl");
  }

  async fit(): Promise<FitResult> {
    const resumedFrom = this.options.resume ? this.restore() : undefined;
    if (resumedFrom === undefined) writeFileAtomic(this.metricsPath, "");
    this.bar = this.options.progressBar === false ? undefined : new ProgressBar({ total: this.totalSteps, label: "train", unit: "step" });
    this.bar?.resumeFrom(this.step);
    let interrupted = false;
    while (this.step < this.totalSteps && !interrupted) {
      interrupted = await this.epoch(this.cursor.epoch);
    }
    if (this.step >= this.totalSteps) {
      if (this.options.eval?.length && this.lastEvalStep !== this.step) this.lastEvalLoss = this.evaluate();
      this.checkpoint();
      this.bar?.finish(this.describe());
    } else if (interrupted) {
      this.checkpoint();
    }
    return {
      steps: this.step,
      totalSteps: this.totalSteps,
      finalLoss: this.lastLoss,
      finalEvalLoss: this.lastEvalLoss,
      interrupted: interrupted && this.step < this.totalSteps,
      resumedFrom,
    };
  }

  private lastEvalStep = -1;

  /** Runs the remaining steps of epoch `epoch`; returns true when stopped by the signal. */
  async epoch(epoch: number): Promise<boolean> {
    const hyper = this.options.hyperparameters;
    const batches = this.plan(epoch);
    while (this.cursor.epoch === epoch && this.step < this.totalSteps) {
      const started = performance.now();
      const micro = batches.slice(this.cursor.batch, this.cursor.batch + hyper.gradAccum);

      this.model.zeroGradients();
      let loss = 0;
      let tokens = 0;
      for (const indices of micro) {
        const batch = makeBatch(indices.map((index) => this.options.train[index]!), hyper.decisionWeight);
        loss += this.model.accumulate(batch, 1 / micro.length, this.random.nextUint32()) / micro.length;
        tokens += batch.tokens;
      }
      const gradNorm = this.model.gradientNorm();
      const gradientScale = hyper.maxGradNorm > 0 && gradNorm > hyper.maxGradNorm ? hyper.maxGradNorm / (gradNorm + 1e-6) : 1;
      const lr = getLr(this.step, { lr: hyper.lr, totalSteps: this.totalSteps, warmupRatio: hyper.warmupRatio, decay: hyper.decay, minLr: hyper.minLr });
      this.model.optimizerStep({
        lr,
        beta1: hyper.beta1,
        beta2: hyper.beta2,
        epsilon: hyper.epsilon,
        weightDecay: hyper.weightDecay,
        iteration: this.step + 1,
        gradientScale,
      });

      this.step++;
      this.cursor = this.cursor.batch + micro.length >= batches.length ? { epoch: epoch + 1, batch: 0 } : { epoch, batch: this.cursor.batch + micro.length };
      this.lastLoss = loss;
      const seconds = (performance.now() - started) / 1000;
      const progress: TrainingProgress = { step: this.step, totalSteps: this.totalSteps, epoch, loss, lr, gradNorm, tokensPerSecond: tokens / seconds };
      if (this.options.eval?.length && hyper.evalEvery > 0 && this.step % hyper.evalEvery === 0) {
        progress.evalLoss = this.lastEvalLoss = this.evaluate();
      }
      appendLines(this.metricsPath, [JSON.stringify(progress)]);
      this.options.onProgress?.(progress);
      this.bar?.update(this.step, this.describe(progress));
      if (hyper.checkpointEvery > 0 && this.step % hyper.checkpointEvery === 0 && this.step < this.totalSteps) this.checkpoint();

      // Let signal handlers run between steps (the compute itself is synchronous).
      await new Promise((resolve) => setImmediate(resolve));
      if (this.options.signal?.aborted) return true;
    }
    return false;
  }

  /** Token-weighted mean loss over the eval examples. */
  evaluate(): number {
    const examples = this.options.eval ?? [];
    const { batchSize } = this.options.hyperparameters;
    const sorted = [...examples].sort((a, b) => a.tokens.length - b.tokens.length);
    let total = 0;
    let count = 0;
    for (let start = 0; start < sorted.length; start += batchSize) {
      const batch = makeBatch(sorted.slice(start, start + batchSize));
      if (batch.targetTokens === 0) continue;
      total += this.model.evalLoss(batch) * batch.targetTokens;
      count += batch.targetTokens;
    }
    this.lastEvalStep = this.step;
    return count > 0 ? total / count : Number.NaN;
  }

  private describe(progress?: TrainingProgress): string {
    const parts = [`loss ${this.lastLoss.toFixed(4)}`];
    if (this.lastEvalLoss !== undefined) parts.push(`eval ${this.lastEvalLoss.toFixed(4)}`);
    if (progress) parts.push(`${Math.round(progress.tokensPerSecond)} tok/s`);
    return parts.join(" ");
  }

  private plan(epoch: number): number[][] {
    let plan = this.plans.get(epoch);
    if (!plan) {
      const { batchSize, seed } = this.options.hyperparameters;
      plan = planEpoch(this.options.train, batchSize, seed, epoch);
      this.plans.clear();
      this.plans.set(epoch, plan);
    }
    return plan;
  }

  private checkpoint(): void {
    saveCheckpoint(
      this.checkpointDirectory,
      {
        step: this.step,
        cursor: this.cursor,
        random: this.random.getState(),
        extra: { loss: this.lastLoss, evalLoss: this.lastEvalLoss ?? null, totalSteps: this.totalSteps, ...this.fingerprint },
      },
      this.model.exportState(),
    );
  }

  /** Loads the latest checkpoint if any; returns its step. */
  private restore(): number | undefined {
    const checkpoint = loadLatestCheckpoint(this.checkpointDirectory);
    if (!checkpoint) return undefined;
    checkResumable(checkpoint.path, checkpoint.extra, this.fingerprint);
    this.model.importState(checkpoint.tensors);
    this.step = checkpoint.step;
    this.cursor = checkpoint.cursor;
    this.random = Random.fromState(checkpoint.random);
    this.lastLoss = Number(checkpoint.extra.loss);
    const evalLoss = checkpoint.extra.evalLoss;
    this.lastEvalLoss = typeof evalLoss === "number" ? evalLoss : undefined;
    // Drop metric lines written after the checkpoint: those steps run again.
    if (existsSync(this.metricsPath)) {
      const kept = readFileSync(this.metricsPath, "utf8")
        .split("\n")
        .filter((line) => {
          try {
            return line.trim() !== "" && (JSON.parse(line) as { step: number }).step <= this.step;
          } catch {
            return false; // a torn last line
          }
        });
      writeFileAtomic(this.metricsPath, kept.map((line) => line + "\n").join(""));
    }
    return checkpoint.step;
  }
}
