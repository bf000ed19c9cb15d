// grounding.json: a planner's copy words and cover words (grounding.ts), written by the trainer beside model.gguf
// or adapter.gguf and found there again by the planner ("auto"). A JSON file rather than GGUF metadata so that a
// LoRA planner over somebody else's base carries it too.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { InputError } from "../errors.js";
import { writeFileAtomic } from "../util/atomic.js";
import { learnCopyWords, learnCoverWords } from "./grounding.js";

export const GROUNDING_FILE = "grounding.json";

export interface GroundingWords {
  /** Step words that must come from the request. */
  copyWords: string[];
  /** Request words that must reach the plan. */
  coverWords: string[];
}

/**
 * Both lists for a planner; copy words only for an action model, whose search for a covering call could change the
 * function it calls (the first token) to fit a word in, which cost 1 point of plan accuracy on the demo's models.
 */
export function learnGrounding(records: ReadonlyArray<{ query: string; steps: readonly string[] }>, options: { cover: boolean }): GroundingWords {
  return { copyWords: learnCopyWords(records), coverWords: options.cover ? learnCoverWords(records) : [] };
}

export function writeGrounding(path: string, words: GroundingWords): void {
  writeFileAtomic(path, JSON.stringify({ kind: "octoplan.grounding", version: 1, ...words }) + "\n");
}

export function readGrounding(path: string): GroundingWords {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(`${path}: not a readable grounding file (${(error as Error).message})`, { hint: "It is written by `octoplan train --task plan`; use --planner-grounding off to plan without it." });
  }
  const list = (field: string): string[] => {
    const value = parsed[field] ?? [];
    if (!Array.isArray(value) || !value.every((word) => typeof word === "string")) {
      throw new InputError(`${path}: field '${field}' must be an array of strings`, { hint: '{ "copyWords": ["maria", …], "coverWords": ["dublin", …] }' });
    }
    return value;
  };
  return { copyWords: list("copyWords"), coverWords: list("coverWords") };
}

/** The lists as a decoder uses them. */
export interface GroundingSets {
  copyWords: ReadonlySet<string>;
  coverWords: ReadonlySet<string>;
}

/**
 * The grounding a model decodes with: "off" → none; "auto" → grounding.json beside its first adapter or the model
 * (the adapter is what was trained), none if there is no such file; any other text is a file path; or the words.
 */
export function resolveGrounding(
  grounding: string | GroundingWords | undefined,
  model: { modelPath: string; lora?: ReadonlyArray<{ path: string }> },
): GroundingSets | undefined {
  const words = typeof grounding === "object" ? grounding : readSetting(grounding ?? "auto", [...(model.lora ?? []).map((file) => file.path), model.modelPath]);
  return words && { copyWords: new Set(words.copyWords), coverWords: new Set(words.coverWords) };
}

function readSetting(setting: string, modelPaths: readonly string[]): GroundingWords | undefined {
  if (setting === "off") return undefined;
  if (setting !== "auto") return readGrounding(setting);
  const found = modelPaths.map((path) => join(dirname(path), GROUNDING_FILE)).find((path) => existsSync(path));
  return found === undefined ? undefined : readGrounding(found);
}
