import { describe, expect, it } from "vitest";
import { datasetStats, formatStats, idHashUnit, normalizeQuery, splitByIdHash, type DatasetRecord } from "../../src/data/index.js";
import { sampleRecord, sampleRecords } from "./fixtures.js";

describe("splitByIdHash", () => {
  it("is deterministic, order-independent and roughly proportional", () => {
    const records = sampleRecords(1000);
    const first = splitByIdHash(records, 0.2);
    const shuffled = [...records].reverse();
    const second = splitByIdHash(shuffled, 0.2);
    const ids = (list: DatasetRecord[]) => list.map((record) => record.id).sort();
    expect(ids(second.test)).toEqual(ids(first.test));
    expect(first.train.length + first.test.length).toBe(1000);
    expect(first.test.length).toBeGreaterThan(150);
    expect(first.test.length).toBeLessThan(250);
    // A record's side depends only on its id: adding records moves nobody.
    const grown = splitByIdHash([...records, ...sampleRecords(1200).slice(1000)], 0.2);
    expect(ids(grown.test).filter((id) => Number(id.slice(4)) < 1000)).toEqual(ids(first.test));
    expect(splitByIdHash(records, 0).test).toEqual([]);
    expect(splitByIdHash(records, 1).train).toEqual([]);
    expect(() => splitByIdHash(records, 1.5)).toThrow(/between 0 and 1/);
    // Pinned value: the hash must not change between versions, or old splits would leak into training.
    expect(idHashUnit("rec-0")).toBeCloseTo(0x0297e5cfd9bd / 2 ** 48, 12);
  });
});

describe("datasetStats", () => {
  it("counts histograms, duplicates, near-duplicates and diversity", () => {
    const records: DatasetRecord[] = [
      sampleRecord(0),
      sampleRecord(1),
      sampleRecord(2),
      { ...sampleRecord(3), id: "dup-a", query: "Print the report" },
      { ...sampleRecord(4), id: "dup-b", query: "Print the report" },
      { ...sampleRecord(5), id: "near", query: "print the REPORT!" },
      { ...sampleRecord(6), id: "rec-0", domains: ["ecommerce"], meta: undefined },
    ];
    const stats = datasetStats(records);
    expect(stats.count).toBe(7);
    expect(stats.stepsHistogram).toEqual({ "1": 3, "2": 2, "3": 2 });
    expect(stats.functionsHistogram).toEqual({ print_document: 4, search_files: 7, send_email: 2 });
    expect(stats.domainsHistogram).toEqual({ android: 6, ecommerce: 1 });
    expect(stats.duplicateQueries).toEqual([{ query: "Print the report", ids: ["dup-a", "dup-b"] }]);
    expect(stats.nearDuplicateQueries).toEqual([{ query: "print the report", ids: ["dup-a", "dup-b", "near"] }]);
    expect(stats.duplicateIds).toEqual(["rec-0"]);
    expect(stats.diversity.distinctTemplates).toBe(6);
    expect(normalizeQuery("  Print, the\tREPORT! ")).toBe("print the report");
    expect(formatStats(stats)).toContain("duplicate queries: 1 groups (1 extra records)");
  });

  it("computes distinct-n against a hand count", () => {
    const make = (id: string, query: string): DatasetRecord => ({ id, query, steps: ["s"], functions: ["f"], domains: [] });
    // words: [a b c] [a b d] → unigrams a,b,c,a,b,d: 4/6; bigrams ab,bc,ab,bd: 3/4; trigrams abc,abd: 2/2
    const stats = datasetStats([make("1", "a b c"), make("2", "A b d")]);
    expect(stats.diversity.distinct1).toBeCloseTo(4 / 6);
    expect(stats.diversity.distinct2).toBeCloseTo(3 / 4);
    expect(stats.diversity.distinct3).toBe(1);
    expect(stats.diversity.distinctTemplates).toBeNull();
  });
});
