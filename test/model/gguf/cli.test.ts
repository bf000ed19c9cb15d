import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeGguf, GgufFile, writeGguf, writeLoraAdapter } from "../../../src/model/gguf/index.js";
import { runCli } from "../../helpers/cli.js";

describe("octoplan gguf", () => {
  const directory = mkdtempSync(join(tmpdir(), "octoplan-gguf-cli-"));
  const path = join(directory, "adapter.gguf");
  writeLoraAdapter(path, {
    architecture: "llama", alpha: 16,
    pairs: [{ baseName: "blk.0.attn_q.weight", inFeatures: 8, outFeatures: 8, rank: 2, a: new Float32Array(16), b: new Float32Array(16) }],
  });

  it("prints metadata and tensors", () => {
    const text = runCli(["gguf", path]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('adapter.type = "lora"');
    expect(text.stdout).toMatch(/blk\.0\.attn_q\.weight\.lora_b\s+F32\s+\[2, 8\]/);
    expect(text.stdout).toContain("2 tensors, 32 parameters");
  });

  it("summarizes as JSON-safe data, shortening long arrays (what --json prints)", () => {
    const summary = describeGguf(GgufFile.readSync(path));
    expect(summary.metadata["adapter.lora.alpha"]).toBe(16);
    expect(summary.tensors[0]).toEqual({ name: "blk.0.attn_q.weight.lora_a", type: "F32", shape: [8, 2], bytes: 64 });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    const long = join(directory, "long.gguf");
    writeGguf(long, { metadata: [{ key: "ids", type: "array", itemType: "uint64", value: Array.from({ length: 20 }, (_, i) => BigInt(i)) }], tensors: [] });
    expect(describeGguf(GgufFile.readSync(long)).metadata.ids).toEqual([0, 1, 2, 3, 4, 5, 6, 7, "… 20 items in all"]);
  });
});
