import { describe, expect, it } from "vitest";
import { parseDomains, parseLoraOption, renderTemplate } from "../../src/agent/index.js";
import { InputError } from "../../src/errors.js";

describe("agent options", () => {
  it("parses LoRA adapters with an optional scale", () => {
    expect(parseLoraOption("runs/a/adapter.gguf")).toEqual({ path: "runs/a/adapter.gguf", scale: 1 });
    expect(parseLoraOption("shop.gguf:0.5")).toEqual({ path: "shop.gguf", scale: 0.5 });
    expect(parseLoraOption("neg.gguf:-1")).toEqual({ path: "neg.gguf", scale: -1 });
    expect(() => parseLoraOption(":0.5")).toThrow(InputError);
  });

  it("builds function sets from domain lists and names the valid domains otherwise", () => {
    expect(parseDomains(undefined).names).toHaveLength(18);
    expect(parseDomains("android,ecommerce").names).toHaveLength(25);
    expect(() => parseDomains("android,banking")).toThrow(/unknown domain 'banking'/);
    try {
      parseDomains("banking");
    } catch (error) {
      expect((error as InputError).hint).toBe("Available domains: android, ecommerce, video, travel");
    }
  });

  it("fills prompt templates and rejects one without {query}", () => {
    expect(renderTemplate("<|im_start|>user\n{query}<|im_end|>\n<|im_start|>assistant\n", "hi")).toBe("<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n");
    expect(() => renderTemplate("no placeholder", "hi")).toThrow(/no \{query\} placeholder/);
  });
});
