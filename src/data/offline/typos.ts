// Casual typos for a small fraction of requests, so the planner tolerates them: swapped
// or dropped letters, and the shorthand people type on phones. Slot values may be hit too
// (a mistyped name is realistic); the gold call keeps the correct value.
import type { Dice } from "./random.js";

const SHORTHAND: Record<string, string> = { the: "teh", you: "u", please: "pls", tomorrow: "tomorow", message: "mesage", because: "bc",
  your: "ur", calendar: "calender", schedule: "schedual", receive: "recieve", weather: "wether", brightness: "brightnes",
  screenshot: "screen shot", alarm: "alarn", email: "emial", and: "adn", with: "wiht", thanks: "thx", really: "rly" };

function mangle(word: string, dice: Dice): string {
  const lower = word.toLowerCase();
  if (SHORTHAND[lower] && dice.chance(0.6)) return SHORTHAND[lower];
  if (word.length < 4) return word;
  const position = dice.integer(1, word.length - 2);
  switch (dice.integer(0, 2)) {
    case 0: return word.slice(0, position) + word[position + 1] + word[position] + word.slice(position + 2);
    case 1: return word.slice(0, position) + word.slice(position + 1);
    default: return word.slice(0, position) + word[position] + word.slice(position);
  }
}

export function addTypos(text: string, dice: Dice): string {
  const words = text.split(" ");
  const candidates = words.map((word, index) => ({ word, index })).filter(({ word }) => /^[a-z]+$/i.test(word));
  if (candidates.length === 0) return text;
  const count = dice.chance(0.7) ? 1 : 2;
  for (const { word, index } of dice.sample(candidates, count)) words[index] = mangle(word, dice);
  return words.join(" ");
}
