// Public API of src/data/teachers: the LLM teacher over the OpenAI-compatible chat API.
export * from "./llm.js";
export * from "./llm-spec.js";
export * from "./batches.js";
export * from "./prompts.js";
