// Filler noise (src/train/filler-noise.ts): which words count as fillers, and what the noise may and may not change.
import { describe, expect, it } from "vitest";
import type { DatasetRecord } from "../../src/data/index.js";
import { addFillerNoise, fillerWords } from "../../src/train/filler-noise.js";
import { randomWordList } from "../../src/train/request-noise.js";
import { resolveHyperparameters } from "../../src/train/options.js";
import { train } from "../../src/train/train.js";

/** 600 requests over three functions; "please" and "hey" come with any of them, "text" only with send_text. */
function records(): DatasetRecord[] {
  const kinds = [
    { fn: "send_text", query: (i: number) => `text Ana hello ${i}`, step: (i: number) => `Send a text to Ana saying hello ${i}` },
    { fn: "web_search", query: (i: number) => `search the web for cats ${i}`, step: (i: number) => `Search the web for cats ${i}` },
    { fn: "take_screenshot", query: () => "grab a screenshot", step: () => "Take a screenshot" },
  ];
  return Array.from({ length: 600 }, (_, i) => {
    const kind = kinds[i % 3]!;
    const polite = i % 2 === 0 ? "Hey, please " : "please ";
    const then = i % 5 === 0 ? " then" : "";
    return { id: `r${i}`, query: `${polite}${kind.query(i)}${then}`, steps: [kind.step(i)], functions: [kind.fn], domains: ["android"] } as DatasetRecord;
  });
}

describe("fillerWords", () => {
  it("finds words that say nothing about the function, and never order words, digits or rare words", () => {
    const fillers = fillerWords(records());
    expect(fillers.has("please")).toBe(true);
    expect(fillers.has("hey")).toBe(true);
    expect(fillers.has("text")).toBe(false); // P(send_text | text) = 1, three times its share
    expect(fillers.has("search")).toBe(false);
    expect(fillers.has("then")).toBe(false); // spread evenly, but it orders steps
    expect(fillers.has("hello")).toBe(false); // with send_text only
  });
});

describe("addFillerNoise", () => {
  const words = ["zebra", "quokka", "lantern"];

  it("replaces only fillers, keeps case and punctuation, never touches steps or words a step writes", () => {
    const input = records();
    const fillers = new Set(["please", "hey", "hello"]); // "hello" is in its requests' steps: never replaced
    const { records: output, noised } = addFillerNoise(input, { share: 1, seed: 3, fillers, words });
    expect(noised).toBeGreaterThan(250); // each of 1–2 fillers is replaced with probability 0.4: ≈ 312 expected
    expect(noised).toBeLessThan(600);
    output.forEach((record, index) => {
      const original = input[index]!;
      expect(record.steps).toEqual(original.steps);
      expect(record.functions).toEqual(original.functions);
      const before = original.query.split(" ");
      const after = record.query.split(" ");
      expect(after).toHaveLength(before.length);
      after.forEach((token, position) => {
        if (token === before[position]) return;
        const word = before[position]!.replace(/[,?.!]$/, "").toLowerCase();
        expect(["please", "hey"]).toContain(word);
        expect(token).toMatch(/^(Zebra|Quokka|Lantern|zebra|quokka|lantern),?$/);
        expect(token.endsWith(",")).toBe(before[position]!.endsWith(","));
        expect(token[0] === token[0]!.toUpperCase()).toBe(before[position]![0] === before[position]![0]!.toUpperCase());
      });
    });
    expect(input[0]!.query).toBe("Hey, please text Ana hello 0 then"); // the input records are not modified
  });

  it("is deterministic per seed, noises about `share` of the requests, and is off at 0", () => {
    const input = records();
    const first = addFillerNoise(input, { share: 0.5, seed: 7, words });
    expect(addFillerNoise(input, { share: 0.5, seed: 7, words })).toEqual(first);
    expect(addFillerNoise(input, { share: 0.5, seed: 8, words }).records).not.toEqual(first.records);
    expect(first.noised).toBeGreaterThan(120); // 600 · 0.5 · P(at least one of 1–2 fillers replaced) ≈ 0.5–0.64
    expect(first.noised).toBeLessThan(300);
    expect(addFillerNoise(input, { share: 0, seed: 7, words })).toEqual({ records: input, noised: 0 });
  });

  it("draws from a real English word list, and refuses a share outside [0, 1]", () => {
    const list = randomWordList();
    expect(list.length).toBeGreaterThan(100000);
    expect(list).toContain("lantern");
    expect(list.every((word) => /^[a-z]{3,10}$/.test(word))).toBe(true);
    expect(() => resolveHyperparameters("scratch", { fillerNoise: 1.5 })).toThrow(/fillerNoise.*\[0, 1\]/);
  });

  it("is refused for an action model before any work", async () => {
    await expect(train({ data: records(), task: "act", init: "tiny", output: "/nonexistent/never-written", fillerNoise: 0.5 }))
      .rejects.toThrow(/--filler-noise is for planners/);
  });
});
