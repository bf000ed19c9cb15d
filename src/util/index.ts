export * from "./atomic.js";
export * from "./progress.js";
