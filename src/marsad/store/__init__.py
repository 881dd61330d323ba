"""The event store: documents, mentions (per-source accounts), incidents with consensus values, a change
log and tallies, in SQLite or PostgreSQL (SQLAlchemy 2, Alembic).  See docs/store.md."""

from marsad.store.db import Store, open_store, resolve_db_url

__all__ = ["Store", "open_store", "resolve_db_url"]
