// Starts the real server on 127.0.0.1 with an ephemeral port, on the tiny trained models, and
// reads server-sent events from a fetch response. GatedPlanner holds each plan until the test
// releases it (or the request's signal fires), which makes queue and disconnect states certain
// without any timing.
import { LlamaPlanner, OctopusActor, type PlanResult, type Planner } from "../../src/agent/index.js";
import { OctoplanServer, type ServerOptions } from "../../src/server/index.js";
import type { ServerTestModels } from "./models.js";

export interface LoadedParts {
  planner: LlamaPlanner;
  actor: OctopusActor;
  dispose: () => Promise<void>;
}

export async function loadParts(models: ServerTestModels): Promise<LoadedParts> {
  // Greedy, like the endpoint's raw chat completions, which the tests compare with planner.plan().
  const planner = await LlamaPlanner.create({ modelPath: models.plannerPath, decoding: "greedy" });
  const actor = await OctopusActor.create({ modelPath: models.actorPath });
  return { planner, actor, dispose: async () => { await planner.dispose(); await actor.dispose(); } };
}

export function startServer(options: Partial<ServerOptions> & Pick<ServerOptions, "planner" | "actor" | "functions">): Promise<OctoplanServer> {
  return OctoplanServer.start({ port: 0, ...options });
}

export class GatedPlanner implements Planner {
  private releases: Array<() => void> = [];
  /** Plans that have reached the gate (waiting or released). */
  arrived = 0;

  constructor(private readonly inner: Planner) {}

  async plan(query: string, options: { signal?: AbortSignal } = {}): Promise<PlanResult> {
    this.arrived++;
    await new Promise<void>((resolve, reject) => {
      this.releases.push(resolve);
      options.signal?.addEventListener("abort", () => reject(options.signal?.reason), { once: true });
    });
    return this.inner.plan(query, options);
  }

  releaseAll(): void {
    for (const release of this.releases.splice(0)) release();
  }
}

export interface SseMessage {
  event: string | undefined;
  data: string;
}

/** Yields each server-sent event of a streaming response as it arrives. */
export async function* readEvents(response: Response): AsyncGenerator<SseMessage> {
  if (!response.body) throw new Error("response has no body");
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event: string | undefined;
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) event = line.slice(7);
        else if (line.startsWith("data: ")) data.push(line.slice(6));
      }
      yield { event, data: data.join("\n") };
    }
  }
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body), signal });
}

/** Polls /metrics until `predicate` holds (no time limit of its own: vitest's test timeout bounds it). */
export async function waitForMetrics(server: OctoplanServer, predicate: (metrics: any) => boolean, headers: Record<string, string> = {}): Promise<any> {
  for (;;) {
    const metrics = await (await fetch(`${server.url}/metrics`, { headers })).json();
    if (predicate(metrics)) return metrics;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The JSON body of a response, untyped: tests assert on its shape. */
export async function readJson(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}
