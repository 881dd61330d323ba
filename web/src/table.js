// The incident table: the incidents of the current filters and timeline selection, newest first.
import { fill, h } from "./dom.js";

const PAGE = 200;

export class IncidentTable {
  constructor(element, { onSelect }) {
    this.element = element;
    this.onSelect = onSelect;
    this.limit = PAGE;
  }

  reset() { this.limit = PAGE; }

  render(incidents, total, state, i18n, labelOf) {
    const shown = incidents.slice(0, this.limit);
    const cols = ["date", "type", "location", "country", "actor", "status", "sources", "killed"];
    const rows = shown.map((inc) => {
      const place = (i18n.lang === "ar" ? inc.location_name_ar : inc.location_name) || inc.location_id || "–";
      const killed = inc.fatalities_best ?? null;
      const range = inc.fatalities_low !== null && inc.fatalities_high !== null && inc.fatalities_low !== inc.fatalities_high
        ? ` (${i18n.number(inc.fatalities_low)}–${i18n.number(inc.fatalities_high)})` : "";
      return h("tr", { tabindex: 0, class: state.incident === inc.id ? "selected" : null, dataset: { id: inc.id },
        on: { click: () => this.onSelect(inc.id), keydown: (e) => { if (e.key === "Enter") this.onSelect(inc.id); } } },
      h("td", {}, i18n.date(inc.date)),
      h("td", {}, h("span", { class: `badge type-${inc.type}` }, i18n.type(inc.type))),
      h("td", { dir: "auto" }, place),
      h("td", {}, i18n.country(inc.country)),
      h("td", { dir: "auto" }, inc.actor ? labelOf("actor", inc.actor) : "–"),
      h("td", {}, (inc.statuses || []).map((s) => h("span", { class: `badge status-${s}` }, i18n.status(s)))),
      h("td", { class: "num" }, i18n.number(inc.n_sources)),
      h("td", { class: "num" }, killed === null ? "–" : `${i18n.number(killed)}${range}`));
    });
    const head = h("div", { class: "card-head" }, h("h2", {}, i18n.t("table.title")),
      h("span", { class: "count", id: "table-count" }, i18n.t("table.count", { shown: i18n.number(shown.length), total: i18n.number(total) })));
    if (!incidents.length) {
      fill(this.element, head, h("p", { class: "empty" }, i18n.t("table.empty")));
      return;
    }
    const table = h("table", { class: "incidents" },
      h("thead", {}, h("tr", {}, cols.map((c) => h("th", { scope: "col" }, i18n.t(`col.${c}`))))),
      h("tbody", {}, rows));
    const more = incidents.length > shown.length
      ? h("button", { type: "button", class: "more", on: { click: () => { this.limit += PAGE * 5; this.render(incidents, total, state, i18n, labelOf); } } },
        i18n.t("table.more"))
      : null;
    fill(this.element, head, h("div", { class: "table-scroll" }, table), more);
  }
}
