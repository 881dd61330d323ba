"""The dashboard's one bulk query: every incident of the filters in a compact, columnar form.

The dashboard draws every matching incident on the map and the timeline at once (10,000 and more), so it
does not page through ``/api/events`` (full rows, ORM objects): this reads only the columns it shows, with
the store's own filter conditions (:func:`marsad.store.queries.conditions`), in one Core ``SELECT``, and
writes the JSON itself (the shape is :class:`marsad.api.schemas.IncidentTable`, checked by the tests).

On SQLite the database builds the JSON itself (``json_group_array`` over the ordered rows, in C); elsewhere
(PostgreSQL) the rows are read and encoded in Python, with dates and the JSON list of statuses taken as
the database's text where it has text.  Both give the same document (a test compares them).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from marsad.store.models import IncidentRowModel as I
from marsad.store.queries import IncidentFilter, conditions, incident_order

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


def incident_table_json(session: Session, filters: IncidentFilter, limit: int, *, in_database: bool | None = None
                        ) -> str:
    """The first ``limit`` incidents of ``filters``, latest first (undated last), as JSON
    ``{"columns": [...], "rows": [[...], ...], "total": n}``.  ``in_database``: build the rows' JSON in
    the database (default: on SQLite)."""
    where = conditions(filters)
    if in_database is None:
        in_database = session.get_bind().dialect.name == "sqlite"
    if in_database:
        rows_json, count = _sqlite_rows(session, where, limit)
    else:
        rows_json, count = _python_rows(session, where, limit)
    total = count
    if count >= limit:
        total = int(session.execute(select(func.count()).select_from(I).where(*where)).scalar_one())
    head = json.dumps({"columns": COLUMNS}, separators=(",", ":"))[:-1]
    return f'{head},"rows":{rows_json},"total":{total}}}'


def _ordered(where: list[Any], limit: int) -> Any:
    cols = [type_coerce(getattr(I, c), String).label(c) if c in _RAW else getattr(I, c) for c in COLUMNS]
    return select(*cols).where(*where).order_by(*incident_order("-date")).limit(limit)


def _sqlite_rows(session: Session, where: list[Any], limit: int) -> tuple[str, int]:
    """SQLite's JSON1 makes the array of rows (SQLite aggregates a subquery's rows in its order)."""
    sub = _ordered(where, limit).subquery()
    cells = [func.json(func.coalesce(sub.c[c], "[]")) if c == "statuses" else sub.c[c] for c in COLUMNS]
    stmt = select(func.json_group_array(func.json_array(*cells)), func.count()).select_from(sub)
    rows_json, count = session.execute(stmt).one()
    return rows_json or "[]", int(count)


def _python_rows(session: Session, where: list[Any], limit: int) -> tuple[str, int]:
    rows = []
    parsed: dict[str, list[str]] = {}
    for r in session.execute(_ordered(where, limit)):
        row = list(r)
        row[2] = _date(row[2])
        row[11] = _statuses(row[11], parsed)
        rows.append(row)
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"), allow_nan=False), len(rows)
