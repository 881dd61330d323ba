// The incident table: the incidents of the current filters and timeline selection, sorted by a column
// (newest first by default; a click on a column's head sorts by it, a second click reverses).
import { fill, h } from "./dom.js";
import { TABLE_COLUMNS } from "./state.js";

const PAGE = 200;

export class IncidentTable {
  constructor(element, { onSelect, onSort }) {
    this.element = element;
    this.onSelect = onSelect;
    this.onSort = onSort;
    this.limit = PAGE;
  }

  reset() { this.limit = PAGE; }

  /** `incidents` sorted by `order` ("date", "-killed", ...); ties keep their order (latest first). */
  sorted(incidents, order, i18n, labelOf) {
    const desc = order.startsWith("-");
    const key = order.replace(/^-/, "");
    const value = {
      date: (i) => i.date || "",
      type: (i) => i18n.type(i.type),
      location: (i) => (i18n.lang === "ar" ? i.location_name_ar : i.location_name) || i.location_id || "",
      country: (i) => (i.country ? i18n.country(i.country) : ""),
      actor: (i) => (i.actor ? labelOf("actor", i.actor) : ""),
      status: (i) => i.status || "",
      sources: (i) => i.n_sources ?? -1,
      killed: (i) => i.fatalities_best ?? -1,
    }[key];
    const collator = new Intl.Collator(i18n.lang);
    const cmp = (a, b) => (typeof a === "number" ? a - b : collator.compare(a, b));
    return incidents.map((inc, n) => [value(inc), n, inc])
      .sort((a, b) => (desc ? cmp(b[0], a[0]) : cmp(a[0], b[0])) || a[1] - b[1])
      .map((entry) => entry[2]);
  }

  render(incidents, total, state, i18n, labelOf) {
    const order = state.order || "-date";
    const ordered = order === "-date" ? incidents : this.sorted(incidents, order, i18n, labelOf);
    const shown = ordered.slice(0, this.limit);
    const cols = TABLE_COLUMNS;
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
      h("thead", {}, h("tr", {}, cols.map((c) => {
        const current = order.replace(/^-/, "") === c;
        const next = current && order.startsWith("-") ? c : `-${c}`;
        return h("th", { scope: "col", "aria-sort": current ? (order.startsWith("-") ? "descending" : "ascending") : null },
          h("button", { type: "button", class: "sort", dataset: { col: c }, on: { click: () => this.onSort(next) } },
            i18n.t(`col.${c}`), current ? (order.startsWith("-") ? " ▾" : " ▴") : ""));
      }))),
      h("tbody", {}, rows));
    const more = incidents.length > shown.length
      ? h("button", { type: "button", class: "more", on: { click: () => { this.limit += PAGE * 5; this.render(incidents, total, state, i18n, labelOf); } } },
        i18n.t("table.more"))
      : null;
    fill(this.element, head, h("div", { class: "table-scroll" }, table), more);
  }
}
