// A small classic script the parser runs at once: it starts the dashboard's requests (the incidents, the
// gazetteer, the basemap) so that the server and the network work while the browser is still loading and
// parsing the main bundle, which takes the responses over (api.js, map.js).
import { tableUrl } from "./api.js";
import { apiQuery, readState } from "./state.js";

const json = { headers: { Accept: "application/json" } };
const url = tableUrl(apiQuery(readState()));
window.__marsadBoot = {
  url,
  response: fetch(url, json),
  meta: fetch("/api/meta", json),
  basemap: fetch("/static/basemap.geojson"),
};
