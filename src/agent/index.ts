// Public API of src/agent.
export * from "./types.js";
export * from "./errors.js";
export * from "./llama.js";
export * from "./generate.js";
export * from "./planner.js";
export * from "./in-context-planner.js";
export * from "./call-grammar.js";
export * from "./actor.js";
export * from "./json-actor.js";
export * from "./openai-actor.js";
export * from "./executor.js";
export * from "./agent.js";
export * from "./load.js";
