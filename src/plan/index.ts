// Public API of src/plan. Each module adds its exports here.
export * from "./tokens.js";
export * from "./errors.js";
export * from "./planner-format.js";
export * from "./python-literal.js";
export * from "./action-format.js";
export * from "./observation.js";
export * from "./action-call.js";
