// Public API of src/eval.
export * from "./statistics.js";
export * from "./compare.js";
export * from "./judge.js";
export * from "./metrics.js";
export * from "./evaluate.js";
export * from "./report.js";
export * from "./run-eval.js";
export * from "./demo-pipeline.js";
