// The web playground in a real browser: playwright-core drives Debian's Chromium (headless) against
// the real server. It types a request, waits for the streamed trace, and checks that the phone
// panel changed. Screenshot: test-results/playground.png. Without /usr/bin/chromium the test is
// skipped locally, but fails under CI=true (CI installs chromium in .ci/run).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summarizeMetrics, type SavedEvalReport } from "../../src/eval/index.js";
import { SimulatedDevice } from "../../src/functions/index.js";
import type { OctoplanServer } from "../../src/server/index.js";
import { repoRoot } from "../helpers/cli.js";
import { loadParts, postJson, readJson, startServer, type LoadedParts } from "./harness.js";
import { serverTestModels, type ServerTestModels } from "./models.js";

const CHROMIUM = "/usr/bin/chromium";
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.CI === "true") throw new Error(`${CHROMIUM} is missing; CI must install it (apt-get install -y chromium)`);

let models: ServerTestModels;
let parts: LoadedParts;
let server: OctoplanServer;
let browser: BrowserContext;
let userDataDir: string;

beforeAll(async () => {
  if (!haveBrowser) return;
  models = await serverTestModels();
  parts = await loadParts(models);
  // A small eval report, so the benchmark view has metrics and a chart to draw.
  const reportPath = join(mkdtempSync(join(tmpdir(), "octoplan-playground-")), "eval-report.json");
  const metrics = { ...summarizeMetrics([], "exact"), records: 30, planAccuracy: 0.7,
    byStepCount: { "1": { records: 10, planAccuracy: 0.9 }, "2": { records: 10, planAccuracy: 0.7 }, "3": { records: 10, planAccuracy: 0.5 } } };
  const report: SavedEvalReport = { createdAt: new Date().toISOString(), testFile: "test.jsonl", metrics, failures: [] };
  writeFileSync(reportPath, JSON.stringify(report));
  server = await startServer({ ...parts, functions: models.functions, evalReportPath: reportPath, modelFiles: { planner: models.plannerPath, actor: models.actorPath } });
  userDataDir = mkdtempSync(join(tmpdir(), "octoplan-chromium-"));
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1200, height: 900 },
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await parts?.dispose();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe.skipIf(!haveBrowser)("web playground", () => {
  it("streams a trace for a typed request and updates the phone panel", async () => {
    // A request these tiny models turn into a state change, found through the API first.
    const fresh = JSON.stringify(SimulatedDevice.create({ seed: 0 }).snapshot());
    let query: string | undefined;
    for (const record of models.records.slice(0, 20)) {
      const body = await readJson(postJson(`${server.url}/v1/run`, { query: record.query }));
      if (JSON.stringify(body.state) !== fresh) {
        query = record.query;
        break;
      }
    }
    if (!query) throw new Error("none of 20 training requests changed the device state");

    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/`);
    await page.waitForSelector("body[data-ready='true']");
    const before = await page.locator("#phone-sections").innerText();
    expect(before).toMatch(/alarms/i);
    expect(await page.locator("#phone").getAttribute("data-version")).toBe("0");
    expect(await page.locator("#benchmark-chart svg rect").count()).toBe(3);
    expect(await page.locator("#benchmark-chart svg rect[data-steps='1']").getAttribute("height")).toBe(String((160 - 24 - 8) * 0.9));
    expect(await page.locator("#benchmark-metrics").innerText()).toMatch(/plan accuracy\s+70\.0%/);
    expect(await page.locator("#status").innerText()).toMatch(/planner planner\.gguf/);

    await page.locator("#query").fill(query);
    await page.locator("#run").click();
    await page.waitForSelector("#trace[data-done='true']");
    const steps = await page.locator("#steps li").count();
    expect(steps).toBeGreaterThan(0);
    expect(await page.locator("#steps .observation").count()).toBe(steps);
    expect(await page.locator("#steps .call").count()).toBeGreaterThan(0);
    expect(await page.locator("#run-summary").innerText()).toMatch(/done in \d+ ms/);

    expect(Number(await page.locator("#phone").getAttribute("data-version"))).toBeGreaterThan(0);
    expect(await page.locator("#phone-sections").innerText()).not.toBe(before);
    expect(await page.locator(".phone-section.changed").count()).toBeGreaterThan(0);
    // The panel shows the session's state on the server.
    const sessionId = await page.evaluate(() => localStorage.getItem("octoplan-session"));
    const state = await readJson(fetch(`${server.url}/v1/state?sessionId=${sessionId}`));
    expect(JSON.stringify(state.state)).not.toBe(fresh);

    mkdirSync(join(repoRoot, "test-results"), { recursive: true });
    await page.screenshot({ path: join(repoRoot, "test-results", "playground.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
