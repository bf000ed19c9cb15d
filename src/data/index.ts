// Public API of src/data. Each module adds its exports here.
export {};
