// The accept helpers of the constrained decoder, on a stand-in vocabulary (detokenize is all they use of a model):
// the most probable accepted choice, and where a dead end goes back to.
import { describe, expect, it } from "vitest";
import type { Token } from "node-llama-cpp";
import { acceptedChoice, deadEndDeviation, stutterSpan, type Choices } from "../../src/agent/decode-choices.js";
import type { LocalModel } from "../../src/agent/llama.js";
import { everyStringArgument } from "../../src/plan/call-strings.js";
import { copiedArgumentCheck, copySource } from "../../src/plan/copy-arguments.js";

const VOCABULARY = ["<nexa_2>", "('", "A", "n", "In", "itech", "cme", "', '", "')"];
const id = (text: string) => VOCABULARY.indexOf(text) as Token;
const model = { detokenize: (tokens: readonly Token[]) => tokens.map((token) => VOCABULARY[token]).join("") } as unknown as LocalModel["model"];
const choices = (...texts: string[]): Choices => texts.map((text, rank) => ({ token: id(text), logProbability: -rank }));

// send_email(recipient, title, content): the title must be a piece of the step.
const source = copySource("<|user|>Email the Initech invoice to Anderson<|end|><|assistant|>");
const copied = new Map([["send_email", new Set(["title"])]]);
const accept = (text: string) => everyStringArgument(text.replace("('", "('x', '"), (index) =>
  index === 2 ? { name: "send_email", parameters: ["recipient", "title", "content"] } : undefined, copiedArgumentCheck(source, copied));

describe("accepted choices", () => {
  it("take the most probable candidate that keeps a copied argument a piece of the prompt", () => {
    const before = [id("<nexa_2>"), id("('")];
    expect(acceptedChoice(model, before, choices("A", "In"), accept)).toBe(id("A")); // "A" begins "Anderson"
    expect(acceptedChoice(model, [...before, id("A")], choices("cme", "n"), accept)).toBe(id("n")); // no "Acme" here
    expect(acceptedChoice(model, before, choices("A", "In"), accept, new Set([id("A")]))).toBe(id("In"));
    expect(acceptedChoice(model, [...before, id("A"), id("n")], choices("itech", "cme"), accept)).toBeUndefined();
  });

  it("go back from a dead end to the latest position with another accepted, untried choice", () => {
    // "An" cannot go on to a piece of the prompt; at "A" the decoder could have written "In".
    const generated = [id("<nexa_2>"), id("('"), id("A"), id("n")];
    const history = [choices("<nexa_2>"), choices("('"), choices("A", "In", "cme"), choices("cme", "n")];
    const banned = generated.map(() => new Set<Token>());
    expect(deadEndDeviation(model, generated, history, banned, accept)).toEqual({ position: 2, token: id("In") });
    // Once "In" was tried there too, nothing is left within reach.
    banned[2]!.add(id("In"));
    expect(deadEndDeviation(model, generated, history, banned, accept)).toBeUndefined();
  });
});

describe("stutter", () => {
  // Words as the planner's tokens spell them: a leading space starts a word.
  const WORDS = ["Locate", " the", " wedding", " weddings", " list", " w", "edding"];
  const word = (text: string) => WORDS.indexOf(text) as Token;
  const words = { detokenize: (tokens: readonly Token[]) => tokens.map((token) => WORDS[token]).join("") } as unknown as LocalModel["model"];
  const step = (...texts: string[]) => texts.map(word);

  it("finds a word written a third time in a row once the next word starts, from its second writing on", () => {
    const looping = step("Locate", " the", " wedding", " wedding", " wedding", " list");
    expect(stutterSpan(words, looping, 0, 5)).toEqual({ from: 3, to: 5 });
    // Spelled with two tokens the third time: still the same word.
    const split = step("Locate", " the", " wedding", " wedding", " w", "edding", " list");
    expect(stutterSpan(words, split, 0, 6)).toEqual({ from: 3, to: 6 });
  });

  it("waits for the word to end, and leaves two writings or different words alone", () => {
    expect(stutterSpan(words, step("Locate", " wedding", " wedding", " w", "edding"), 0, 4)).toBeUndefined(); // "wedding…" may go on
    expect(stutterSpan(words, step("Locate", " the", " wedding", " wedding", " list"), 0, 4)).toBeUndefined();
    expect(stutterSpan(words, step("Locate", " wedding", " wedding", " weddings", " list"), 0, 4)).toBeUndefined();
    // A loop the prompt contains is a copy ("… wedding wedding wedding list" asked for).
    const looping = step("Locate", " the", " wedding", " wedding", " wedding", " list");
    expect(stutterSpan(words, looping, 0, 5, "<|user|>find the Wedding wedding WEDDING list<|end|>")).toBeUndefined();
    expect(stutterSpan(words, looping, 0, 5, "<|user|>find the wedding wedding list<|end|>")).toEqual({ from: 3, to: 5 });
    // Only the open step counts: the loop began before `from`.
    expect(stutterSpan(words, step(" wedding", " wedding", " wedding", " list"), 1, 3)).toBeUndefined();
  });
});
