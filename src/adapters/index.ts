// Public API of src/adapters. Each module adds its exports here.
export * from "./export.js";
export * from "./compatibility.js";
export * from "./merge.js";
export * from "./merge-settings.js";
export * from "./task-arithmetic.js";
export { jacobiSvd, productSvd, truncatedSvd, type Matrix, type SvdResult } from "./svd.js";
export * from "./text-classifier.js";
export * from "./router.js";
