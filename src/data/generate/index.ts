// Public API of the generation pipeline.
export * from "./teacher.js";
export * from "./pipeline.js";
export * from "./gate.js";
export * from "./dedup.js";
export * from "./steps.js";
export * from "./references.js";
