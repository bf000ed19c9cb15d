// What a request says about order: the order words that exempt it from the order of mention, and the cues they give.
import { describe, expect, it } from "vitest";
import { splitClauses } from "../../src/plan/clause-scope.js";
import { withinDistance } from "../../src/plan/grounding.js";
import { hasOrderWord, orderCues } from "../../src/plan/order-words.js";

describe("hasOrderWord", () => {
  it("reads order words and their one-letter typos, not 'after that' or 'before I forget'", () => {
    for (const request of ["before you text Ann, take a photo", "take a photo, but text Ann first", "text Ann once you take a photo",
      "text Ann after you take a photo", "befroe you text Ann, take a photo", "text Ann, but fiirst take a photo", "mail it affter you print it"]) {
      expect(hasOrderWord(request), request).toBe(true);
    }
    for (const request of ["text Ann. After that, take a photo", "before I forget, text Ann and take a photo", "lunch the day after tomorrow and text Ann",
      "text Ann and take one photo", "take a photo and text Ann"]) {
      expect(hasOrderWord(request), request).toBe(false);
    }
  });

  it("counts one added, dropped or changed letter, or two swapped neighbours, as one edit (grounding.ts's withinDistance)", () => {
    for (const word of ["before", "befroe", "bfeore", "beforre", "befre", "bofore"]) expect(withinDistance(word, "before", 1), word).toBe(true);
    for (const word of ["brefoe", "beefroe", "bef", "after"]) expect(withinDistance(word, "before", 1), word).toBe(false);
  });
});

describe("orderCues", () => {
  const cues = (request: string) => orderCues(splitClauses(request));

  it("reads 'before you B, A' with B running to the next punctuation", () => {
    expect(cues("Before you screenshot the chat and email it to Aisha, take a screenshot and message it to Olivia")).toEqual([{ early: [2], late: [0, 1] }]);
    expect(cues("check the weather. and before checking the news, mute the phone")).toEqual([{ early: [2], late: [1] }]);
    expect(cues("check the weather. Before you read the news and mute the phone, take a photo")).toEqual([{ early: [3], late: [1, 2] }]);
  });

  it("reads 'B, but first A', 'B, but A first', 'B after you A' and 'B once you A' as A before the clause before it", () => {
    expect(cues("mute the phone, but first check the weather")).toEqual([{ early: [1], late: [0] }]);
    expect(cues("mute the phone, but check the weather first")).toEqual([{ early: [1], late: [0] }]);
    expect(cues("take a photo, then mute the phone after you check the weather")).toEqual([{ early: [2], late: [1] }]);
    expect(cues("mute the phone once you check the weather")).toEqual([{ early: [1], late: [0] }]);
  });

  it("gives no cue for order words that keep the order of mention", () => {
    for (const request of ["first check the weather, then mute the phone", "check the weather first and then mute the phone", "before I forget, mute the phone",
      "mute the phone. Once that's done, check the weather", "set an alarm before you send the email"]) {
      expect(cues(request), request).toEqual([]);
    }
  });
});
