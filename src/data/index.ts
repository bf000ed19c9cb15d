// Public API of src/data. Each module adds its exports here.
export * from "./record.js";
export * from "./lines.js";
export * from "./jsonl.js";
export * from "./convert.js";
export * from "./split.js";
export * from "./stats.js";
export * from "./formats.js";
export * from "./generate/index.js";
export * from "./offline/index.js";
export * from "./teachers/index.js";
