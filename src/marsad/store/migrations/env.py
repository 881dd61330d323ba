"""Alembic environment of the marsad store.

Configured programmatically by :func:`marsad.store.db.migrate`, which passes an open connection in
``config.attributes["connection"]``; there is no alembic.ini.  The caller holds the transaction (and the write
lock), so all pending migrations apply together or not at all; each is recorded in ``alembic_version``.
"""

from __future__ import annotations

from alembic import context

from marsad.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached if someone runs alembic by hand
    raise RuntimeError("marsad migrations run through marsad.store.db.migrate(), not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    transaction_per_migration=False,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
