// Readable differences between two device states, for end-to-end evaluation:
// "sentEmails[0].recipient: expected \"a@x.com\", got \"b@x.com\"". [] means equal.
// Arrays are compared by position (the order of calls is part of the outcome).
import type { DeviceState } from "./state.js";

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? "undefined" : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function compare(expected: unknown, actual: unknown, path: string, out: string[]): void {
  if (Object.is(expected, actual)) return;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) out.push(`${path}: expected ${expected.length} item(s), got ${actual.length}`);
    const common = Math.min(expected.length, actual.length);
    for (let index = 0; index < common; index++) compare(expected[index], actual[index], `${path}[${index}]`, out);
    for (let index = common; index < expected.length; index++) out.push(`${path}[${index}]: missing ${show(expected[index])}`);
    for (let index = common; index < actual.length; index++) out.push(`${path}[${index}]: unexpected ${show(actual[index])}`);
    return;
  }
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) {
      const childPath = path === "" ? key : `${path}.${key}`;
      if (!(key in actual)) out.push(`${childPath}: missing ${show(expected[key])}`);
      else if (!(key in expected)) out.push(`${childPath}: unexpected ${show(actual[key])}`);
      else compare(expected[key], actual[key], childPath, out);
    }
    return;
  }
  out.push(`${path || "(state)"}: expected ${show(expected)}, got ${show(actual)}`);
}

export function diffStates(expected: DeviceState, actual: DeviceState): string[] {
  const out: string[] = [];
  compare(expected, actual, "", out);
  return out;
}
