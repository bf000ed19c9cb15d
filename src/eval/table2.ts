// `octoplan bench paper --table 2`: the paper's Table 2 (§5.2), plan accuracy of one planner serving
// 1, 2, 3, 4 function domains, for every merge method, runtime mixing, routing and a union LoRA.
// Accuracy is the paper's criterion on the planner alone: the planned steps map, one by one, to the
// gold functions in order. Steps are mapped to functions by a hashed-n-gram classifier trained on the
// gold (step, function) pairs of the training records (its accuracy on gold test steps is reported as
// `judgeAccuracy`): this isolates the planner, where the paper used GPT-4 as the judge.
// Stages live in table2-stages.ts; every evaluated configuration is saved under results/ and skipped
// when present, so the whole run resumes.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AdapterRouter, RoutedPlanner } from "../adapters/router.js";
import { TextClassifier } from "../adapters/text-classifier.js";
import { LlamaPlanner } from "../agent/planner.js";
import type { Planner } from "../agent/types.js";
import type { DatasetRecord } from "../data/index.js";
import { OctoplanError } from "../errors.js";
import { writeFileAtomic } from "../util/atomic.js";
import { ProgressBar } from "../util/progress.js";
import { sameFunctions } from "./compare.js";
import { plotAccuracy } from "./table2-plot.js";
import { table2Markdown, type Table2Report, type Table2Row } from "./table2-report.js";
import { mergeAll, prepareData, trainAdapters, trainBase, type StageContext } from "./table2-stages.js";
import { EXTRA_CONFIGURATIONS, PAPER_TABLE2, TABLE2_DOMAINS, TABLE2_SETTINGS, type Table2Settings } from "./table2-settings.js";

export interface Table2Options {
  out: string;
  fast?: boolean;
  settings?: Partial<Table2Settings>;
  log?: (line: string) => void;
  progress?: boolean;
}

interface ConfigurationResult extends Table2Row {
  routing?: { exactAccuracy: number; topAccuracy: number; meanMs: number };
}

async function evaluatePlanner(planner: Planner, records: DatasetRecord[], judge: TextClassifier, label: string, progress: boolean): Promise<{ accuracy: number; meanPlanMs: number }> {
  const bar = new ProgressBar({ total: records.length, label, unit: "queries", enabled: progress });
  let correct = 0, totalMs = 0;
  for (const record of records) {
    const started = performance.now();
    try {
      const result = await planner.plan(record.query);
      const functions = result.steps.map((step) => judge.predict(step)[0]!);
      if (sameFunctions(record.functions, functions)) correct++;
    } catch (error) {
      // A plan the planner could not even format (e.g. more than 5 steps) is a failed query, not a failed benchmark.
      if (!(error instanceof OctoplanError)) throw error;
    }
    totalMs += performance.now() - started;
    bar.tick();
  }
  bar.finish();
  return { accuracy: correct / Math.max(records.length, 1), meanPlanMs: totalMs / Math.max(records.length, 1) };
}

export async function runTable2(options: Table2Options): Promise<Table2Report> {
  const started = performance.now();
  const mode = options.fast ? "fast" : "full";
  const settings = { ...TABLE2_SETTINGS[mode], ...options.settings };
  const log = options.log ?? ((line: string) => process.stderr.write(line + "\n"));
  const progress = options.progress ?? true;
  const context: StageContext = { directory: options.out, settings, log, progress };
  mkdirSync(options.out, { recursive: true });

  const data = await prepareData(context);
  const base = await trainBase(context, data);
  const adapters = await trainAdapters(context, base, data);
  const merged = await mergeAll(context, base, adapters);

  log("[5/5] evaluate every configuration for 1..4 domains");
  const judge = TextClassifier.train(data.training.flatMap((record) => record.steps.map((step, index) => ({ text: step, labels: [record.functions[index]!] }))), { seed: settings.seed });
  const goldSteps = data.tests.flat().flatMap((record) => record.steps.map((step, index) => ({ step, function: record.functions[index]! })));
  const judgeAccuracy = goldSteps.filter((item) => judge.predict(item.step)[0] === item.function).length / Math.max(goldSteps.length, 1);
  log(`      step → function judge: ${(judgeAccuracy * 100).toFixed(1)}% on the gold test steps`);

  const resultsDirectory = join(options.out, "results");
  mkdirSync(resultsDirectory, { recursive: true });
  const rows: ConfigurationResult[] = [];
  const plannerOptions = { modelPath: base, maxTokens: 160, contextSize: 512, threads: settings.threads };
  for (let count = 1; count <= TABLE2_DOMAINS.length; count++) {
    const included = TABLE2_DOMAINS.slice(0, count);
    const records = data.tests[count - 1]!;
    const configurations = [...settings.methods, ...EXTRA_CONFIGURATIONS].filter((name) => name !== "union" || adapters.union[count] !== undefined);
    for (const name of configurations) {
      const resultPath = join(resultsDirectory, `k${count}-${name}.json`);
      if (existsSync(resultPath)) {
        rows.push(JSON.parse(readFileSync(resultPath, "utf8")) as ConfigurationResult);
        continue;
      }
      let planner: Planner;
      let router: AdapterRouter | undefined;
      if (name === "mixing") {
        planner = await LlamaPlanner.create({ ...plannerOptions, lora: included.map((domain) => ({ path: adapters.domains[domain]!, scale: settings.weight })) });
      } else if (name === "routing") {
        // Single-domain training records plus the base's mixed records teach it when to switch on several adapters.
        const labelled = [...data.training, ...data.pretrainRecords].filter((record) => record.domains.every((domain) => included.includes(domain as never)));
        router = AdapterRouter.train(labelled, { seed: settings.seed });
        planner = RoutedPlanner.create({ ...plannerOptions, router, adapters: Object.fromEntries(included.map((domain) => [domain, adapters.domains[domain]!])) });
      } else if (name === "base") {
        planner = await LlamaPlanner.create(plannerOptions);
      } else if (name === "union") {
        planner = await LlamaPlanner.create({ ...plannerOptions, lora: [{ path: adapters.union[count]! }] });
      } else if (name === "linear") {
        planner = await LlamaPlanner.create({ ...plannerOptions, modelPath: merged[`${count}:linear`]! });
      } else {
        planner = await LlamaPlanner.create({ ...plannerOptions, lora: [{ path: merged[`${count}:${name}`]! }] });
      }
      try {
        const measured = await evaluatePlanner(planner, records, judge, `${count} domain(s) ${name}`, progress);
        const row: ConfigurationResult = { domains: count, configuration: name, records: records.length, ...measured };
        if (router) {
          const evaluation = router.evaluate(records);
          row.routing = { exactAccuracy: evaluation.exactAccuracy, topAccuracy: evaluation.topAccuracy, meanMs: evaluation.meanMs };
        }
        writeFileAtomic(resultPath, JSON.stringify(row, null, 2) + "\n");
        rows.push(row);
        log(`      ${count} domain(s) ${name}: ${(row.accuracy * 100).toFixed(1)}%${row.routing ? ` (router: ${(row.routing.exactAccuracy * 100).toFixed(1)}% exact, ${row.routing.meanMs.toFixed(3)} ms)` : ""}`);
      } finally {
        await planner.dispose?.();
      }
    }
  }

  const report: Table2Report = {
    mode, settings, judgeAccuracy, rows, seconds: (performance.now() - started) / 1000,
    files: { json: join(options.out, "table2.json"), markdown: join(options.out, "table2.md"), plot: join(options.out, "table2.png") },
  };
  writeFileAtomic(report.files.json, JSON.stringify(report, null, 2) + "\n");
  writeFileAtomic(report.files.markdown, table2Markdown(report));
  const names = [...new Set(rows.map((row) => row.configuration))];
  const series = [
    { label: "paper", values: [...PAPER_TABLE2] as Array<number | null> },
    ...names.map((name) => ({ label: name, values: [1, 2, 3, 4].map((count) => rows.find((row) => row.domains === count && row.configuration === name)?.accuracy ?? null) })),
  ];
  writeFileAtomic(report.files.plot, plotAccuracy(series));
  return report;
}
