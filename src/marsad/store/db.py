"""Opening the store: database URL resolution, engine set-up (SQLite WAL / PostgreSQL), migrations, sessions.

- :func:`resolve_db_url` turns ``--db`` / ``MARSAD_DB`` / the default (``./marsad-data/marsad.db``) into a
  SQLAlchemy URL; a plain path means a SQLite file (its folder is created), ``postgresql://`` and
  ``postgres://`` mean PostgreSQL through psycopg 3.
- :func:`open_store` creates the engine and runs the Alembic migrations (one transaction, under a lock, so
  two processes opening a new database at once do not race).
- :meth:`Store.writing` is the one way to write: a transaction that holds the store's write lock
  (``BEGIN IMMEDIATE`` on SQLite, a transaction-scoped advisory lock on PostgreSQL), so concurrent ingest
  processes serialise their (short) write transactions while extraction runs in parallel.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from marsad.errors import StoreError

DEFAULT_DB = Path("marsad-data") / "marsad.db"
ENV_VAR = "MARSAD_DB"
SQLITE_BUSY_TIMEOUT_MS = 60_000
#: SQLite page cache per connection (a negative cache_size is in KiB): 64 MiB
SQLITE_CACHE_KIB = -65_536
MIGRATIONS = Path(__file__).parent / "migrations"
#: the newest migration; a database that records it needs no Alembic run (a test keeps this up to date)
HEAD_REVISION = "0003_incident_page_index"
#: PostgreSQL: the store's write lock, per schema, held until the transaction ends
WRITE_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/marsad-write'))"


def resolve_db_url(value: str | None = None) -> str:
    """``--db`` value (or ``$MARSAD_DB``, or the default file) -> SQLAlchemy URL string."""
    raw = value or os.environ.get(ENV_VAR) or str(DEFAULT_DB)
    if "://" not in raw:
        path = Path(raw).expanduser()
        if path.is_dir():
            path = path / "marsad.db"
        return f"sqlite:///{path.resolve()}"
    for prefix in ("postgresql://", "postgres://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix):]
    return raw


@dataclass(slots=True)
class Store:
    """An open store: the engine and a session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    _writer: Engine = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._writer = self.engine.execution_options(marsad_write=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        """A session for reading (plain deferred transactions)."""
        return self.sessions()

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A connection in a transaction that holds the store's write lock; commits on success, rolls back
        on error."""
        with self._writer.begin() as conn:
            self.lock(conn)
            yield conn

    def writer(self) -> Connection:
        """A connection whose transactions take the write lock when they begin (BEGIN IMMEDIATE on SQLite);
        on PostgreSQL call :meth:`lock` first thing in each transaction."""
        return self._writer.connect()

    def lock(self, conn: Connection) -> None:
        """Take the store's write lock in ``conn``'s transaction (PostgreSQL; SQLite took it at BEGIN)."""
        if self.dialect == "postgresql":
            conn.execute(text(WRITE_LOCK_SQL))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _rec: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (pysqlite's own handling skips DDL)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA temp_store = MEMORY")
        cur.execute(f"PRAGMA cache_size = {SQLITE_CACHE_KIB}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        write = conn.get_execution_options().get("marsad_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"bad database URL {url!r}: {exc}") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        db = parsed.database
        if db and db != ":memory:":
            Path(db).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        _sqlite_setup(engine)
        return engine
    if backend == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    raise StoreError(f"unsupported database {backend!r}: use a SQLite file or postgresql://")


def _at_head(engine: Engine) -> bool:
    """True when the database records :data:`HEAD_REVISION` (checked without loading Alembic)."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except (OperationalError, ProgrammingError):
        return False  # no version table yet (a new database)
    return rows == [HEAD_REVISION]


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest migration, in one transaction under the write lock."""
    if _at_head(engine):
        return
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.execution_options(marsad_write=True).begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text(WRITE_LOCK_SQL))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def open_store(url: str | None = None, *, migrate_schema: bool = True) -> Store:
    """Open (and migrate) the store at ``url`` (resolved with :func:`resolve_db_url`)."""
    full = resolve_db_url(url)
    engine = make_engine(full)
    try:
        if migrate_schema:
            migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc).splitlines()[0]
        raise StoreError(f"cannot open database {make_url(full).render_as_string(hide_password=True)}: "
                         f"{reason}") from exc
    return Store(full, engine, sessionmaker(bind=engine, expire_on_commit=False))
