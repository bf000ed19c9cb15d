// Insertion noise (src/train/insert-noise.ts): where words may go, what stays unchanged, determinism and the refusals.
import { describe, expect, it } from "vitest";
import type { DatasetRecord } from "../../src/data/index.js";
import { addInsertNoise, MAX_INSERTED_WORDS } from "../../src/train/insert-noise.js";
import { resolveHyperparameters } from "../../src/train/options.js";
import { train } from "../../src/train/train.js";

const words = ["zebra", "quokka", "lantern"];

/** 400 requests; each step copies a two-word phrase of its request ("guest list", "Ana Silva"). */
function records(): DatasetRecord[] {
  return Array.from({ length: 400 }, (_, i) => i % 2 === 0
    ? { id: `r${i}`, query: `please find the wedding guest list ${i} and print it`, steps: [`Find the wedding guest list ${i}`, `Print the wedding guest list ${i}`], functions: ["search_files", "print_document"], domains: ["android"] }
    : { id: `r${i}`, query: `text Ana Silva that I'm late, thanks`, steps: [`Send a text message to Ana Silva saying "I'm late"`], functions: ["send_text_message"], domains: ["android"] }) as DatasetRecord[];
}

describe("addInsertNoise", () => {
  it("adds 1–2 words between two words, never inside a phrase a step writes, and changes nothing else", () => {
    const input = records();
    const { records: output, noised } = addInsertNoise(input, { share: 1, seed: 3, words });
    expect(noised).toBe(input.length);
    const counts = new Set<number>();
    output.forEach((record, index) => {
      const original = input[index]!;
      expect(record.steps).toEqual(original.steps);
      expect(record.functions).toEqual(original.functions);
      const tokens = record.query.split(" ");
      const added = tokens.filter((token) => words.includes(token)).length;
      counts.add(added);
      // Taking the inserted words out gives back the request.
      expect(tokens.filter((token) => !words.includes(token)).join(" ")).toBe(original.query);
      expect(words).not.toContain(tokens[0]);
      expect(words).not.toContain(tokens.at(-1));
      // The phrases the steps copy stay whole.
      expect(record.query).toMatch(index % 2 === 0 ? / wedding guest list \d+ / : /Ana Silva/);
    });
    expect([...counts].sort()).toEqual(Array.from({ length: MAX_INSERTED_WORDS }, (_, k) => k + 1));
    expect(input[0]!.query).toBe("please find the wedding guest list 0 and print it"); // the input records are not modified
  });

  it("is deterministic per seed, noises about `share` of the requests, and is off at 0", () => {
    const input = records();
    const first = addInsertNoise(input, { share: 0.5, seed: 7, words });
    expect(addInsertNoise(input, { share: 0.5, seed: 7, words })).toEqual(first);
    expect(addInsertNoise(input, { share: 0.5, seed: 8, words }).records).not.toEqual(first.records);
    expect(first.noised).toBeGreaterThan(150);
    expect(first.noised).toBeLessThan(250);
    expect(addInsertNoise(input, { share: 0, seed: 7, words })).toEqual({ records: input, noised: 0 });
  });

  it("leaves a request alone when every boundary is inside a copied phrase", () => {
    const record = { id: "a", query: "Take a screenshot", steps: ["Take a screenshot"], functions: ["take_screenshot"], domains: ["android"] } as DatasetRecord;
    expect(addInsertNoise([record], { share: 1, seed: 1, words })).toEqual({ records: [record], noised: 0 });
  });

  it("refuses a share outside [0, 1], and an action model before any work", async () => {
    expect(() => resolveHyperparameters("scratch", { insertNoise: -0.1 })).toThrow(/insertNoise.*\[0, 1\]/);
    await expect(train({ data: records(), task: "act", init: "tiny", output: "/nonexistent/never-written", insertNoise: 0.5 }))
      .rejects.toThrow(/--insert-noise is for planners/);
  });
});
