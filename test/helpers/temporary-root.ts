// Vitest global setup: every test file's temporary directories go under one root that is removed when the run ends.
// Tests call mkdtempSync(join(tmpdir(), …)) as usual; os.tmpdir() reads TMPDIR, which the forked workers (and the CLI
// processes tests spawn) inherit. Without this, each `npm test` left ~40 directories and ~100 MB of models in /tmp.
// A run that is killed leaves its root behind; the prefix names it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), "octoplan-test-run-"));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
