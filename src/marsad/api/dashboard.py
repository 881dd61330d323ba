"""The dashboard's one bulk query: every incident of the filters in a compact, columnar form.

The dashboard draws every matching incident on the map and the timeline at once (10,000 and more), so it
does not page through ``/api/events`` (full rows, ORM objects): this reads only the columns it shows, with
the store's own filter conditions (:func:`marsad.store.queries.conditions`), in one Core ``SELECT``, and
writes the JSON itself (the shape is :class:`marsad.api.schemas.IncidentTable`, checked by the tests).
Dates and the JSON list of statuses are read as the database's text where it has text (SQLite), which
skips SQLAlchemy's per-value parsing.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from marsad.store.models import IncidentRowModel as I
from marsad.store.queries import IncidentFilter, conditions

#: the columns of each row, in order
COLUMNS: tuple[str, ...] = (
    "id", "type", "date", "country", "location_id", "location_name", "location_name_ar", "lat", "lon", "actor",
    "status", "statuses", "fatalities_low", "fatalities_best", "fatalities_high", "n_sources",
)
_RAW = {"date", "statuses"}  # read without SQLAlchemy's result processing


def _date(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _statuses(value: Any, parsed: dict[str, list[str]]) -> list[str]:
    """The list of statuses; JSON text (SQLite) is parsed once per distinct value (there are few)."""
    if value is None:
        return []
    if not isinstance(value, str):
        return list(value)
    found = parsed.get(value)
    if found is None:
        found = parsed[value] = list(json.loads(value))
    return found


def incident_table_json(session: Session, filters: IncidentFilter, limit: int) -> str:
    """The first ``limit`` incidents of ``filters``, latest first (undated last), as JSON
    ``{"columns": [...], "rows": [[...], ...], "total": n}``."""
    where = conditions(filters)
    cols = [type_coerce(getattr(I, c), String).label(c) if c in _RAW else getattr(I, c) for c in COLUMNS]
    stmt = select(*cols).where(*where).order_by(I.date.desc().nulls_last(), I.id).limit(limit)
    rows = []
    parsed: dict[str, list[str]] = {}
    for r in session.execute(stmt):
        row = list(r)
        row[2] = _date(row[2])
        row[11] = _statuses(row[11], parsed)
        rows.append(row)
    total = len(rows)
    if total >= limit:
        total = int(session.execute(select(func.count()).select_from(I).where(*where)).scalar_one())
    return json.dumps({"columns": COLUMNS, "rows": rows, "total": total}, ensure_ascii=False,
                      separators=(",", ":"), allow_nan=False)
