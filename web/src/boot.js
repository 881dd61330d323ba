// Loaded before the main bundle (async): starts the request for the incidents at once, so that the
// server works while the browser is still loading and parsing the dashboard's code.
import { tableUrl } from "./api.js";
import { apiQuery, readState } from "./state.js";

const url = tableUrl(apiQuery(readState()));
window.__marsadBoot = { url, response: fetch(url, { headers: { Accept: "application/json" } }) };
