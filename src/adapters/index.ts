// Public API of src/adapters. Each module adds its exports here.
export * from "./export.js";
