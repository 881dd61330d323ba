// The incident panel: consensus values, then every source's account side by side with its status and the
// Arabic evidence sentence, spans highlighted; and the article view (full text, every span highlighted).
import { fill, h, safeUrl } from "./dom.js";
import { highlighted } from "./highlight.js";

function value(v, i18n) {
  if (v === null || v === undefined || (Array.isArray(v) && !v.length)) return "–";
  if (typeof v === "boolean") return v ? i18n.t("yes") : i18n.t("no");
  if (Array.isArray(v)) return v.join(", ");
  if (typeof v === "number") return i18n.number(v);
  return String(v);
}

function range(low, best, high, i18n) {
  if (best === null && low === null && high === null) return "–";
  if (low !== null && high !== null && low !== high) return `${i18n.number(best ?? low)} (${i18n.number(low)}–${i18n.number(high)})`;
  return i18n.number(best ?? low ?? high);
}

function dl(pairs) {
  // each value isolated (<bdi>): Latin or numbers inside an Arabic page keep the page's alignment
  return h("dl", { class: "fields" }, pairs.map(([k, v]) => [h("dt", {}, k), h("dd", {}, h("bdi", {}, v))]));
}

const weapons = (list, i18n) => (list && list.length ? list.map((w) => i18n.term("weapon", w)).join(i18n.lang === "ar" ? "، " : ", ") : "–");

export class Panel {
  constructor(element, { onClose, onDocument, labelOf }) {
    this.element = element;
    this.onClose = onClose;
    this.onDocument = onDocument;
    this.labelOf = labelOf;
  }

  empty(i18n) {
    fill(this.element, h("p", { class: "hint" }, i18n.t("panel.empty")));
  }

  message(text) {
    fill(this.element, h("p", { class: "hint" }, text));
  }

  closeButton(i18n) {
    return h("button", { type: "button", class: "close", "aria-label": i18n.t("panel.close"), title: i18n.t("panel.close"),
      on: { click: () => this.onClose() } }, "×");
  }

  incident(detail, i18n) {
    const inc = detail.incident;
    const t = i18n.t;
    const place = (i18n.lang === "ar" ? inc.location_name_ar : inc.location_name) || inc.location_id || "–";
    const fieldLabel = (f) => t(`field.${f}`);
    const consensus = dl([
      [t("field.date"), `${i18n.date(inc.date)}${inc.time_precision && inc.time_precision !== "day" ? ` (${i18n.term("precision", inc.time_precision)})` : ""}`],
      [t("field.location"), `${place}${inc.geo_precision ? ` (${i18n.term("precision", inc.geo_precision)})` : ""}`],
      [t("field.weapons"), weapons(inc.weapons, i18n)],
      [t("field.count"), value(inc.count, i18n)],
      [t("field.actor"), inc.actor ? `${this.labelOf("actor", inc.actor)}${inc.actor_basis ? ` (${i18n.term("basis", inc.actor_basis)})` : ""}` : "–"],
      [t("field.target"), inc.target ? this.labelOf("actor", inc.target) : "–"],
      [t("field.killed"), range(inc.fatalities_low, inc.fatalities_best, inc.fatalities_high, i18n)],
      [t("field.injured"), range(inc.injured_low, inc.injured_best, inc.injured_high, i18n)],
      [t("field.intercepted"), value(inc.intercepted, i18n)],
      [t("field.sources"), value(inc.n_sources, i18n)],
    ]);
    const differ = Object.entries(detail.disagreements || {});
    const disagreements = differ.length
      ? h("div", { class: "disagreements" }, h("h4", {}, t("panel.disagreements")),
        h("ul", {}, differ.map(([field, values]) => h("li", {}, h("b", {}, fieldLabel(field)), ": ",
          Object.entries(values).map(([v, n]) => `${field === "actor" || field === "target" ? this.labelOf("actor", v) : v}`
            + ` × ${i18n.number(n)}`).join(" · ")))))
      : null;
    const accounts = detail.accounts.map((a) => {
      const link = safeUrl(a.url) ? h("a", { href: safeUrl(a.url), target: "_blank", rel: "noopener noreferrer nofollow", class: "source-link" },
        t("panel.source_link")) : null;
      const sentence = a.sentence
        ? highlighted(a.sentence.text, a.sentence.spans, fieldLabel)
        : h("p", { class: "hint" }, t("panel.no_sentence"));
      return h("article", { class: `account status-${a.status}`, dataset: { doc: a.doc_id } },
        h("header", {},
          h("span", { class: `badge status-${a.status}` }, i18n.status(a.status)),
          " ", h("b", { dir: "auto", class: "outlet" }, a.outlet || a.doc_id), " ",
          h("span", { class: "muted" }, i18n.date(a.published))),
        a.title ? h("p", { class: "title", dir: "auto" }, a.title) : null,
        a.copy_of ? h("p", { class: "muted" }, t("panel.copy_of", { id: a.copy_of })) : null,
        sentence,
        dl([
          [t("field.date"), i18n.date(a.date)],
          [t("field.weapons"), weapons(a.weapons, i18n)],
          [t("field.count"), value(a.count, i18n)],
          [t("field.actor"), a.actor ? this.labelOf("actor", a.actor) : "–"],
          [t("field.killed"), value(a.killed, i18n)],
          [t("field.injured"), value(a.injured, i18n)],
          [t("field.intercepted"), value(a.intercepted, i18n)],
        ]),
        h("footer", {}, h("button", { type: "button", class: "linkish doc-open", on: { click: () => this.onDocument(a.doc_id) } },
          t("panel.read_document")), " ", link));
    });
    fill(this.element,
      h("div", { class: "panel-head" }, this.closeButton(i18n),
        h("h2", {}, h("span", { class: `badge type-${inc.type}` }, i18n.type(inc.type)), " ", h("span", { dir: "auto" }, place),
          " · ", i18n.date(inc.date)),
        h("p", { class: "muted incident-id" }, inc.id)),
      h("section", { class: "consensus" }, h("h3", {}, t("panel.consensus")), consensus, disagreements),
      h("section", {}, h("h3", {}, t("panel.accounts", { n: i18n.number(detail.accounts.length) })),
        h("div", { class: "accounts" }, accounts)));
  }

  document(doc, i18n, onBack) {
    const spans = doc.evidence.map((e) => ({ start: e.start, end: e.end, field: e.field }));
    fill(this.element,
      h("div", { class: "panel-head" }, this.closeButton(i18n),
        h("button", { type: "button", class: "linkish", on: { click: onBack } }, i18n.t("doc.back")),
        h("h2", { dir: "auto" }, doc.title || i18n.t("doc.title", { id: doc.id })),
        h("p", { class: "muted" }, h("span", { dir: "auto" }, doc.outlet || ""), " · ", i18n.date(doc.published))),
      doc.text ? highlighted(doc.text, spans, (f) => i18n.t(`field.${f}`), "evidence document-text") : null);
  }
}
