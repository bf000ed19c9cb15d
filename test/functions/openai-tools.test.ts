import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileFormatError } from "../../src/errors.js";
import { FunctionSet, fromOpenAITools, loadFunctionSpecs, SpecFormatError } from "../../src/functions/index.js";

const all = FunctionSet.fromDomains(["android", "ecommerce", "video", "travel"]);

function tool(name: string, properties: Record<string, unknown>, required: string[] = Object.keys(properties)) {
  return { type: "function", function: { name, description: `Does ${name}.`, parameters: { type: "object", properties, required } } };
}

describe("OpenAI tools JSON", () => {
  it("round-trips every built-in function exactly, including formats, ranges and defaults", () => {
    const tools = all.toOpenAITools();
    const imported = FunctionSet.from(fromOpenAITools(JSON.parse(JSON.stringify(tools))));
    expect(imported.toOpenAITools()).toEqual(tools);
    expect(imported.validate("set_timer_alarm", { time: "06:45" })).toEqual({ time: "06:45", label: "alarm" });
    expect(() => imported.validate("set_volume", { level: 12, volume_type: "ring" })).toThrow(/argument 'level'/);
    expect(() => imported.validate("set_timer_alarm", { time: "6.45" })).toThrow(/argument 'time'/);
  });

  it("accepts { tools: [...] } and optional parameters without defaults", () => {
    const [spec] = fromOpenAITools({ tools: [tool("lookup", { word: { type: "string" }, limit: { type: "integer" } }, ["word"])] });
    const set = FunctionSet.from([spec]);
    expect(set.validate("lookup", { word: "cat" })).toEqual({ word: "cat" });
    expect(set.toDocstrings()).toContain("- limit (int): Optional.");
  });

  it("rejects malformed tools naming the field", () => {
    const good = tool("ok", { query: { type: "string" } });
    const cases: Array<[unknown, string]> = [
      [[good, good, good, tool("set_alarm", { time: { type: "strng" } })], 'tools[3].function.parameters.properties.time.type: unknown type "strng"'],
      [[{ type: "function" }], "tools[0].function: is missing or not an object"],
      [[{ type: "function", function: { description: "x" } }], "tools[0].function.name: is missing or not a string"],
      [[{ type: "function", function: { name: "bad name", description: "x" } }], "tools[0].function.name: 'bad name' is not a valid function name"],
      [[{ type: "function", function: { name: "f", description: "" } }], "tools[0].function.description: is missing or empty"],
      [[tool("f", { a: { type: "string" } }, ["a", "b"])], "tools[0].function.parameters.required[1]: names 'b', which is not in properties"],
      [[tool("f", { a: { type: "string", enum: [] } })], "tools[0].function.parameters.properties.a.enum: must be a non-empty list of strings"],
      [[tool("f", { a: { type: "array", items: { type: "object" } } })], 'tools[0].function.parameters.properties.a.items.type: unknown item type "object"'],
      [[{ type: "retrieval" }], 'tools[0].type: must be "function", got "retrieval"'],
      [{ nothing: true }, "tools: must be an array"],
    ];
    for (const [input, message] of cases) {
      expect(() => fromOpenAITools(input), message).toThrow(SpecFormatError);
      expect(() => fromOpenAITools(input), message).toThrow(message);
    }
  });

  it("loads a file as JSON tools or Python docstrings; errors name the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "octoplan-functions-"));
    const toolsPath = join(dir, "tools.json");
    writeFileSync(toolsPath, JSON.stringify(FunctionSet.fromDomains(["video"]).toOpenAITools()));
    expect((await loadFunctionSpecs(toolsPath)).map((spec) => spec.name)).toEqual(FunctionSet.fromDomains(["video"]).names);
    const stubsPath = join(dir, "stubs.py");
    writeFileSync(stubsPath, FunctionSet.fromDomains(["travel"]).toDocstrings());
    expect((await loadFunctionSpecs(stubsPath)).map((spec) => spec.name)).toEqual(FunctionSet.fromDomains(["travel"]).names);
    const brokenPath = join(dir, "broken.json");
    writeFileSync(brokenPath, JSON.stringify([tool("f", { when: { type: "datetime" } })]));
    await expect(loadFunctionSpecs(brokenPath)).rejects.toThrow(FileFormatError);
    await expect(loadFunctionSpecs(brokenPath)).rejects.toThrow(`${brokenPath}: tools[0].function.parameters.properties.when.type: unknown type "datetime"`);
    writeFileSync(brokenPath, "[{");
    await expect(loadFunctionSpecs(brokenPath)).rejects.toThrow(/is not valid JSON/);
    await expect(loadFunctionSpecs(join(dir, "missing.json"))).rejects.toThrow(/cannot be read/);
  });
});
