export * from "./atomic.js";
export * from "./progress.js";
export * from "./chat-client.js";
