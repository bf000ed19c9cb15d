import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test-results/", "runs/", "web/vendor/", ".cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The CLI launcher is plain Node JavaScript (the TypeScript files get their globals from @types/node).
    files: ["bin/**/*.js", "eslint.config.js"],
    languageOptions: { globals: { URL: "readonly", console: "readonly", process: "readonly" } },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
);
