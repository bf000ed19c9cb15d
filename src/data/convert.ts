// Converters between DatasetRecord and the two text formats other tools use:
//   - the paper's text format, one example per line: <|user|>{query}<|end|><|assistant|>{s1}<nexa_split>…<|end|>
//   - HF chat JSONL: {"messages":[{"role":"user","content":query},{"role":"assistant","content":"s1<nexa_split>s2"}]}
// Both carry only the query and the steps. Records read back from them get functions: [] and domains: []
// (unknown), and an id derived from the content, so ids (and therefore splitByIdHash) are stable.
// Newlines inside a query or step are written as spaces: a line is an example.
import { createHash } from "node:crypto";
import { decodePlan, encodePlan, normalizeStep } from "../plan/planner-format.js";
import { SPLIT } from "../plan/tokens.js";
import { OctoplanError } from "../errors.js";
import type { DatasetRecord } from "./record.js";
import { LineProblem, readTextLines, reportProblem, type LineProblemSink } from "./lines.js";

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** A content id: the same query and steps always get the same id, wherever they appear. */
export function contentId(query: string, steps: readonly string[], prefix = "p"): string {
  const digest = createHash("sha256").update(JSON.stringify([query, steps])).digest("hex");
  return `${prefix}-${digest.slice(0, 16)}`;
}

export function toPaperText(record: Pick<DatasetRecord, "query" | "steps">): string {
  return encodePlan({ query: oneLine(record.query), steps: record.steps.map(oneLine) });
}

export interface FromTextOptions {
  /** Plans longer than this are rejected (paper: 5). */
  maxSteps?: number;
}

/** Parses one line of the paper's text format (tolerating its variants) into a record. */
export function fromPaperText(line: string, options: FromTextOptions = {}): DatasetRecord {
  const plan = decodePlan(line, { maxSteps: options.maxSteps ?? 5 });
  return { id: contentId(plan.query, plan.steps), query: plan.query, steps: plan.steps, functions: [], domains: [] };
}

export interface ChatExample {
  messages: Array<{ role: "user" | "assistant"; content: string }>;
}

export function toChatMessages(record: Pick<DatasetRecord, "query" | "steps">): ChatExample {
  return {
    messages: [
      { role: "user", content: record.query },
      { role: "assistant", content: record.steps.join(SPLIT) },
    ],
  };
}

export function fromChatMessages(example: unknown): DatasetRecord {
  const messages = (example as { messages?: unknown }).messages;
  const hint = 'Expected {"messages":[{"role":"user","content":…},{"role":"assistant","content":…}]}';
  if (!Array.isArray(messages)) throw new OctoplanError("messages: expected an array", { hint });
  const find = (role: string): string => {
    const message = messages.find((item: { role?: unknown }) => item?.role === role) as { content?: unknown } | undefined;
    if (typeof message?.content !== "string") throw new OctoplanError(`messages: no ${role} message with string content`, { hint });
    return message.content;
  };
  const query = find("user").trim();
  const steps = find("assistant").split(SPLIT).map(normalizeStep).filter((step) => step !== "");
  if (query === "" || steps.length === 0) throw new OctoplanError("messages: empty query or plan", { hint });
  return { id: contentId(query, steps), query, steps, functions: [], domains: [] };
}

/** Streams the records of a paper-format text file; bad lines are reported as "file:line: reason". */
export async function* readPaperText(path: string, options: LineProblemSink & FromTextOptions = {}): AsyncGenerator<DatasetRecord> {
  for await (const line of readTextLines(path)) {
    if (line.text.trim() === "") continue;
    try {
      yield fromPaperText(line.text, options);
    } catch (error) {
      if (!(error instanceof OctoplanError)) throw error;
      const torn = line.terminated ? "" : " (torn last line?)";
      reportProblem(options, new LineProblem(path, line.number, error.message + torn));
    }
  }
}
