// Official tallies stated in articles ("92 attacks since 17 October") against marsad's own count for the
// same period and scope: a bar pair per tally.
import { fill, h, svg } from "./dom.js";

const ROW = 34;
const LABEL = 0.46; // share of the width for the label

export function renderTallies(element, items, i18n) {
  const t = i18n.t;
  const head = h("div", { class: "card-head" }, h("h2", {}, t("tallies.title")),
    h("span", { class: "legend" },
      h("span", { class: "legend-item" }, h("span", { class: "swatch official" }), t("tallies.official")),
      h("span", { class: "legend-item" }, h("span", { class: "swatch marsad" }), t("tallies.marsad"))));
  const rows = items.filter((r) => r.tally.what === "attacks" || r.marsad_count !== null).slice(0, 20);
  if (!rows.length) {
    fill(element, head, h("p", { class: "empty" }, t("tallies.empty")));
    return;
  }
  const width = Math.max(360, element.clientWidth - 24 || 640);
  const height = rows.length * ROW + 8;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.tally.count, r.marsad_count ?? 0)));
  const rtl = i18n.dir === "rtl";
  const x0 = rtl ? 0 : width * LABEL;
  const span = width * (1 - LABEL) - 40;
  const barX = (n) => (rtl ? width * (1 - LABEL) - 8 - (span * n) / max : x0 + 8);
  const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, class: "tallies-svg", role: "img",
    "aria-label": t("tallies.title") });
  rows.forEach((r, n) => {
    const top = 4 + n * ROW;
    const label = t("tallies.label", {
      count: i18n.number(r.tally.count), what: t(`what.${r.tally.what}`),
      since: r.period_start ? i18n.date(r.period_start) : "…", as_of: i18n.date(r.period_end || r.tally.as_of),
    });
    const outlet = r.tally.outlet ? ` · ${r.tally.outlet}` : "";
    root.append(svg("text", { x: rtl ? width - 4 : 4, y: top + 13, class: "tally-label", "text-anchor": "start" },
      `${label}${outlet}`));
    const w1 = (span * r.tally.count) / max;
    root.append(svg("rect", { x: barX(r.tally.count), y: top + 2, width: Math.max(1, w1), height: 12, class: "official" },
      svg("title", {}, `${t("tallies.official")}: ${r.tally.count}`)));
    root.append(svg("text", { x: rtl ? barX(r.tally.count) - 4 : x0 + 12 + w1, y: top + 12, class: "tally-value",
      "text-anchor": "start" }, i18n.number(r.tally.count)));
    if (r.marsad_count === null) {
      root.append(svg("text", { x: rtl ? width * (1 - LABEL) - 8 : x0 + 8, y: top + 28, class: "tally-value muted",
        "text-anchor": "start" }, t("tallies.uncountable")));
      return;
    }
    const w2 = (span * r.marsad_count) / max;
    root.append(svg("rect", { x: barX(r.marsad_count), y: top + 17, width: Math.max(1, w2), height: 12, class: "marsad" },
      svg("title", {}, `${t("tallies.marsad")}: ${r.marsad_count}`)));
    root.append(svg("text", { x: rtl ? barX(r.marsad_count) - 4 : x0 + 12 + w2, y: top + 27, class: "tally-value",
      "text-anchor": "start" }, i18n.number(r.marsad_count)));
  });
  fill(element, head, h("div", { class: "tallies-chart" }, root));
}
