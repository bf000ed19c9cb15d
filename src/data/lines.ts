// Streams a text file line by line, remembering whether each line was terminated. Writers end every
// record with "\n" (appendLines writes whole lines), so an unterminated last line is a record torn by an
// interrupted write; readers report it instead of trusting it. "\r\n" endings are accepted.
// Deliberately left out: readline, which hides whether the last line had its newline.
import { createReadStream, existsSync, statSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { InputError } from "../errors.js";

export interface TextLine {
  /** 1-based. */
  number: number;
  text: string;
  /** False only for a last line with no newline after it. */
  terminated: boolean;
}

export function assertReadableFile(path: string): void {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`, { hint: "Check the path (it is relative to the current folder)" });
  if (!statSync(path).isFile()) throw new InputError(`${path}: not a file`, { hint: "Pass a .jsonl file, not a folder" });
}

export async function* readTextLines(path: string): AsyncGenerator<TextLine> {
  assertReadableFile(path);
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let number = 0;
  for await (const chunk of createReadStream(path)) {
    pending += decoder.write(chunk as Buffer);
    let newline = pending.indexOf("\n");
    while (newline >= 0) {
      number++;
      yield { number, text: pending.slice(0, newline).replace(/\r$/, ""), terminated: true };
      pending = pending.slice(newline + 1);
      newline = pending.indexOf("\n");
    }
  }
  pending += decoder.end();
  if (pending !== "") yield { number: number + 1, text: pending.replace(/\r$/, ""), terminated: false };
}

/** A problem with one line, printed as "file:line: reason". */
export class LineProblem {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {}

  toString(): string {
    return `${this.file}:${this.line}: ${this.reason}`;
  }
}

export interface LineProblemSink {
  /** Called once per bad line, in file order. */
  onError?: (problem: LineProblem) => void;
  /** Bad lines are also pushed here as "file:line: reason". */
  errors?: string[];
}

/** Delivers a problem to the caller; with no sink at all it goes to stderr, so it is never silent. */
export function reportProblem(sink: LineProblemSink, problem: LineProblem): void {
  sink.errors?.push(problem.toString());
  if (sink.onError) sink.onError(problem);
  else if (!sink.errors) process.stderr.write(`${problem.toString()}\n`);
}
