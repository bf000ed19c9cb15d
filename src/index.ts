// octoplan's library entry point: `import { … } from "octoplan"`.
export * from "./errors.js";
export * from "./util/index.js";
export * from "./functions/index.js";
export * from "./plan/index.js";
export * from "./data/index.js";
export * from "./ggml/index.js";
export * from "./model/index.js";
export * from "./train/index.js";
export * from "./adapters/index.js";
export * from "./agent/index.js";
export * from "./eval/index.js";
export * from "./server/index.js";
