// The API token: loopback-only servers may run without one; any other host needs one, and then
// every /v1 and /metrics request must carry `Authorization: Bearer <token>` (compared in constant
// time). The playground's static files and /health stay open so a browser can load the page and
// send the token it is given.
import { timingSafeEqual, createHash } from "node:crypto";
import { InputError } from "../errors.js";
import { HttpError } from "./errors.js";

export const TOKEN_ENV = "OCTOPLAN_API_TOKEN";

export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Refuses to open a non-loopback host without a token. */
export function checkExposure(host: string, token: string | undefined): void {
  if (!isLoopbackHost(host) && !token) {
    throw new InputError(`refusing to listen on ${host} without an API token`, {
      hint: `pass --token <secret> or set ${TOKEN_ENV}; clients then send "Authorization: Bearer <secret>"`,
    });
  }
}

export function needsToken(path: string): boolean {
  return path.startsWith("/v1/") || path === "/metrics";
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

export function checkAuthorization(header: string | undefined, token: string): void {
  const presented = header?.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : undefined;
  if (presented !== undefined && timingSafeEqual(digest(presented), digest(token))) return;
  throw new HttpError(401, presented === undefined ? "missing Authorization: Bearer token" : "invalid API token", {
    code: "invalid_api_key",
    hint: "send the header Authorization: Bearer <token> (the server's --token or OCTOPLAN_API_TOKEN)",
    headers: { "www-authenticate": 'Bearer realm="octoplan"' },
  });
}
