// The resumable stages of the Table 2 experiment. Each stage skips itself when its output exists,
// and training resumes from its checkpoints, so a killed run continues where it stopped:
//   data/      pretrain.jsonl (all-domain mix), <domain>.jsonl, union-<k>.jsonl, test-<k>.jsonl
//   base/      the base pretrained from scratch (model.gguf)
//   lora-*/    one adapter per domain, union-<k>/ the union references
//   merged/    k<k>-<method>.gguf (adapters; linear is a full model, the exact weighted sum)
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { mergeAdapters } from "../adapters/merge.js";
import { readDatasetAll, writeDataset, type DatasetRecord } from "../data/index.js";
import { generateDataset } from "../data/generate/index.js";
import { FunctionSet, type DomainName } from "../functions/index.js";
import { train } from "../train/train.js";
import { trainInParallel } from "../train/parallel.js";
import { DomainBalancedTeacher } from "./table2-data.js";
import { TABLE2_DOMAINS, type Table2Settings } from "./table2-settings.js";

export interface StageContext {
  directory: string;
  settings: Table2Settings;
  log: (line: string) => void;
  progress: boolean;
}

async function generate(context: StageContext, path: string, domains: readonly DomainName[], count: number, seed: number): Promise<DatasetRecord[]> {
  const done = `${path}.done`;
  if (!existsSync(done)) {
    await generateDataset({ teacher: new DomainBalancedTeacher(), functions: FunctionSet.fromDomains([...domains]), out: path, count, seed });
    await writeDataset(done, []);
  }
  return (await readDatasetAll(path)).records;
}

export interface Table2Data {
  pretrain: string;
  pretrainRecords: DatasetRecord[];
  domains: Record<string, string>;
  /** Training records per domain (router and step-judge training). */
  training: DatasetRecord[];
  /** Benchmark records for k = 1..4 domains, none of whose queries occur in training. */
  tests: DatasetRecord[][];
}

export async function prepareData(context: StageContext): Promise<Table2Data> {
  const { settings } = context;
  const directory = join(context.directory, "data");
  mkdirSync(directory, { recursive: true });
  context.log(`[1/5] data: ${settings.pretrainRecords} all-domain records for the base, ${settings.recordsPerDomain} per domain, ${settings.testRecords} test queries per domain count`);
  const pretrain = join(directory, "pretrain.jsonl");
  const pretrainRecords = await generate(context, pretrain, TABLE2_DOMAINS, settings.pretrainRecords, settings.seed + 1000);
  const domains: Record<string, string> = {};
  const training: DatasetRecord[] = [];
  for (const [index, domain] of TABLE2_DOMAINS.entries()) {
    domains[domain] = join(directory, `${domain}.jsonl`);
    training.push(...(await generate(context, domains[domain], [domain], settings.recordsPerDomain, settings.seed + 2000 + index)));
  }
  const seen = new Set([...training, ...pretrainRecords].map((record) => record.query.toLowerCase()));
  const tests: DatasetRecord[][] = [];
  for (let count = 1; count <= TABLE2_DOMAINS.length; count++) {
    // Ask for more than needed, then drop queries that also occur in training.
    const records = await generate(context, join(directory, `test-${count}-all.jsonl`), TABLE2_DOMAINS.slice(0, count), Math.ceil(settings.testRecords * 1.5), settings.seed + 3000 + count);
    tests.push(records.filter((record) => !seen.has(record.query.toLowerCase())).slice(0, settings.testRecords));
  }
  return { pretrain, pretrainRecords, domains, training, tests };
}

export async function trainBase(context: StageContext, data: Table2Data): Promise<string> {
  const output = join(context.directory, "base");
  const modelPath = join(output, "model.gguf");
  context.log(`[2/5] pretrain the base from scratch on the all-domain mix (${context.settings.pretrainSteps} steps) → ${modelPath}`);
  if (existsSync(modelPath)) return modelPath;
  const { settings } = context;
  await train({
    data: data.pretrain, task: "plan", output, init: "tiny", preset: "scratch", maxSteps: settings.pretrainSteps, epochs: 1000, lr: settings.pretrainLearningRate,
    batchSize: settings.batchSize, seed: settings.seed, resume: true, progressBar: context.progress, threads: settings.threads, log: (line) => context.log(`      ${line}`),
  });
  return modelPath;
}

export interface Table2Adapters {
  domains: Record<string, string>;
  /** Union LoRA per domain count (k = 1 is the first domain's adapter). */
  union: Record<number, string>;
}

export async function trainAdapters(context: StageContext, base: string, data: Table2Data): Promise<Table2Adapters> {
  const { settings } = context;
  context.log(`[3/5] LoRA per domain (r ${settings.rank}, alpha ${settings.alpha}, ${settings.adapterSteps} steps each) and union LoRAs for ${settings.unionCounts.join(", ")} domains`);
  // The adapters are independent: they train side by side, one process and one thread each (src/train/parallel.ts).
  const jobs: Array<{ label: string; data: string; output: string; steps: number }> = TABLE2_DOMAINS.map((domain) => ({
    label: `lora-${domain}`, data: data.domains[domain]!, output: join(context.directory, `lora-${domain}`), steps: settings.adapterSteps,
  }));
  for (const count of settings.unionCounts) {
    if (count === 1) continue;
    const path = join(context.directory, "data", `union-${count}.jsonl`);
    if (!existsSync(path)) {
      const records: DatasetRecord[] = [];
      for (const domain of TABLE2_DOMAINS.slice(0, count)) records.push(...(await readDatasetAll(data.domains[domain]!)).records);
      await writeDataset(path, records);
    }
    jobs.push({ label: `union-${count}`, data: path, output: join(context.directory, `union-${count}`), steps: settings.adapterSteps * count });
  }
  const pending = jobs.filter((job) => !existsSync(join(job.output, "adapter.gguf")));
  await trainInParallel(pending.map((job) => ({
    label: job.label,
    job: {
      data: job.data, task: "plan", output: job.output, base, method: "lora", preset: "scratch", loraRank: settings.rank, loraAlpha: settings.alpha,
      lr: settings.learningRate, minLr: settings.learningRate / 10, maxSteps: job.steps, epochs: 1000, batchSize: settings.batchSize, seed: settings.seed,
      resume: true, threads: 1,
    },
  })), { log: (line) => context.log(`      ${line}`), progressBar: context.progress });
  const adapterOf = (label: string) => join(jobs.find((job) => job.label === label)!.output, "adapter.gguf");
  const domains = Object.fromEntries(TABLE2_DOMAINS.map((domain) => [domain, adapterOf(`lora-${domain}`)]));
  const union: Record<number, string> = { 1: domains[TABLE2_DOMAINS[0]!]! };
  for (const count of settings.unionCounts) if (count !== 1) union[count] = adapterOf(`union-${count}`);
  return { domains, union };
}

/** k<count>-<method>.gguf for every method; linear is written as a full model (the exact sum). */
export async function mergeAll(context: StageContext, base: string, adapters: Table2Adapters): Promise<Record<string, string>> {
  const { settings } = context;
  context.log(`[4/5] merge the first 1..4 domain adapters with ${settings.methods.join(", ")}`);
  const directory = join(context.directory, "merged");
  mkdirSync(directory, { recursive: true });
  const outputs: Record<string, string> = {};
  for (let count = 1; count <= TABLE2_DOMAINS.length; count++) {
    const references = TABLE2_DOMAINS.slice(0, count).map((domain) => ({ path: adapters.domains[domain]!, weight: settings.weight }));
    for (const method of settings.methods) {
      const output = join(directory, `k${count}-${method}.gguf`);
      outputs[`${count}:${method}`] = output;
      if (existsSync(output)) continue;
      const summary = await mergeAdapters({ base, adapters: references, method, output, full: method === "linear", density: settings.density, seed: settings.seed });
      context.log(`      ${count} domain(s), ${method}: ${summary.kind}${summary.rank ? ` rank ${summary.rank}` : ""} in ${Math.round(summary.ms)} ms`);
    }
  }
  return outputs;
}
