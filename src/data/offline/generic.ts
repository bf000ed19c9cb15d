// The fallback for user function sets (--functions FILE) and for built-in functions no
// hand-written intent covers in the given set: phrasings built from the function's name,
// description and parameter names, with values chosen from the parameter's type, enum,
// range and pattern (and its name: "city", "email", "date", "time"…). This is lower quality
// than the hand-written intents — requests read like "use get stock price for symbol AAPL" —
// and says so in the template ids ("generic.*"), so `dataset stats` can tell them apart.
import type { FunctionSpec } from "../../functions/spec.js";
import { describeParameters, type ParameterInfo } from "../../functions/parameters.js";
import { call, type Intent, type IntentContext } from "./intent.js";
import { CITIES, CONTACTS, NEWS_TOPICS, PLACES } from "./lexicon.js";
import { isoDate, randomTime } from "./spoken.js";

function words(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase().trim();
}

function valueFor(parameter: ParameterInfo, context: IntentContext): unknown {
  const { dice } = context;
  const name = parameter.name.toLowerCase();
  if (parameter.values && parameter.values.length > 0) return dice.pick(parameter.values);
  switch (parameter.type) {
    case "bool": return dice.chance(0.5);
    case "int": return dice.integer(parameter.minimum ?? 1, parameter.maximum ?? Math.max(10, (parameter.minimum ?? 1) + 9));
    case "float": return Math.round(dice.integer(parameter.minimum ?? 1, parameter.maximum ?? 500) * 100) / 100;
    case "list": return [String(dice.pick(NEWS_TOPICS))];
    default: break;
  }
  const pattern = parameter.pattern ?? "";
  if (/date/.test(name) || pattern.includes("\\d{4}-\\d{2}-\\d{2}")) return isoDate(context.now, dice.integer(1, 30));
  if (/time/.test(name) || pattern.includes("\\d{2}:\\d{2}")) return randomTime(dice, "any").clock;
  if (/email|recipient/.test(name)) return dice.pick(CONTACTS).email;
  if (/city|location|destination|origin|place/.test(name)) return dice.chance(0.7) ? dice.pick(CITIES).name : dice.pick(PLACES);
  if (/name|contact|person|user/.test(name)) return dice.pick(CONTACTS).name;
  if (/id$/.test(name)) return `${name.replace(/_?id$/, "").toUpperCase() || "ID"}-${dice.integer(1000, 9999)}`;
  if (/phone|number/.test(name)) return `+1415555${dice.integer(1000, 9999)}`;
  return dice.pick(NEWS_TOPICS);
}

function show(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "boolean" ? (value ? "on" : "off") : JSON.stringify(value);
}

/** A fallback intent for one function. Its request text is templated from the spec. */
export function genericIntent(spec: FunctionSpec): Intent {
  const action = words(spec.name);
  const description = spec.description.trim().split(/(?<=\.)\s/)[0]!.replace(/\.$/, "");
  const lowerDescription = description[0]!.toLowerCase() + description.slice(1);
  const parameters = describeParameters(spec);
  return {
    id: `generic.${spec.name}`, domain: spec.domain ?? "custom", functions: [spec.name],
    say: [`${action}{withArgs}`, `use ${action}{withArgs}`, `run ${action}{forArgs}`, `${lowerDescription}{forArgs}`],
    ask: [`${action}{forArgs}?`, `I need to ${action}{withArgs}`],
    steps: [[`${description}{withArgs}`, `${action[0]!.toUpperCase() + action.slice(1)}{withArgs}`]],
    bind(context: IntentContext) {
      const args: Record<string, unknown> = {};
      for (const parameter of parameters) {
        if (!parameter.required && context.dice.chance(0.5)) continue;
        args[parameter.name] = valueFor(parameter, context);
      }
      const entries = Object.entries(args);
      const withArgs = entries.length === 0 ? "" : " with " + entries.map(([key, value]) => `${words(key)} ${show(value)}`).join(" and ");
      const forArgs = entries.length === 0 ? "" : " for " + entries.map(([, value]) => show(value)).join(", ");
      return { slots: { withArgs, forArgs }, calls: [call(spec.name, args)] };
    },
  };
}
