// Records store compact expected states (only what the calls changed); evaluation expands them against a fresh
// device of the same seed and clock. The round trip must be exact, and a full snapshot must stay valid.
import { describe, expect, it } from "vitest";
import { compactState, diffStates, expandState, FunctionSet, SimulatedDevice } from "../../src/functions/index.js";

describe("compact expected states", () => {
  it("keeps only the changed parts and expands back to the same state", async () => {
    const android = FunctionSet.fromDomains(["android"]);
    const device = SimulatedDevice.create({ seed: 7, now: "2026-12-01T08:30" });
    await android.execute("set_timer_alarm", { time: "07:30", label: "gym" }, { device });
    await android.execute("adjust_screen_brightness", { change_percent: 10 }, { device });
    const full = device.snapshot();
    const compact = compactState(full);
    expect(Object.keys(compact).sort()).toEqual(["alarms", "brightness", "now", "seed"]);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(full).length / 5);
    expect(expandState(compact)).toEqual(full);
    expect(expandState(full)).toEqual(full);
  });

  it("an expanded state still catches a change the compact one does not mention", async () => {
    const android = FunctionSet.fromDomains(["android"]);
    const expected = compactState(SimulatedDevice.create({ seed: 1 }).snapshot());
    const actual = SimulatedDevice.create({ seed: 1 });
    await android.execute("create_contact", { name: "Ada Lovelace", phone_number: "+441234567890" }, { device: actual });
    expect(diffStates(expandState(expected), actual.snapshot())).toEqual(["contacts: expected 30 item(s), got 31", expect.stringMatching(/^contacts\[30\]: unexpected .*Ada Lovelace/)]);
  });
});
