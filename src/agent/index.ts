// Public API of src/agent. Each module adds its exports here.
export {};
