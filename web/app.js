/* global document, localStorage, location, fetch, TextDecoder, URLSearchParams */
// The octoplan playground: sends a request to POST /v1/run with stream: true, shows the plan and
// each call/observation as the server-sent events arrive, redraws the simulated phone from the
// state carried by each observation, and draws the last eval report as a table and an SVG chart.
// Plain browser JavaScript with no build step. Everything from the server is shown with textContent.

const token = new URLSearchParams(location.search).get("token") ?? localStorage.getItem("octoplan-token");
if (token) localStorage.setItem("octoplan-token", token);
let sessionId = localStorage.getItem("octoplan-session") ?? undefined;
let previousState;
/** Sections changed since the current run started; they stay highlighted until the next run. */
const changedSections = new Set();

const $ = (id) => document.getElementById(id);

function headers(extra = {}) {
  return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(sessionId ? { "x-session-id": sessionId } : {}), ...extra };
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function setSession(id) {
  sessionId = id;
  if (id) localStorage.setItem("octoplan-session", id);
  else localStorage.removeItem("octoplan-session");
  $("session").textContent = id ? `session ${id.slice(0, 8)}` : "";
}

// ---- the phone panel ----------------------------------------------------------------------

const SECTIONS = [
  ["alarms", "Alarms", (state) => state.alarms.map((alarm) => `${alarm.time}${alarm.label ? " · " + alarm.label : ""}`)],
  ["calendar", "Calendar", (state) => state.calendar.map((event) => `${event.startTime.replace("T", " ")} ${event.title}`)],
  ["messages", "Messages", (state) => [
    ...state.sentTexts.map((text) => `SMS to ${text.contactName}: ${text.message}`),
    ...state.sentEmails.map((email) => `Email to ${email.recipient}: ${email.title}`),
  ]],
  ["files", "Files", (state) => state.files.map((file) => file.path)],
  ["media", "Photos and screenshots", (state) => [...state.photos.map((photo) => `photo ${photo}`), ...state.screenshots.map((shot) => `screenshot ${shot}`)]],
  ["cart", "Cart", (state) => state.cart.map((item) => `${item.quantity} × ${item.name} ($${item.unitPrice})`)],
  ["orders", "Orders", (state) => state.orders.map((order) => `${order.id} ${order.status} $${order.total}`)],
  ["bookings", "Bookings", (state) => [
    ...state.bookings.flights.map((flight) => `✈ ${flight.origin}→${flight.destination} ${flight.date} (${flight.confirmation})`),
    ...state.bookings.hotels.map((hotel) => `🏨 ${hotel.hotelName}, ${hotel.nights} nights (${hotel.confirmation})`),
    ...state.bookings.cars.map((car) => `🚗 ${car.company} ${car.carClass} in ${car.city} (${car.confirmation})`),
  ]],
];

function meter(label, value) {
  const row = element("div");
  const bar = element("span", "meter");
  const fill = element("span");
  fill.style.width = `${Math.max(0, Math.min(100, value))}%`;
  bar.append(fill);
  row.append(bar, document.createTextNode(`${label} ${value}`));
  return row;
}

function renderPhone(state) {
  const container = $("phone-sections");
  container.replaceChildren();
  const sound = element("div", "phone-section");
  sound.dataset.section = "settings";
  sound.append(element("h3", "", "Sound and display"));
  for (const [kind, level] of Object.entries(state.volume)) sound.append(meter(`${kind} volume`, level));
  sound.append(meter("brightness", state.brightness));
  sound.append(element("div", "", `Do not disturb: ${state.doNotDisturb ? "on" : "off"}`));
  const sections = [sound];
  for (const [key, title, lines] of SECTIONS) {
    const section = element("div", "phone-section");
    section.dataset.section = key;
    section.append(element("h3", "", title));
    const items = lines(state);
    if (items.length === 0) section.append(element("div", "empty", "none"));
    else {
      const list = element("ul");
      for (const line of items) list.append(element("li", "", line));
      section.append(list);
    }
    sections.push(section);
  }
  // Sections whose content changed during this run are highlighted, so a landing call is visible.
  for (const section of sections) {
    const key = section.dataset.section;
    const before = previousState ? sectionText(previousState, key) : undefined;
    if (before !== undefined && before !== sectionText(state, key)) changedSections.add(key);
    if (changedSections.has(key)) section.classList.add("changed");
    container.append(section);
  }
  const phone = $("phone");
  if (previousState && JSON.stringify(previousState) !== JSON.stringify(state)) phone.dataset.version = String(Number(phone.dataset.version) + 1);
  previousState = state;
}

function sectionText(state, key) {
  if (key === "settings") return JSON.stringify([state.volume, state.brightness, state.doNotDisturb]);
  const entry = SECTIONS.find(([name]) => name === key);
  return entry ? JSON.stringify(entry[2](state)) : "";
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
  changedSections.clear();
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

// ---- the benchmark view ---------------------------------------------------------------------

const percent = (value) => (value === null || value === undefined ? "—" : `${(value * 100).toFixed(1)}%`);

function barChart(entries) {
  const svgNamespace = "http://www.w3.org/2000/svg";
  const width = 360, height = 160, left = 36, bottom = 24, top = 8;
  const svg = document.createElementNS(svgNamespace, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", String(width));
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "plan accuracy by number of steps");
  const add = (tag, attributes, text) => {
    const node = document.createElementNS(svgNamespace, tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    svg.append(node);
    return node;
  };
  const plotHeight = height - bottom - top;
  for (const tick of [0, 0.5, 1]) {
    const y = top + plotHeight * (1 - tick);
    add("line", { x1: left, x2: width, y1: y, y2: y, stroke: "#e2e5ea" });
    add("text", { x: left - 4, y: y + 4, "text-anchor": "end", "font-size": 10, fill: "#6b7280" }, `${tick * 100}%`);
  }
  const slot = (width - left) / Math.max(1, entries.length);
  entries.forEach(([steps, group], index) => {
    const value = group.planAccuracy ?? 0;
    const x = left + index * slot + slot * 0.2;
    const barHeight = plotHeight * value;
    add("rect", { x, y: top + plotHeight - barHeight, width: slot * 0.6, height: barHeight, fill: "#2f6fde", "data-steps": steps });
    add("text", { x: x + slot * 0.3, y: height - 8, "text-anchor": "middle", "font-size": 11 }, `${steps} step${steps === "1" ? "" : "s"}`);
    add("text", { x: x + slot * 0.3, y: top + plotHeight - barHeight - 3, "text-anchor": "middle", "font-size": 10 }, `${percent(group.planAccuracy)} (n=${group.records})`);
  });
  return svg;
}

async function loadBenchmark() {
  const response = await fetch("/v1/eval-report", { headers: headers() });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    $("benchmark-metrics").replaceChildren(element("div", "empty", body.error?.hint ?? "no eval report"));
    return;
  }
  const report = await response.json();
  const metrics = report.metrics;
  $("benchmark-source").textContent = `${report.testFile ?? ""} · ${new Date(report.createdAt).toLocaleString()}`;
  const table = element("table", "metrics");
  const rows = [
    ["records", String(metrics.records)],
    ["plan accuracy", percent(metrics.planAccuracy)],
    ["planner-only accuracy", percent(metrics.plannerOnlyAccuracy)],
    ["argument accuracy", percent(metrics.argumentAccuracy)],
    ["end-to-end success", percent(metrics.endToEndSuccess)],
    ["latency p50 (total)", metrics.latencyMs?.total?.p50 === undefined ? "—" : `${Math.round(metrics.latencyMs.total.p50)} ms`],
  ];
  for (const [label, value] of rows) {
    const row = element("tr");
    row.append(element("td", "", label), element("td", "", value));
    table.append(row);
  }
  $("benchmark-metrics").replaceChildren(table);
  $("benchmark-chart").replaceChildren(barChart(Object.entries(metrics.byStepCount ?? {})));
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
  previousState = undefined;
  changedSections.clear();
  $("phone").dataset.version = "0";
  void loadState();
});

(async () => {
  try {
    const health = await (await fetch("/health")).json();
    $("status").textContent = `models: ${Object.entries(health.models).map(([name, file]) => `${name} ${file.split("/").pop()}`).join(", ") || "none"} · ${health.functions} functions`;
    await loadState();
    await loadBenchmark();
    document.body.dataset.ready = "true";
  } catch (error) {
    $("status").textContent = `error: ${error.message}`;
  }
})();
