/* global document, localStorage, location, fetch, TextDecoder, URLSearchParams */
// The octoplan playground: sends a request to POST /v1/run with stream: true, shows the plan and
// each call/observation as the server-sent events arrive, and redraws the simulated phone from the
// state carried by each observation (phone.js); benchmark.js draws the last eval report.
// Plain browser JavaScript modules, no build step. Everything from the server is shown with textContent.
import { loadBenchmark } from "./benchmark.js";
import { $, element } from "./dom.js";
import { renderPhone, resetPhone, startRun } from "./phone.js";

const token = new URLSearchParams(location.search).get("token") ?? localStorage.getItem("octoplan-token");
if (token) localStorage.setItem("octoplan-token", token);
let sessionId = localStorage.getItem("octoplan-session") ?? undefined;

function headers(extra = {}) {
  return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(sessionId ? { "x-session-id": sessionId } : {}), ...extra };
}

function setSession(id) {
  sessionId = id;
  if (id) localStorage.setItem("octoplan-session", id);
  else localStorage.removeItem("octoplan-session");
  $("session").textContent = id ? `session ${id.slice(0, 8)}` : "";
}

async function loadState() {
  const response = await fetch("/v1/state", { headers: headers() });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error?.message ?? response.statusText);
  setSession(body.sessionId);
  renderPhone(body.state);
}

// ---- the trace ------------------------------------------------------------------------------

function describeValue(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function stepItem(index) {
  return document.querySelector(`#steps li[data-index="${index}"]`);
}

function handleEvent(name, data) {
  if (name === "session") setSession(data.sessionId);
  else if (name === "plan") {
    $("steps").replaceChildren();
    data.steps.forEach((step, index) => {
      const item = element("li");
      item.dataset.index = String(index);
      item.append(element("div", "step", step), element("div", "pending", "waiting for the action model…"));
      $("steps").append(item);
    });
    if (data.steps.length === 0) $("run-summary").textContent = "The planner produced no steps.";
  } else if (name === "call") {
    const item = stepItem(data.index);
    item.querySelector(".pending")?.remove();
    item.append(element("div", "call", `${data.call.name}(${JSON.stringify(data.call.arguments)})`));
  } else if (name === "observation") {
    const item = stepItem(data.index);
    item.querySelector(".pending")?.remove();
    const text = data.error ? `error: ${data.error}` : `→ ${describeValue(data.observation)}`;
    item.append(element("div", data.error ? "observation error" : "observation", text));
    if (data.state) renderPhone(data.state);
  } else if (name === "done") {
    const { timings, tokens } = data.trace;
    $("run-summary").textContent = `done in ${timings.totalMs.toFixed(0)} ms (plan ${timings.planMs.toFixed(0)} ms, act ${timings.actMs.toFixed(0)} ms) · `
      + `tokens: plan ${tokens.plan.prompt}+${tokens.plan.completion}, act ${tokens.act.prompt}+${tokens.act.completion}`;
    $("trace").dataset.done = "true";
    if (data.state) renderPhone(data.state);
  } else if (name === "error") {
    $("run-summary").replaceChildren(element("span", "error", `error: ${data.message}`));
  }
}

/** Reads server-sent events from a fetch response (EventSource cannot POST). */
async function* readEvents(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = block.split("\n").filter((line) => line.startsWith("data: ")).map((line) => line.slice(6)).join("\n");
      yield { event, data: JSON.parse(data) };
    }
  }
}

async function run(query) {
  $("run").disabled = true;
  startRun();
  $("trace").dataset.done = "false";
  $("steps").replaceChildren(element("li", "pending", "planning…"));
  $("run-summary").textContent = "";
  try {
    const response = await fetch("/v1/run", {
      method: "POST",
      headers: headers({ "content-type": "application/json" }),
      body: JSON.stringify({ query, stream: true, ...(sessionId ? { sessionId } : {}) }),
    });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.error?.message ?? `${response.status} ${response.statusText}`);
    }
    for await (const { event, data } of readEvents(response)) handleEvent(event, data);
  } catch (error) {
    $("steps").replaceChildren();
    $("run-summary").replaceChildren(element("span", "error", `error: ${error.message}`));
  } finally {
    $("run").disabled = false;
  }
}

// ---- start ----------------------------------------------------------------------------------

$("request-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const query = $("query").value.trim();
  if (query) void run(query);
});
$("query").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    $("request-form").requestSubmit();
  }
});
$("new-session").addEventListener("click", () => {
  setSession(undefined);
  resetPhone();
  void loadState();
});

(async () => {
  try {
    const health = await (await fetch("/health")).json();
    $("status").textContent = `models: ${Object.entries(health.models).map(([name, file]) => `${name} ${file.split("/").pop()}`).join(", ") || "none"} · ${health.functions} functions`;
    await loadState();
    await loadBenchmark(headers);
    document.body.dataset.ready = "true";
  } catch (error) {
    $("status").textContent = `error: ${error.message}`;
  }
})();
