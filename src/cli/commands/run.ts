// `octoplan run "query" --planner P.gguf --actor A.gguf`: plans, then prints each call and its
// observation as it happens, on a fresh simulated device.
import type { Command } from "commander";
import { addAgentModelOptions, agentModelSelection } from "../agent-options.js";
import { Agent, loadAgentParts, parseDomains } from "../../agent/index.js";
import { renderObservation } from "../../plan/observation.js";
import { SimulatedDevice } from "../../functions/index.js";
import { wholeNumberOption } from "../option-values.js";

export function register(program: Command): void {
  const command = program
    .command("run")
    .description("run one request through the planner and the action model on the simulated device")
    .argument("<query>", "the user's request");
  addAgentModelOptions(command)
    .option("--seed <n>", "simulated device seed", "0")
    .option("--json", "print the events as JSON lines")
    .action(async (query: string, options: Record<string, any>) => {
      const functions = parseDomains(options.domains);
      const seed = wholeNumberOption(options.seed, "--seed", { min: 0, example: 0 });
      const parts = await loadAgentParts(agentModelSelection(options));
      const agent = await Agent.create({ ...parts, functions });
      try {
        for await (const event of agent.run(query, { device: SimulatedDevice.create({ seed }) })) {
          if (options.json) {
            console.log(JSON.stringify(event));
            continue;
          }
          if (event.type === "plan") {
            console.log(`plan (${event.ms.toFixed(0)} ms):`);
            event.steps.forEach((step, index) => console.log(`  ${index + 1}. ${step}`));
          } else if (event.type === "call") {
            console.log(`[${event.index + 1}] ${event.call.name}(${JSON.stringify(event.call.arguments)})`);
          } else if (event.type === "observation") {
            console.log(`    ${event.error ? "error: " + event.error : "→ " + renderObservation(event.observation)}`);
          } else {
            const { timings, tokens } = event.trace;
            console.log(
              `done in ${timings.totalMs.toFixed(0)} ms (plan ${timings.planMs.toFixed(0)} ms, act ${timings.actMs.toFixed(0)} ms); ` +
                `tokens: plan ${tokens.plan.prompt}+${tokens.plan.completion}, act ${tokens.act.prompt}+${tokens.act.completion}`,
            );
          }
        }
      } finally {
        await agent.dispose();
      }
    });
}
