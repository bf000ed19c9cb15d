// A scripted stand-in for the teacher LLM, served by the fake OpenAI server. It reads which
// stage a prompt is (requests / plan / judge) and answers like a deterministic model would:
// the same prompt and API seed give the same requests. Requests are composed from android
// "atoms" whose calls run on the simulated device, so its candidates pass the pipeline gate.
// Faults are injected by a function of the request text, so tests choose which go wrong.
import type { FakeHandler, FakeReply } from "../../helpers/fake-openai-server.js";
import { reply } from "../../helpers/fake-openai-server.js";

interface Atom { request: string; step: string; call: { name: string; arguments: Record<string, unknown> } }

const TOPICS = ["solar panels", "the chess olympiad", "electric bikes", "sourdough baking", "the marathon results", "quantum computing",
  "the jazz festival", "coral reefs", "mountain hiking trails", "the football league", "vegan recipes", "space telescopes"];

// Each atom is one function call; variety comes from the topic and number parameters.
const ATOM_KINDS: Array<(variant: number) => Atom> = [
  (variant) => ({ request: `search the web for ${TOPICS[variant % TOPICS.length]}`, step: `Search the web for ${TOPICS[variant % TOPICS.length]}`,
    call: { name: "web_search", arguments: { query: TOPICS[variant % TOPICS.length] } } }),
  () => ({ request: "take a screenshot", step: "Take a screenshot of the current screen", call: { name: "take_screenshot", arguments: {} } }),
  (variant) => ({ request: `set the media volume to ${variant % 11}`, step: `Set the media volume to ${variant % 11}`,
    call: { name: "set_volume", arguments: { level: variant % 11, volume_type: "media" } } }),
  (variant) => ({ request: `make the screen ${5 + (variant % 30)}% brighter`, step: `Increase screen brightness by ${5 + (variant % 30)}%`,
    call: { name: "adjust_screen_brightness", arguments: { change_percent: 5 + (variant % 30) } } }),
  () => ({ request: "turn on do not disturb", step: "Enable do not disturb mode", call: { name: "enable_do_not_disturb", arguments: { enabled: true } } }),
  (variant) => ({ request: `take a photo with the ${variant % 2 ? "front" : "back"} camera`, step: `Take a photo with the ${variant % 2 ? "front" : "back"} camera`,
    call: { name: "take_photo", arguments: { camera: variant % 2 ? "front" : "back" } } }),
  (variant) => ({ request: `show me trending news about ${TOPICS[(variant + 5) % TOPICS.length]}`, step: `Find trending news about ${TOPICS[(variant + 5) % TOPICS.length]}`,
    call: { name: "get_trending_news", arguments: { query: TOPICS[(variant + 5) % TOPICS.length], language: "en" } } }),
];

export type Fault = "malformed-requests" | "malformed-plan" | "malformed-twice" | "invalid-order" | "wrong-step-count" | "unknown-function" | "rate-limit" | "server-error" | "slow";

export interface ScriptedModel {
  handler: FakeHandler;
  /** Every request text handed out, with the plan given for it. */
  plans: Map<string, Atom[]>;
  counts: Record<"requests" | "plan" | "judge", number>;
}

/** `faultFor(stage, text)`: which fault (if any) to inject for this stage and request text. */
export function scriptedModel(faultFor: (stage: "requests" | "plan" | "judge", text: string, attempt: number) => Fault | undefined = () => undefined): ScriptedModel {
  const plans = new Map<string, Atom[]>();
  const attempts = new Map<string, number>();
  const counts = { requests: 0, plan: 0, judge: 0 };
  const handler: FakeHandler = (request) => {
    const prompt = request.messages.find((message) => message.role === "user")?.content ?? "";
    const isRepair = request.messages.length > 2;
    const stage = /Write \d+ diverse requests/.test(prompt) ? "requests" : /Break this request/.test(prompt) ? "plan" : /Judge whether/.test(prompt) ? "judge" : undefined;
    if (!stage) return reply.error(400, "scripted model: unknown prompt");
    counts[stage]++;
    const text = stage === "requests" ? `seed ${request.body.seed}` : /"(.*)"/.exec(prompt.split(stage === "plan" ? "carried out:" : "Request:")[1] ?? "")?.[1] ?? "";
    const key = `${stage}|${text}|${isRepair}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const fault = faultFor(stage, text, attempt);
    if (fault === "rate-limit") return reply.rateLimited(0.05);
    if (fault === "server-error") return reply.serverError(500);
    if (fault === "malformed-twice" || (fault?.startsWith("malformed") && !isRepair)) return reply.malformed();
    const answer = stage === "requests" ? requestsAnswer(prompt, Number(request.body.seed ?? 0), plans)
      : stage === "plan" ? planAnswer(text, plans, fault) : judgeAnswer(prompt, text, plans);
    return fault === "slow" ? reply.slow(3_000, answer) : answer;
  };
  return { handler, plans, counts };
}

function requestsAnswer(prompt: string, seed: number, plans: Map<string, Atom[]>): FakeReply {
  const count = Number(/Write (\d+) diverse requests/.exec(prompt)![1]);
  const steps = Number(/exactly (\d+) step/.exec(prompt)![1]);
  const requests: string[] = [];
  for (let index = 0; index < count; index++) {
    const atoms = Array.from({ length: steps }, (_, position) => {
      const variant = seed + index * 7 + position * 13;
      return ATOM_KINDS[(seed + index + position * 3) % ATOM_KINDS.length]!(variant);
    });
    const text = `${index % 2 ? "Please " : ""}${atoms.map((atom) => atom.request).join(", then ")} (${seed % 100_000}-${index})`;
    plans.set(text, atoms);
    requests.push(text);
  }
  return reply.json({ requests });
}

function planAnswer(query: string, plans: Map<string, Atom[]>, fault: Fault | undefined): FakeReply {
  let atoms = plans.get(query);
  if (!atoms) return reply.error(400, `scripted model: no plan for ${JSON.stringify(query)}`);
  if (fault === "invalid-order") atoms = [...atoms].reverse();
  if (fault === "wrong-step-count") atoms = [...atoms, atoms[0]!];
  const steps = atoms.map((atom) => ({ step: atom.step, function: atom.call.name, arguments: atom.call.arguments }));
  if (fault === "unknown-function") steps[0]!.function = "teleport_user";
  return reply.json({ steps });
}

/** Valid when the plan in the prompt lists the request's steps in the order they were asked for. */
function judgeAnswer(prompt: string, query: string, plans: Map<string, Atom[]>): FakeReply {
  const atoms = plans.get(query) ?? [];
  const planLines = prompt.split("Plan:\n")[1]?.split("\n\n")[0]?.split("\n").filter((line) => /^\d+\. /.test(line)) ?? [];
  const inOrder = atoms.length === planLines.length && atoms.every((atom, index) => planLines[index]!.includes(atom.step));
  return reply.json({ valid: inOrder, reason: inOrder ? "Each step maps to a function, in order." : "The steps are out of order." });
}
