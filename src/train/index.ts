// Public API of src/train. Each module adds its exports here.
export {};
