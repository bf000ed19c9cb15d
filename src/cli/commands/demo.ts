// `octoplan demo [--out DIR] [--fast] [--data-seed N]`: the paper's pipeline offline (data → train planner and action
// model → GGUF → eval → three requests end to end), resumable, with a final report.
import type { Command } from "commander";
import { renderObservation } from "../../plan/observation.js";
import { formatMetricsTable, formatPercent, runDemo } from "../../eval/index.js";
import { optionalWholeNumber } from "../option-values.js";

export function register(program: Command): void {
  program
    .command("demo")
    .description("run the whole paper pipeline offline: generate data, train a planner and an action model, evaluate, run examples")
    .option("--out <dir>", "where data, models and reports go (kept for `octoplan run` and `eval`)", "runs/demo")
    .option("--fast", "small settings that finish in a few minutes on 2 cores")
    .option("--human <files...>", "hand-written test sets, each evaluated and reported separately (default: the seven sets test/fixtures/human-android.jsonl and human-android-2 … -7.jsonl)")
    .option("--threads <n>", "CPU threads for training (default: all cores on a quiet machine, 1 when other jobs keep them busy)")
    .option("--data-seed <n>", "seed of the generated data (default 0); another seed is the control a change to the data must beat")
    .action(async (options: Record<string, any>) => {
      const dataSeed = optionalWholeNumber(options.dataSeed, "--data-seed", { min: 0, example: 1 });
      const report = await runDemo({
        out: options.out,
        fast: Boolean(options.fast),
        humanTestFiles: options.human,
        threads: optionalWholeNumber(options.threads, "--threads", { example: 2 }),
        settings: dataSeed === undefined ? undefined : { dataSeed },
      });
      console.log("");
      console.log(formatMetricsTable(report.heldOut, `held-out split (${report.heldOut.records} generated requests)`));
      for (const human of report.human) console.log(formatMetricsTable(human, `hand-written requests (${human.records}, ${human.file})`));
      console.log("\nexamples on the simulated device:");
      for (const example of report.examples) {
        console.log(`> ${example.query}`);
        if (example.steps.length === 0) console.log(`  failed: ${String(example.observations[0])}`);
        example.steps.forEach((step, index) => {
          const call = example.calls[index];
          console.log(`  ${index + 1}. ${step}`);
          console.log(`     ${call ? `${call.name}(${JSON.stringify(call.arguments)})` : "(no valid call)"} → ${renderObservation(example.observations[index])}`);
        });
      }
      console.log(
        `\ndemo (${report.mode}) finished in ${report.seconds.toFixed(0)} s: plan accuracy ${formatPercent(report.heldOut.planAccuracy)} held-out` +
          (report.human.length ? `, ${report.human.map((human) => formatPercent(human.planAccuracy)).join(" / ")} hand-written` : "") +
          `\nmodels: ${report.planner}, ${report.actor}\ntry: octoplan run "Find the quarterly report and print it" --planner ${report.planner} --actor ${report.actor}`,
      );
    });
}
