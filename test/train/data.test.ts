import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { thinDuplicates } from "../../src/train/data.js";
import type { TextExample } from "../../src/train/examples.js";
import { resolveHyperparameters } from "../../src/train/options.js";

const example = (id: string, prompt: string, target = "<nexa_0>()<nexa_end>"): TextExample => ({ id, prompt, target });

describe("thinDuplicates", () => {
  // 9 copies of one print step, 2 of another, and 3 examples that share a prompt but not a target.
  const examples: TextExample[] = [
    ...Array.from({ length: 9 }, (_, index) => example(`print-${index}`, "Print the report")),
    example("draft-0", "Print the draft"), example("draft-1", "Print the draft"),
    example("a", "Email it", "<nexa_1>('a')<nexa_end>"), example("b", "Email it", "<nexa_1>('b')<nexa_end>"), example("c", "Email it", "<nexa_1>('c')<nexa_end>"),
  ];
  const ids = (kept: TextExample[]) => kept.map((kept) => kept.id);

  it("keep: every example, in order", () => {
    expect(ids(thinDuplicates(examples, "keep"))).toEqual(ids(examples));
  });

  it("sqrt: the first ⌊√n⌋ copies of an example that occurs n times; a different target is a different example", () => {
    expect(ids(thinDuplicates(examples, "sqrt"))).toEqual(["print-0", "print-1", "print-2", "draft-0", "a", "b", "c"]);
  });

  it("once: the first copy of each", () => {
    expect(ids(thinDuplicates(examples, "once"))).toEqual(["print-0", "draft-0", "a", "b", "c"]);
  });

  it("an unknown policy is an InputError that lists the policies", () => {
    const error = (() => {
      try {
        resolveHyperparameters("scratch", { duplicates: "half" as never });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/'half'/);
    expect((error as InputError).hint).toBe("Available policies: keep, sqrt, once");
  });
});
