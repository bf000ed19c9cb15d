// Public API of src/eval.
export * from "./statistics.js";
export * from "./compare.js";
export * from "./judge.js";
export * from "./metrics.js";
export * from "./evaluate.js";
export * from "./report.js";
export * from "./run-eval.js";
export * from "./demo-settings.js";
export * from "./demo-pipeline.js";
export * from "./table2.js";
export * from "./table2-settings.js";
export * from "./table2-report.js";
export { plotAccuracy, encodePng, type PlotSeries } from "./table2-plot.js";
export { DomainBalancedTeacher, balancedIntents } from "./table2-data.js";
