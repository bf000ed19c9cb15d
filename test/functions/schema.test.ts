import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ArgumentValidationError, defineFunction, FunctionSet, SpecFormatError, UnknownFunctionError } from "../../src/functions/index.js";

const android = FunctionSet.fromDomains(["android"]);

describe("one zod schema gives JSON Schema, validation and positional order", () => {
  it("renders JSON Schema with formats, ranges, enums and defaults; defaults are not required", () => {
    expect(android.toJsonSchema("set_timer_alarm")).toEqual({
      type: "object",
      properties: {
        time: { type: "string", pattern: "^\\d{2}:\\d{2}$", description: 'Alarm time in "HH:MM" 24-hour format. For example, "07:12" for 7:12 AM.' },
        label: { type: "string", default: "alarm", description: 'Custom label for the alarm, default is "alarm".' },
      },
      required: ["time"],
      additionalProperties: false,
    });
    const volume = android.toJsonSchema("set_volume");
    expect(volume.properties.level).toMatchObject({ type: "integer", minimum: 0, maximum: 10 });
    expect(volume.properties.volume_type).toMatchObject({ type: "string", enum: ["ring", "media", "alarm"] });
    expect(android.toJsonSchema("take_screenshot")).toEqual({ type: "object", properties: {}, additionalProperties: false });
  });

  it("keeps the zod key order as the positional order", () => {
    expect(android.parameterNames("create_calendar_event")).toEqual(["title", "start_time", "end_time"]);
    expect(Object.keys(android.toJsonSchema("send_email").properties)).toEqual(["recipient", "title", "content"]);
  });

  it("validates, fills defaults and names the failing field with a hint", () => {
    expect(android.validate("set_timer_alarm", { time: "07:30" })).toEqual({ time: "07:30", label: "alarm" });
    const failures: Array<[string, unknown, string]> = [
      ["set_volume", { level: 11, volume_type: "ring" }, "level"],
      ["set_volume", { level: 2.5, volume_type: "ring" }, "level"],
      ["set_volume", { level: 3, volume_type: "loud" }, "volume_type"],
      ["set_timer_alarm", { time: "7 am" }, "time"],
      ["create_calendar_event", { title: "x", start_time: "2026-12-01 10:00", end_time: "2026-12-01-11-00" }, "start_time"],
      ["send_email", { recipient: "a@b.co", title: "t" }, "content"],
      ["send_email", { recipient: "a@b.co", title: "t", content: "c", cc: "x" }, "cc"],
    ];
    for (const [name, args, field] of failures) {
      let caught: unknown;
      try {
        android.validate(name, args);
      } catch (error) {
        caught = error;
      }
      expect(caught, `${name} ${JSON.stringify(args)}`).toBeInstanceOf(ArgumentValidationError);
      const error = caught as ArgumentValidationError;
      expect(error.field).toBe(field);
      expect(error.message).toContain(`argument '${field}'`);
      expect(error.hint).toContain(`Parameters of ${name}:`);
    }
    expect(() => android.validate("set_volume", [3, "ring"])).toThrow(/expected an object of named arguments/);
  });

  it("lists the available functions for unknown names and bad indexes", () => {
    expect(() => android.get("send_mail")).toThrow(UnknownFunctionError);
    expect(() => android.get("send_mail")).toThrow(/Available functions: get_trending_news, get_weather_forecast, send_email/);
    expect(() => android.at(18)).toThrow(/0\.\.17/);
    expect(android.has("send_email")).toBe(true);
    expect(android.has("send_mail")).toBe(false);
  });

  it("defineFunction rejects names that are not identifiers, and gives typed execute arguments", async () => {
    expect(() => defineFunction({ name: "send-email", description: "x", parameters: z.object({}) })).toThrow(SpecFormatError);
    expect(() => defineFunction({ name: "f", description: " ", parameters: z.object({}) })).toThrow(/f\.description: is empty/);
    expect(() => defineFunction({ name: "f", description: "d", parameters: z.object({ "bad key": z.string() }) })).toThrow(/f\.parameters\.bad key/);
    const double = defineFunction({
      name: "double", description: "Doubles a number.",
      parameters: z.object({ value: z.number().describe("The number.") }),
      execute: (args) => args.value * 2,
    });
    const set = FunctionSet.from([double]);
    await expect(set.execute("double", { value: 21 }, { device: undefined as never })).resolves.toBe(42);
    await expect(set.execute("double", { value: "21" }, { device: undefined as never })).rejects.toThrow(/double: argument 'value'/);
  });

  it("exports OpenAI tools for every function", () => {
    const tools = android.toOpenAITools();
    expect(tools).toHaveLength(18);
    expect(tools[2]).toEqual({ type: "function", function: { name: "send_email", description: android.get("send_email").description, parameters: android.toJsonSchema("send_email") } });
  });
});
