// The Table 2 pipeline end to end at toy size (a few training steps, two test queries per domain
// count): every stage runs for real, writes table2.json / .md / .png, and a second run resumes from
// the saved stages without training again. The accuracies of such tiny models are not checked.
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLoraAdapter } from "../../src/model/gguf/index.js";
import { runTable2 } from "../../src/eval/table2.js";
import type { Table2Settings } from "../../src/eval/table2-settings.js";

const settings: Partial<Table2Settings> = {
  pretrainRecords: 40, pretrainSteps: 2, recordsPerDomain: 16, adapterSteps: 1, rank: 4, alpha: 8, batchSize: 2,
  unionCounts: [2], testRecords: 2, methods: ["linear", "ties"], threads: 1,
};

describe("octoplan bench paper --table 2 (toy size)", () => {
  it("runs every stage, writes the report files, and resumes without retraining", async () => {
    const out = mkdtempSync(join(tmpdir(), "octoplan-table2-"));
    const lines: string[] = [];
    const report = await runTable2({ out, fast: true, settings, progress: false, log: (line) => lines.push(line) });
    const configurations = ["linear", "ties", "mixing", "routing"];
    for (let count = 1; count <= 4; count++) {
      const names = report.rows.filter((row) => row.domains === count).map((row) => row.configuration);
      expect(names).toEqual(count <= 2 ? [...configurations, "union", "base"] : [...configurations, "base"]);
    }
    for (const row of report.rows) {
      expect(row.records).toBe(2);
      expect(row.accuracy).toBeGreaterThanOrEqual(0);
      expect(row.accuracy).toBeLessThanOrEqual(1);
    }
    expect(report.rows.find((row) => row.configuration === "routing")?.routing?.meanMs).toBeGreaterThan(0);
    // merged adapters are real llama.cpp adapters with the merged rank
    expect((await readLoraAdapter(join(out, "merged", "k3-ties.gguf"))).pairs[0]!.rank).toBe(4);
    const json = JSON.parse(readFileSync(report.files.json, "utf8"));
    expect(json.rows.length).toBe(report.rows.length);
    expect(readFileSync(report.files.markdown, "utf8")).toMatch(/\| paper \(Phi-3 \+ merged LoRA\) \| 85\.1 \| 82\.2 \| 78\.9 \| 69\.7 \| 15\.4 \|/);
    expect([...readFileSync(report.files.plot).subarray(1, 4)].map((code) => String.fromCharCode(code)).join("")).toBe("PNG");

    const adapterTime = statSync(join(out, "lora-travel", "adapter.gguf")).mtimeMs;
    const again = await runTable2({ out, fast: true, settings, progress: false, log: () => undefined });
    expect(again.rows).toEqual(report.rows);
    expect(statSync(join(out, "lora-travel", "adapter.gguf")).mtimeMs).toBe(adapterTime);
    expect(existsSync(join(out, "results", "k4-routing.json"))).toBe(true);
  }, 600_000);
});
