import { defineConfig } from "vitest/config";

// Two cores here: ggml already uses every core inside one test, so files run
// one or two at a time. Timeouts are generous because some tests train a tiny model.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/temporary-root.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
