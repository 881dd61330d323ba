// Fetching from the API of the same origin; errors carry the API's one error shape's message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function getJson(path, { signal } = {}) {
  return readJson(await fetch(path, { signal, headers: { Accept: "application/json" } }));
}

async function readJson(response) {
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  if (!response.ok) {
    const message = body?.error?.message || `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  return body;
}

/** A response boot.js already asked for (once; null afterwards or without boot.js). */
export function takeEarly(name) {
  const boot = window.__marsadBoot;
  if (!boot || !boot[name]) return null;
  const response = boot[name];
  boot[name] = null;
  return response;
}

/** GET JSON, taking boot.js's request for it when there is one. */
export async function getJsonEarly(name, path) {
  const early = takeEarly(name);
  return early ? readJson(await early) : getJson(path);
}

export const TABLE_LIMIT = 50000;

export function tableUrl(query, max = TABLE_LIMIT) {
  return `/api/table?${query}${query ? "&" : ""}limit=${max}`;
}

/** Every incident matching the query (up to `max`), from the compact table route, as objects.  The first
 * load uses the request boot.js started while the main bundle was still loading. */
export async function getAllIncidents(query, { max = TABLE_LIMIT, signal } = {}) {
  const url = tableUrl(query, max);
  const early = takeEarly("response");
  const body = early && window.__marsadBoot.url === url ? await early.then(readJson) : await getJson(url, { signal });
  const { columns, rows } = body;
  const items = rows.map((row) => {
    const item = {};
    for (let i = 0; i < columns.length; i++) item[columns[i]] = row[i];
    return item;
  });
  return { items, total: body.total };
}
