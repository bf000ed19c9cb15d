// Public API of src/model. Each module adds its exports here.
export {};
