// Parsers for option values shared by several commands; each names the flag and shows an example when it refuses.
import { existsSync, readFileSync } from "node:fs";
import { InputError } from "../errors.js";
import { BUILTIN_DOMAINS, FunctionSet, isDomainName, parseDocstrings } from "../functions/index.js";

/** A number from 0 to 1 (a share or a probability): `--test-fraction 0.1`, `--open-slots 0.5`. */
export function fractionOption(value: string, flag: string, example: string): number {
  const fraction = Number(value);
  if (value.trim() === "" || !Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
    throw new InputError(`${flag}: expected a number between 0 and 1, got '${value}'`, { hint: `For example ${flag} ${example}` });
  }
  return fraction;
}

/** A whole number of at least `min` (default 1): `--count 1000`, `--threads 2`, `--port 0` (min 0). */
export function wholeNumberOption(value: string, flag: string, options: { min?: number; example?: number } = {}): number {
  const min = options.min ?? 1;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min) {
    throw new InputError(`${flag}: expected a whole number of at least ${min}, got '${value}'`, { hint: `For example ${flag} ${options.example ?? Math.max(min, 8)}` });
  }
  return number;
}

/** wholeNumberOption for an option that may be left out. */
export function optionalWholeNumber(value: string | undefined, flag: string, options: { min?: number; example?: number } = {}): number | undefined {
  return value === undefined ? undefined : wholeNumberOption(value, flag, options);
}

/** Any finite number, or an integer when `integer`, for an option that may be left out: `--lr 2e-3`, `--seed 1`. */
export function optionalNumber(value: string | undefined, flag: string, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed) || (integer && !Number.isInteger(parsed))) {
    throw new InputError(`${flag}: expected ${integer ? "an integer" : "a number"}, got '${value}'`, { hint: `For example ${flag} ${integer ? 1 : 0.5}` });
  }
  return parsed;
}

/** A function set: built-in domains ("android,ecommerce") or a file of Python-style docstrings (`train --functions`). */
export function functionSetOption(value: string, flag: string): FunctionSet {
  const names = value.split(",").map((name) => name.trim());
  if (names.every(isDomainName)) return FunctionSet.fromDomains(names);
  if (!existsSync(value)) {
    throw new InputError(`${flag} ${value}: neither built-in domains nor a file`, { hint: `Available domains: ${BUILTIN_DOMAINS.join(", ")}; or a docstrings file` });
  }
  return FunctionSet.from(parseDocstrings(readFileSync(value, "utf8"), value));
}
