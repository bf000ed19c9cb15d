// Public API of src/eval. Each module adds its exports here.
export {};
