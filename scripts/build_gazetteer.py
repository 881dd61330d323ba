"""Build marsad's gazetteer data files from the shared reference facts.

Reads ``../shared/reference/{sites,places,actors}.csv`` (ids, names, aliases, coordinates, countries,
source URLs) and writes ``src/marsad/data/{sites,places,actors}.csv`` with the fact columns only (the
reference's free-text notes are not copied).  Project additions (extra aliases, ambiguities, new places)
live in ``src/marsad/data/gazetteer_extra.yaml`` and are merged at load time, not here, so a rebuild never
loses them.  Usage: ``python scripts/build_gazetteer.py [REFERENCE_DIR]``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = {
    "sites.csv": ["id", "name_en", "name_ar", "aliases_ar", "aliases_en", "kind", "country", "admin1", "lat",
                  "lon", "coord_precision", "hosts", "source_url"],
    "places.csv": ["id", "name_en", "name_ar", "aliases_ar", "kind", "country", "admin1", "lat", "lon",
                   "source_url"],
    "actors.csv": ["id", "name_en", "name_ar", "aliases_ar", "kind", "role_hint", "source_url"],
}


def main(argv: list[str]) -> int:
    ref = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "reference"
    out_dir = ROOT / "src" / "marsad" / "data"
    for name, cols in COLUMNS.items():
        with (ref / name).open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        with (out_dir / name).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        print(f"{name}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
