// The basemap: Natural Earth country borders (world-atlas, 1:50m), cut at build time (build.mjs) to the
// countries around the region, so that the page loads plain GeoJSON and decodes nothing.
import { feature } from "topojson-client";

// what the map's zoom levels can show around Iraq, Syria and Jordan
export const BASEMAP_BOX = { west: -20, east: 95, south: -5, north: 62 };

function bounds(coordinates) {
  const box = { w: Infinity, e: -Infinity, s: Infinity, n: -Infinity };
  const visit = (c) => {
    if (typeof c[0] === "number") {
      box.w = Math.min(box.w, c[0]); box.e = Math.max(box.e, c[0]);
      box.s = Math.min(box.s, c[1]); box.n = Math.max(box.n, c[1]);
    } else for (const x of c) visit(x);
  };
  visit(coordinates);
  return box;
}

const round = (c) => (typeof c[0] === "number" ? [Math.round(c[0] * 1e3) / 1e3, Math.round(c[1] * 1e3) / 1e3] : c.map(round));

/** world-atlas TopoJSON -> a GeoJSON FeatureCollection of the countries overlapping BASEMAP_BOX. */
export function regionalBasemap(topology, box = BASEMAP_BOX) {
  const world = feature(topology, topology.objects.countries);
  const features = world.features.filter((f) => {
    if (!f.geometry) return false;
    const b = bounds(f.geometry.coordinates);
    return b.w <= box.east && b.e >= box.west && b.s <= box.north && b.n >= box.south;
  }).map((f) => ({ type: "Feature", properties: { name: f.properties.name },
    geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) } }));
  return { type: "FeatureCollection", features };
}
