// Resolves ArgumentReference values ({ $ref: { step, field, pick, format } }) against the
// real results of earlier calls, so "print my boarding pass" prints the path the search
// actually returned. The item lookup is deliberately forgiving about result shapes (a list,
// an object holding a list, or a single object; strings are their own value) because the
// teacher only knows what a result means, not its exact JSON.
import { OctoplanError } from "../../errors.js";
import { isArgumentReference, type ArgumentReference } from "./teacher.js";

export class UnresolvedReferenceError extends OctoplanError {}

function itemsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  if (typeof result === "object" && result !== null) {
    const list = Object.values(result).find((value) => Array.isArray(value) && value.length > 0);
    return Array.isArray(list) ? list : [result];
  }
  return result === undefined || result === null ? [] : [result];
}

function priceOf(item: unknown): number {
  if (typeof item !== "object" || item === null) return Number.POSITIVE_INFINITY;
  const entry = Object.entries(item).find(([key, value]) => /price|total|cost/i.test(key) && typeof value === "number");
  return entry ? (entry[1] as number) : Number.POSITIVE_INFINITY;
}

/** item[field], else a key that matches it case-insensitively or ends with it ("orderId" for "id"). */
function fieldOf(item: unknown, field: string): unknown {
  if (typeof item !== "object" || item === null) return item;
  const record = item as Record<string, unknown>;
  if (field in record) return record[field];
  const wanted = field.toLowerCase();
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === wanted)
    ?? Object.keys(record).find((candidate) => candidate.toLowerCase().endsWith(wanted));
  return key === undefined ? undefined : record[key];
}

export function resolveReference(reference: ArgumentReference, results: readonly unknown[]): unknown {
  const { step, field, pick = "first", format } = reference.$ref;
  if (step < 0 || step >= results.length) {
    throw new UnresolvedReferenceError(`argument refers to step ${step}, but only ${results.length} earlier call(s) ran`, { hint: "References point to an earlier call (0-based)." });
  }
  const items = itemsOf(results[step]);
  if (items.length === 0) throw new UnresolvedReferenceError(`call ${step} returned nothing to take '${field}' from`, { hint: "The earlier search found no results." });
  const item = pick === "cheapest" ? [...items].sort((a, b) => priceOf(a) - priceOf(b))[0] : items[0];
  const value = fieldOf(item, field);
  if (value === undefined || value === null || (typeof value === "object")) {
    throw new UnresolvedReferenceError(`call ${step}'s result has no '${field}'`, { hint: `Result keys: ${typeof item === "object" && item ? Object.keys(item).join(", ") : typeof item}` });
  }
  return format === undefined ? value : format.replace("{}", String(value));
}

/** A copy of the arguments with every reference replaced by its value. */
export function resolveArguments(args: Record<string, unknown>, results: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).map(([key, value]) => [key, isArgumentReference(value) ? resolveReference(value, results) : value]));
}
