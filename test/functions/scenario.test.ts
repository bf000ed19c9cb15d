// Acceptance: a 5-call scenario on the simulated device, with the final state asserted
// through snapshot() and diffStates(): "Find my Q3 report, print it, connect to the
// conference room projector, dim the screen a bit, and email the report to David."
import { describe, expect, it } from "vitest";
import { diffStates, FunctionSet, SimulatedDevice } from "../../src/functions/index.js";

const android = FunctionSet.fromDomains(["android"]);

describe("5-call scenario", () => {
  it("search_files → print_document → connect_bluetooth_device → adjust_screen_brightness → send_email", async () => {
    const device = SimulatedDevice.create({ seed: 42, now: "2026-11-25T09:00" });
    const initial = device.snapshot();
    const context = { device };

    const found = (await android.execute("search_files", { query: "Q3 report" }, context)) as string[];
    const path = found[0];
    expect(path).toBe("/storage/documents/Q3_financial_report.pdf");
    expect(await android.execute("print_document", { file_path: path }, context)).toMatchObject({ printed: path });
    expect(await android.execute("connect_bluetooth_device", { device_name: "conference room projector" }, context)).toMatchObject({ connected: "Conference Room Projector" });
    expect(await android.execute("adjust_screen_brightness", { change_percent: -20 }, context)).toEqual({ brightness: initial.brightness - 20, previous: initial.brightness });
    expect(await android.execute("send_email", { recipient: "david.kim@acmecorp.com", title: "Q3 financial report", content: `Hi David, the report is at ${path}.` }, context)).toEqual({ sent: true, to: "david.kim@acmecorp.com", title: "Q3 financial report" });

    const expected = structuredClone(initial);
    expected.printJobs = [{ filePath: path, printer: "HP OfficeJet Pro 9015 Printer", submittedAt: "2026-11-25T09:00" }];
    expected.bluetooth.connected = ["Conference Room Projector"];
    if (!expected.bluetooth.paired.includes("Conference Room Projector")) expected.bluetooth.paired.push("Conference Room Projector");
    expected.brightness = initial.brightness - 20;
    expected.sentEmails = [{ recipient: "david.kim@acmecorp.com", title: "Q3 financial report", content: `Hi David, the report is at ${path}.`, sentAt: "2026-11-25T09:00" }];
    expect(diffStates(expected, device.snapshot())).toEqual([]);

    // A wrong plan (printing the Q2 report, skipping the email) is caught with readable paths.
    const wrong = SimulatedDevice.create({ seed: 42 });
    await android.execute("print_document", { file_path: "/storage/documents/Q2_financial_report.pdf" }, { device: wrong });
    await android.execute("connect_bluetooth_device", { device_name: "Conference Room Projector" }, { device: wrong });
    await android.execute("adjust_screen_brightness", { change_percent: -20 }, { device: wrong });
    expect(diffStates(expected, wrong.snapshot())).toEqual([
      'printJobs[0].filePath: expected "/storage/documents/Q3_financial_report.pdf", got "/storage/documents/Q2_financial_report.pdf"',
      "sentEmails: expected 1 item(s), got 0",
      expect.stringMatching(/^sentEmails\[0\]: missing \{"recipient":"david\.kim@acmecorp\.com"/),
    ]);
  });
});
