// The Octopus action format: one function call per step, written as
//   <nexa_K>(arg1, arg2, name='x')<nexa_end>
// where K is the function's index in a FunctionSet and the arguments are Python literals.
// The action model sees actionPrompt(step, observation); observation is the rendered result of the
// previous call (renderObservation in observation.ts), omitted on the first step.
// Deliberately left out here: mapping K to a function name (action-call.ts does that with a FunctionSet).
import { ASSISTANT, END, MAX_FUNCTIONAL_TOKENS, NEXA_END, OBSERVATION, USER, functionalToken } from "./tokens.js";
import { MalformedActionError } from "./errors.js";
import { PythonLiteralReader, toPythonLiteral } from "./python-literal.js";

export interface Action {
  index: number;
  args: unknown[];
  kwargs?: Record<string, unknown>;
}

export interface DecodedAction {
  index: number;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

const FORMAT_HINT = `Expected <nexa_K>(arg, …)${NEXA_END}, e.g. <nexa_3>('report.pdf', 2, True)${NEXA_END}`;

export function actionPrompt(step: string, observation?: string): string {
  const observed = observation === undefined || observation === "" ? "" : `${OBSERVATION}${observation}`;
  return `${USER}${step}${observed}${END}${ASSISTANT}`;
}

export function encodeAction(action: Action): string {
  const positional = action.args.map(toPythonLiteral);
  const keyword = Object.entries(action.kwargs ?? {}).map(([name, value]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new MalformedActionError(`keyword argument name '${name}' is not a Python identifier`, 0, {
        hint: "Use letters, digits and underscores, not starting with a digit",
      });
    }
    return `${name}=${toPythonLiteral(value)}`;
  });
  return `${functionalToken(action.index)}(${[...positional, ...keyword].join(", ")})${NEXA_END}`;
}

/**
 * Decodes one action. Leading spaces and a leading <|assistant|> are skipped; the closing <nexa_end> may be
 * missing (it is often consumed as a stop sequence); anything after <nexa_end> is ignored.
 */
export function decodeAction(text: string): DecodedAction {
  const reader = new PythonLiteralReader(text);
  reader.skipSpace();
  if (text.startsWith(ASSISTANT, reader.position)) {
    reader.position += ASSISTANT.length;
    reader.skipSpace();
  }
  const token = /^<nexa_(\d+)>/.exec(text.slice(reader.position));
  if (!token) return reader.fail(`expected a functional token <nexa_K> but found ${reader.describeHere()}`, FORMAT_HINT);
  const index = Number(token[1]);
  if (index >= MAX_FUNCTIONAL_TOKENS) {
    reader.fail(`functional token <nexa_${index}> is beyond <nexa_${MAX_FUNCTIONAL_TOKENS - 1}>`, FORMAT_HINT);
  }
  reader.position += token[0].length;
  reader.expect("(");
  const args: unknown[] = [];
  const kwargs: Record<string, unknown> = {};
  for (;;) {
    reader.skipSpace();
    if (reader.peek() === ")") break;
    const keyword = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(text.slice(reader.position));
    if (keyword && !["True", "False", "None"].includes(keyword[1])) {
      const name = keyword[1];
      if (Object.hasOwn(kwargs, name)) reader.fail(`keyword argument '${name}' is repeated`, FORMAT_HINT);
      reader.position += keyword[0].length;
      Object.defineProperty(kwargs, name, { value: reader.readValue(), enumerable: true, writable: true, configurable: true });
    } else {
      if (Object.keys(kwargs).length > 0) reader.fail("positional argument follows keyword argument", FORMAT_HINT);
      args.push(reader.readValue());
    }
    reader.skipSpace();
    if (reader.peek() === ",") reader.position++;
    else if (reader.peek() !== ")") reader.fail(`expected ',' or ')' but found ${reader.describeHere()}`, FORMAT_HINT);
  }
  reader.position++;
  reader.skipSpace();
  if (reader.position < text.length && !text.startsWith(NEXA_END, reader.position) && !text.startsWith(END, reader.position)) {
    reader.fail(`expected ${NEXA_END} after the arguments but found ${reader.describeHere()}`, FORMAT_HINT);
  }
  return { index, args, kwargs };
}
