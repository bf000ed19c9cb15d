// The device context shown to the teacher model names things that really exist on the device.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FunctionSet, WORLD, defineFunction } from "../../../src/functions/index.js";
import { deviceContext } from "../../../src/data/teachers/device-context.js";

describe("deviceContext", () => {
  it("samples real contacts and files for android, the same for the same seed", () => {
    const android = FunctionSet.fromDomains(["android"]);
    const context = deviceContext(android, 3);
    const contactLine = context.split("\n").find((line) => line.startsWith("- contacts: "))!;
    const names = contactLine.slice("- contacts: ".length).split("; ").map((entry) => entry.replace(/ <.*>$/, ""));
    expect(names).toHaveLength(6);
    expect(new Set(names).size).toBe(6);
    for (const name of names) expect(WORLD.contacts.map((contact) => contact.name)).toContain(name);
    const files = context.split("\n").find((line) => line.startsWith("- files: "))!.slice("- files: ".length).split("; ");
    for (const file of files) expect(WORLD.documents.some((document) => document.path.endsWith(`/${file}`))).toBe(true);
    expect(context).not.toMatch(/products in the shop/); // no ecommerce functions, no shop
    expect(deviceContext(android, 3)).toBe(context);
    expect(deviceContext(android, 4)).not.toBe(context);
  });

  it("covers every built-in domain in play, and nothing for functions without a device", () => {
    const all = deviceContext(FunctionSet.fromDomains(["android", "ecommerce", "video", "travel"]), 1);
    for (const label of ["contacts", "products in the shop", "movies and shows", "cities with airports"]) expect(all).toContain(`- ${label}: `);
    const custom = FunctionSet.from([defineFunction({ name: "ring_bell", description: "Rings the bell.", parameters: z.object({ times: z.number() }) })]);
    expect(deviceContext(custom, 1)).toBe("");
  });
});
