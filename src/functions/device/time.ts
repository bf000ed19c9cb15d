// Checks of clock and calendar values. The zod schemas only check the shape
// ("\d\d:\d\d"); whether 25:99 or February 30 exist is the device's business, and it
// answers with a DeviceError the model can read.
import { DeviceError } from "./errors.js";

export function parseClock(functionName: string, field: string, text: string): { hours: number; minutes: number } {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hours = match ? Number(match[1]) : NaN;
  const minutes = match ? Number(match[2]) : NaN;
  if (!match || hours > 23 || minutes > 59) {
    throw new DeviceError(functionName, `invalid time "${text}" for ${field}`, 'Use 24-hour "HH:MM" with hours 00-23 and minutes 00-59, e.g. "07:30".');
  }
  return { hours, minutes };
}

/** Minutes since 1970 (UTC, no time zones on this phone), for ordering and durations. */
export function parseDate(functionName: string, field: string, text: string, withTime = false): number {
  const pattern = withTime ? /^(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})$/ : /^(\d{4})-(\d{2})-(\d{2})$/;
  const match = pattern.exec(text.trim());
  const format = withTime ? "YYYY-MM-DD-HH-MM" : "YYYY-MM-DD";
  if (match) {
    const [year, month, day, hours = 0, minutes = 0] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day, hours, minutes));
    const valid = date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hours <= 23 && minutes <= 59;
    if (valid) return date.getTime() / 60_000;
  }
  throw new DeviceError(functionName, `invalid date "${text}" for ${field}`, `Use "${format}" with a real calendar date, e.g. "${withTime ? "2026-12-03-14-30" : "2026-12-03"}".`);
}

/** The device clock "YYYY-MM-DDTHH:MM" as minutes since 1970. */
export function clockMinutes(now: string): number {
  return Date.parse(`${now}:00Z`) / 60_000;
}

export function formatDay(minutes: number): string {
  return new Date(minutes * 60_000).toISOString().slice(0, 10);
}

export const MINUTES_PER_DAY = 24 * 60;
