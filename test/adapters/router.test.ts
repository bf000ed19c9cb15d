// The router and the text classifier on a toy split of generated records: domain labels from the offline
// teacher, held out by id hash. Also the classifier's JSON round trip.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AdapterRouter, TextClassifier, hashedFeatures } from "../../src/adapters/index.js";
import { generateDataset, readDatasetAll, splitByIdHash, type DatasetRecord } from "../../src/data/index.js";
import { FunctionSet, type DomainName } from "../../src/functions/index.js";
import { DomainBalancedTeacher } from "../../src/eval/table2-data.js";

async function records(domains: DomainName[], count: number, seed: number): Promise<DatasetRecord[]> {
  const out = join(mkdtempSync(join(tmpdir(), "octoplan-router-")), "records.jsonl");
  await generateDataset({ teacher: new DomainBalancedTeacher(), functions: FunctionSet.fromDomains(domains), out, count, seed });
  return (await readDatasetAll(out)).records;
}

describe("router", () => {
  it("learns domain labels on a toy split and reports accuracy and cost", async () => {
    const all: DatasetRecord[] = [];
    for (const [index, domain] of (["android", "ecommerce", "video", "travel"] as DomainName[]).entries()) all.push(...(await records([domain], 60, index)));
    all.push(...(await records(["video", "travel"], 80, 9))); // some of these mix both domains
    const { train, test } = splitByIdHash(all, 0.25);
    expect(test.length).toBeGreaterThan(20);
    const router = AdapterRouter.train(train, { seed: 1 });
    expect(router.domains).toEqual(["android", "ecommerce", "travel", "video"]);
    const evaluation = router.evaluate(test);
    expect(evaluation.records).toBe(test.length);
    expect(evaluation.topAccuracy).toBeGreaterThan(0.8);
    expect(evaluation.exactAccuracy).toBeGreaterThan(0.75);
    expect(evaluation.meanMs).toBeGreaterThan(0);
    // an untrained guess would be right ~25% of the time: the router learned something
    const shuffled = AdapterRouter.train(train.map((record, index) => ({ ...record, domains: train[(index * 7 + 3) % train.length]!.domains })), { seed: 1 });
    expect(shuffled.evaluate(test).topAccuracy).toBeLessThan(evaluation.topAccuracy);
    // mixed queries: the multi-label router switches on both adapters for some of them
    const mixed = test.filter((record) => record.domains.length === 2);
    expect(mixed.length).toBeGreaterThan(3);
    expect(mixed.filter((record) => router.route(record.query).domains.length === 2).length).toBeGreaterThan(0);
    // JSON round trip gives the same decisions
    const restored = AdapterRouter.fromJson(JSON.parse(JSON.stringify(router.toJson())));
    for (const record of test.slice(0, 10)) expect(restored.route(record.query).domains).toEqual(router.route(record.query).domains);
  }, 120_000);

  it("the single-label classifier separates toy classes; features are hashed word and character n-grams", () => {
    expect(hashedFeatures("Turn on WiFi", 1 << 10).length).toBe(3 + 2 + (4 + 2 + 4)); // words + bigrams + trigrams of ^turn$ ^on$ ^wifi$
    const examples = [
      ...["play the movie", "watch a film", "stream the show", "play a video"].map((text) => ({ text, labels: ["video"] })),
      ...["book a flight", "find a hotel", "reserve a room", "buy plane tickets"].map((text) => ({ text, labels: ["travel"] })),
    ];
    const classifier = TextClassifier.train(examples, { epochs: 30 });
    expect(classifier.predict("play the film")).toEqual(["video"]);
    expect(classifier.predict("book a hotel room")).toEqual(["travel"]);
    const probabilities = classifier.probabilities("stream a movie");
    expect([...probabilities.values()].reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 10);
  });
});
