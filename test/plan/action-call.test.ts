import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { z } from "zod";
import { ArgumentValidationError, FunctionSet, UnknownFunctionError, defineFunction } from "../../src/functions/index.js";
import { MalformedActionError, UnknownFunctionalTokenError, actionToCall, callToAction } from "../../src/plan/index.js";

// A small real FunctionSet with the shapes of ../shared/functions.md: required, defaulted, enum and int parameters.
const functions = FunctionSet.from([
  defineFunction({ name: "search_files", description: "Find documents on the device.", parameters: z.object({ query: z.string() }) }),
  defineFunction({ name: "take_screenshot", description: "Take a screenshot.", parameters: z.object({}) }),
  defineFunction({
    name: "get_trending_news",
    description: "Trending news articles on a topic.",
    parameters: z.object({ query: z.string(), language: z.string().default("en") }),
  }),
  defineFunction({
    name: "set_volume",
    description: "Set the volume.",
    parameters: z.object({ level: z.number().int().min(0).max(10), volume_type: z.enum(["ring", "media", "alarm"]) }),
  }),
  defineFunction({
    name: "place_order",
    description: "Place the order in the cart.",
    parameters: z.object({ shipping_address: z.string().default("default"), payment_method: z.string().default("default") }),
  }),
]);

describe("callToAction / actionToCall", () => {
  it("maps names to <nexa_K> and named arguments to positions", () => {
    expect(callToAction(functions, { name: "set_volume", arguments: { volume_type: "media", level: 4 } })).toBe("<nexa_3>(4, 'media')<nexa_end>");
    expect(callToAction(functions, { name: "take_screenshot", arguments: {} })).toBe("<nexa_1>()<nexa_end>");
    // Defaults are not filled in when encoding; a gap turns later arguments into keyword arguments.
    expect(callToAction(functions, { name: "get_trending_news", arguments: { query: "AI" } })).toBe("<nexa_2>('AI')<nexa_end>");
    expect(callToAction(functions, { name: "place_order", arguments: { payment_method: "visa" } })).toBe("<nexa_4>(payment_method='visa')<nexa_end>");
    expect(actionToCall(functions, "<nexa_3>(4, 'media')<nexa_end>")).toEqual({ name: "set_volume", arguments: { level: 4, volume_type: "media" } });
    expect(actionToCall(functions, "<nexa_2>('AI')<nexa_end>")).toEqual({ name: "get_trending_news", arguments: { query: "AI", language: "en" } });
    expect(actionToCall(functions, "<nexa_4>(payment_method='visa')")).toEqual({ name: "place_order", arguments: { shipping_address: "default", payment_method: "visa" } });
  });

  it("works with the built-in android set of ../shared/functions.md", () => {
    const android = FunctionSet.fromDomains(["android"]);
    const call = { name: "find_route_google_maps", arguments: { origin: "Home", destination: "Office", mode: "transit" } };
    const text = callToAction(android, call);
    expect(text).toBe(`<nexa_${android.indexOf("find_route_google_maps")}>('Home', 'Office', 'transit')<nexa_end>`);
    expect(actionToCall(android, text)).toEqual(call);
  });

  it("throws typed errors that name the problem", () => {
    expect(() => actionToCall(functions, "<nexa_9>('x')<nexa_end>")).toThrow(UnknownFunctionalTokenError);
    expect(() => actionToCall(functions, "<nexa_9>('x')<nexa_end>")).toThrow(/valid tokens are <nexa_0> … <nexa_4>/);
    try {
      actionToCall(functions, "<nexa_9>()");
    } catch (error) {
      expect((error as UnknownFunctionalTokenError).hint).toContain("<nexa_3>=set_volume");
    }
    expect(() => actionToCall(functions, "<nexa_0>('a', 'b')<nexa_end>")).toThrow(/search_files takes 1 argument but the action passes 2/);
    expect(() => actionToCall(functions, "<nexa_0>(q='a')<nexa_end>")).toThrow(MalformedActionError);
    expect(() => actionToCall(functions, "<nexa_0>('a', query='b')<nexa_end>")).toThrow(/both by position and by keyword/);
    expect(() => actionToCall(functions, "<nexa_3>(11, 'media')<nexa_end>")).toThrow(ArgumentValidationError);
    expect(() => actionToCall(functions, "<nexa_3>(11, 'media')<nexa_end>")).toThrow(/argument 'level'/);
    expect(() => actionToCall(functions, "<nexa_3>(2 'media')")).toThrow(/position 11/);
    expect(() => callToAction(functions, { name: "send_fax", arguments: {} })).toThrow(UnknownFunctionError);
    expect(() => callToAction(functions, { name: "send_fax", arguments: {} })).toThrow(/Available functions: search_files, take_screenshot/);
    expect(() => callToAction(functions, { name: "search_files", arguments: { query: "a", path: "/" } })).toThrow(/argument 'path'/);
  });

  it("round-trips valid calls (property)", () => {
    const call = fc.oneof(
      fc.record({ name: fc.constant("search_files"), arguments: fc.record({ query: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 30 }) }) }),
      fc.record({ name: fc.constant("set_volume"), arguments: fc.record({ level: fc.integer({ min: 0, max: 10 }), volume_type: fc.constantFrom("ring", "media", "alarm") }) }),
      fc.record({ name: fc.constant("get_trending_news"), arguments: fc.record({ query: fc.string({ maxLength: 20 }), language: fc.constantFrom("en", "de") }) }),
    );
    fc.assert(
      fc.property(call, (value) => {
        expect(actionToCall(functions, callToAction(functions, value))).toEqual(value);
      }),
      { numRuns: 200 },
    );
  });
});
