// Parsers for option values shared by several commands; each names the flag and shows an example when it refuses.
import { InputError } from "../errors.js";

/** A number from 0 to 1 (a share or a probability): `--test-fraction 0.1`, `--open-slots 0.5`. */
export function fractionOption(value: string, flag: string, example: string): number {
  const fraction = Number(value);
  if (value.trim() === "" || !Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
    throw new InputError(`${flag}: expected a number between 0 and 1, got '${value}'`, { hint: `For example ${flag} ${example}` });
  }
  return fraction;
}
