// Shapes shared by the built-in domains. The regexes check only the shape; whether
// "25:99" or "2026-02-30" exists is checked by the device (a DeviceError, which the
// agent shows the model), because the action model should learn from that answer.
import { z } from "zod";

export const clockTime = () => z.string().regex(/^\d{2}:\d{2}$/, 'expected "HH:MM", e.g. "07:30"');
export const calendarDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected "YYYY-MM-DD", e.g. "2026-12-03"');
export const calendarDateTime = () => z.string().regex(/^\d{4}-\d{2}-\d{2}-\d{2}-\d{2}$/, 'expected "YYYY-MM-DD-HH-MM", e.g. "2026-12-03-14-30"');
