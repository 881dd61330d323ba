// The dashboard's state lives in the URL query string, so that every view can be shared as a link.
// Server-side filters (the API's): since, until, country, location, actor, type, status.
// View state: from/to (the timeline selection), group (timeline stacks), order (table sort), incident /
// doc (open panel), lang.

export const FILTER_KEYS = ["since", "until", "country", "location", "actor", "type", "status"];
const VIEW_KEYS = ["from", "to", "group", "order", "incident", "doc", "lang"];
export const TABLE_COLUMNS = ["date", "type", "location", "country", "actor", "status", "sources", "killed"];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CHECKS = {
  since: (v) => DATE.test(v),
  until: (v) => DATE.test(v),
  from: (v) => DATE.test(v),
  to: (v) => DATE.test(v),
  country: (v) => /^[A-Za-z]{2}$/.test(v),
  type: (v) => ["attack", "strike", "reinforcement"].includes(v),
  status: (v) => ["claimed", "confirmed", "reported", "denied"].includes(v),
  group: (v) => ["country", "actor"].includes(v),
  order: (v) => TABLE_COLUMNS.includes(v.replace(/^-/, "")),
  lang: (v) => ["en", "ar"].includes(v),
  location: (v) => v.length <= 128,
  actor: (v) => v.length <= 128,
  incident: (v) => /^[\w~@+=:-][\w.~@+=:-]*$/.test(v) && v.length <= 64,
  doc: (v) => /^[\w~@+=:-][\w.~@+=:-]*$/.test(v) && v.length <= 512,
};

export function readState(search = window.location.search) {
  const params = new URLSearchParams(search);
  const state = { group: "country", lang: "en" };
  for (const key of [...FILTER_KEYS, ...VIEW_KEYS]) {
    const value = params.get(key);
    if (value && CHECKS[key](value)) state[key] = value;
  }
  if (state.country) state.country = state.country.toUpperCase();
  return state;
}

export function writeState(state, { push = false } = {}) {
  const params = new URLSearchParams();
  for (const key of [...FILTER_KEYS, ...VIEW_KEYS]) {
    const value = state[key];
    if (!value) continue;
    if ((key === "group" && value === "country") || (key === "lang" && value === "en")
      || (key === "order" && value === "-date")) continue;
    params.set(key, value);
  }
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
  if (url !== `${window.location.pathname}${window.location.search}`) {
    window.history[push ? "pushState" : "replaceState"](null, "", url);
  }
}

/** The API query string of the server-side filters of `state` (plus `extra`). */
export function apiQuery(state, extra = {}) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (state[key]) params.set(key, state[key]);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}
