// Public API of src/server: `octoplan serve` as a library (docs/SERVER.md).
export * from "./server.js";
export * from "./errors.js";
export * from "./queue.js";
export * from "./sessions.js";
export * from "./metrics.js";
export * from "./auth.js";
export * from "./chat-prompt.js";
export * from "./completion.js";
export * from "./load.js";
