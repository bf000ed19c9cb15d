// `octoplan serve` as users start it: it refuses a non-loopback host without a token, and otherwise
// prints its URL and models, answers on that URL, and stops cleanly on SIGTERM.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cliEntry, repoRoot, runCli } from "../helpers/cli.js";
import { readJson } from "./harness.js";
import { serverTestModels } from "./models.js";

describe("octoplan serve", () => {
  it("refuses to listen beyond loopback without a token", () => {
    const result = runCli(["serve", "--host", "0.0.0.0", "--planner", "missing.gguf", "--actor", "missing.gguf"], { env: { OCTOPLAN_API_TOKEN: "" } });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/refusing to listen on 0\.0\.0\.0 without an API token/);
    expect(result.stderr).toMatch(/--token/);
  });

  it("prints the URL and the loaded models, serves, and stops on SIGTERM", async () => {
    const models = await serverTestModels();
    const child = spawn(process.execPath, ["--import", "tsx", cliEntry, "serve", "--port", "0", "--planner", models.plannerPath, "--actor", models.actorPath, "--token", "cli-secret"], { cwd: repoRoot });
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => { output += chunk.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match && output.includes("Ctrl-C")) resolve(match[1]!);
      });
      child.on("exit", () => reject(new Error(`serve exited early:\n${output}`)));
    });
    expect(output).toContain(`planner  ${models.plannerPath}`);
    expect(output).toContain(`actor    ${models.actorPath}`);
    expect(output).toMatch(/API token required/);
    const health = await readJson(fetch(`${url}/health`));
    expect(health.models).toEqual({ planner: models.plannerPath, actor: models.actorPath });
    expect((await fetch(`${url}/v1/functions`)).status).toBe(401);
    const plan = await fetch(`${url}/v1/plan`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer cli-secret" }, body: JSON.stringify({ query: models.records[0]!.query }) });
    expect(plan.status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
