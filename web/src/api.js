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

export const TABLE_LIMIT = 50000;

export function tableUrl(query, max = TABLE_LIMIT) {
  return `/api/table?${query}${query ? "&" : ""}limit=${max}`;
}

/** Every incident matching the query (up to `max`), from the compact table route, as objects.  The first
 * load uses the request boot.js started while the main bundle was still loading. */
export async function getAllIncidents(query, { max = TABLE_LIMIT, signal } = {}) {
  const url = tableUrl(query, max);
  const early = window.__marsadBoot;
  window.__marsadBoot = null;
  const body = early && early.url === url ? await early.response.then(readJson) : await getJson(url, { signal });
  const { columns, rows } = body;
  const items = rows.map((row) => {
    const item = {};
    for (let i = 0; i < columns.length; i++) item[columns[i]] = row[i];
    return item;
  });
  return { items, total: body.total };
}
