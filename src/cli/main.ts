// The CLI is a thin layer over the library. Each file in ./commands exports
// `register(program)`; they are discovered at start-up so that commands can be
// added without editing this file. Errors print one clear line plus a hint.
import { Command } from "commander";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { formatError } from "../errors.js";

const here = dirname(fileURLToPath(import.meta.url));

function packageVersion(): string {
  const packageJson = JSON.parse(readFileSync(join(here, "..", "..", "package.json"), "utf8")) as { version: string };
  return packageJson.version;
}

/**
 * Loads command modules. When the first argument names a command file, only that
 * module is imported: most commands pull in node-llama-cpp or ggml, and importing all
 * of them would make every invocation pay for every command. `--help` loads them all.
 */
export async function buildProgram(argv: string[] = process.argv): Promise<Command> {
  const program = new Command("octoplan")
    .description("On-device planner–action agents: data, training on ggml, inference on llama.cpp")
    .version(packageVersion())
    .showHelpAfterError("(run with --help for usage)");
  const commandsDir = join(here, "commands");
  const files = (existsSync(commandsDir) ? readdirSync(commandsDir) : [])
    .filter((file) => /\.(js|ts)$/.test(file) && !file.endsWith(".d.ts") && !file.endsWith(".map"))
    .sort();
  const requested = argv[2];
  const only = files.filter((file) => file.replace(/\.(js|ts)$/, "") === requested);
  for (const file of only.length > 0 ? only : files) {
    const module = (await import(pathToFileURL(join(commandsDir, file)).href)) as {
      register?: (program: Command) => void;
    };
    module.register?.(program);
  }
  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    console.error(formatError(error));
    process.exitCode = 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
const invokedViaBin = process.argv[1]?.endsWith("octoplan") || process.argv[1]?.endsWith("octoplan.js");
if (invokedDirectly || invokedViaBin) await main();
