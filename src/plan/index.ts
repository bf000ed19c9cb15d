// Public API of src/plan. Each module adds its exports here.
export {};
