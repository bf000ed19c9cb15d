// Grammar-constrained decoding on a random-weights model: whatever the weights, the retry's grammar
// (built from the functions' JSON Schemas) forces a parseable, valid call. Random weights make the
// first, unconstrained output invalid, so the retry path is what runs here.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ActionError, InContextPlanner, JsonActor, OctopusActor, jsonCallSchema, pythonCallGbnf, sharedLlama } from "../../src/agent/index.js";
import { patternToGbnf } from "../../src/agent/call-grammar.js";
import { PlanFormatError } from "../../src/plan/index.js";
import { FunctionSet, defineFunction } from "../../src/functions/index.js";
import { BpeTokenizer } from "../../src/model/index.js";
import { callToAction } from "../../src/plan/index.js";
import { SPECIAL_TOKENS } from "../../src/plan/tokens.js";
import { writeTinyLlamaGguf } from "../helpers/tiny-llama-gguf.js";

const functions = FunctionSet.from([
  defineFunction({ name: "set_mode", description: "Sets the light mode.", parameters: z.object({ mode: z.enum(["on", "off", "auto"]) }), execute: ({ mode }) => ({ mode }) }),
  defineFunction({ name: "toggle_fan", description: "Turns the fan on or off.", parameters: z.object({ enabled: z.boolean(), speed: z.number().int().default(1) }), execute: () => "ok" }),
]);
// A pattern and a small range: random weights never write them right unconstrained.
const timed = FunctionSet.from([
  defineFunction({ name: "set_alarm", description: "Sets an alarm.", parameters: z.object({ time: z.string().regex(/^\d{2}:\d{2}$/), volume: z.number().int().min(0).max(10) }), execute: () => "ok" }),
]);
let modelPath: string;

beforeAll(() => {
  const tokenizer = BpeTokenizer.train(["set the mode to auto please", "turn the fan off now", "True False None"], { vocabSize: 400, specialTokens: SPECIAL_TOKENS });
  modelPath = join(mkdtempSync(join(tmpdir(), "octoplan-grammar-")), "random.gguf");
  writeTinyLlamaGguf(modelPath, { tokenizerMetadata: tokenizer.ggufMetadata(), seed: 1 });
});

describe("Octopus actor with a grammar retry", () => {
  let actor: OctopusActor;
  afterAll(async () => actor?.dispose());

  it("turns invalid output into a valid call on the constrained retry", async () => {
    actor = await OctopusActor.create({ modelPath, maxTokens: 40 });
    for (const step of ["set the mode to auto", "turn the fan off"]) {
      const result = await actor.act(step, undefined, functions);
      expect(result.retried).toBe(true);
      expect(functions.names).toContain(result.call.name);
      expect(() => functions.validate(result.call.name, result.call.arguments)).not.toThrow();
      expect(result.raw).toMatch(/^<nexa_[01]>\(.*\)<nexa_end>$/);
      expect(result.tokens.completion).toBeGreaterThan(0);
    }
  });

  it("holds the retry to a string's pattern and an integer's range", async () => {
    for (const step of ["set the mode to auto", "turn the fan off"]) {
      const result = await actor.act(step, undefined, timed);
      expect(result.retried).toBe(true);
      expect(result.call.arguments.time).toMatch(/^\d{2}:\d{2}$/);
      expect(() => timed.validate("set_alarm", result.call.arguments)).not.toThrow();
    }
  });

  it("fails with a typed ActionError when the retry is disabled", async () => {
    const strict = await OctopusActor.create({ modelPath, maxTokens: 20, grammarRetry: false });
    try {
      await expect(strict.act("set the mode to auto", undefined, functions)).rejects.toThrow(ActionError);
    } finally {
      await strict.dispose();
    }
  });
});

describe("JSON actor", () => {
  it("always emits a schema-valid call", async () => {
    // Only bounded parameter types here: JSON numbers have no length limit, and random weights
    // happily write digits until the token budget runs out.
    const bounded = FunctionSet.from([functions.get("set_mode"), defineFunction({ name: "mute", description: "Mutes or unmutes.", parameters: z.object({ muted: z.boolean() }) })]);
    const actor = await JsonActor.create({ modelPath, maxTokens: 80 });
    try {
      const result = await actor.act("set the mode", undefined, bounded);
      expect(JSON.parse(result.raw)).toMatchObject({ name: result.call.name });
      expect(() => bounded.validate(result.call.name, result.call.arguments)).not.toThrow();
    } finally {
      await actor.dispose();
    }
  });
});

describe("call grammars", () => {
  it("compile in llama.cpp for every built-in domain", async () => {
    const llama = await sharedLlama();
    for (const domain of ["android", "ecommerce", "video", "travel"] as const) {
      const set = FunctionSet.fromDomains([domain]);
      await expect(llama.createGrammar({ grammar: pythonCallGbnf(set) })).resolves.toBeDefined();
      for (const name of set.names) await expect(llama.createGrammar({ grammar: pythonCallGbnf(set, [name]) })).resolves.toBeDefined();
      await expect(llama.createGrammarForJsonSchema(jsonCallSchema(set) as never)).resolves.toBeDefined();
    }
  });

  it("has one alternative per function, positional in parameter order, optional tail optional", () => {
    const grammar = pythonCallGbnf(functions);
    expect(grammar).toContain(`call-0 ::= "<nexa_0>" "(" ( "'on'" | "'off'" | "'auto'" ) ")" "<nexa_end>"`);
    expect(grammar).toContain(`call-1 ::= "<nexa_1>" "(" boolean ( ", " integer )? ")" "<nexa_end>"`);
    expect(pythonCallGbnf(timed)).toContain(`call-0 ::= "<nexa_0>" "(" ( "'" [0-9]{2} ":" [0-9]{2} "'" ) ", " ( "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "10" ) ")" "<nexa_end>"`);
    // Patterns the grammar cannot hold stay plain strings (zod still checks them after decoding).
    expect(patternToGbnf("^\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}$")).toBe(`[0-9]{4} "-" [0-9]{2} "-" [0-9]{2} "-" [0-9]{2} "-" [0-9]{2}`);
    expect(patternToGbnf("^ORD-\\d{3,}$")).toBe(`"O" "R" "D" "-" [0-9]{3,120}`);
    for (const loose of ["^(a|b)$", "abc", "^[^'<]+$", "^\\d+(\\.\\d+)?$", "^a.b$"]) expect(patternToGbnf(loose)).toBeUndefined();
    // The training format writes exactly this shape for calls with every argument present.
    expect(callToAction(functions, { name: "toggle_fan", arguments: { enabled: true, speed: 3 } })).toBe("<nexa_1>(True, 3)<nexa_end>");
  });
});

describe("in-context planner on a local model", () => {
  it("puts every docstring in the prompt, reports its length, and decodes {\"steps\": [...]} under a grammar", async () => {
    const planner = await InContextPlanner.create({ functions, maxSteps: 3, maxTokens: 60, backend: { kind: "local", modelPath } });
    try {
      const prompt = planner.prompt("turn the fan off");
      expect(prompt.startsWith("<|user|>")).toBe(true);
      for (const name of functions.names) expect(prompt).toContain(name);
      const result = await planner.plan("turn the fan off").catch((error: Error) => error);
      if (result instanceof Error) {
        // Random weights may spend the token budget inside one string: a typed, named failure.
        expect(result).toBeInstanceOf(PlanFormatError);
      } else {
        expect(result.steps.length).toBeGreaterThanOrEqual(1);
        expect(result.steps.length).toBeLessThanOrEqual(3);
        expect(JSON.parse(result.raw ?? "")).toHaveProperty("steps");
      }
    } finally {
      await planner.dispose();
    }
  });
});
