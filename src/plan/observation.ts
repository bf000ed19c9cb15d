// Observations are the JSON-safe values that function calls return. The action model sees them as
// short prompt text: strings as themselves (whitespace collapsed), everything else as compact JSON in
// the value's own key order (the simulated device builds its objects deterministically, so the text is
// deterministic too). Long text is cut to maxChars, ending in "…".
// Deliberately left out: escaping special tokens inside observations (device data never contains them).

export function renderObservation(value: unknown, maxChars = 240): string {
  if (!Number.isInteger(maxChars) || maxChars < 1) throw new RangeError(`maxChars must be a positive integer, got ${maxChars}`);
  let text: string;
  if (value === undefined || value === null) text = "None";
  else if (typeof value === "string") text = value.replace(/\s+/g, " ").trim();
  else text = JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item)) ?? String(value);
  return truncate(text, maxChars);
}

function truncate(text: string, maxChars: number): string {
  const characters = Array.from(text); // by code point, so an emoji is never cut in half
  if (characters.length <= maxChars) return text;
  return characters.slice(0, maxChars - 1).join("") + "…";
}
