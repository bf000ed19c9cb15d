// `octoplan export --base B.gguf --lora A.gguf[:scale] --merge --out M.gguf`: merges LoRA adapters into their
// base model and writes a full GGUF (thin layer over src/adapters/export.ts).
import type { Command } from "commander";
import { InputError } from "../../errors.js";
import { mergeLoraIntoBase, parseAdapterReference } from "../../adapters/export.js";

export function register(program: Command): void {
  program
    .command("export")
    .description("Merge LoRA adapters into their base model as a full GGUF")
    .requiredOption("--base <file>", "base model GGUF the adapters were trained on")
    .requiredOption("--lora <file[:scale]>", "LoRA adapter GGUF, optionally with a scale (repeatable)", (value: string, previous: string[] = []) => [...previous, value])
    .option("--merge", "merge the adapters into the base weights (the only export mode)")
    .requiredOption("--out <file>", "output GGUF")
    .action(async (options: { base: string; lora: string[]; merge?: boolean; out: string }) => {
      if (!options.merge) throw new InputError("export needs --merge", { hint: "octoplan export --base B.gguf --lora A.gguf --merge --out M.gguf" });
      const adapters = options.lora.map(parseAdapterReference);
      for (const adapter of adapters) {
        if (adapter.scale !== undefined && !Number.isFinite(adapter.scale)) {
          throw new InputError(`--lora ${adapter.path}: scale is not a number`, { hint: "write --lora adapter.gguf:0.5" });
        }
      }
      const result = await mergeLoraIntoBase({ base: options.base, adapters, output: options.out });
      process.stdout.write(`merged ${result.mergedTensors} tensors from ${adapters.length} adapter(s) into ${result.output}\n`);
      if (result.dequantized.length > 0) {
        process.stderr.write(`note: ${result.dequantized.length} quantized tensors were written as F32 (${result.dequantized.slice(0, 3).join(", ")}…)\n`);
      }
    });
}
