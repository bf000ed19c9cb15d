// Every error octoplan raises on purpose is an OctoplanError: it says what went wrong,
// where (file, line or field when known), and a hint for what to do about it. The CLI
// prints `error: message` and `hint: …` on one line each and exits non-zero.

export class OctoplanError extends Error {
  readonly hint?: string;
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}

/** Bad user input: a file, a line, a field or an option. */
export class InputError extends OctoplanError {}

/** A file on disk that cannot be read as what it claims to be. */
export class FileFormatError extends OctoplanError {
  constructor(readonly file: string, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(`${file}: ${message}`, options);
  }
}

export function formatError(error: unknown): string {
  if (error instanceof OctoplanError) {
    return error.hint ? `error: ${error.message}\nhint: ${error.hint}` : `error: ${error.message}`;
  }
  if (error instanceof Error) return `error: ${error.message}`;
  return `error: ${String(error)}`;
}
