// Distinct arguments: which pairs of copied arguments the training calls always kept apart, and the check that stops a
// call being written from copying one into the other.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { everyStringArgument } from "../../src/plan/call-strings.js";
import { distinctCheck, learnDistinctArguments } from "../../src/plan/distinct-arguments.js";
import { readGrounding } from "../../src/plan/grounding-file.js";

const ROUTE = { name: "find_route_google_maps", parameters: ["origin", "destination", "mode"] };
const functionAt = (index: number) => (index === 1 ? ROUTE : undefined);
const PLACES = ["the lake", "the river walk", "home", "the stadium", "Pier 39", "the mall"];

function routeCalls(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    call: { name: "find_route_google_maps", arguments: {
      origin: PLACES[index % PLACES.length]!, destination: PLACES[(index + 1) % PLACES.length]!, mode: "driving", note: "driving home",
    } },
  }));
}

describe("distinct arguments", () => {
  it("learns the pairs of copied arguments that never overlapped, and only among the copied ones", () => {
    const among = { find_route_google_maps: ["origin", "destination", "note"] };
    // "note" holds "home" (a destination) in some calls, so only origin/destination stay apart; "mode" is not copied.
    expect(learnDistinctArguments(routeCalls(30), among)).toEqual({ find_route_google_maps: [["origin", "destination"]] });
    const same = routeCalls(30);
    same[0]!.call.arguments.destination = same[0]!.call.arguments.origin;
    expect(learnDistinctArguments(same, among)).toEqual({});
    expect(learnDistinctArguments(routeCalls(10), among)).toEqual({});
    expect(learnDistinctArguments(routeCalls(30), {})).toEqual({});
  });

  it("refuses a second value that holds the first, or once closed lies inside it", () => {
    const distinct = { find_route_google_maps: [["origin", "destination"] as [string, string]] };
    const keeps = (text: string) => everyStringArgument(text, functionAt, distinctCheck(distinct));
    expect(keeps("<nexa_1>('the lake', 'the ")).toBe(true); // a shared beginning is fine
    expect(keeps("<nexa_1>('the lake', 'the river walk', 'driving')")).toBe(true);
    expect(keeps("<nexa_1>('the lake', 'the lake")).toBe(false);
    expect(keeps("<nexa_1>('the lake', 'The Lake to the river")).toBe(false);
    expect(keeps("<nexa_1>('the lake', 'lake')")).toBe(false);
    expect(keeps("<nexa_1>(destination='the lake', origin='the lake")).toBe(false);
    expect(keeps("<nexa_1>('the lake")).toBe(true); // nothing closed to compare with yet
    expect(keeps("<nexa_2>('the lake', 'the lake')")).toBe(true); // another function
  });

  it("travels in grounding.json, and a malformed table is refused with its field named", () => {
    const directory = mkdtempSync(join(tmpdir(), "octoplan-distinct-"));
    const path = join(directory, "grounding.json");
    writeFileSync(path, JSON.stringify({ copyWords: [], coverWords: [], distinctArguments: { find_route_google_maps: [["origin", "destination"]] } }));
    expect(readGrounding(path).distinctArguments).toEqual({ find_route_google_maps: [["origin", "destination"]] });
    writeFileSync(path, JSON.stringify({ distinctArguments: { find_route_google_maps: ["origin"] } }));
    expect(() => readGrounding(path)).toThrow(/grounding.json: field 'distinctArguments'/);
  });
});
