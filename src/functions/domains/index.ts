// The built-in domains of ../shared/functions.md and which domain a function is in.
import { InputError } from "../../errors.js";
import type { FunctionSpec } from "../spec.js";
import { ANDROID_FUNCTIONS } from "./android.js";
import { ECOMMERCE_FUNCTIONS } from "./ecommerce.js";
import { TRAVEL_FUNCTIONS } from "./travel.js";
import { VIDEO_FUNCTIONS } from "./video.js";

export const BUILTIN_DOMAINS = ["android", "ecommerce", "video", "travel"] as const;
export type DomainName = (typeof BUILTIN_DOMAINS)[number];

const FUNCTIONS_BY_DOMAIN: Record<DomainName, readonly FunctionSpec[]> = {
  android: ANDROID_FUNCTIONS,
  ecommerce: ECOMMERCE_FUNCTIONS,
  video: VIDEO_FUNCTIONS,
  travel: TRAVEL_FUNCTIONS,
};

export function isDomainName(name: string): name is DomainName {
  return (BUILTIN_DOMAINS as readonly string[]).includes(name);
}

export function domainFunctions(domain: DomainName): readonly FunctionSpec[] {
  return FUNCTIONS_BY_DOMAIN[domain];
}

/** The built-in domain of a function name; throws InputError for names outside every domain. */
export function domainOf(functionName: string): DomainName {
  for (const domain of BUILTIN_DOMAINS) {
    if (FUNCTIONS_BY_DOMAIN[domain].some((spec) => spec.name === functionName)) return domain;
  }
  throw new InputError(`'${functionName}' is not a built-in function`, {
    hint: `Built-in domains: ${BUILTIN_DOMAINS.join(", ")}; run \`octoplan functions\` to list their functions.`,
  });
}
