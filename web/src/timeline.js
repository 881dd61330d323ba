// The timeline: incidents per day, stacked by country or actor, with a brush (drag to select a range of
// days) that filters the map and the table.
import { fill, h, svg } from "./dom.js";

const DAY = 86400000;
const PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"];
const HEIGHT = 120;
const PAD = { top: 8, right: 12, bottom: 22, left: 12 };

const dayOf = (iso) => Date.parse(`${iso}T00:00:00Z`);
const isoOf = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Daily counts: {days: [ms...], groups: [key...], counts: Map(day -> Map(group -> n))}. */
export function dailyCounts(incidents, groupOf, maxGroups = PALETTE.length - 1) {
  const totals = new Map();
  const dated = incidents.filter((i) => i.date);
  for (const inc of dated) totals.set(groupOf(inc), (totals.get(groupOf(inc)) || 0) + 1);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  const keep = new Set(ranked.slice(0, maxGroups).map(([k]) => k));
  const groups = ranked.slice(0, maxGroups).map(([k]) => k);
  if (ranked.length > maxGroups) groups.push("__other__");
  const counts = new Map();
  for (const inc of dated) {
    const day = dayOf(inc.date);
    const key = keep.has(groupOf(inc)) ? groupOf(inc) : "__other__";
    if (!counts.has(day)) counts.set(day, new Map());
    const row = counts.get(day);
    row.set(key, (row.get(key) || 0) + 1);
  }
  const days = [...counts.keys()].sort((a, b) => a - b);
  return { days, groups, counts };
}

export class Timeline {
  constructor(element, { onBrush, onGroup }) {
    this.element = element;
    this.onBrush = onBrush;
    this.onGroup = onGroup;
  }

  render(incidents, state, i18n, labelOf) {
    const groupKey = state.group === "actor" ? (i) => i.actor || "__unknown__" : (i) => i.country || "__unknown__";
    const { days, groups, counts } = dailyCounts(incidents, groupKey);
    const name = (g) => g === "__other__" ? i18n.t("timeline.other")
      : g === "__unknown__" ? i18n.t("timeline.unknown") : labelOf(state.group, g);
    const select = h("select", { id: "timeline-group", "aria-label": i18n.t("timeline.by"),
      on: { change: (e) => this.onGroup(e.target.value) } },
    ["country", "actor"].map((g) => h("option", { value: g, selected: state.group === g }, i18n.t(`timeline.by_${g}`))));
    const selection = state.from && state.to
      ? h("span", { class: "brush-label" }, i18n.t("timeline.selected", { from: i18n.date(state.from), to: i18n.date(state.to) }),
        " ", h("button", { type: "button", id: "brush-clear", on: { click: () => this.onBrush(null, null) } },
          i18n.t("timeline.clear")))
      : h("span", { class: "hint" }, i18n.t("timeline.hint"));
    const head = h("div", { class: "card-head" }, h("h2", {}, i18n.t("timeline.title")),
      h("label", {}, i18n.t("timeline.by"), " ", select), selection);
    const legend = h("div", { class: "legend" }, groups.map((g, n) => h("span", { class: "legend-item" },
      h("span", { class: `swatch c${n}` }), h("span", { dir: "auto" }, name(g)))));
    const chart = h("div", { class: "timeline-chart", dir: "ltr" });
    fill(this.element, head, chart, legend);
    if (!days.length) return;
    this.drawChart(chart, days, groups, counts, state, i18n, name);
  }

  drawChart(chart, days, groups, counts, state, i18n, name) {
    const width = Math.max(320, chart.clientWidth || 800);
    const start = days[0] - DAY;
    const end = days[days.length - 1] + 2 * DAY;
    const inner = width - PAD.left - PAD.right;
    const x = (ms) => PAD.left + ((ms - start) / (end - start)) * inner;
    const toDay = (px) => start + Math.round(((px - PAD.left) / inner) * (end - start) / DAY) * DAY;
    const max = Math.max(...days.map((d) => [...counts.get(d).values()].reduce((a, b) => a + b, 0)));
    const y = (n) => ((HEIGHT - PAD.top - PAD.bottom) * n) / max;
    const barW = Math.max(1.5, inner / ((end - start) / DAY) - 1);
    const root = svg("svg", { width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, class: "timeline-svg",
      role: "img", "aria-label": i18n.t("timeline.title") });
    // one path per group (every day's bar segment of that group): a few elements even for years of days
    const paths = groups.map(() => []);
    for (const day of days) {
      let base = HEIGHT - PAD.bottom;
      const row = counts.get(day);
      groups.forEach((g, n) => {
        const count = row.get(g) || 0;
        if (!count) return;
        const hgt = y(count);
        base -= hgt;
        paths[n].push(`M${x(day).toFixed(1)},${base.toFixed(1)}h${barW.toFixed(1)}v${hgt.toFixed(1)}h${(-barW).toFixed(1)}z`);
      });
    }
    const bars = svg("g", { class: "bars" }, groups.map((g, n) => svg("path", { d: paths[n].join(""), class: `c${n}` },
      svg("title", {}, name(g)))));
    root.append(bars);
    const axis = svg("g", { class: "axis" });
    const ticks = Math.min(8, Math.max(2, Math.floor(inner / 110)));
    for (let k = 0; k <= ticks; k++) {
      const ms = start + Math.round(((end - start) * k) / ticks / DAY) * DAY;
      axis.append(svg("text", { x: x(ms), y: HEIGHT - 6, "text-anchor": k === 0 ? "start" : k === ticks ? "end" : "middle" },
        i18n.date(isoOf(ms))));
    }
    axis.append(svg("line", { x1: PAD.left, x2: width - PAD.right, y1: HEIGHT - PAD.bottom, y2: HEIGHT - PAD.bottom }));
    root.append(axis);
    const sel = svg("rect", { class: "brush-selection", y: PAD.top, height: HEIGHT - PAD.top - PAD.bottom, x: 0, width: 0,
      visibility: "hidden" });
    const overlay = svg("rect", { class: "brush-overlay", x: PAD.left, y: 0, width: inner, height: HEIGHT - PAD.bottom });
    root.append(sel, overlay);
    const show = (a, b) => {
      const [l, r] = a < b ? [a, b] : [b, a];
      sel.setAttribute("x", l);
      sel.setAttribute("width", Math.max(1, r - l));
      sel.setAttribute("visibility", "visible");
    };
    if (state.from && state.to) show(x(dayOf(state.from)), x(dayOf(state.to) + DAY));
    const local = (ev) => {
      const box = root.getBoundingClientRect();
      return Math.min(width - PAD.right, Math.max(PAD.left, ((ev.clientX - box.left) / box.width) * width));
    };
    let anchor = null;
    overlay.addEventListener("pointerdown", (ev) => {
      anchor = local(ev);
      overlay.setPointerCapture(ev.pointerId);
      show(anchor, anchor);
    });
    const readout = svg("text", { class: "timeline-readout", x: PAD.left + 2, y: PAD.top + 10 });
    root.append(readout);
    overlay.addEventListener("pointermove", (ev) => {
      const px = local(ev);
      if (anchor !== null) show(anchor, px);
      const day = toDay(px) - DAY;
      const row = counts.get(day);
      readout.textContent = row
        ? `${i18n.date(isoOf(day))}: ${groups.filter((g) => row.get(g)).map((g) => `${name(g)} ${row.get(g)}`).join(", ")}`
        : "";
    });
    overlay.addEventListener("pointerleave", () => { readout.textContent = ""; });
    const finish = (ev) => {
      if (anchor === null) return;
      const a = anchor;
      const b = local(ev);
      anchor = null;
      if (Math.abs(b - a) < 3) { this.onBrush(null, null); return; }
      const [l, r] = a < b ? [a, b] : [b, a];
      const from = Math.max(days[0], toDay(l));
      const to = Math.min(days[days.length - 1], toDay(r) - DAY);
      this.onBrush(isoOf(from), isoOf(Math.max(from, to)));
    };
    overlay.addEventListener("pointerup", finish);
    overlay.addEventListener("pointercancel", () => { anchor = null; });
    chart.append(root);
  }
}
