// Public API of src/functions. Each module adds its exports here.
export {};
