// Public API of src/model. Each module adds its exports here.
export * from "./gguf/index.js";
export * from "./tokenizer/index.js";
export * from "./config.js";
export * from "./arch/index.js";
export { LanguageModel, type LanguageModelOptions, type LoadOptions, type TokenizerMetadataSource } from "./language-model.js";
export { configMetadata, configFromGguf } from "./model-metadata.js";
export { SeededRandom } from "./random.js";
export { LoraWeights, adaptableLayouts, type LoraLayout } from "./lora-weights.js";
export { runConformance, CONFORMANCE_TOLERANCE, type ConformanceResult, type ConformanceOptions } from "./conformance.js";
