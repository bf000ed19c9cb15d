// Public API of src/ggml. Each module adds its exports here.
export {};
