import { describe, expect, it } from "vitest";
import { FunctionSet } from "../../src/functions/index.js";
import { makeBatch, recordToExamples, shapeTokens, tokenizeExamples } from "../../src/train/examples.js";
import { BpeTokenizer } from "../../src/model/tokenizer/index.js";
import { functionsFromRecords } from "../../src/train/data.js";
import { InputError } from "../../src/errors.js";
import { toyRecords } from "./fixtures.js";

describe("SFT examples", () => {
  const record = toyRecords(1)[0]!;

  it("plan: the planner prompt and the steps joined by <nexa_split>, closed by <|end|>, with the steps' functions", () => {
    expect(recordToExamples(record, "plan")).toEqual([{
      id: "toy-0",
      prompt: "<|user|>Check the weather in Paris and text Alice<|end|><|assistant|>",
      target: "Get the weather forecast for Paris<nexa_split>Send a text message to Alice<|end|>",
      functions: ["get_weather_forecast", "send_text_message"],
    }]);
    // A record that does not name its functions (the paper's text format) gives none.
    expect(recordToExamples({ ...record, functions: [] }, "plan")[0]).not.toHaveProperty("functions");
  });

  it("act: one example per step, the previous observation in the prompt, <nexa_K>(args)<nexa_end> as target", () => {
    const functions = functionsFromRecords([record]);
    expect(functions.names).toEqual(FunctionSet.fromDomains(["android"]).names);
    const weather = functions.indexOf("get_weather_forecast");
    const text = functions.indexOf("send_text_message");
    const examples = recordToExamples(record, "act", functions);
    expect(examples).toHaveLength(2);
    expect(examples[0]!.prompt).toBe("<|user|>Get the weather forecast for Paris<|end|><|assistant|>");
    expect(examples[0]!.target).toBe(`<nexa_${weather}>('Paris')<nexa_end>`);
    expect(examples[1]!.prompt).toContain(`<|observation|>{"location": "Paris", "forecast": "sunny"}`);
    expect(examples[1]!.target).toBe(`<nexa_${text}>('Alice', 'Weather in Paris')<nexa_end>`);
  });

  it("act: names the record when calls are missing or do not match the steps", () => {
    const functions = functionsFromRecords([record]);
    expect(() => recordToExamples({ ...record, calls: undefined }, "act", functions)).toThrow(InputError);
    expect(() => recordToExamples({ ...record, calls: record.calls!.slice(0, 1) }, "act", functions)).toThrow(/toy-0: 2 steps but 1 calls/);
  });

  it("the loss counts only the answer's tokens, or with promptLoss every token after the first", () => {
    const characters = { encode: (text: string) => Array.from(text, (character) => character.charCodeAt(0) % 256) };
    const [example] = recordToExamples(record, "plan");
    const answerOnly = makeBatch(tokenizeExamples([example!], characters, 512).examples);
    const withPrompt = makeBatch(tokenizeExamples([example!], characters, 512, { promptLoss: true }).examples);
    const total = example!.prompt.length + example!.target.length;
    expect(answerOnly.targetTokens).toBe(example!.target.length);
    expect(Array.from(answerOnly.mask.slice(0, example!.prompt.length - 1))).toEqual(new Array(example!.prompt.length - 1).fill(0));
    expect(withPrompt.targetTokens).toBe(total - 1);
    expect(Array.from(withPrompt.mask)).toEqual(new Array(total - 1).fill(1));
    expect(Array.from(withPrompt.labels)).toEqual(Array.from(answerOnly.labels));
  });

  it("decision labels: each step's first token, every <nexa_split> and the <|end|>; the action model's function token", () => {
    const tokenizer = BpeTokenizer.train([record.query, ...record.steps], { vocabSize: 400, minFrequency: 1 });
    const [plan] = recordToExamples(record, "plan");
    const [tokenized] = tokenizeExamples([plan!], tokenizer, 512, { decisionTokens: shapeTokens(tokenizer, "plan") }).examples;
    const decided = tokenized!.decisions!.map((index) => tokenizer.decode([tokenized!.tokens[index]!]));
    // "Get the weather forecast for Paris<nexa_split>Send a text message to Alice<|end|>"
    expect(decided).toHaveLength(4);
    expect(decided[0]).toBe(tokenizer.decode([tokenizer.encode("Get the")[0]!]));
    expect(decided.slice(1)).toEqual(["<nexa_split>", tokenizer.decode([tokenizer.encode("Send a")[0]!]), "<|end|>"]);
    // Counted three times each in the batch; the other target tokens once.
    const batch = makeBatch([tokenized!], 3);
    const plain = makeBatch([tokenized!]);
    expect(batch.targetTokens).toBe(plain.targetTokens + 2 * 4);
    expect(tokenized!.decisions!.every((index) => batch.mask[index - 1] === 3)).toBe(true);

    const functions = functionsFromRecords([record]);
    const [call] = recordToExamples(record, "act", functions);
    const actTokenizer = BpeTokenizer.train([call!.prompt, call!.target], { vocabSize: 400, minFrequency: 1 });
    const [act] = tokenizeExamples([call!], actTokenizer, 512, { decisionTokens: shapeTokens(actTokenizer, "act") }).examples;
    expect(act!.decisions).toEqual([act!.promptLength]);
    expect(actTokenizer.decode([act!.tokens[act!.promptLength]!])).toMatch(/^<nexa_\d+>$/);
  });
});
