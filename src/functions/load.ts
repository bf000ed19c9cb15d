// Loads a user's function set from a file: OpenAI tools JSON (.json) or Python stubs
// with appendix-style docstrings (anything else). Errors name the file and the field.
import { readFile } from "node:fs/promises";
import { FileFormatError } from "../errors.js";
import { parseDocstrings } from "./docstring-parse.js";
import { SpecFormatError } from "./errors.js";
import { fromOpenAITools } from "./openai-tools.js";
import type { FunctionSpec } from "./spec.js";

export async function loadFunctionSpecs(path: string): Promise<FunctionSpec[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new FileFormatError(path, "cannot be read", { hint: "Check the path.", cause: error });
  }
  const looksLikeJson = path.endsWith(".json") || /^\s*[[{]/.test(text);
  if (!looksLikeJson) return parseDocstrings(text, path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FileFormatError(path, `is not valid JSON (${(error as Error).message})`, { hint: "Expected OpenAI tools: [{\"type\": \"function\", \"function\": {…}}]." });
  }
  try {
    return fromOpenAITools(json, "tools");
  } catch (error) {
    if (error instanceof SpecFormatError) throw new FileFormatError(path, error.message, { hint: error.hint });
    throw error;
  }
}
