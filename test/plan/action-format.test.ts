import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MalformedActionError,
  actionPrompt,
  decodeAction,
  encodeAction,
  parsePythonLiteral,
  renderObservation,
  toPythonLiteral,
} from "../../src/plan/index.js";

// JSON-safe values that survive the trip through Python literals (-0 is kept apart: it reads back as -0.0).
// Any UTF-16 code unit, lone surrogates included (they must survive as \uXXXX escapes).
const anyText = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength });
const scalar = fc.oneof(
  anyText(20),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const pythonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(anyText(8), tie("value"), { maxKeys: 4 })),
})).value;

describe("Python literals", () => {
  it("writes repr()-style text", () => {
    expect(toPythonLiteral(["a", 2, 1.5, true, false, null])).toBe("['a', 2, 1.5, True, False, None]");
    expect(toPythonLiteral({ k: "it's" })).toBe(`{'k': "it's"}`);
    expect(toPythonLiteral(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(toPythonLiteral("line\nnext\\")).toBe("'line\\nnext\\\\'");
    expect(toPythonLiteral("\ud800\u0007é")).toBe("'\\ud800\\x07é'");
    expect(() => toPythonLiteral(Number.NaN)).toThrow(MalformedActionError);
  });

  it("reads Python escapes, numbers and containers", () => {
    expect(parsePythonLiteral(`"a\\tb\\x41\\u00e9\\U0001F600\\101\\d"`)).toBe("a\tbAé😀A\\d");
    expect(parsePythonLiteral("[1_000, -2.5e3, .5, +3, (1, 2), {'a': None,}]")).toEqual([1000, -2500, 0.5, 3, [1, 2], { a: null }]);
    expect(() => parsePythonLiteral("true")).toThrow(/JSON, not Python/);
    expect(() => parsePythonLiteral("'open")).toThrow(/unterminated string at position 0/);
    expect(() => parsePythonLiteral("{1: 2}")).toThrow(/dict keys must be strings/);
    expect(() => parsePythonLiteral("[1, 2] x")).toThrow(/position 7/);
  });

  it("round-trips arbitrary values (property)", () => {
    fc.assert(
      fc.property(pythonValue, (value) => {
        expect(parsePythonLiteral(toPythonLiteral(value))).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });
});

describe("action format", () => {
  it("encodes and decodes the Octopus format", () => {
    const text = encodeAction({ index: 3, args: ["report.pdf", 2, true] });
    expect(text).toBe("<nexa_3>('report.pdf', 2, True)<nexa_end>");
    expect(decodeAction(text)).toEqual({ index: 3, args: ["report.pdf", 2, true], kwargs: {} });
    expect(encodeAction({ index: 0, args: [] })).toBe("<nexa_0>()<nexa_end>");
    expect(encodeAction({ index: 1, args: ["x"], kwargs: { mode: "walking" } })).toBe("<nexa_1>('x', mode='walking')<nexa_end>");
  });

  it("tolerates spaces, a leading <|assistant|>, a missing <nexa_end> and keyword args", () => {
    expect(decodeAction(" <|assistant|> <nexa_12> ( 'a' , level = 5 , ) <nexa_end><|end|>")).toEqual({ index: 12, args: ["a"], kwargs: { level: 5 } });
    expect(decodeAction("<nexa_2>(\"q\")")).toEqual({ index: 2, args: ["q"], kwargs: {} });
  });

  it("names the position of malformed actions", () => {
    const cases: Array<[string, RegExp]> = [
      ["send_email('a')", /functional token <nexa_K> .* at position 0/],
      ["<nexa_1>'a')<nexa_end>", /expected '\(' .* at position 8/],
      ["<nexa_1>('a' 'b')<nexa_end>", /expected ',' or '\)' .* at position 13/],
      ["<nexa_1>(x='a', 'b')<nexa_end>", /positional argument follows keyword/],
      ["<nexa_1>(x=1, x=2)<nexa_end>", /'x' is repeated/],
      ["<nexa_1>('a') trailing", /expected <nexa_end> .* at position 14/],
      ["<nexa_99>()<nexa_end>", /beyond <nexa_63>/],
    ];
    for (const [text, message] of cases) {
      expect(() => decodeAction(text)).toThrow(MalformedActionError);
      expect(() => decodeAction(text)).toThrow(message);
    }
  });

  it("round-trips arbitrary actions (property)", () => {
    const identifier = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/).filter((name) => !["True", "False", "None"].includes(name));
    fc.assert(
      fc.property(fc.nat(63), fc.array(pythonValue, { maxLength: 5 }), fc.dictionary(identifier, pythonValue, { maxKeys: 3 }), (index, args, kwargs) => {
        expect(decodeAction(encodeAction({ index, args, kwargs }))).toEqual({ index, args, kwargs });
      }),
      { numRuns: 300 },
    );
  });

  it("builds the action prompt with and without an observation", () => {
    expect(actionPrompt("Print it")).toBe("<|user|>Print it<|end|><|assistant|>");
    expect(actionPrompt("Print it", "found /docs/q3.pdf")).toBe("<|user|>Print it<|observation|>found /docs/q3.pdf<|end|><|assistant|>");
  });
});

describe("renderObservation", () => {
  it("renders compact deterministic text and truncates with an ellipsis", () => {
    expect(renderObservation({ results: [{ path: "/docs/q3.pdf", size: 3 }] })).toBe('{"results":[{"path":"/docs/q3.pdf","size":3}]}');
    expect(renderObservation("  printed\n  ok ")).toBe("printed ok");
    expect(renderObservation(null)).toBe("None");
    const long = renderObservation({ text: "x".repeat(500) }, 50);
    expect(Array.from(long)).toHaveLength(50);
    expect(long.endsWith("…")).toBe(true);
    expect(renderObservation("😀".repeat(10), 5)).toBe("😀😀😀😀…");
  });
});
