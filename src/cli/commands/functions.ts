// `octoplan functions [--domain a,b] [--file tools.json] [--json|--docstrings]`: lists a
// function set as a table, as JSON ({name, description, parameters: JSON Schema}) or
// as the appendix-style docstrings a teacher LLM is shown.
import type { Command } from "commander";
import { InputError } from "../../errors.js";
import { BUILTIN_DOMAINS, describeParameters, FunctionSet, isDomainName, loadFunctionSpecs, type DomainName, type FunctionSpec } from "../../functions/index.js";

interface FunctionsOptions { domain?: string; file?: string; json?: boolean; docstrings?: boolean }

function parseDomains(text: string): DomainName[] {
  const names = text.split(",").map((name) => name.trim()).filter((name) => name !== "");
  for (const name of names) {
    if (!isDomainName(name)) throw new InputError(`Unknown domain '${name}'. Available domains: ${BUILTIN_DOMAINS.join(", ")}`, { hint: "For example --domain android,ecommerce" });
  }
  return names as DomainName[];
}

function table(functions: readonly FunctionSpec[]): string {
  const rows = functions.map((spec, index) => {
    const parameters = describeParameters(spec).map((info) => `${info.name}${info.required ? "" : "?"}: ${info.type === "enum" ? (info.values ?? []).join("|") : info.type}`);
    const description = spec.description.length > 60 ? `${spec.description.slice(0, 57)}...` : spec.description;
    return [String(index), spec.name, spec.domain ?? "-", `(${parameters.join(", ")})`, description];
  });
  const header = ["#", "name", "domain", "parameters", "description"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join("  ");
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

export function register(program: Command): void {
  program
    .command("functions")
    .description("List function sets: the built-in domains or your own file (OpenAI tools JSON or Python docstrings)")
    .option("--domain <names>", `comma-separated domains (${BUILTIN_DOMAINS.join(", ")}); default: all`)
    .option("--file <path>", "read functions from OpenAI tools JSON or appendix-style Python docstrings instead")
    .option("--json", "print [{name, description, parameters: JSON Schema}]")
    .option("--docstrings", "print the Python docstrings shown to a teacher LLM")
    .action(async (options: FunctionsOptions) => {
      if (options.json && options.docstrings) throw new InputError("--json and --docstrings cannot be combined", { hint: "Pick one output format." });
      if (options.file && options.domain) throw new InputError("--file and --domain cannot be combined", { hint: "List either a file's functions or built-in domains." });
      const functions = options.file
        ? FunctionSet.from(await loadFunctionSpecs(options.file))
        : FunctionSet.fromDomains(options.domain ? parseDomains(options.domain) : [...BUILTIN_DOMAINS]);
      if (options.json) {
        const entries = functions.functions.map((spec) => ({ name: spec.name, description: spec.description, parameters: functions.toJsonSchema(spec.name) }));
        process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      } else if (options.docstrings) process.stdout.write(functions.toDocstrings());
      else process.stdout.write(`${table(functions.functions)}\n`);
    });
}
