// `octoplan serve --planner P.gguf --actor A.gguf`: the agent over HTTP, an OpenAI-compatible
// endpoint and the web playground (docs/SERVER.md). Heavy modules (node-llama-cpp, fastify) are
// imported inside the action so `octoplan --help` stays fast.
import type { Command } from "commander";
import { addAgentModelOptions, agentModelSelection, collect } from "../agent-options.js";
import { InputError } from "../../errors.js";
import { wholeNumberOption } from "../option-values.js";

export function register(program: Command): void {
  const command = program
    .command("serve")
    .description("serve the agent over HTTP: /v1/run (SSE), /v1/chat/completions (OpenAI-compatible) and a web playground");
  addAgentModelOptions(command)
    .option("--lora <file[:scale]>", "LoRA adapter for the planner (repeatable; same as --planner-lora)", collect, [])
    .option("--base <file>", "an extra model served only by /v1/chat/completions (model: base)")
    .option("--host <host>", "address to bind; anything but loopback needs --token", "127.0.0.1")
    .option("--port <n>", "port (0 picks a free one)", "8080")
    .option("--token <secret>", "API token required as Authorization: Bearer (default: $OCTOPLAN_API_TOKEN)")
    .option("--max-queue <n>", "requests allowed to wait per model before 503", "16")
    .option("--request-timeout <ms>", "per-request timeout", "120000")
    .option("--body-limit <bytes>", "largest request body", "65536")
    .option("--session-ttl <minutes>", "simulated-device sessions expire after this long unused", "30")
    .option("--seed <n>", "seed of each session's simulated device", "0")
    .option("--eval-report <file>", "eval-report.json for the playground (default: next to the planner)")
    .action(async (options: Record<string, any>) => {
      const { OctoplanServer, loadServeModels, defaultEvalReport, checkExposure, TOKEN_ENV } = await import("../../server/index.js");
      const { parseDomains } = await import("../../agent/index.js");
      const token: string | undefined = options.token ?? process.env[TOKEN_ENV] ?? undefined;
      checkExposure(options.host, token);
      if (options.actorKind !== "octopus" && options.actorKind !== "json") {
        throw new InputError(`unknown --actor-kind '${options.actorKind}'`, { hint: "Available kinds: octopus, json" });
      }
      const functions = parseDomains(options.domains);
      const port = wholeNumberOption(options.port, "--port", { min: 0, example: 8080 });
      const maxQueue = wholeNumberOption(options.maxQueue, "--max-queue", { min: 0 });
      const requestTimeoutMs = wholeNumberOption(options.requestTimeout, "--request-timeout", { example: 60000 });
      const bodyLimit = wholeNumberOption(options.bodyLimit, "--body-limit", { example: 1048576 });
      const sessionTtlMs = wholeNumberOption(options.sessionTtl, "--session-ttl", { example: 30 }) * 60_000;
      const deviceSeed = wholeNumberOption(options.seed, "--seed", { min: 0, example: 0 });
      const loaded = await loadServeModels({
        ...agentModelSelection(options),
        plannerLora: [...options.lora, ...options.plannerLora],
        base: options.base,
      });
      const evalReportPath = options.evalReport ?? defaultEvalReport(options.planner);
      const server = await OctoplanServer.start({
        planner: loaded.planner, actor: loaded.actor, models: loaded.models, modelFiles: loaded.modelFiles, functions,
        host: options.host, port, token, maxQueue, requestTimeoutMs, bodyLimit, sessionTtlMs,
        deviceSeed, evalReportPath, onClose: loaded.dispose,
      }).catch(async (error: unknown) => {
        await loaded.dispose();
        throw error;
      });
      console.log(`octoplan serving on ${server.url}  (playground: ${server.url}/)`);
      for (const [name, file] of Object.entries(loaded.modelFiles)) console.log(`  ${name.padEnd(8)} ${file}`);
      console.log(`  functions ${functions.names.length} (${options.domains})`);
      if (evalReportPath) console.log(`  eval report ${evalReportPath}`);
      if (token) console.log("  API token required: Authorization: Bearer <token>");
      console.log("Ctrl-C stops the server.");
      const stop = () => void server.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
