// The agent over HTTP: POST /v1/plan (the planner alone), POST /v1/run (plan + calls + observations
// on the session's simulated device; with `stream`, server-sent events in order: plan, call,
// observation, …, done), GET /v1/functions (JSON Schema) and GET /v1/state (the session's device).
// Observation and done events carry the device snapshot, so a client can redraw the phone as calls land.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AgentEvent, Trace } from "../../agent/index.js";
import { errorFor, sessionIdOf, withRequestSignal, type ServerContext } from "../context.js";
import { HttpError } from "../errors.js";
import { parseBody, planBodySchema, runBodySchema } from "../schemas.js";
import { EventStream } from "../sse.js";

export function registerAgentRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get("/v1/functions", async () => ({
    functions: context.functions.functions.map((spec, index) => ({
      index,
      name: spec.name,
      description: spec.description,
      domain: spec.domain ?? null,
      parameters: z.toJSONSchema(spec.parameters),
    })),
  }));

  app.get("/v1/state", async (request, reply) => {
    const snapshot = context.sessions.snapshot(sessionIdOf(request));
    reply.header("x-session-id", snapshot.sessionId);
    return snapshot;
  });

  app.post("/v1/plan", async (request, reply) => {
    const body = parseBody(planBodySchema, request.body);
    context.registry.plannerQueue.admit();
    return withRequestSignal(reply, context.requestTimeoutMs, async (signal) => {
      const plan = await context.registry.planner.plan(body.query, { signal });
      return { query: body.query, steps: plan.steps, promptTokens: plan.promptTokens, completionTokens: plan.completionTokens, ms: plan.ms };
    });
  });

  app.post("/v1/run", async (request, reply) => {
    const body = parseBody(runBodySchema, request.body);
    const session = context.sessions.open(sessionIdOf(request, body.sessionId));
    // Admission for both models up front: a run is refused before it starts, never half-way.
    context.registry.plannerQueue.admit();
    if (context.registry.actorQueue !== context.registry.plannerQueue) context.registry.actorQueue.admit();
    return withRequestSignal(reply, context.requestTimeoutMs, async (signal) => {
      const events = context.agent.run(body.query, { device: session.device, signal });
      const withState = (event: AgentEvent) =>
        event.type === "observation" || event.type === "done" ? { ...event, state: session.device.snapshot() } : event;
      if (!body.stream) {
        let trace: Trace | undefined;
        for await (const event of events) if (event.type === "done") trace = event.trace;
        reply.header("x-session-id", session.sessionId);
        return { sessionId: session.sessionId, trace, state: session.device.snapshot() };
      }
      reply.hijack();
      const stream = EventStream.open(reply.raw, { "x-session-id": session.sessionId });
      stream.send("session", { sessionId: session.sessionId, expiresAt: session.expiresAt });
      try {
        for await (const event of events) stream.send(event.type, withState(event));
      } catch (error) {
        const reason = errorFor(error, signal);
        if (!stream.closed) stream.send("error", reason instanceof HttpError ? reason.toJSON().error : { message: (reason as Error).message });
        request.log.warn({ err: reason }, "run stream ended early");
      }
      stream.end();
      return reply;
    });
  });
}
