// Interface strings in English and Arabic; Arabic switches the whole document to right-to-left.
import ar from "./locales/ar.json";
import en from "./locales/en.json";

const CATALOGS = { en, ar };
export const LANGS = Object.keys(CATALOGS);

export function makeI18n(lang) {
  const catalog = CATALOGS[lang] || en;
  const locale = lang === "ar" ? "ar-u-nu-latn" : "en";
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  const dates = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  const numbers = new Intl.NumberFormat(locale);
  const t = (key, vars = {}) => {
    const text = catalog[key] ?? en[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
  };
  return {
    lang,
    dir: lang === "ar" ? "rtl" : "ltr",
    t,
    country(code) {
      if (!code) return "–";
      try { return regions.of(code.toUpperCase()) || code; } catch { return code; }
    },
    date(iso) {
      if (!iso) return "–";
      const d = new Date(`${iso}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? iso : dates.format(d);
    },
    number(n) { return n === null || n === undefined ? "–" : numbers.format(n); },
    type(v) { return v ? t(`type.${v}`) : "–"; },
    status(v) { return v ? t(`status.${v}`) : "–"; },
    /** A vocabulary value (weapon, basis, precision) in the interface language; unknown values as they are. */
    term(kind, v) {
      if (v === null || v === undefined || v === "") return "–";
      const key = `${kind}.${v}`;
      return key in catalog || key in en ? t(key) : String(v);
    },
  };
}
