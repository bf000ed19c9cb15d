// Public API of src/server. Each module adds its exports here.
export {};
