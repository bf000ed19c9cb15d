import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contentId, fromChatMessages, fromPaperText, readRecords, toChatMessages, toPaperText, writeRecords } from "../../src/data/index.js";
import { sampleRecords } from "./fixtures.js";

const folder = mkdtempSync(join(tmpdir(), "octoplan-convert-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("converters", () => {
  it("writes the paper's text format and the HF chat format", () => {
    const record = { query: "Print the Q3\nreport", steps: ["Find the Q3 report", "Print it"] };
    expect(toPaperText(record)).toBe("<|user|>Print the Q3 report<|end|><|assistant|>Find the Q3 report<nexa_split>Print it<|end|>");
    expect(toChatMessages(record)).toEqual({
      messages: [
        { role: "user", content: "Print the Q3\nreport" },
        { role: "assistant", content: "Find the Q3 report<nexa_split>Print it" },
      ],
    });
  });

  it("reads paper lines (with the paper's variants) into records with stable content ids", () => {
    const record = fromPaperText("<user>Buy a chair<lend><assistant> Search for chairs<|nexa_split|> Buy the cheapest chair.<lend>");
    expect(record).toEqual({ id: contentId("Buy a chair", ["Search for chairs", "Buy the cheapest chair"]), query: "Buy a chair", steps: ["Search for chairs", "Buy the cheapest chair"], functions: [], domains: [] });
    expect(fromChatMessages(toChatMessages(record))).toEqual(record);
    expect(() => fromChatMessages({ messages: "hi" })).toThrow(/messages: expected an array/);
  });

  it("round-trips files through paper and chat, reporting bad lines by number", async () => {
    const records = sampleRecords(12);
    for (const format of ["paper", "chat", "jsonl"] as const) {
      const path = join(folder, `data.${format}`);
      expect(await writeRecords(path, records, format)).toBe(12);
      const back = [];
      for await (const record of readRecords(path, format)) back.push(record);
      const comparable = format === "jsonl" ? back : back.map(({ query, steps }) => ({ query, steps }));
      expect(comparable).toEqual(format === "jsonl" ? records : records.map(({ query, steps }) => ({ query, steps })));
    }
    const paperPath = join(folder, "data.paper");
    writeFileSync(paperPath, readFileSync(paperPath, "utf8") + "not a plan\n");
    const errors: string[] = [];
    const back = [];
    for await (const record of readRecords(paperPath, "paper", { errors })) back.push(record);
    expect(back).toHaveLength(12);
    expect(errors).toEqual([`${paperPath}:13: plan text has no <|user|> token`]);
  });
});
