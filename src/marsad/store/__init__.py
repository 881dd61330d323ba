"""The event store: documents, mentions (per-source accounts), incidents with consensus values, a change
log and tallies, in SQLite or PostgreSQL (SQLAlchemy 2, Alembic).  See docs/store.md.

``open_store``, ``Store`` and ``resolve_db_url`` are imported lazily, so that importing
``marsad.store.constants`` (the CLI does at start-up) does not load SQLAlchemy.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Store", "open_store", "resolve_db_url"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from marsad.store import db

        return getattr(db, name)
    raise AttributeError(f"module 'marsad.store' has no attribute {name!r}")
