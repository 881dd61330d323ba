"""Shared helpers and fixtures of the store tests (this module holds no tests).

PostgreSQL: the tests use the server at 127.0.0.1:5432, database ``test`` (override with
``MARSAD_TEST_PG``), each test in a schema of its own that is dropped afterwards.  When the server cannot
be reached the PostgreSQL tests skip with the reason, except with ``CI=true``, where they fail.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text

from marsad.lexicon import load_resources
from marsad.model import Document, Event, Location
from marsad.options import Options
from marsad.reader import RawDoc
from marsad.store.db import Store
from marsad.store.models import DocumentRow, IncidentChangeRow, IncidentRowModel, MentionBlock, MentionRow

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "corpus" / "docs.jsonl"
#: documents in the team corpus (it grows; the tests must not pin its size)
CORPUS_DOCS = sum(1 for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip())
PG_URL = os.environ.get("MARSAD_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@cache
def pg_unreachable() -> str | None:
    """None when PostgreSQL answers, else the reason."""
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any failure to connect is a reason to skip
        return f"PostgreSQL at {PG_URL} unreachable: {str(exc).splitlines()[0]}"
    return None


def require_pg() -> None:
    reason = pg_unreachable()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped after the test."""
    require_pg()
    schema = f"marsad_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return str(tmp_path / "store" / "marsad.db")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Both back-ends: the same test runs on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        yield str(tmp_path / "store" / "marsad.db")
    else:
        yield request.getfixturevalue("pg_url")


# --- hand-built documents -------------------------------------------------------------------------------

@cache
def _entries() -> Any:
    return load_resources().entries


def place(loc_id: str) -> Location:
    e = _entries()[loc_id]
    return Location(e.id, e.name_en, e.name_ar, e.kind, e.country, e.admin1, e.lat, e.lon, e.category == "site")


def ev(type_: str, date: str | None, loc: str | None, weapons: tuple[str, ...] = (), *, country: str | None = None,
       **kw: Any) -> Event:
    location = place(loc) if loc else None
    e = Event(type=type_, date=dt.date.fromisoformat(date) if date else None, location=location,
              country=country or (location.country if location else None), weapons=list(weapons), **kw)
    if location is not None:
        e.evidence.append(_span("location", location.name_ar))
    e.evidence.append(_span("type", "هجوم"))
    return e


def _span(field_name: str, surface: str) -> Any:
    from marsad.model import Evidence

    return Evidence(field_name, 0, len(surface), surface)


@dataclass
class ScriptedPipeline:
    """Stands in for the extractor: the events of a document are looked up by its text."""

    script: dict[str, list[Event]] = field(default_factory=dict)
    options: Options = field(default_factory=Options)
    calls: int = 0

    def process(self, raw: RawDoc) -> Document:
        self.calls += 1
        doc = Document(id=raw.id, text=raw.text or "", outlet=raw.outlet, published=raw.published, url=raw.url)
        if raw.error is not None:
            doc.error = raw.error
            return doc
        if raw.text not in self.script:
            raise AssertionError(f"no script for text {raw.text!r}")
        doc.events = self.script[raw.text]
        return doc

    def doc(self, doc_id: str, text: str, events: list[Event], *, outlet: str | None = None,
            published: str | None = "2024-01-21") -> RawDoc:
        self.script[text] = events
        return RawDoc(doc_id, text, outlet=outlet or doc_id.split("_")[-1],
                      published=dt.date.fromisoformat(published) if published else None)


# --- database checks ------------------------------------------------------------------------------------

def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the store's content tables (ids, links and values), in a stable order."""
    out = {}
    with store.session() as s:
        out["documents"] = [tuple(r) for r in s.execute(select(
            DocumentRow.id, DocumentRow.sha256, DocumentRow.error, DocumentRow.copy_of).order_by(DocumentRow.id))]
        out["mentions"] = [tuple(r) for r in s.execute(select(
            MentionRow.key, MentionRow.doc_id, MentionRow.idx, MentionRow.incident_id, MentionRow.type,
            MentionRow.date, MentionRow.location_id, MentionRow.status).order_by(MentionRow.key))]
        out["incidents"] = [tuple(r) for r in s.execute(select(
            IncidentRowModel.id, IncidentRowModel.type, IncidentRowModel.date, IncidentRowModel.location_id,
            IncidentRowModel.n_sources, IncidentRowModel.n_mentions, IncidentRowModel.fatalities_best,
            IncidentRowModel.status).order_by(IncidentRowModel.id))]
        out["blocks"] = [tuple(r) for r in s.execute(
            select(MentionBlock.key, MentionRow.key).join(MentionRow, MentionRow.id == MentionBlock.mention_id)
            .order_by(MentionBlock.key, MentionRow.key))]
    return out


def check_consistent(store: Store) -> None:
    """The invariants every committed state must satisfy."""
    with store.session() as s:
        if store.dialect == "sqlite":
            assert s.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []
        orphans = s.execute(select(func.count()).select_from(MentionRow).where(
            ~MentionRow.incident_id.in_(select(IncidentRowModel.id)))).scalar_one()
        assert orphans == 0, "mentions pointing at no incident"
        empty = s.execute(select(func.count()).select_from(IncidentRowModel).where(
            ~IncidentRowModel.id.in_(select(MentionRow.incident_id)))).scalar_one()
        assert empty == 0, "incidents without mentions"
        stale = s.execute(select(IncidentRowModel.id).where(
            IncidentRowModel.n_mentions != select(func.count()).where(
                MentionRow.incident_id == IncidentRowModel.id).scalar_subquery())).all()
        assert stale == [], f"incidents whose mention count is stale: {stale}"
        blocks = s.execute(select(func.count()).select_from(MentionBlock).where(
            ~MentionBlock.mention_id.in_(select(MentionRow.id)))).scalar_one()
        assert blocks == 0
        nodoc = s.execute(select(func.count()).select_from(MentionRow).where(
            ~MentionRow.doc_id.in_(select(DocumentRow.id)))).scalar_one()
        assert nodoc == 0


def changes(store: Store, kind: str | None = None) -> list[IncidentChangeRow]:
    with store.session() as s:
        stmt = select(IncidentChangeRow).order_by(IncidentChangeRow.id)
        if kind:
            stmt = stmt.where(IncidentChangeRow.kind == kind)
        return list(s.execute(stmt).scalars())
