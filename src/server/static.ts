// The web playground's files (web/: plain HTML, JS and CSS, no build step), read once at start-up
// and served from memory. Only files that exist in web/ at start-up are served, so a request path
// can never reach outside it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** web/ at the package root: two levels above this file in src/server and in dist/server alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../web/", import.meta.url));

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

export function loadStaticFiles(root: string = DEFAULT_WEB_ROOT): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(root)) return files;
  for (const name of readdirSync(root)) {
    const contentType = CONTENT_TYPES[extname(name)];
    if (contentType) files.set(`/${name}`, { body: readFileSync(join(root, name)), contentType });
  }
  const index = files.get("/index.html");
  if (index) files.set("/", index);
  return files;
}
