// `octoplan generate` end to end through the real CLI (tsx, a child process).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../../src/cli/main.js";
import { runCli } from "../../helpers/cli.js";

const folder = mkdtempSync(join(tmpdir(), "octoplan-generate-cli-"));

describe("octoplan generate", () => {
  it("writes a dataset, prints rejection reasons and the step histogram, and resumes", () => {
    const out = join(folder, "mixed.jsonl");
    const result = runCli(["generate", "--domain", "android,ecommerce", "--count", "60", "--out", out, "--seed", "4", "--no-progress"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("60/60 records");
    expect(result.stdout).toMatch(/steps:\n\s+1\s+12 █+/);
    const records = readFileSync(out, "utf8").trim().split("\n").map((line) => JSON.parse(line) as { domains: string[] });
    expect(records).toHaveLength(60);
    expect(new Set(records.flatMap((record) => record.domains))).toEqual(new Set(["android", "ecommerce"]));
    const again = runCli(["generate", "--domain", "android,ecommerce", "--count", "60", "--out", out, "--seed", "4", "--json"]);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ total: 60, added: 0, existing: 60, complete: true });
  });

  // The rest runs the same command in-process (buildProgram), since every child process pays
  // tsx's start-up; the child-process run above already covers the real entry point.
  async function runInProcess(args: string[]): Promise<void> {
    const program = await buildProgram();
    program.exitOverride();
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      await program.parseAsync(["node", "octoplan", ...args]);
    } finally {
      process.stdout.write = write;
    }
  }

  it("generates from a user function file", async () => {
    const tools = join(folder, "tools.json");
    writeFileSync(tools, JSON.stringify([{ type: "function", function: { name: "order_pizza", description: "Order a pizza for delivery.",
      parameters: { type: "object", properties: { size: { type: "string", enum: ["small", "large"] }, topping: { type: "string" } }, required: ["size", "topping"] } } }]));
    const out = join(folder, "custom.jsonl");
    await runInProcess(["generate", "--functions", tools, "--count", "10", "--steps", "1", "--out", out, "--no-progress"]);
    const records = readFileSync(out, "utf8").trim().split("\n").map((line) => JSON.parse(line) as { functions: string[] });
    expect(records).toHaveLength(10);
    expect(records.every((record) => record.functions.join() === "order_pizza")).toBe(true);
  });

  it("names the valid options on bad input", async () => {
    const out = join(folder, "never.jsonl");
    await expect(runInProcess(["generate", "--domain", "androd", "--count", "5", "--out", out])).rejects.toThrow("Available domains: android, ecommerce, video, travel");
    await expect(runInProcess(["generate", "--domain", "android", "--steps", "0-7", "--count", "5", "--out", out])).rejects.toThrow("outside 1-5");
    await expect(runInProcess(["generate", "--domain", "android", "--teacher", "gpt", "--count", "5", "--out", out])).rejects.toThrow("Available teachers: offline, openai:MODEL");
    await expect(runInProcess(["generate", "--domain", "android", "--preset", "paper-1000", "--count", "5", "--out", out])).rejects.toThrow("either --count or --preset");
    await expect(runInProcess(["generate", "--count", "5", "--out", out])).rejects.toThrow("pass --domain or --functions");
    await expect(runInProcess(["generate", "--domain", "android", "--open-slots", "1.5", "--count", "5", "--out", out])).rejects.toThrow("--open-slots: expected a number between 0 and 1, got '1.5'");
  });

  it("passes --open-slots to the offline teacher: other requests, 60 of them through the quality gate", async () => {
    const queries = async (name: string, extra: string[]) => {
      const out = join(folder, name);
      await runInProcess(["generate", "--domain", "android", "--count", "60", "--out", out, "--no-progress", ...extra]);
      return readFileSync(out, "utf8").trim().split("\n").map((line) => (JSON.parse(line) as { query: string }).query);
    };
    const closed = await queries("closed.jsonl", []);
    const open = await queries("open.jsonl", ["--open-slots", "1"]);
    expect(open).toHaveLength(60);
    expect(open).not.toEqual(closed);
  });
});
