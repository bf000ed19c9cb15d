import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeParameters, FunctionSet, parseDocstrings, parametersToZod, defineFunction, renderDocstring, SpecFormatError,
  type ParameterInfo,
} from "../../src/functions/index.js";

const all = FunctionSet.fromDomains(["android", "ecommerce", "video", "travel"]);

describe("docstrings in the style of the paper's appendix 7.1", () => {
  it("renders the exact appendix layout", () => {
    expect(renderDocstring(all.get("send_email"))).toBe(`def send_email(recipient, title, content):
    """
    Sends an email to a specified recipient with a given title and content.

    Parameters:
    - recipient (str): The email address of the recipient.
    - title (str): The subject line of the email. This is a brief summary or title of the email's purpose or content.
    - content (str): The main body text of the email. It contains the primary message, information, or content that is intended to be communicated to the recipient.

    Returns:
    """`);
    expect(renderDocstring(all.get("add_to_cart"))).toContain("    - quantity (int): Number of units to add, from 1 to 99, default is 1.\n");
    expect(renderDocstring(all.get("take_screenshot"))).toMatch(/^def take_screenshot\(\):\n/);
  });

  it("round-trips every built-in function: names, order, types, enum values, defaults and text", () => {
    const text = all.toDocstrings();
    const parsed = FunctionSet.from(parseDocstrings(text));
    expect(parsed.names).toEqual(all.names);
    expect(parsed.toDocstrings()).toBe(text);
    for (const spec of all.functions) {
      const strip = (infos: ParameterInfo[]) => infos.map(({ pattern: _pattern, minimum: _minimum, maximum: _maximum, ...rest }) => rest);
      expect(strip(describeParameters(parsed.get(spec.name))), spec.name).toEqual(strip(describeParameters(spec)));
      expect(parsed.get(spec.name).returns).toBe(spec.returns);
    }
  });

  it("reads the appendix as printed: wrapped lines, split quotes and prose defaults", () => {
    const appendix = `
def get_trending_news(query, language):
    """
    Retrieves a collection of trending news articles relevant to a specified query
    and language.

    Parameters:
    - query (str): Topic for news articles.
    - language (str): ISO 639-1 language code. The default language is English ('en
    '), but it can be set to any valid ISO 639-1 code to accommodate different
    language preferences (e.g., 'es' for Spanish, 'fr' for French).

    Returns:
    - list[str]: A list of strings, where each string represents a single news
    article.
    """

def set_volume(level, volume_type):
    """
    Sets the volume level for a specified type : "ring" , "media" , "alarm".

    Parameters:
    - level (int): Target volume level, from 0 (mute) to 10 (maximum).
    - volume_type (enum): The category of volume to adjust, select from "ring" , "
    media" , "alarm".

    Returns:
    """
`;
    const [news, volume] = parseDocstrings(appendix, "appendix.py");
    expect(news.description).toBe("Retrieves a collection of trending news articles relevant to a specified query and language.");
    expect(news.returns).toBe("list[str]: A list of strings, where each string represents a single news article.");
    const [query, language] = describeParameters(news);
    expect(query).toMatchObject({ name: "query", type: "str", required: true });
    expect(language).toMatchObject({ name: "language", type: "str", required: false, default: "en" });
    expect(describeParameters(volume)[1]).toMatchObject({ name: "volume_type", type: "enum", values: ["ring", "media", "alarm"] });
    expect(volume.returns).toBeUndefined();
  });

  it("rejects malformed docstrings naming the file, line and field", () => {
    const bad = (parameterLine: string, signature = "time") => `def set_alarm(${signature}):\n    """\n    Sets an alarm.\n\n    Parameters:\n    ${parameterLine}\n\n    Returns:\n    """\n`;
    expect(() => parseDocstrings(bad("- time (strng): Alarm time."), "alarms.py")).toThrow('alarms.py:6 set_alarm.parameters.time.type: unknown type "strng"');
    expect(() => parseDocstrings(bad("- time (str): Alarm time.", "time, label"), "alarms.py")).toThrow(/signature \(time, label\) and the documented parameters \(time\) differ/);
    expect(() => parseDocstrings(bad("- mode (enum): The mode.", "mode"), "alarms.py")).toThrow(/set_alarm\.parameters\.mode\.values: enum parameter lists no options/);
    expect(() => parseDocstrings(bad("time: the time"), "alarms.py")).toThrow(SpecFormatError);
    expect(() => parseDocstrings('def f(a):\n    """\n    Never closed.\n', "open.py")).toThrow(/open\.py:2 f: docstring is never closed/);
    expect(() => parseDocstrings("print('no functions here')", "empty.py")).toThrow(/empty\.py: contains no/);
  });

  it("round-trips arbitrary specs (property test)", () => {
    const identifier = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
    // Words that carry meaning in the format (default, options, optional) are kept out of free text.
    const words = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,;]{0,40}[a-z]$/).filter((text) => !/default|option/i.test(text));
    const parameter = fc.record({
      type: fc.constantFrom("str", "int", "float", "bool", "enum", "list"),
      description: words,
      values: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 4 }),
      hasDefault: fc.boolean(),
    });
    fc.assert(
      fc.property(identifier, words, fc.uniqueArray(fc.tuple(identifier, parameter), { maxLength: 5, selector: ([name]) => name }), (name, description, entries) => {
        const infos: ParameterInfo[] = entries.map(([parameterName, { type, description: text, values, hasDefault }]) => {
          const info: ParameterInfo = { name: parameterName, type: type as ParameterInfo["type"], description: text, required: !hasDefault };
          if (type === "enum") info.values = values;
          if (type === "list") info.items = "str";
          if (hasDefault) info.default = { str: "x y", int: 3, float: 2.5, bool: true, enum: values[0], list: undefined }[type];
          if (info.default === undefined) info.required = true;
          return info;
        });
        const spec = defineFunction({ name, description, parameters: parametersToZod(infos) });
        const [parsed] = parseDocstrings(renderDocstring(spec));
        expect(parsed.name).toBe(name);
        expect(parsed.description).toBe(description);
        expect(describeParameters(parsed)).toEqual(describeParameters(spec));
      }),
      { numRuns: 60, seed: 20261125 },
    );
  });
});
