// Split a text into plain runs and highlighted evidence spans (as DOM nodes, never markup).
import { h } from "./dom.js";

/**
 * segments("abc def", [{start: 4, end: 7, field: "type"}]) -> [{text: "abc "}, {text: "def", fields: ["type"]}]
 * Overlapping spans are merged into one highlighted run that lists every field it supports; spans
 * outside the text are ignored.
 */
export function segments(text, spans) {
  const cuts = new Set([0, text.length]);
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end)
    && s.start >= 0 && s.end <= text.length && s.start < s.end);
  for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const fields = [...new Set(valid.filter((s) => s.start <= a && s.end >= b).map((s) => s.field))];
    const last = out[out.length - 1];
    if (last && !fields.length && !last.fields) last.text += text.slice(a, b);
    else out.push(fields.length ? { text: text.slice(a, b), fields } : { text: text.slice(a, b) });
  }
  return out;
}

/** A right-to-left Arabic paragraph with the spans as <mark> elements (title = the fields). */
export function highlighted(text, spans, fieldLabel = (f) => f, cls = "evidence") {
  return h("p", { class: cls, dir: "rtl", lang: "ar" },
    segments(text, spans).map((seg) => seg.fields
      ? h("mark", { dataset: { fields: seg.fields.join(" ") }, title: seg.fields.map(fieldLabel).join(", ") },
        seg.text)
      : seg.text));
}
