// The LLM teacher (paper, section 3.2): an OpenAI-compatible model proposes (query, plan, calls)
// candidates in three stages per batch of positions (see batches.ts):
//   1. with the functions as docstrings, K diverse requests needing exactly N steps (high temperature);
//   2. per request, the plan in the paper's step style plus one call (name + arguments) per step;
//   3. unless validation is off, the same model judges each pair against the paper's two criteria.
// Dropped candidates are counted by reason in `stats`. A candidate whose plan has the wrong number
// of steps or names a function that does not exist is dropped before the judge (criterion 1 checked
// for free). Everything else — argument schemas, running the calls, dedup, appending — is the
// pipeline's quality gate, so LLM and offline candidates are judged the same way.
//
// Candidates are yielded as soon as they pass, not in position order (lookahead.ts), so a kill -9
// loses only the requests in flight. Permanent API failures (bad key, unknown model, retries
// exhausted) end the stream with their error: what already passed is on disk and a re-run resumes.
import type { FunctionSet } from "../../functions/index.js";
import { ChatClient, MalformedReplyError, type ChatUsage } from "../../util/chat-client.js";
import { OctoplanError } from "../../errors.js";
import type { CandidateRecord, GenerationRequest, Teacher } from "../generate/teacher.js";
import { mixSeed, planBatches, type TeacherBatch } from "./batches.js";
import { deviceContext } from "./device-context.js";
import { runWithLookahead } from "./lookahead.js";
import { judgePrompt, judgeReplySchema, planPrompt, planReplySchema, requestsPrompt, requestsReplySchema } from "./prompts.js";

export interface LlmTeacherOptions {
  client: ChatClient;
  /** Run stage 3 (the LLM judge). Default true; `--no-validate` turns it off. */
  validate?: boolean;
  /** K: requests asked for per prompt. Default 5. */
  requestsPerPrompt?: number;
  /** Temperature of stage 1; high for variety, as in the paper. Default 1.0. */
  temperature?: number;
  /** Temperature of stage 2 (plans). Default 0.3. The judge always runs at 0. */
  planTemperature?: number;
  /** Batches worked on at once. Default 2; the client's concurrency bounds the HTTP requests. */
  lookahead?: number;
  /** Give up when this many candidates in a row are dropped (a model that cannot do the task). Default 100. */
  maxDropsInARow?: number;
}

/** The model's candidates keep being dropped; going on would only spend tokens. */
export class TeacherStalledError extends OctoplanError {}

export type DropReason = "malformed reply" | "wrong step count" | "unknown function" | "judged invalid" | "duplicate request";

export interface LlmTeacherStats {
  prompts: number;        // stage-1 prompts answered
  proposed: number;       // requests received in stage 1 (used ones)
  yielded: number;        // candidates handed to the pipeline
  dropped: Record<DropReason, number>;
  /** A few judge reasons for invalid pairs, for the summary. */
  invalidExamples: string[];
}

export class LlmTeacher implements Teacher {
  readonly name: string;
  readonly stats: LlmTeacherStats = {
    prompts: 0, proposed: 0, yielded: 0, invalidExamples: [],
    dropped: { "malformed reply": 0, "wrong step count": 0, "unknown function": 0, "judged invalid": 0, "duplicate request": 0 },
  };
  private readonly client: ChatClient;
  private dropsInARow = 0;
  private readonly settings: Required<Omit<LlmTeacherOptions, "client">>;

  private constructor(options: LlmTeacherOptions) {
    this.client = options.client;
    this.name = `openai:${options.client.model}`;
    this.settings = {
      validate: options.validate ?? true, requestsPerPrompt: options.requestsPerPrompt ?? 5,
      temperature: options.temperature ?? 1.0, planTemperature: options.planTemperature ?? 0.3, lookahead: options.lookahead ?? 2,
      maxDropsInARow: options.maxDropsInARow ?? 100,
    };
  }

  static create(options: LlmTeacherOptions): LlmTeacher {
    return new LlmTeacher(options);
  }

  /** Token totals and retry/repair counts of every request this teacher sent. */
  get usage(): ChatUsage { return this.client.usage; }

  /** Lines for the CLI's closing summary: usage in tokens and what the teacher dropped, by reason. */
  report(): string[] {
    const usage = this.usage;
    const drops = Object.entries(this.stats.dropped).filter(([, count]) => count > 0).map(([reason, count]) => `${reason} ${count}`);
    return [
      `teacher ${this.name}: ${usage.requests} requests (${usage.retries} retries, ${usage.repairs} repairs, ${usage.malformedSkipped} skipped malformed), `
        + `${usage.promptTokens} prompt + ${usage.completionTokens} completion tokens`,
      `teacher dropped: ${drops.length > 0 ? drops.join(", ") : "none"}`,
      ...this.stats.invalidExamples.slice(0, 2).map((example) => `  judged invalid, e.g. ${example}`),
    ];
  }

  async *generate(request: GenerationRequest, signal?: AbortSignal): AsyncIterable<CandidateRecord> {
    const stepCounts = request.stepCounts.slice(0, request.count);
    const batches = planBatches({ seed: request.seed, stepCounts, perPrompt: this.settings.requestsPerPrompt, functionNames: request.functions.names });
    const validate = this.settings.validate && request.validate !== false;
    const docstrings = request.functions.toDocstrings();
    const now = request.now ?? "2026-11-25T09:00";
    const candidates = runWithLookahead<TeacherBatch, CandidateRecord>({
      items: batches,
      lookahead: this.settings.lookahead,
      signal,
      run: (batch, emit, batchSignal) => this.runBatch(batch, { functions: request.functions, docstrings, now, validate, signal: batchSignal }, emit),
      check: () => {
        if (this.dropsInARow < this.settings.maxDropsInARow) return;
        throw new TeacherStalledError(`${this.name}: the last ${this.dropsInARow} candidates were all dropped (${JSON.stringify(this.stats.dropped)})`, {
          hint: `Try a stronger model, --no-validate, or fewer steps. Examples of invalid pairs: ${this.stats.invalidExamples.slice(0, 2).join(" | ") || "none"}`,
        });
      },
    });
    for await (const candidate of candidates) {
      this.stats.yielded++;
      this.dropsInARow = 0;
      yield candidate;
    }
  }

  private async runBatch(batch: TeacherBatch, context: BatchContext, emit: (candidate: CandidateRecord) => void): Promise<void> {
    const proposal = await this.skipMalformed(() => this.client.completeJson(
      requestsPrompt({ docstrings: context.docstrings, now: context.now, count: batch.positions.length, steps: batch.steps, focus: batch.focus, context: deviceContext(context.functions, batch.seed) }),
      requestsReplySchema,
      { temperature: this.settings.temperature, seed: batch.seed, signal: context.signal },
    ));
    if (!proposal) return;
    this.stats.prompts++;
    const seen = new Set<string>();
    const queries: string[] = [];
    for (const query of proposal.requests.map((text) => text.trim())) {
      const key = query.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
      if (seen.has(key)) this.stats.dropped["duplicate request"]++;
      else if (queries.length < batch.positions.length) queries.push(query);
      seen.add(key);
    }
    this.stats.proposed += queries.length;
    await Promise.all(queries.map(async (query, index) => {
      const candidate = await this.candidateFor(query, batch, mixSeed(batch.seed, index + 1), context);
      if (candidate) emit(candidate);
    }));
  }

  private async candidateFor(query: string, batch: TeacherBatch, seed: number, context: BatchContext): Promise<CandidateRecord | undefined> {
    const plan = await this.skipMalformed(() => this.client.completeJson(
      planPrompt({ docstrings: context.docstrings, query, steps: batch.steps, now: context.now, context: deviceContext(context.functions, batch.seed) }),
      planReplySchema,
      { temperature: this.settings.planTemperature, seed, signal: context.signal },
    ));
    if (!plan) return undefined;
    if (plan.steps.length !== batch.steps) return this.drop("wrong step count");
    if (plan.steps.some((step) => !context.functions.has(step.function))) return this.drop("unknown function");
    const candidate: CandidateRecord = {
      query,
      steps: plan.steps.map((step) => step.step.trim()),
      calls: plan.steps.map((step) => ({ name: step.function, arguments: step.arguments })),
    };
    if (!context.validate) return candidate;
    const verdict = await this.skipMalformed(() => this.client.completeJson(
      judgePrompt({ docstrings: context.docstrings, query, steps: candidate.steps, calls: candidate.calls }),
      judgeReplySchema,
      { temperature: 0, seed, signal: context.signal },
    ));
    if (!verdict) return undefined;
    if (!verdict.valid) {
      if (this.stats.invalidExamples.length < 5) this.stats.invalidExamples.push(`${query} → ${verdict.reason}`);
      return this.drop("judged invalid");
    }
    return candidate;
  }

  /** A reply still malformed after the client's one repair costs this position only. */
  private async skipMalformed<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof MalformedReplyError) return this.drop("malformed reply");
      throw error;
    }
  }

  private drop(reason: DropReason): undefined {
    this.stats.dropped[reason]++;
    this.dropsInARow++;
    return undefined;
  }
}

interface BatchContext { functions: FunctionSet; docstrings: string; now: string; signal: AbortSignal; validate: boolean }
