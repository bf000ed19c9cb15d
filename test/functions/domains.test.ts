import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { BUILTIN_DOMAINS, describeParameters, domainOf, FunctionSet, pythonLiteral } from "../../src/functions/index.js";
import { repoRoot } from "../helpers/cli.js";
import { CONTRACT } from "./contract.js";

function signature(set: FunctionSet): string[][] {
  return set.functions.map((spec) => [
    spec.name,
    ...describeParameters(spec).map((info) => {
      const type = info.type === "enum" ? `enum(${info.values?.join("|")})` : info.type;
      return `${info.name}:${type}${info.default === undefined ? "" : `=${pythonLiteral(info.default)}`}`;
    }),
  ]);
}

describe("built-in domains", () => {
  it.each(BUILTIN_DOMAINS)("%s matches functions.md exactly (names, order, parameters, types, defaults)", (domain) => {
    const set = FunctionSet.fromDomains([domain]);
    expect(signature(set)).toEqual(CONTRACT[domain]);
    expect(set.functions.every((spec) => spec.domain === domain && spec.execute !== undefined)).toBe(true);
  });

  it("has 18 android functions and 7 in each other domain", () => {
    expect(BUILTIN_DOMAINS.map((domain) => FunctionSet.fromDomains([domain]).size)).toEqual([18, 7, 7, 7]);
  });

  it("agrees with ../shared/functions.md where that file is present", () => {
    const path = join(repoRoot, "..", "shared", "functions.md");
    if (!existsSync(path)) return;
    const names = [...readFileSync(path, "utf8").matchAll(/^- (\w+)\(/gm)].map((match) => match[1]);
    expect(names).toEqual(Object.values(CONTRACT).flat().map((row) => row[0]));
  });

  it("domainOf names the domain, and fails for other names", () => {
    expect(domainOf("print_document")).toBe("android");
    expect(domainOf("cancel_order")).toBe("ecommerce");
    expect(domainOf("cast_to_tv")).toBe("video");
    expect(domainOf("rent_car")).toBe("travel");
    expect(() => domainOf("fly_to_moon")).toThrow(InputError);
  });

  it("FunctionSet.from mixes domains, specs and sets in order; duplicates and unknown domains fail", () => {
    const video = FunctionSet.fromDomains(["video"]);
    const mixed = FunctionSet.from(["travel", video, FunctionSet.fromDomains(["android"]).get("send_email")]);
    expect(mixed.names.slice(0, 7)).toEqual(CONTRACT.travel.map((row) => row[0]));
    expect(mixed.names[7]).toBe("search_movies");
    expect(mixed.indexOf("send_email")).toBe(14);
    expect(mixed.at(14).name).toBe("send_email");
    expect(() => FunctionSet.from(["video", video])).toThrow(/'search_movies' appears twice/);
    expect(() => FunctionSet.from(["cooking" as never])).toThrow(/Available domains: android, ecommerce, video, travel/);
  });
});
