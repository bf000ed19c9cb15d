// Copied arguments: which parameters the training calls always copy from their prompt, and the scanner that tells
// the decoder whether a call being written still copies them.
import { describe, expect, it } from "vitest";
import { everyStringArgument, scanCallStrings, type FunctionAt } from "../../src/plan/call-strings.js";
import { copiedArgumentCheck, copySource, learnCopyArguments, learnStepArguments, stepSource } from "../../src/plan/copy-arguments.js";

/** The decoder's question for copied arguments alone: does the call so far keep each one a piece of `source`? */
const keepsCopies = (text: string, source: string, copied: ReadonlyMap<string, ReadonlySet<string>>, functionAt: FunctionAt) =>
  everyStringArgument(text, functionAt, copiedArgumentCheck(source, copied));

const EMAIL = { name: "send_email", parameters: ["recipient", "title", "content"] };
const functionAt = (index: number) => (index === 2 ? EMAIL : undefined);
const COPIED = new Map([["send_email", new Set(["recipient", "title"])]]);
const PROMPT = copySource("<|user|>Email the launch deck to isabella.santos@uol.com.br<|end|><|assistant|>");

describe("copied arguments", () => {
  it("learns the parameters every call copies from its prompt, case ignored, and no others", () => {
    const examples = Array.from({ length: 30 }, (_, index) => ({
      prompt: `Email the report ${index} to person${index}@mail.com`,
      call: { name: "send_email", arguments: { recipient: `person${index}@mail.com`, title: `Report ${index}`, content: "Here it is", cc: 3 } },
    }));
    expect(learnCopyArguments(examples)).toEqual({ send_email: ["recipient", "title"] });
    // One value in thirty that is not in its prompt is too many (the default needs 99.5%); too few calls teach nothing.
    examples[0]!.call.arguments.recipient = "somebody@else.org";
    expect(learnCopyArguments(examples)).toEqual({ send_email: ["title"] });
    expect(learnCopyArguments(examples.slice(1, 10))).toEqual({});
  });

  it("scans the string arguments of an unfinished call, by position and by keyword", () => {
    expect(scanCallStrings("<nexa_2")).toBeUndefined();
    expect(scanCallStrings("<nexa_2>('isa")).toEqual({ index: 2, strings: [{ position: 0, value: "isa", closed: false }] });
    expect(scanCallStrings(`<nexa_2>('a@b.c', "It's", content='x\\'y`)).toEqual({ index: 2, strings: [
      { position: 0, value: "a@b.c", closed: true },
      { position: 1, value: "It's", closed: true },
      { position: 2, keyword: "content", value: "x'y", closed: false },
    ] });
    expect(scanCallStrings("<nexa_5>([1, 'a'], 'b')")?.strings).toEqual([{ position: 1, value: "b", closed: true }]);
  });

  it("accepts a call only while its copied arguments are pieces of the prompt", () => {
    expect(keepsCopies("<nexa_2>('isabella.san", PROMPT, COPIED, functionAt)).toBe(true);
    expect(keepsCopies("<nexa_2>('isaisha", PROMPT, COPIED, functionAt)).toBe(false);
    expect(keepsCopies("<nexa_2>('isabella.santos@uol.com.br', 'Launch deck', 'Anything at all", PROMPT, COPIED, functionAt)).toBe(true);
    expect(keepsCopies("<nexa_2>('isabella.santos@uol.com.br', 'Product launch", PROMPT, COPIED, functionAt)).toBe(false);
    expect(keepsCopies("<nexa_2>(title='deck', recipient='bob", PROMPT, COPIED, functionAt)).toBe(false);
    // One letter: a piece only at a word's start (and a search for one that is not ends).
    expect(keepsCopies("<nexa_2>('i", PROMPT, COPIED, functionAt)).toBe(true);
    expect(keepsCopies("<nexa_2>('x", PROMPT, COPIED, functionAt)).toBe(false);
    expect(keepsCopies("<nexa_2>('Email the launch deck'", PROMPT, COPIED, functionAt)).toBe(true);
    expect(keepsCopies("<nexa_2>('EMAIL", PROMPT, COPIED, functionAt)).toBe(false);
    // "_" joins the words of a file name: "acme" inside "invoice_acme_corp" starts no word.
    const withPath = copySource(`<|user|>Email the Initech invoice to Tom<|observation|>["/docs/invoice_acme_corp.pdf"]<|end|>`);
    expect(keepsCopies("<nexa_2>('Tom', 'Acme", withPath, COPIED, functionAt)).toBe(false);
    expect(keepsCopies("<nexa_2>('Tom', 'Invoice_acme_corp.pdf'", withPath, COPIED, functionAt)).toBe(true);
    // The prompt's template tags are not text to copy.
    expect(keepsCopies("<nexa_2>('isabella.santos@uol.com.br', 'assistant'", PROMPT, COPIED, functionAt)).toBe(false);
    // Functions without copied arguments, and unknown functional tokens, are not held.
    expect(keepsCopies("<nexa_7>('anything", PROMPT, COPIED, functionAt)).toBe(true);
  });

  it("learns which copied arguments come from the step alone, and holds those to the step", () => {
    const prompt = (index: number) => `<|user|>Email the report ${index} to person${index}@mail.com<|observation|>["/docs/report_${index}.pdf", "/docs/results.pdf"]<|end|><|assistant|>`;
    const examples = Array.from({ length: 30 }, (_, index) => ({
      prompt: prompt(index),
      call: { name: "send_email", arguments: { recipient: `person${index}@mail.com`, title: `Report ${index}`, content: `/docs/report_${index}.pdf` } },
    }));
    const copied = learnCopyArguments(examples);
    expect(copied).toEqual({ send_email: ["content", "recipient", "title"] });
    expect(learnStepArguments(examples, copied)).toEqual({ send_email: ["recipient", "title"] }); // the path is the observation's
    expect(stepSource(prompt(3))).toBe("\nEmail the report 3 to person3@mail.com");

    const source = copySource(prompt(3));
    const step = { source: stepSource(prompt(3)), arguments: new Map([["send_email", new Set(["title"])]]) };
    const copies = new Map([["send_email", new Set(["recipient", "title", "content"])]]);
    const keeps = (text: string) => everyStringArgument(text, functionAt, copiedArgumentCheck(source, copies, step));
    expect(keeps("<nexa_2>('person3@mail.com', 'Report 3', '/docs/report_3.pdf'")).toBe(true);
    expect(keeps("<nexa_2>('person3@mail.com', 'Results")).toBe(false); // in the observation, not in the step
    expect(everyStringArgument("<nexa_2>('person3@mail.com', 'Results", functionAt, copiedArgumentCheck(source, copies))).toBe(true);
  });
});
