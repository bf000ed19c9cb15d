// Embedded arguments: learnt from calls whose argument, after a fixed opening, goes on with another argument, and the
// check that holds a call being written to them.
import { describe, expect, it } from "vitest";
import { everyStringArgument } from "../../src/plan/call-strings.js";
import { embeddedCheck, learnEmbeddedArguments } from "../../src/plan/embedded-arguments.js";

const EMAIL = { name: "send_email", parameters: ["recipient", "title", "content"] };
const functionAt = (index: number) => (index === 2 ? EMAIL : undefined);
const DOCUMENTS = ["Pitch deck", "Invoice for Acme Corp", "Lasagna recipe", "Initech invoice", "Scan of my passport"];

function calls(count: number) {
  return Array.from({ length: count }, (_, index) => {
    const title = DOCUMENTS[index % DOCUMENTS.length]!;
    const content = index % 3 === 2 ? "Attached: /docs/file.pdf" : `Here is the ${title[0]!.toLowerCase()}${title.slice(1)}: /docs/${index}.pdf`;
    return { call: { name: "send_email", arguments: { recipient: `person${index}@mail.com`, title, content } } };
  });
}

describe("embedded arguments", () => {
  it("are learnt where an opening always goes on with another argument, its first letter in either case", () => {
    expect(learnEmbeddedArguments(calls(60))).toEqual({ send_email: [["content", "Here is the ", "title"]] });
    // One content in 40 with the opening and another text is too many (99.5% by default); too few calls teach nothing.
    const broken = calls(60);
    broken[0]!.call.arguments.content = "Here is the report: /docs/0.pdf";
    expect(learnEmbeddedArguments(broken)).toEqual({});
    expect(learnEmbeddedArguments(calls(20))).toEqual({});
  });

  it("hold a value with the opening to the embedded argument once that one is closed", () => {
    const check = embeddedCheck({ send_email: [["content", "Here is the ", "title"]] });
    const keeps = (text: string) => everyStringArgument(text, functionAt, check);
    const head = "<nexa_2>('carlos@mail.com', 'Pitch deck', '";
    expect(keeps(`${head}Here is the pi`)).toBe(true);
    expect(keeps(`${head}Here is the pitch deck: /docs/investor_pitch_deck.pdf'`)).toBe(true);
    expect(keeps(`${head}Here is the investor`)).toBe(false);
    expect(keeps(`${head}Here is the pitch:`)).toBe(false); // the title shortened
    expect(keeps(`${head}Here is the pitch'`)).toBe(false); // closed before the title is whole
    expect(keeps(`${head}Attached: /docs/file.pdf'`)).toBe(true); // no opening, no rule
    expect(keeps("<nexa_2>('carlos@mail.com', 'Pitch d")).toBe(true); // the title still open: nothing to hold to
    expect(keeps("<nexa_2>(content='Here is the report', title='Pitch deck'")).toBe(true); // the title came after
  });
});
