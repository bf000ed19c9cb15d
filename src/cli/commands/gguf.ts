// `octoplan gguf <file> [--json]`: shows a GGUF model's or adapter's metadata (long arrays
// shortened) and its tensors with types and shapes, as read by our pure-TypeScript reader.
import type { Command } from "commander";
import { describeGguf, formatGgufSummary, GgufFile } from "../../model/gguf/index.js";

export function register(program: Command): void {
  program
    .command("gguf")
    .description("Show a GGUF file's metadata and tensors (models and LoRA adapters)")
    .argument("<file>", "a .gguf file")
    .option("--json", "print the summary as JSON")
    .action(async (path: string, options: { json?: boolean }) => {
      const summary = describeGguf(await GgufFile.read(path));
      process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatGgufSummary(summary)}\n`);
    });
}
