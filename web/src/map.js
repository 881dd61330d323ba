// The map: an offline basemap (Natural Earth countries from world-atlas), the gazetteer's sites, and the
// incidents as markers coloured by type and sized by toll, clustered.
import L from "./leaflet-global.js";
import "leaflet.markercluster";
import { feature } from "topojson-client";
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
      minZoom: 3, maxZoom: 12 });
    this.map.attributionControl.setPrefix(false);
    this.map.fitBounds(REGION);
    this.clusters = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false,
      maxClusterRadius: 40, spiderfyOnMaxZoom: true });
    this.sites = L.layerGroup();
    this.markers = new Map();
    this.map.addLayer(this.clusters);
    this.map.addLayer(this.sites);
  }

  async loadBasemap(url) {
    const topo = await (await fetch(url)).json();
    const countries = feature(topo, topo.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: { color: "#8a8f98", weight: 0.8, fillColor: "#eef0e8", fillOpacity: 1 },
    }).addTo(this.map).bringToBack();
    this.map.attributionControl.addAttribution("Natural Earth");
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

  /** Show `incidents` (those with coordinates); returns how many had none. */
  showIncidents(incidents, i18n) {
    this.clusters.clearLayers();
    this.markers.clear();
    const layers = [];
    let missing = 0;
    for (const inc of incidents) {
      if (inc.lat === null || inc.lon === null) { missing++; continue; }
      const size = markerSize(inc);
      const dot = h("span", { class: `mk mk-${inc.type}`, dataset: { id: inc.id } });
      const icon = L.divIcon({ className: "mk-icon", iconSize: [size, size], html: dot });
      const marker = L.marker([inc.lat, inc.lon], { icon, title: `${i18n.type(inc.type)} ${inc.date ?? ""}` });
      const place = (i18n.lang === "ar" ? inc.location_name_ar : inc.location_name) || inc.location_id || "";
      marker.bindTooltip(h("span", { class: "mk-tip" }, h("b", {}, i18n.type(inc.type)), " ", i18n.date(inc.date),
        " · ", h("span", { dir: "auto" }, place)), { direction: "top", offset: [0, -size / 2] });
      marker.on("click", () => this.onSelect(inc.id));
      this.markers.set(inc.id, marker);
      layers.push(marker);
    }
    this.clusters.addLayers(layers);
    return missing;
  }

  focus(id) {
    const marker = this.markers.get(id);
    if (!marker) return;
    this.clusters.zoomToShowLayer(marker, () => marker.openTooltip());
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
