// The map: an offline basemap (Natural Earth countries from world-atlas, see basemap.js), the gazetteer's
// sites, and the incidents as markers coloured by type and sized by toll, clustered.
import L from "./leaflet-global.js";
import "leaflet.markercluster";
import { getJsonEarly } from "./api.js";
import { h } from "./dom.js";

export const TYPE_COLORS = { attack: "#c62828", strike: "#1565c0", reinforcement: "#2e7d32" };
const REGION = [[28.5, 33.5], [38.5, 49.5]]; // Iraq, Syria, Jordan and their borders
export function markerSize(incident) {
  const toll = incident.fatalities_best ?? incident.fatalities_high ?? 0;
  return Math.round(14 + Math.min(22, 6 * Math.sqrt(Math.max(0, toll))));
}

export class IncidentMap {
  constructor(element, { onSelect }) {
    this.onSelect = onSelect;
    this.map = L.map(element, { preferCanvas: true, zoomSnap: 0.5, worldCopyJump: false, attributionControl: true,
      minZoom: 4, maxZoom: 11 });
    this.map.attributionControl.setPrefix(false);
    this.map.fitBounds(REGION);
    this.clusters = L.markerClusterGroup({ chunkedLoading: false, showCoverageOnHover: false,
      maxClusterRadius: 40, spiderfyOnMaxZoom: true,
      // a cluster counts incidents, not markers
      iconCreateFunction: (cluster) => {
        const n = cluster.getAllChildMarkers().reduce((sum, m) => sum + (m.options.count || 1), 0);
        const tier = n < 10 ? "small" : n < 100 ? "medium" : "large";
        return L.divIcon({ html: h("div", {}, h("span", {}, String(n))), className: `marker-cluster marker-cluster-${tier}`,
          iconSize: L.point(40, 40) });
      } });
    this.sites = L.layerGroup();
    this.markers = new Map();
    this.map.addLayer(this.clusters);
    this.map.addLayer(this.sites);
  }

  async loadBasemap(url) {
    const countries = await getJsonEarly("basemap", url);
    performance.mark("marsad:basemap-data");
    L.geoJSON(countries, {
      interactive: false,
      style: { color: "#8a8f98", weight: 0.8, fillColor: "#eef0e8", fillOpacity: 1 },
    }).addTo(this.map).bringToBack();
    this.map.attributionControl.addAttribution("Natural Earth");
    performance.mark("marsad:basemap");
  }

  showSites(sites, i18n) {
    this.sites.clearLayers();
    for (const site of sites) {
      if (site.lat === null || site.lon === null) continue;
      const name = i18n.lang === "ar" ? site.name_ar : site.name;
      L.circleMarker([site.lat, site.lon], { radius: 4, color: "#263238", weight: 2, fillColor: "#ffffff", fillOpacity: 1 })
        .bindTooltip(h("span", { dir: "auto", class: "site-label" }, name), { direction: "top" })
        .addTo(this.sites);
    }
  }

  /**
   * Show `incidents` (those with coordinates); returns how many had none.  Incidents of one type at one
   * place share a marker (sized by their toll, labelled with their number; a click opens the incident, or
   * a list of them), so that 10,000 incidents at a few hundred places stay fast and readable.
   */
  showIncidents(incidents, i18n) {
    this.clusters.clearLayers();
    this.markers.clear();
    this.selected = null;
    const groups = new Map();
    let missing = 0;
    for (const inc of incidents) {
      if (inc.lat === null || inc.lon === null) { missing++; continue; }
      const key = `${inc.lat},${inc.lon},${inc.type}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(inc);
    }
    const layers = [];
    for (const group of groups.values()) {
      const first = group[0];
      const toll = group.reduce((sum, i) => sum + (i.fatalities_best ?? i.fatalities_high ?? 0), 0);
      const size = markerSize({ fatalities_best: toll }) + Math.min(10, Math.round(3 * Math.log2(group.length)));
      const icon = L.divIcon({ className: `mk-icon mk mk-${first.type}`, iconSize: [size, size],
        html: group.length > 1 ? h("span", { class: "mk-count" }, String(group.length)) : "" });
      const marker = L.marker([first.lat, first.lon], { icon, count: group.length, keyboard: group.length === 1 });
      const place = (i18n.lang === "ar" ? first.location_name_ar : first.location_name) || first.location_id || "";
      marker.bindTooltip(() => h("span", { class: "mk-tip" }, h("b", {}, i18n.type(first.type)), " · ",
        h("span", { dir: "auto" }, place), " · ",
        group.length > 1 ? i18n.t("map.incidents", { n: i18n.number(group.length) }) : i18n.date(first.date)),
      { direction: "top", offset: [0, -size / 2] });
      if (group.length === 1) {
        marker.on("click", () => this.onSelect(first.id));
      } else {
        marker.bindPopup(() => h("div", { class: "mk-list" },
          h("b", { dir: "auto" }, place), " · ", i18n.type(first.type),
          h("ul", {}, group.slice(0, 50).map((inc) => h("li", {}, h("button", { type: "button", class: "linkish",
            dataset: { id: inc.id }, on: { click: () => { this.map.closePopup(); this.onSelect(inc.id); } } },
          i18n.date(inc.date), inc.fatalities_best ? ` · ${i18n.t("field.killed")} ${i18n.number(inc.fatalities_best)}` : "")))),
          group.length > 50 ? h("p", { class: "muted" }, i18n.t("map.more", { n: i18n.number(group.length - 50) })) : null),
        { maxHeight: 260 });
      }
      marker.on("add", () => { if (this.selected === marker) marker.getElement()?.classList.add("mk-selected"); });
      for (const inc of group) this.markers.set(inc.id, marker);
      layers.push(marker);
    }
    this.clusters.addLayers(layers);
    return missing;
  }

  focus(id) {
    const marker = this.markers.get(id);
    if (!marker || this.map.hasLayer(marker) && marker.isPopupOpen?.()) return;
    this.clusters.zoomToShowLayer(marker, () => marker.openTooltip());
  }

  /** Outline the marker of incident `id` (null: none). */
  highlight(id) {
    this.selected?.getElement()?.classList.remove("mk-selected");
    this.selected = (id && this.markers.get(id)) || null;
    this.selected?.getElement()?.classList.add("mk-selected");
  }

  invalidate() { this.map.invalidateSize(); }
}

export function legend(i18n) {
  return h("div", { class: "legend" },
    Object.entries(TYPE_COLORS).map(([type]) => h("span", { class: "legend-item" },
      h("span", { class: `mk mk-${type} legend-dot` }), i18n.type(type))),
    h("span", { class: "legend-item" }, h("span", { class: "site-dot legend-dot" }), i18n.t("map.sites")),
    h("span", { class: "legend-item legend-size" }, i18n.t("legend.size")));
}
