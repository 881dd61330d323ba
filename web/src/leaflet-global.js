// leaflet.markercluster extends the global L: expose Leaflet before the plugin module runs.
import L from "leaflet";

window.L = L;
export default L;
