// Builds the dashboard into src/marsad/web/static/ (generated, not committed): one JS bundle, one CSS
// bundle with the fonts and Leaflet's images as files, index.html and the basemap (Natural Earth country
// borders from world-atlas, cut to the region and decoded to GeoJSON here, once).
import * as esbuild from "esbuild";
import { regionalBasemap } from "./src/basemap.js";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const out = here("../src/marsad/web/static/");

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await esbuild.build({
  entryPoints: { app: here("src/main.js") },
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2022"],
  outdir: out,
  assetNames: "assets/[name]-[hash]",
  loader: { ".woff2": "file", ".woff": "file", ".png": "file", ".svg": "file" },
  legalComments: "linked",
  logLevel: "warning",
});
// boot.js is a classic script run by the parser at once (before the main bundle has even downloaded):
// it starts the dashboard's requests
await esbuild.build({
  entryPoints: { boot: here("src/boot.js") },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2022"],
  outdir: out,
  logLevel: "warning",
});
await copyFile(here("index.html"), `${out}index.html`);
const topology = JSON.parse(await readFile(here("node_modules/world-atlas/countries-50m.json"), "utf8"));
await writeFile(`${out}basemap.geojson`, JSON.stringify(regionalBasemap(topology)));
console.log(`dashboard built into ${out}`);
