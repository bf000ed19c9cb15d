import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { CONTRACT } from "./contract.js";

describe("octoplan functions", () => {
  it("--domain android --json lists exactly the 18 android functions of functions.md with JSON Schemas", () => {
    const result = runCli(["functions", "--domain", "android", "--json"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const entries = JSON.parse(result.stdout) as Array<{ name: string; description: string; parameters: { type: string; properties: Record<string, unknown> } }>;
    expect(entries.map((entry) => entry.name)).toEqual(CONTRACT.android.map((row) => row[0]));
    for (const [index, entry] of entries.entries()) {
      expect(entry.description.length).toBeGreaterThan(10);
      expect(entry.parameters.type).toBe("object");
      expect(Object.keys(entry.parameters.properties)).toEqual(CONTRACT.android[index].slice(1).map((parameter) => parameter.split(":")[0]));
    }
  });

  it("prints docstrings and a table; unknown domains fail listing the available ones", () => {
    const docstrings = runCli(["functions", "--domain", "video,travel", "--docstrings"]);
    expect(docstrings.status).toBe(0);
    expect(docstrings.stdout.match(/^def \w+\(/gm)).toHaveLength(14);
    expect(docstrings.stdout).toContain('def rate_title(title, stars):\n    """\n    Rates a movie or show.\n\n    Parameters:\n');
    const table = runCli(["functions", "--domain", "ecommerce"]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/add_to_cart\s+ecommerce\s+\(product_id: str, quantity\?: int\)/);
    const bad = runCli(["functions", "--domain", "android,cooking"]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("error: Unknown domain 'cooking'. Available domains: android, ecommerce, video, travel");
    expect(bad.stderr).toContain("hint:");
  });
});
