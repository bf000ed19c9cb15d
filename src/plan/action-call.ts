// Maps between a named call `{ name, arguments }` and its Octopus action text, through a FunctionSet:
// the function's index in the set is K in <nexa_K>, and the positional order of the arguments is
// functions.parameterNames(name) (zod key order). Arguments after a missing optional one are written as
// keyword arguments, so a call never shifts a value into the wrong parameter.
// Deliberately left out: filling defaults when encoding. The text carries exactly the arguments given;
// validation (and its defaults) happens when decoding, in actionToCall.
import type { FunctionSet } from "../functions/index.js";
import { decodeAction, encodeAction } from "./action-format.js";
import { MalformedActionError, UnknownFunctionalTokenError } from "./errors.js";

export interface FunctionCall {
  name: string;
  arguments: Record<string, unknown>;
}

export function callToAction(functions: FunctionSet, call: FunctionCall): string {
  const spec = functions.get(call.name); // throws UnknownFunctionError listing the available functions
  const parameterNames = functions.parameterNames(spec.name);
  functions.validate(spec.name, call.arguments); // throws ArgumentValidationError naming the field (also unknown ones)
  const args: unknown[] = [];
  const kwargs: Record<string, unknown> = {};
  let positional = true;
  for (const name of parameterNames) {
    const present = Object.hasOwn(call.arguments, name) && call.arguments[name] !== undefined;
    if (!present) positional = false;
    else if (positional) args.push(call.arguments[name]);
    else kwargs[name] = call.arguments[name];
  }
  return encodeAction({ index: functions.indexOf(spec.name), args, kwargs });
}

export function actionToCall(functions: FunctionSet, text: string): FunctionCall {
  const action = decodeAction(text);
  const names = functions.names;
  if (action.index >= names.length) throw new UnknownFunctionalTokenError(action.index, names.length, names);
  const name = functions.at(action.index).name;
  const parameterNames = functions.parameterNames(name);
  if (action.args.length > parameterNames.length) {
    throw new MalformedActionError(
      `${name} takes ${parameterNames.length} argument${parameterNames.length === 1 ? "" : "s"} but the action passes ${action.args.length}`,
      text.indexOf("("),
      { hint: `Parameters of ${name}: ${parameterNames.join(", ") || "(none)"}` },
    );
  }
  const named: Record<string, unknown> = {};
  action.args.forEach((value, position) => (named[parameterNames[position]] = value));
  for (const [key, value] of Object.entries(action.kwargs)) {
    if (!parameterNames.includes(key)) {
      throw new MalformedActionError(`${name} has no parameter '${key}'`, Math.max(0, text.indexOf(`${key}=`)), {
        hint: `Parameters of ${name}: ${parameterNames.join(", ") || "(none)"}`,
      });
    }
    if (Object.hasOwn(named, key)) {
      throw new MalformedActionError(`${name} got '${key}' both by position and by keyword`, Math.max(0, text.indexOf(`${key}=`)), {
        hint: "Pass each argument once",
      });
    }
    named[key] = value;
  }
  return { name, arguments: functions.validate(name, named) };
}
