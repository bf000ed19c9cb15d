import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ASSISTANT,
  END,
  MAX_FUNCTIONAL_TOKENS,
  PlanFormatError,
  SPECIAL_TOKENS,
  SPLIT,
  USER,
  decodePlan,
  encodePlan,
  functionalToken,
  normalizeStep,
  parsePlanCompletion,
  plannerPrompt,
  plannerTarget,
} from "../../src/plan/index.js";

describe("special tokens", () => {
  it("lists every token once, functional tokens in index order", () => {
    expect(new Set(SPECIAL_TOKENS).size).toBe(SPECIAL_TOKENS.length);
    expect(SPECIAL_TOKENS.slice(0, 6)).toEqual([USER, ASSISTANT, END, "<|observation|>", SPLIT, "<nexa_end>"]);
    expect(SPECIAL_TOKENS.length).toBe(6 + MAX_FUNCTIONAL_TOKENS);
    expect(SPECIAL_TOKENS[6 + 3]).toBe(functionalToken(3));
    expect(functionalToken(63)).toBe("<nexa_63>");
    expect(() => functionalToken(64)).toThrow(/nexa_63/);
  });
});

describe("plan format", () => {
  it("encodes the paper's format exactly", () => {
    expect(plannerPrompt("Print the Q3 report")).toBe("<|user|>Print the Q3 report<|end|><|assistant|>");
    expect(plannerTarget(["Find the Q3 report", "Print it"])).toBe("Find the Q3 report<nexa_split>Print it<|end|>");
    expect(encodePlan({ query: "q", steps: ["a"] })).toBe("<|user|>q<|end|><|assistant|>a<|end|>");
  });

  it("decodes the variants printed in the paper", () => {
    const expected = { query: "Print the report", steps: ["Locate the quarterly report document for Q3", "Print the located quarterly report document"] };
    const variants = [
      "<user>Print the report<lend>\n<assistant> Locate the quarterly report document for Q3<nexa_split>Print the located quarterly report document.<lend>",
      "<|user|>Print the report<|end|><|assistant|>Locate the quarterly report document for Q3 <|nexa_split|> Print the located quarterly report document<lendl>",
      "<|user|> Print the report <|end|>\n<|assistant|>\n Locate the quarterly report document for Q3\n<nexa_split>\n Print the located quarterly report document <|end|>  ",
      "<|user|>Print the report<|end|><|assistant|>Locate the quarterly report document for Q3<nexa_split>Print the located quarterly report document",
    ];
    for (const text of variants) expect(decodePlan(text)).toEqual(expected);
  });

  it("parses completions: stops at <|end|> or a new user turn, drops empty pieces, keeps an ellipsis", () => {
    expect(parsePlanCompletion(" a <nexa_split><nexa_split> b.<|end|>garbage")).toEqual(["a", "b"]);
    expect(parsePlanCompletion("a<nexa_split>b<|user|>next")).toEqual(["a", "b"]);
    expect(parsePlanCompletion("<|assistant|>wait...<|end|>")).toEqual(["wait..."]);
  });

  it("enforces 1..maxSteps with errors that say what is wrong", () => {
    const six = Array.from({ length: 6 }, (_, index) => `step ${index}`).join(SPLIT);
    expect(() => parsePlanCompletion(six)).toThrow(/6 steps, more than maxSteps = 5/);
    expect(parsePlanCompletion(six, { maxSteps: 6 })).toHaveLength(6);
    expect(() => parsePlanCompletion("<|end|>")).toThrow(PlanFormatError);
    expect(() => parsePlanCompletion("a<nexa_3>b")).toThrow(/<nexa_3> inside a step/);
    expect(() => decodePlan("no tokens at all")).toThrow(/no <\|user\|> token/);
    expect(() => decodePlan("<|user|>q<|end|>")).toThrow(/no <\|assistant\|> token/);
    expect(() => plannerTarget([])).toThrow(/at least one step/);
    expect(() => plannerTarget(["a<nexa_split>b"])).toThrow(/steps\[0\] contains the special token <nexa_split>/);
    expect(() => plannerPrompt("hi <lend>")).toThrow(/query contains the special token <\|end\|>/);
    try {
      parsePlanCompletion("");
      expect.unreachable();
    } catch (error) {
      expect((error as PlanFormatError).hint).toContain(SPLIT);
    }
  });

  it("round-trips arbitrary plans (property)", () => {
    // Text without '<' cannot contain a special token or one of its variants.
    const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter((value) => !value.includes("<"));
    const step = text.map(normalizeStep).filter((value) => value !== "");
    const query = text.map((value) => value.trim()).filter((value) => value !== "");
    fc.assert(
      fc.property(query, fc.array(step, { minLength: 1, maxLength: 5 }), (queryText, steps) => {
        expect(decodePlan(encodePlan({ query: queryText, steps }))).toEqual({ query: queryText, steps });
        expect(parsePlanCompletion(plannerTarget(steps))).toEqual(steps);
      }),
      { numRuns: 300 },
    );
  });
});
