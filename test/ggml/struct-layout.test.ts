// Every struct mirrored in src/ggml/bindings.ts must match the C layout: compile a tiny C++ program against the
// headers that prints sizeof/offsetof, and compare with koffi's view of our mirrors.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import koffi from "koffi";
import { describe, expect, it } from "vitest";
import { InitParamsStruct, TensorStruct } from "../../src/ggml/bindings.js";
import { hasCompiler, llamaCppHeaders } from "./headers.js";

const headers = llamaCppHeaders();
const canCompile = headers !== undefined && hasCompiler();
if (!canCompile) {
  console.warn("struct-layout test skipped: llama.cpp headers (clone node-llama-cpp/llama/gitRelease.bundle) or g++ missing");
}

const MIRRORS = {
  ggml_init_params: { type: InitParamsStruct, fields: ["mem_size", "mem_buffer", "no_alloc"] },
  ggml_tensor: {
    type: TensorStruct,
    fields: ["type", "buffer", "ne", "nb", "op", "op_params", "flags", "src", "view_src", "view_offs", "data", "name", "extra", "padding"],
  },
} as const;

function cLayout(): Record<string, { size: number; offsets: Record<string, number> }> {
  const lines = ['#include <cstdio>', '#include <cstddef>', '#include "ggml.h"', "int main() {", 'std::printf("{");'];
  Object.entries(MIRRORS).forEach(([name, mirror], index) => {
    lines.push(`std::printf("%s\\"${name}\\":{\\"size\\":%zu,\\"offsets\\":{", ${index ? '","' : '""'}, sizeof(struct ${name}));`);
    mirror.fields.forEach((field, fieldIndex) => {
      lines.push(`std::printf("%s\\"${field}\\":%zu", ${fieldIndex ? '","' : '""'}, offsetof(struct ${name}, ${field}));`);
    });
    lines.push('std::printf("}}");');
  });
  lines.push('std::printf("}\\n");', "return 0; }");
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "octoplan-layout-"));
  const source = path.join(directory, "layout.cpp");
  const binary = path.join(directory, "layout");
  fs.writeFileSync(source, lines.join("\n"));
  execFileSync("g++", ["-std=c++17", "-I", headers!, source, "-o", binary]);
  const output = execFileSync(binary, { encoding: "utf8" });
  fs.rmSync(directory, { recursive: true, force: true });
  return JSON.parse(output);
}

describe.skipIf(!canCompile)("mirrored ggml structs", () => {
  it("have the C size and field offsets", () => {
    const layout = cLayout();
    for (const [name, mirror] of Object.entries(MIRRORS)) {
      const ours = { size: koffi.sizeof(mirror.type), offsets: Object.fromEntries(mirror.fields.map((field) => [field, koffi.offsetof(mirror.type, field)])) };
      expect(ours, name).toEqual(layout[name]);
    }
  }, 120_000);
});
