// The shared option parsers: what they take, and that a refusal names the flag and shows an example.
import { describe, expect, it } from "vitest";
import { fractionOption, functionSetOption, optionalNumber, optionalWholeNumber, wholeNumberOption } from "../../src/cli/option-values.js";
import { FunctionSet } from "../../src/functions/index.js";
import { InputError } from "../../src/errors.js";

function refusal(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("option values", () => {
  it("whole numbers: at least 1 unless told otherwise, digits only", () => {
    expect(wholeNumberOption("1000", "--count")).toBe(1000);
    expect(wholeNumberOption(" 8 ", "--threads")).toBe(8);
    expect(wholeNumberOption("0", "--port", { min: 0 })).toBe(0);
    for (const bad of ["0", "-1", "1.5", "1e3", "", "two", "9007199254740993"]) {
      const error = refusal(() => wholeNumberOption(bad, "--count", { example: 1000 }));
      expect(error.message).toBe(`--count: expected a whole number of at least 1, got '${bad}'`);
      expect(error.hint).toBe("For example --count 1000");
    }
    expect(refusal(() => wholeNumberOption("-1", "--port", { min: 0 })).message).toContain("at least 0");
    expect(optionalWholeNumber(undefined, "--limit")).toBeUndefined();
    expect(optionalWholeNumber("50", "--limit")).toBe(50);
  });

  it("fractions: 0 to 1 inclusive", () => {
    expect(fractionOption("0", "--open-slots", "0.5")).toBe(0);
    expect(fractionOption("1", "--open-slots", "0.5")).toBe(1);
    expect(fractionOption("0.25", "--test-fraction", "0.1")).toBe(0.25);
    for (const bad of ["1.5", "-0.1", "", "half"]) {
      const error = refusal(() => fractionOption(bad, "--test-fraction", "0.1"));
      expect(error.message).toBe(`--test-fraction: expected a number between 0 and 1, got '${bad}'`);
      expect(error.hint).toBe("For example --test-fraction 0.1");
    }
  });

  it("numbers: any finite one, or an integer when asked; left out is undefined", () => {
    expect(optionalNumber("2e-3", "--lr")).toBe(0.002);
    expect(optionalNumber("-1", "--seed", true)).toBe(-1);
    expect(optionalNumber(undefined, "--lr")).toBeUndefined();
    for (const bad of ["", " ", "fast", "Infinity"]) expect(refusal(() => optionalNumber(bad, "--lr")).message).toBe(`--lr: expected a number, got '${bad}'`);
    const error = refusal(() => optionalNumber("2.5", "--decision-weight", true));
    expect(error.message).toBe("--decision-weight: expected an integer, got '2.5'");
    expect(error.hint).toBe("For example --decision-weight 1");
  });

  it("function sets: built-in domains, or a docstrings file; anything else names the flag and lists the domains", () => {
    expect(functionSetOption("android, ecommerce", "--functions").names).toEqual(FunctionSet.fromDomains(["android", "ecommerce"]).names);
    const error = refusal(() => functionSetOption("androd", "--functions"));
    expect(error.message).toBe("--functions androd: neither built-in domains nor a file");
    expect(error.hint).toMatch(/^Available domains: android, /);
  });
});
