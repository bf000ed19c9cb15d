// The quality gate rejects, and counts by reason, every kind of bad candidate a teacher can
// propose; references to earlier observations resolve from the real results.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCandidate } from "../../../src/data/generate/gate.js";
import { generateDataset } from "../../../src/data/generate/pipeline.js";
import type { CandidateRecord, GenerationRequest, Teacher } from "../../../src/data/generate/teacher.js";
import { OfflineTeacher } from "../../../src/data/offline/teacher.js";
import { FunctionSet } from "../../../src/functions/function-set.js";
import { fromOpenAITools } from "../../../src/functions/openai-tools.js";
import { SimulatedDevice } from "../../../src/functions/device/simulated-device.js";

const functions = FunctionSet.fromDomains(["android", "ecommerce", "travel"]);
const folder = mkdtempSync(join(tmpdir(), "octoplan-gate-"));

/** Yields the same fixed list for every request, whatever was asked: a teacher that misbehaves on purpose. */
class ScriptedTeacher implements Teacher {
  readonly name = "scripted";
  constructor(private readonly candidates: CandidateRecord[]) {}
  async *generate(_request: GenerationRequest): AsyncIterable<CandidateRecord> {
    for (const candidate of this.candidates) yield candidate;
  }
}

const good: CandidateRecord = { query: "print my boarding pass", steps: ["Find the boarding pass", "Print the boarding pass"],
  calls: [{ name: "search_files", arguments: { query: "boarding pass" } }, { name: "print_document", arguments: { file_path: { $ref: { step: 0, field: "path" } } } }] };

describe("checkCandidate", () => {
  it("resolves references from the real observation and records the state", async () => {
    const result = await checkCandidate(good, { functions, deviceSeed: 0 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const found = JSON.parse(result.observations![0]!) as string[];
    expect(result.calls[1]!.arguments.file_path).toBe(found[0]);
    expect(result.expectedState!.printJobs).toHaveLength(1);
  });

  it("books the cheapest flight from the search observation", async () => {
    const result = await checkCandidate({ query: "book the cheapest flight to Paris", steps: ["Search flights", "Book the cheapest"], calls: [
      { name: "search_flights", arguments: { origin: "London", destination: "Paris", date: "2026-12-03" } },
      { name: "book_flight", arguments: { flight_id: { $ref: { step: 0, field: "id", pick: "cheapest" } }, passenger_name: "Sarah Chen" } }] },
    { functions, deviceSeed: 0 });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const offers = await functions.execute("search_flights", { origin: "London", destination: "Paris", date: "2026-12-03" }, { device: SimulatedDevice.create({ seed: 0 }) }) as Array<{ flightId: string; price: number }>;
    const cheapest = [...offers].sort((a, b) => a.price - b.price)[0]!;
    expect(offers.length).toBeGreaterThan(1);
    expect(result.calls[1]!.arguments.flight_id).toBe(cheapest.flightId);
    expect(result.expectedState!.bookings!.flights[0]!.flightId).toBe(cheapest.flightId);
  });

  it("with validate off keeps a failing call and records the failure as its observation", async () => {
    const failing: CandidateRecord = { query: "cancel order 10022", steps: ["Cancel order ORD-10022"], calls: [{ name: "cancel_order", arguments: { order_id: "ORD-10022" } }] };
    expect(await checkCandidate(failing, { functions, deviceSeed: 0 })).toMatchObject({ ok: false, reason: "device-error" });
    const kept = await checkCandidate(failing, { functions, deviceSeed: 0, validate: false });
    expect(kept.ok && kept.observations![0]).toMatch(/^Error: .*delivered/);
  });
});

describe("generateDataset's gate", () => {
  it("rejects and counts each bad candidate by reason", async () => {
    const bad: CandidateRecord[] = [
      { query: "do the thing", steps: ["Do the thing"], calls: [{ name: "teleport", arguments: {} }] },
      { query: "mute and print", steps: ["Mute", "Print"], calls: [{ name: "set_volume", arguments: { level: 0, volume_type: "ring" } }] },
      { query: "volume eleven", steps: ["Set volume to 11"], calls: [{ name: "set_volume", arguments: { level: 11, volume_type: "media" } }] },
      { query: "cancel order 10022", steps: ["Cancel order ORD-10022"], calls: [{ name: "cancel_order", arguments: { order_id: "ORD-10022" } }] },
      { query: "print the unicorn file", steps: ["Find it", "Print it"], calls: [{ name: "search_files", arguments: { query: "zzqx unicorn" } },
        { name: "print_document", arguments: { file_path: { $ref: { step: 0, field: "path" } } } }] },
      { query: "", steps: ["Take a screenshot"], calls: [{ name: "take_screenshot", arguments: {} }] },
      good,
      { ...good, query: "Print my boarding pass, please!" },
    ];
    const out = join(folder, "gate.jsonl");
    // Quotas: one 1-step and one 2-step record; no 1-step candidate is good, so the run ends incomplete.
    const summary = await generateDataset({ teacher: new ScriptedTeacher(bad), functions, count: 2, steps: "1-2", out, maxCandidates: bad.length });
    expect(summary.total).toBe(1);
    expect(summary.rejected).toMatchObject({ "unknown-function": 1, "step-call-mismatch": 1, "invalid-arguments": 1, "device-error": 1,
      "unresolved-reference": 1, empty: 1 });
    expect(summary.rejectionExamples["unknown-function"]).toContain("Available functions: get_trending_news");
    expect(summary.complete).toBe(false);
    expect(readFileSync(out, "utf8").trim().split("\n")).toHaveLength(1);
  });

  it("drops near-duplicates by normalised text", async () => {
    const summary = await generateDataset({ teacher: new ScriptedTeacher([good, { ...good, query: "Print my boarding pass, please!" }]), functions,
      count: 2, steps: "2", out: join(folder, "dup.jsonl"), maxCandidates: 2 });
    expect(summary.total).toBe(1);
    expect(summary.rejected.duplicate).toBe(1);
    expect(summary.complete).toBe(false);
  });

  it("generates from a user function set with no implementation (generic phrasing, validated only)", async () => {
    const tools = fromOpenAITools([{ type: "function", function: { name: "get_stock_price", description: "Get the latest price of a stock.",
      parameters: { type: "object", properties: { symbol: { type: "string", description: "Ticker" }, currency: { type: "string", enum: ["USD", "EUR"] } }, required: ["symbol", "currency"] } } },
    { type: "function", function: { name: "water_plants", description: "Water the garden plants for some minutes.",
      parameters: { type: "object", properties: { minutes: { type: "integer", minimum: 1, maximum: 30 } }, required: ["minutes"] } } }]);
    const custom = FunctionSet.from(tools);
    const out = join(folder, "custom.jsonl");
    const summary = await generateDataset({ teacher: new OfflineTeacher(), functions: custom, count: 40, steps: "1-2", out, seed: 3 });
    expect(summary.complete).toBe(true);
    const records = readFileSync(out, "utf8").trim().split("\n").map((line) => JSON.parse(line) as { functions: string[]; observations?: unknown; meta: { templates: string[] } });
    expect(new Set(records.flatMap((record) => record.functions))).toEqual(new Set(["get_stock_price", "water_plants"]));
    expect(records.every((record) => record.observations === undefined)).toBe(true);
    expect(records.every((record) => record.meta.templates.some((id) => id.startsWith("generic.")))).toBe(true);
  });
});
