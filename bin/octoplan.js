#!/usr/bin/env node
// The published CLI runs the compiled output; `npm install` builds it (the "prepare" script).
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const compiled = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
if (!existsSync(compiled)) {
  console.error("octoplan: dist/ is missing. Hint: run `npm run build` (npm install does it for you).");
  process.exit(1);
}
await import(pathToFileURL(compiled).href);
