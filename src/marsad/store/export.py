"""Exports of the incident table: CSV (ACLED column names where a column has a counterpart), GeoJSON,
JSONL (the spec's event format plus incident ids) and Parquet.  Every column is documented in
docs/export.md; :data:`COLUMNS` is the single list the CSV, GeoJSON properties and Parquet share.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from marsad.errors import DataFileError, MarsadError
from marsad.store.constants import FORMATS
from marsad.store.models import DocumentRow, MentionRow
from marsad.store.queries import IncidentFilter, IncidentRow, iter_incidents

COUNTRIES_FILE = Path(__file__).parent / "countries.csv"

#: (column, type) in output order: ACLED columns first, then marsad's own
COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id_cnty", "str"), ("event_date", "date"), ("year", "int"), ("time_precision", "int"),
    ("event_type", "str"), ("sub_event_type", "str"), ("actor1", "str"), ("assoc_actor_1", "str"),
    ("actor2", "str"), ("country", "str"), ("admin1", "str"), ("location", "str"), ("latitude", "float"),
    ("longitude", "float"), ("geo_precision", "int"), ("source", "str"), ("source_scale", "str"),
    ("notes", "str"), ("fatalities", "int"), ("tags", "str"), ("timestamp", "int"),
    # marsad's own
    ("incident_id", "str"), ("marsad_type", "str"), ("weapons", "str"), ("count", "int"),
    ("actor_basis", "str"), ("target", "str"), ("status", "str"), ("statuses", "str"),
    ("fatalities_low", "int"), ("fatalities_best", "int"), ("fatalities_high", "int"),
    ("injured_low", "int"), ("injured_best", "int"), ("injured_high", "int"), ("intercepted", "bool"),
    ("location_id", "str"), ("location_ar", "str"), ("country_code", "str"), ("time_precision_label", "str"),
    ("geo_precision_label", "str"), ("n_sources", "int"), ("n_documents", "int"), ("n_mentions", "int"),
    ("first_seen", "date"), ("last_seen", "date"), ("document_ids", "str"), ("urls", "str"),
)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
GEO_PRECISION = {"site": 1, "town": 1, "district": 2, "governorate": 3, "country": 3}


@dataclass(slots=True)
class SourceRef:
    doc_id: str
    outlet: str | None
    url: str | None
    status: str
    published: dt.date | None


@dataclass(slots=True)
class ExportRecord:
    incident: IncidentRow
    sources: list[SourceRef] = field(default_factory=list)


@cache
def country_names() -> dict[str, str]:
    try:
        with COUNTRIES_FILE.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise DataFileError(str(COUNTRIES_FILE), "-", f"cannot read: {exc}") from exc
    out = {}
    for n, row in enumerate(rows, start=2):
        code, name = (row.get("code") or "").strip(), (row.get("name") or "").strip()
        if len(code) != 2 or not code.isupper() or not name:
            raise DataFileError(str(COUNTRIES_FILE), f"line {n}", "needs a 2-letter upper-case code and a name")
        out[code] = name
    return out


@cache
def _outlet_countries() -> dict[str, str]:
    try:
        from marsad.sources.outlets import load_outlets
    except ImportError:  # pragma: no cover - the sources package ships with marsad
        return {}
    return {o.id: o.country for o in load_outlets().outlets}


def acled_type(r: IncidentRow) -> tuple[str, str]:
    """ACLED event_type and sub_event_type for an incident (docs/export.md gives the table)."""
    w = set(r.weapons)
    if r.type == "reinforcement":
        return "Strategic developments", "Other"
    if r.type == "attack" and r.intercepted:
        return "Strategic developments", "Disrupted weapons use"
    if r.type == "strike":
        if w and w <= {"rocket", "artillery", "mortar"}:
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
        return "Explosions/Remote violence", "Air/drone strike"
    if "drone" in w:
        return "Explosions/Remote violence", "Air/drone strike"
    if "ied" in w:
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if w and w <= {"small_arms"}:
        return "Battles", "Armed clash"
    return "Explosions/Remote violence", "Shelling/artillery/missile attack"


def source_scale(r: IncidentRow, sources: list[SourceRef]) -> str:
    """ACLED-style scale of the sources: National (outlet based in the incident's country),
    International (elsewhere), Other (unknown outlet); several scales are joined with '-'."""
    countries = _outlet_countries()
    scales = set()
    for s in sources:
        base = countries.get(s.outlet or "")
        if base is None:
            scales.add("Other")
        elif r.country and base == r.country:
            scales.add("National")
        else:
            scales.add("International")
    order = ["National", "International", "Other"]
    return "-".join(x for x in order if x in scales)


def notes(r: IncidentRow) -> str:
    """A one-sentence English description, ACLED-style, from the consensus values."""
    if r.location_name:
        where = f"at {r.location_name}"
    else:
        where = f"in {country_names().get(r.country or '', r.country)}" if r.country else "at an unknown place"
    when = r.date.isoformat() if r.date else "an unknown date"
    what = {"attack": "Attack", "strike": "Strike", "reinforcement": "Reinforcement"}.get(r.type, r.type)
    parts = [f"On {when}, {what} {where}"]
    if r.weapons:
        parts.append(f"with {', '.join(r.weapons)}")
    if r.count is not None:
        parts.append(f"({r.count} stated)")
    text = " ".join(parts)
    if r.actor:
        text += f"; carried out by {r.actor} ({r.actor_basis or 'unstated basis'})"
    if r.target:
        text += f"; target {r.target}"
    if r.intercepted:
        text += "; intercepted"
    if r.fatalities_best is not None:
        if r.fatalities_low != r.fatalities_high:
            text += f"; killed {r.fatalities_low}-{r.fatalities_high} (best {r.fatalities_best})"
        else:
            text += f"; killed {r.fatalities_best}"
    if r.injured_best is not None:
        text += f"; injured {r.injured_best}"
    return text + f". {r.n_sources} independent source(s)."


def flat_row(rec: ExportRecord) -> dict[str, Any]:
    """One incident as a flat row of :data:`COLUMNS` (native Python values; None = empty)."""
    r = rec.incident
    event_type, sub_type = acled_type(r)
    outlets = list(dict.fromkeys(s.outlet or s.doc_id for s in rec.sources))
    tags = [f"status={r.status}"] if r.status else []
    if r.intercepted:
        tags.append("intercepted")
    if r.actor_basis:
        tags.append(f"actor_basis={r.actor_basis}")
    return {
        "event_id_cnty": r.id,
        "event_date": r.date,
        "year": r.date.year if r.date else None,
        "time_precision": TIME_PRECISION.get(r.time_precision or ""),
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": r.actor,
        "assoc_actor_1": None,
        "actor2": r.target,
        "country": country_names().get(r.country or "", r.country),
        "admin1": r.admin1,
        "location": r.location_name,
        "latitude": r.lat,
        "longitude": r.lon,
        "geo_precision": GEO_PRECISION.get(r.geo_precision or ""),
        "source": "; ".join(outlets),
        "source_scale": source_scale(r, rec.sources),
        "notes": notes(r),
        "fatalities": r.fatalities_best if r.fatalities_best is not None else 0,
        "tags": "; ".join(tags),
        "timestamp": int(r.updated_at.replace(tzinfo=dt.UTC).timestamp()) if r.updated_at else None,
        "incident_id": r.id,
        "marsad_type": r.type,
        "weapons": ",".join(r.weapons),
        "count": r.count,
        "actor_basis": r.actor_basis,
        "target": r.target,
        "status": r.status,
        "statuses": ",".join(r.statuses),
        "fatalities_low": r.fatalities_low,
        "fatalities_best": r.fatalities_best,
        "fatalities_high": r.fatalities_high,
        "injured_low": r.injured_low,
        "injured_best": r.injured_best,
        "injured_high": r.injured_high,
        "intercepted": r.intercepted,
        "location_id": r.location_id,
        "location_ar": r.location_name_ar,
        "country_code": r.country,
        "time_precision_label": r.time_precision,
        "geo_precision_label": r.geo_precision,
        "n_sources": r.n_sources,
        "n_documents": r.n_documents,
        "n_mentions": r.n_mentions,
        "first_seen": r.first_seen,
        "last_seen": r.last_seen,
        "document_ids": " ".join(s.doc_id for s in rec.sources),
        "urls": " ".join(s.url for s in rec.sources if s.url),
    }


def event_json(rec: ExportRecord) -> dict[str, Any]:
    """One incident in the spec's event format (consensus values) plus incident id and its sources."""
    r = rec.incident
    return {
        "incident_id": r.id,
        "event_id": r.id,
        "type": r.type,
        "date": r.date.isoformat() if r.date else None,
        "location": r.location_id,
        "country": r.country,
        "weapons": r.weapons,
        "count": r.count,
        "actor": r.actor,
        "actor_basis": r.actor_basis,
        "target": r.target,
        "killed": r.fatalities_best,
        "injured": r.injured_best,
        "intercepted": r.intercepted,
        "status": r.status,
        "statuses": r.statuses,
        "fatalities": {"low": r.fatalities_low, "best": r.fatalities_best, "high": r.fatalities_high},
        "injured_range": {"low": r.injured_low, "best": r.injured_best, "high": r.injured_high},
        "time_precision": r.time_precision,
        "geo_precision": r.geo_precision,
        "location_detail": ({"id": r.location_id, "name": r.location_name, "name_ar": r.location_name_ar,
                             "country": r.country, "admin1": r.admin1, "lat": r.lat, "lon": r.lon}
                            if r.location_id else None),
        "n_sources": r.n_sources,
        "first_seen": r.first_seen.isoformat() if r.first_seen else None,
        "last_seen": r.last_seen.isoformat() if r.last_seen else None,
        "sources": [{"doc": s.doc_id, "outlet": s.outlet, "url": s.url, "status": s.status,
                     "published": s.published.isoformat() if s.published else None} for s in rec.sources],
    }


def records(session: Session, filters: IncidentFilter | None = None, batch: int = 2000) -> Iterator[ExportRecord]:
    """Incidents matching ``filters`` (latest first) with their sources, read in batches."""
    chunk: list[IncidentRow] = []

    def flush() -> Iterator[ExportRecord]:
        refs: dict[str, list[SourceRef]] = defaultdict(list)
        ids = [r.id for r in chunk]
        for inc, doc_id, outlet, url, status, published in session.execute(
                select(MentionRow.incident_id, MentionRow.doc_id, MentionRow.outlet, DocumentRow.url,
                       MentionRow.status, MentionRow.published)
                .join(DocumentRow, DocumentRow.id == MentionRow.doc_id)
                .where(MentionRow.incident_id.in_(ids))
                .order_by(MentionRow.published.asc().nulls_last(), MentionRow.doc_id)):
            refs[inc].append(SourceRef(doc_id, outlet, url, status, published))
        for r in chunk:
            yield ExportRecord(r, refs.get(r.id, []))

    for row in iter_incidents(session, filters, batch=batch):
        chunk.append(row)
        if len(chunk) >= batch:
            yield from flush()
            chunk = []
    if chunk:
        yield from flush()


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def write_csv(session: Session, filters: IncidentFilter | None, out: IO[str]) -> int:
    w = csv.writer(out)
    w.writerow([name for name, _ in COLUMNS])
    n = 0
    for rec in records(session, filters):
        row = flat_row(rec)
        w.writerow([_text(row[name]) for name, _ in COLUMNS])
        n += 1
    return n


def write_jsonl(session: Session, filters: IncidentFilter | None, out: IO[str]) -> int:
    n = 0
    for rec in records(session, filters):
        out.write(json.dumps(event_json(rec), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_geojson(session: Session, filters: IncidentFilter | None, out: IO[str]) -> int:
    """A GeoJSON FeatureCollection: a Point per incident (null geometry when the place has no coordinates)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for rec in records(session, filters):
        row = flat_row(rec)
        props = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in row.items()}
        r = rec.incident
        geom = ({"type": "Point", "coordinates": [r.lon, r.lat]} if r.lat is not None and r.lon is not None
                else None)
        feature = {"type": "Feature", "id": r.id, "geometry": geom, "properties": props}
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def parquet_schema() -> Any:
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32()}
    return pa.schema([(name, types[t]) for name, t in COLUMNS])


def write_parquet(session: Session, filters: IncidentFilter | None, path: Path, batch: int = 5000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        rows: list[dict[str, Any]] = []

        def flush() -> None:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))

        for rec in records(session, filters):
            rows.append(flat_row(rec))
            n += 1
            if len(rows) >= batch:
                flush()
                rows = []
        if rows or n == 0:
            flush()
    return n


def export(session: Session, fmt: str, filters: IncidentFilter | None, path: Path) -> int:
    """Write the incidents matching ``filters`` to ``path`` in ``fmt``; returns the number written."""
    if fmt not in FORMATS:
        raise MarsadError(f"unknown export format {fmt!r} (one of: {', '.join(FORMATS)})")
    try:
        if fmt == "parquet":
            return write_parquet(session, filters, path)
        with path.open("w", encoding="utf-8", newline="") as out:
            return {"csv": write_csv, "jsonl": write_jsonl, "geojson": write_geojson}[fmt](session, filters, out)
    except OSError as exc:
        raise MarsadError(f"{path}: cannot write: {exc.strerror or exc}") from exc
