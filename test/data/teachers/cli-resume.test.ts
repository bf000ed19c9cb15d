// `octoplan generate --teacher openai:MODEL` against the fake server, killed with SIGKILL mid-run
// and run again: the file ends complete, with no duplicate and nothing rewritten.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readDatasetAll } from "../../../src/data/index.js";
import { cliEntry, repoRoot } from "../../helpers/cli.js";
import { FakeOpenAIServer, reply } from "../../helpers/fake-openai-server.js";
import { scriptedModel } from "./scripted-model.js";

let server: FakeOpenAIServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Spawns the CLI without blocking this process (the fake server lives here and must keep answering). */
function startCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", cliEntry, ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr.on("data", (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

const lineCount = (path: string) => (existsSync(path) ? readFileSync(path, "utf8").split("\n").filter((line) => line.trim() !== "").length : 0);

describe("octoplan generate --teacher openai:MODEL", () => {
  it("survives kill -9 and resumes to the full count without duplicates", async () => {
    const model = scriptedModel();
    // Slow replies keep the run going long enough to kill it in the middle.
    server = await FakeOpenAIServer.start({ handler: async (request) => reply.slow(60, await model.handler(request)) });
    const out = join(mkdtempSync(join(tmpdir(), "octoplan-llm-cli-")), "data.jsonl");
    const args = ["generate", "--domain", "android", "--count", "20", "--steps", "1-4", "--seed", "4", "--out", out,
      "--teacher", "openai:fake-teacher", "--base-url", server.url, "--api-key-env", "FAKE_KEY", "--concurrency", "2", "--no-progress"];
    const env = { FAKE_KEY: "secret-from-env" };

    const first = startCli(args, env);
    for (let waited = 0; lineCount(out) < 4; waited += 25) {
      if (waited > 120_000) throw new Error(`no records after 120 s:\n${first.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    const partial = await readDatasetAll(out);
    expect(partial.records.length).toBeGreaterThanOrEqual(4);
    expect(partial.records.length).toBeLessThan(20);

    const second = startCli(args, env);
    const { code } = await second.exited;
    expect(code, second.output()).toBe(0);
    expect(second.output()).toMatch(/20\/20 records/);
    expect(second.output()).toMatch(/teacher openai:fake-teacher: \d+ requests .* \d+ prompt \+ \d+ completion tokens/);
    const final = await readDatasetAll(out);
    expect(final.errors).toEqual([]);
    expect(final.records).toHaveLength(20);
    expect(final.records.slice(0, partial.records.length)).toEqual(partial.records);
    expect(new Set(final.records.map((record) => record.id)).size).toBe(20);
    expect(new Set(final.records.map((record) => record.query)).size).toBe(20);
    expect(server.requests.every((request) => request.headers.authorization === "Bearer secret-from-env")).toBe(true);
    expect(server.requests[0]!.model).toBe("fake-teacher");
  });
});
