// Reads a count said in digits or in English words ("3", "three", "twenty-one"), as requests say "in three days".
// Deliberately small: 0..99, no "a couple", no ordinals.

const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

export function numberFromWord(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower);
  const unit = UNITS.indexOf(lower);
  if (unit >= 0) return unit;
  const [tensWord, unitWord] = lower.split("-");
  const tens = TENS.indexOf(tensWord!);
  if (tens < 2) return undefined;
  if (unitWord === undefined) return tens * 10;
  const rest = UNITS.indexOf(unitWord);
  return rest >= 1 && rest <= 9 ? tens * 10 + rest : undefined;
}
