// Open-vocabulary slots: with openSlots > 0 the free-text slots take phrases the lexicons do not have, each copied
// verbatim into the step and the call (the planner learns to copy, not to recall); with it unset, the dataset is the
// one the lexicons alone give, draw for draw.
import { describe, expect, it } from "vitest";
import { composeCandidate } from "../../../src/data/offline/compose.js";
import { EVENT_TITLES, NEW_CONTACTS, NEWS_TOPICS, TEXT_MESSAGES, VIDEO_TOPICS } from "../../../src/data/offline/lexicon.js";
import { openPhrase, type OpenSlotKind } from "../../../src/data/offline/open-slots.js";
import { Dice } from "../../../src/data/offline/random.js";
import { parseNow } from "../../../src/data/offline/spoken.js";
import { BUILTIN_INTENTS } from "../../../src/data/offline/teacher.js";

const now = parseNow("2026-11-25T09:00");
const KINDS: OpenSlotKind[] = ["topic", "video", "query", "message", "subject", "body", "title", "label", "place"];

function candidates(openSlots: number | undefined, count: number) {
  return Array.from({ length: count }, (_, seed) => composeCandidate(BUILTIN_INTENTS, 1, { dice: new Dice(seed), now, openSlots }, "canonical")!);
}

describe("open-vocabulary slots", () => {
  it("builds many distinct phrases of every kind, with no unfilled hole", () => {
    for (const kind of KINDS) {
      const phrases = Array.from({ length: 400 }, (_, seed) => openPhrase(new Dice(seed), kind));
      expect(new Set(phrases).size, kind).toBeGreaterThan(150);
      expect(phrases.filter((phrase) => /[{}]|undefined/.test(phrase)), kind).toEqual([]);
    }
  });

  it("leaves the dataset unchanged when unset or 0", () => {
    expect(candidates(0, 300)).toEqual(candidates(undefined, 300));
  });

  it("puts values outside the lexicons into requests, copied into the step and the call", () => {
    const lexicon = new Set([...VIDEO_TOPICS, ...NEWS_TOPICS, ...TEXT_MESSAGES, ...EVENT_TITLES]);
    const open: string[] = [];
    for (const candidate of candidates(0.5, 3000)) {
      const call = candidate.calls[0]!;
      const value = call.name === "search_youtube_videos" || call.name === "get_trending_news" ? call.arguments.query
        : call.name === "send_text_message" ? call.arguments.message : undefined;
      if (typeof value !== "string" || lexicon.has(value)) continue;
      open.push(value);
      expect(candidate.steps[0], candidate.query).toContain(value);
      // The request says it too (typos aside: the composer misspells ~6 % of requests).
      if (!candidate.query.toLowerCase().includes(value.toLowerCase())) expect(candidate.templates, candidate.query).toContain("typo");
    }
    expect(open.length).toBeGreaterThan(100);
    expect(new Set(open).size).toBeGreaterThan(80);
  });

  it("adds made-up people to the contacts, and the steps name them", () => {
    const known = new Set(NEW_CONTACTS.map((person) => person.name));
    const added = candidates(0.5, 3000).filter((candidate) => candidate.calls[0]!.name === "create_contact");
    const madeUp = added.filter((candidate) => !known.has(String(candidate.calls[0]!.arguments.name)));
    expect(madeUp.length).toBeGreaterThan(10);
    for (const candidate of madeUp) expect(candidate.steps[0]).toContain(String(candidate.calls[0]!.arguments.name));
  });
});
