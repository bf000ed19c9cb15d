/* global document, fetch */
// The benchmark view: the last `octoplan eval` report's metrics as a table and plan accuracy per
// number of steps as an inline SVG bar chart.
import { $, element } from "./dom.js";

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

export async function loadBenchmark(headers) {
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
