// Fetching from the API of the same origin; errors carry the API's one error shape's message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function getJson(path, { signal } = {}) {
  const response = await fetch(path, { signal, headers: { Accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  if (!response.ok) {
    const message = body?.error?.message || `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  return body;
}

/** Every incident matching the query, page by page, up to `max`. */
export async function getAllIncidents(query, { max = 50000, page = 10000, signal } = {}) {
  const items = [];
  let total = 0;
  for (let offset = 0; offset < max; offset += page) {
    const sep = query ? "&" : "";
    const body = await getJson(`/api/events?${query}${sep}limit=${page}&offset=${offset}&sort=-date`, { signal });
    items.push(...body.items);
    total = body.total;
    if (items.length >= total || body.items.length < page) break;
  }
  return { items, total };
}
