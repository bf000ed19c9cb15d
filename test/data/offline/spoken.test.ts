// Spoken times and dates must normalise to exactly one reading. The reference readers
// below are written independently of src/data/offline/spoken.ts, the way a person reads
// the phrase, and every generated form must read back to the value the call carries.
import { describe, expect, it } from "vitest";
import { Dice } from "../../../src/data/offline/random.js";
import { isoDate, numberWords, parseNow, sayDate, sayTime } from "../../../src/data/offline/spoken.js";

const WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50 };

function wordNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const [tens, unit] = text.split("-");
  if (tens && TENS[tens] !== undefined) return TENS[tens]! + (unit ? WORDS.indexOf(unit) : 0);
  const value = WORDS.indexOf(text);
  if (value < 0) throw new Error(`not a number word: ${text}`);
  return value;
}

/** A person's reading: unmarked clock words mean the morning; "pm"/afternoon/evening/night add 12. */
function readTime(spoken: string): string {
  let text = spoken.toLowerCase().replace(/\./g, "").trim();
  if (["noon", "midday", "12 noon"].includes(text)) return "12:00";
  if (text === "midnight") return "00:00";
  let pm = false;
  let am = false;
  for (const [marker, isPm] of [[" in the morning", false], [" in the afternoon", true], [" in the evening", true], [" at night", true]] as const) {
    if (text.endsWith(marker)) { text = text.slice(0, -marker.length); pm = isPm; am = !isPm; }
  }
  const suffix = /\s?(am|pm)$/.exec(text);
  if (suffix) { pm = suffix[1] === "pm"; am = !pm; text = text.slice(0, suffix.index).trim(); }
  const to24 = (hour: number) => (pm ? (hour % 12) + 12 : am && hour === 12 ? 0 : hour);
  const format = (hour: number, minute: number) => `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  let match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (match) return format(pm || am ? to24(Number(match[1])) : Number(match[1]), Number(match[2]));
  match = /^(\d{1,2})$/.exec(text);
  if (match) return format(to24(Number(match[1])), 0);
  match = /^([a-z-]+) o'clock$/.exec(text);
  if (match) return format(to24(wordNumber(match[1]!)), 0);
  match = /^(?:a )?(half|quarter|[a-z-]+) past ([a-z-]+)$/.exec(text);
  if (match) return format(to24(wordNumber(match[2]!)), match[1] === "half" ? 30 : match[1] === "quarter" ? 15 : wordNumber(match[1]!));
  match = /^(quarter|[a-z-]+) to ([a-z-]+)$/.exec(text);
  if (match) return format(to24(wordNumber(match[2]!) - 1), 60 - (match[1] === "quarter" ? 15 : wordNumber(match[1]!)));
  match = /^([a-z-]+)(?: ([a-z-]+))?$/.exec(text);
  if (match) return format(to24(wordNumber(match[1]!)), match[2] ? wordNumber(match[2]) : 0);
  throw new Error(`cannot read time '${spoken}'`);
}

const NOW = parseNow("2026-11-25T09:00"); // a Wednesday
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** The documented conventions: "on/this Friday" within 6 days, "next Friday" 7–13 days away, "the 3rd" the next 3rd. */
function readDate(spoken: string): number {
  const text = spoken.toLowerCase().replace(/^on /, "");
  const fixed: Record<string, number> = { today: 0, "later today": 0, tomorrow: 1, tmrw: 1, "the day after tomorrow": 2, "in a week": 7,
    "a week from today": 7, "in two weeks": 14, "two weeks from today": 14 };
  if (fixed[text] !== undefined) return fixed[text]!;
  const match = /^in ([a-z0-9-]+) days$/.exec(text);
  if (match) return wordNumber(match[1]!);
  const weekday = DAYS.findIndex((day) => text.includes(day));
  if (weekday >= 0) {
    const ahead = (weekday - 3 + 7) % 7 || 7;
    return /next|next week/.test(text) ? ahead + 7 * (ahead < 7 ? 1 : 0) : ahead;
  }
  const day = Number(/(\d+)/.exec(text)![1]);
  const monthIndex = MONTHS.findIndex((month) => text.includes(month.slice(0, 3)));
  const base = Date.UTC(2026, 10, 25);
  if (monthIndex < 0) {
    for (let offset = 1; offset < 40; offset++) if (new Date(base + offset * 86_400_000).getUTCDate() === day) return offset;
    throw new Error(`no upcoming day ${day}`);
  }
  const year = monthIndex < 10 ? 2027 : 2026;
  return Math.round((Date.UTC(year, monthIndex, day) - base) / 86_400_000);
}

describe("spoken times", () => {
  it("reads back to the HH:MM the call carries, for every minute step and many phrasings", () => {
    const dice = new Dice(7);
    const seen = new Set<string>();
    for (let hour = 0; hour < 24; hour++) {
      for (const minute of [0, 5, 10, 15, 20, 30, 40, 45, 50, 55]) {
        for (let draw = 0; draw < 12; draw++) {
          const spoken = sayTime(dice, hour, minute);
          expect(readTime(spoken.text), `'${spoken.text}'`).toBe(spoken.clock);
          seen.add(spoken.text);
        }
      }
    }
    expect(seen).toContain("quarter to eight");
    expect(seen).toContain("half past seven");
    expect(seen).toContain("noon");
    expect(seen.size).toBeGreaterThan(800);
  });

  it("writes numbers as words", () => {
    expect([0, 7, 13, 20, 45, 100].map(numberWords)).toEqual(["zero", "seven", "thirteen", "twenty", "forty-five", "a hundred"]);
  });
});

describe("spoken dates", () => {
  it("resolve against the device clock under the documented conventions", () => {
    const dice = new Dice(3);
    const forms = new Set<string>();
    for (let offset = 0; offset <= 45; offset++) {
      for (let draw = 0; draw < 10; draw++) {
        const spoken = sayDate(dice, NOW, offset);
        expect(spoken.iso).toBe(isoDate(NOW, offset));
        expect(readDate(spoken.text), `'${spoken.text}' (${offset} days)`).toBe(offset);
        forms.add(spoken.text.replace(/\d+/g, "#"));
      }
    }
    expect(forms).toContain("tomorrow");
    expect(forms).toContain("next Friday");
  });

  it("crosses month and year ends", () => {
    expect(isoDate(NOW, 6)).toBe("2026-12-01");
    expect(isoDate(NOW, 37)).toBe("2027-01-01");
  });
});
