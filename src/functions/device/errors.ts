// A call that the device refuses, as a real phone or service would: an unknown file,
// a time like "25:99", an order that already shipped. The agent shows it to the model
// as the observation; the hint says how to recover.
import { OctoplanError } from "../../errors.js";

export class DeviceError extends OctoplanError {
  constructor(readonly functionName: string, message: string, hint?: string) {
    super(`${functionName}: ${message}`, { hint });
  }
}
