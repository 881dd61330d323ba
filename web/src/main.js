// The dashboard: one page over the REST API of the same server. State lives in the URL (state.js).
import "./styles.css";
import { getAllIncidents, getJson, getJsonEarly } from "./api.js";
import { fill, h } from "./dom.js";
import { makeI18n } from "./i18n.js";
import { IncidentMap, legend } from "./map.js";
import { Panel } from "./panel.js";
import { FILTER_KEYS, apiQuery, readState, writeState } from "./state.js";
import { IncidentTable } from "./table.js";
import { renderTallies } from "./tallies.js";
import { Timeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);

class Dashboard {
  constructor() {
    this.state = readState();
    this.i18n = makeI18n(this.state.lang);
    this.meta = { sites: [], actors: [], types: [], statuses: [] };
    this.incidents = [];
    this.total = 0;
    this.loadToken = 0;
    const labelOf = (kind, id) => this.labelOf(kind, id);
    this.map = new IncidentMap($("map"), { onSelect: (id) => this.select(id) });
    this.timeline = new Timeline($("timeline"), {
      onBrush: (from, to) => this.update({ from, to }),
      onGroup: (group) => this.update({ group }),
    });
    this.table = new IncidentTable($("table"), {
      onSelect: (id) => this.select(id),
      onSort: (order) => this.update({ order }),
    });
    this.panel = new Panel($("panel"), {
      onClose: () => this.update({ incident: null, doc: null }),
      onDocument: (doc) => this.update({ doc }),
      labelOf,
    });
    $("lang").addEventListener("click", () => this.update({ lang: this.state.lang === "ar" ? "en" : "ar" }));
    window.addEventListener("popstate", () => this.reload(readState()));
    let resizeTimer = null;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => { this.renderTimeline(); this.renderTallies(); }, 150);
    });
  }

  labelOf(kind, id) {
    if (kind === "country") return this.i18n.country(id);
    const actor = this.actors?.get(id);
    if (!actor) return id;
    return this.i18n.lang === "ar" ? actor.name_ar : actor.name;
  }

  async start() {
    this.applyLanguage();
    this.status(this.i18n.t("status.loading"));
    const meta = getJsonEarly("meta", "/api/meta").then((m) => {
      this.meta = m;
      this.actors = new Map(m.actors.map((a) => [a.id, a]));
      this.map.showSites(m.sites, this.i18n);
    });
    const basemap = this.map.loadBasemap("/static/basemap.geojson").catch((e) => this.status(this.i18n.t("status.error", { message: e.message })));
    await Promise.all([meta, this.loadIncidents()]);
    this.renderFilters();
    await basemap;
    await this.openPanel();
    if (this.state.incident) this.map.focus(this.state.incident); // a shared link shows its incident
  }

  status(text) { $("status").textContent = text; }

  /** Change the state; reload from the API only when a server-side filter changed. */
  update(patch, { push = true } = {}) {
    const next = { ...this.state, ...patch };
    for (const [k, v] of Object.entries(next)) if (v === null || v === undefined || v === "") delete next[k];
    const refetch = FILTER_KEYS.some((k) => (next[k] || null) !== (this.state[k] || null));
    if (refetch) { delete next.from; delete next.to; }
    const langChanged = next.lang !== this.state.lang;
    const panelChanged = next.incident !== this.state.incident || next.doc !== this.state.doc;
    this.state = next;
    writeState(this.state, { push });
    if (langChanged) { this.i18n = makeI18n(this.state.lang); this.applyLanguage(); }
    if (refetch) { this.loadIncidents(); this.renderFilters(); return; }
    if (langChanged) { this.renderFilters(); this.renderAll(); this.openPanel(); return; }
    if ("from" in patch || "to" in patch) { this.table.reset(); this.renderView(); this.renderTimeline(); }
    if ("group" in patch) this.renderTimeline();
    if ("order" in patch) { this.table.reset(); this.renderTable(); }
    if (panelChanged) this.openPanel();
    else if ("incident" in patch) this.renderTable();
  }

  async reload(state) {
    this.state = state;
    this.i18n = makeI18n(state.lang);
    this.applyLanguage();
    this.renderFilters();
    await this.loadIncidents();
    this.openPanel();
  }

  applyLanguage() {
    const root = document.documentElement;
    root.lang = this.i18n.lang;
    root.dir = this.i18n.dir;
    document.title = `${this.i18n.t("title")} · ${this.i18n.t("subtitle")}`;
    for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = this.i18n.t(el.dataset.i18n);
    const button = $("lang");
    button.textContent = this.i18n.t("switch_lang");
    button.lang = this.i18n.lang === "ar" ? "en" : "ar";
  }

  async loadIncidents() {
    const token = ++this.loadToken;
    try {
      const { items, total } = await getAllIncidents(apiQuery(this.state));
      performance.mark("marsad:data");
      if (token !== this.loadToken) return;
      this.incidents = items;
      this.total = total;
      this.table.reset();
      this.renderAll();
      this.status(total > items.length ? this.i18n.t("status.truncated", { n: this.i18n.number(items.length) })
        : this.i18n.t("status.loaded", { n: this.i18n.number(total) }));
      document.body.dataset.ready = "true";
    } catch (e) {
      this.status(this.i18n.t("status.error", { message: e.message }));
    }
  }

  /** The incidents of the loaded set inside the timeline selection. */
  visible() {
    const { from, to } = this.state;
    if (!from || !to) return this.incidents;
    return this.incidents.filter((i) => i.date && i.date >= from && i.date <= to);
  }

  renderAll() {
    this.renderView();
    performance.mark("marsad:view");
    this.renderTimeline();
    performance.mark("marsad:timeline");
    this.renderTallies();
    this.renderExports();
  }

  renderView() {
    const shown = this.visible();
    const missing = this.map.showIncidents(shown, this.i18n);
    performance.mark("marsad:map");
    const box = $("map-box");
    box.querySelector(".legend")?.remove();
    box.querySelector(".map-note")?.remove();
    box.append(legend(this.i18n));
    if (missing) box.append(h("p", { class: "map-note muted" }, this.i18n.t("map.no_location", { n: this.i18n.number(missing) })));
    this.renderTable(shown);
  }

  renderTable(shown = this.visible()) {
    const total = this.state.from ? shown.length : this.total;
    this.table.render(shown, total, this.state, this.i18n, (k, id) => this.labelOf(k, id));
  }

  renderTimeline() {
    this.timeline.render(this.incidents, this.state, this.i18n, (k, id) => this.labelOf(k, id));
  }

  async renderTallies() {
    const el = $("tallies");
    try {
      const body = await getJson(`/api/tallies?${apiQuery(this.state)}`);
      this.tallies = body.items;
    } catch (e) {
      fill(el, h("p", { class: "empty" }, this.i18n.t("status.error", { message: e.message })));
      return;
    }
    renderTallies(el, this.tallies, this.i18n);
  }

  renderExports() {
    const query = apiQuery(this.state);
    fill($("exports"), h("span", { class: "muted" }, this.i18n.t("export")), " ",
      ["csv", "geojson", "jsonl"].map((fmt) => [h("a", { href: `/api/export.${fmt}${query ? `?${query}` : ""}`, download: "" },
        fmt.toUpperCase()), " "]));
  }

  renderFilters() {
    const t = this.i18n.t;
    const s = this.state;
    const countries = [...new Set(["IQ", "SY", "JO", ...this.incidents.map((i) => i.country).filter(Boolean), s.country].filter(Boolean))]
      .sort((a, b) => this.i18n.country(a).localeCompare(this.i18n.country(b), this.i18n.lang));
    const actors = [...(this.meta.actors || [])].sort((a, b) => this.labelOf("actor", a.id).localeCompare(this.labelOf("actor", b.id), this.i18n.lang));
    const choice = (name, options, current) => h("select", { name, id: `f-${name}` },
      h("option", { value: "" }, t("filters.any")),
      options.map(([value, label]) => h("option", { value, selected: current === value }, label)));
    const field = (name, control) => h("label", { class: "field" }, h("span", {}, t(`filters.${name}`)), control);
    const form = $("filters");
    fill(form,
      field("since", h("input", { type: "date", name: "since", id: "f-since", value: s.since || "" })),
      field("until", h("input", { type: "date", name: "until", id: "f-until", value: s.until || "" })),
      field("country", choice("country", countries.map((c) => [c, this.i18n.country(c)]), s.country)),
      field("type", choice("type", ["attack", "strike", "reinforcement"].map((v) => [v, this.i18n.type(v)]), s.type)),
      field("status", choice("status", ["claimed", "confirmed", "reported", "denied"].map((v) => [v, this.i18n.status(v)]), s.status)),
      field("actor", choice("actor", actors.map((a) => [a.id, this.labelOf("actor", a.id)]), s.actor)),
      field("location", h("input", { type: "search", name: "location", id: "f-location", value: s.location || "",
        placeholder: t("filters.location_ph"), maxlength: 128, dir: "auto" })),
      h("button", { type: "submit", class: "primary" }, t("filters.apply")),
      h("button", { type: "button", on: { click: () => this.update(Object.fromEntries(FILTER_KEYS.map((k) => [k, null]))) } },
        t("filters.reset")));
    form.onsubmit = (e) => {
      e.preventDefault();
      const data = new FormData(form);
      this.update(Object.fromEntries(FILTER_KEYS.map((k) => [k, (data.get(k) || "").trim() || null])));
    };
    for (const sel of form.querySelectorAll("select")) sel.addEventListener("change", () => form.requestSubmit());
  }

  select(id) {
    this.update({ incident: id, doc: null });
    this.map.focus(id);
  }

  async openPanel() {
    const { incident, doc } = this.state;
    const i18n = this.i18n;
    this.map.highlight(incident || null);
    if (!incident && !doc) { this.panel.empty(i18n); this.renderTable(); return; }
    this.panel.message(i18n.t("panel.loading"));
    try {
      if (doc) {
        const body = await getJson(`/api/documents/${encodeURIComponent(doc)}`);
        this.panel.document(body, i18n, () => this.update({ doc: null }));
      } else {
        const body = await getJson(`/api/events/${encodeURIComponent(incident)}`);
        if (this.state.incident !== incident) return;
        this.panel.incident(body, i18n);
      }
    } catch (e) {
      this.panel.message(e.status === 404 ? i18n.t("panel.not_found") : i18n.t("status.error", { message: e.message }));
    }
    this.renderTable();
  }
}

new Dashboard().start();
