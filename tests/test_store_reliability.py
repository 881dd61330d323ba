"""Reliability: SIGKILL in the middle of an ingest, two ingest processes at once (SQLite and PostgreSQL),
PostgreSQL parity, and the migrations."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

from marsad.linking import Linker
from marsad.reader import read_docs
from marsad.store import open_store
from marsad.store.db import HEAD_REVISION, current_revision
from marsad.store.ingest import ingest
from marsad.store.models import Base, DocumentRow, MentionRow
from test_store_support import CORPUS, CORPUS_DOCS, REPO, check_consistent, db_url, pg_url, snapshot

sys.path.insert(0, str(REPO / "benchmarks"))
from ingest import write_docs

__all__ = ["db_url", "pg_url"]  # fixtures shared with the other store tests
MARSAD = [sys.executable, "-m", "marsad.cli"]
SUMMARY = re.compile(r"documents: (\d+) \((\d+) new, (\d+) updated, (\d+) unchanged, (\d+) failed\)")


def _ingest_proc(docs: Path, db: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([*MARSAD, "ingest", str(docs), "--db", db, "--no-progress", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)


def _count_docs(db: str) -> int:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
    except Exception:  # the tables may not exist yet while the child migrates
        return 0
    finally:
        engine.dispose()


def test_store_sigkill_leaves_a_consistent_database_that_the_next_run_completes(tmp_path: Path, pipeline) -> None:
    n = 240
    docs = tmp_path / "gen" / "docs.jsonl"
    write_docs(docs, n)
    db = str(tmp_path / "killed.db")
    # without copy detection, like the two runs below it is compared with (the generated variants are
    # near-copies of each other: a killed run that got past the first variant would have recorded copies)
    proc = _ingest_proc(docs, db, "--no-copies")
    deadline = time.monotonic() + 240
    while _count_docs(db) < 30:
        assert proc.poll() is None, f"ingest ended before it could be killed: {proc.communicate()}"
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with open_store(db) as st:
        check_consistent(st)
        done = _count_docs(db)
        assert 30 <= done < n, "killed in the middle"
        linker = Linker.load()
        rest = ingest(st, read_docs(docs), pipeline, linker)
        assert rest.unchanged == done and rest.new == n - done and rest.failed == 0
        check_consistent(st)
        resumed = snapshot(st)
    with open_store(str(tmp_path / "clean.db")) as clean:
        ingest(clean, read_docs(docs), pipeline, linker)
        assert snapshot(clean) == resumed


def _concurrent(docs: Path, db: str, expected_docs: int) -> None:
    procs = [_ingest_proc(docs, db) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    counts = [tuple(map(int, SUMMARY.search(out).groups())) for out, _ in outs]
    assert all(c[0] == expected_docs for c in counts)
    assert sum(c[1] for c in counts) == expected_docs, "each document is new in exactly one process"
    assert sum(c[1] + c[3] for c in counts) == 2 * expected_docs, "the other process saw it unchanged"
    with open_store(db) as st:
        check_consistent(st)
        with st.session() as s:
            assert s.execute(select(func.count()).select_from(DocumentRow)).scalar_one() == expected_docs
            keys = s.execute(select(MentionRow.doc_id, MentionRow.idx)).all()
            assert len(keys) == len(set(keys))


def test_store_two_ingest_processes_on_one_sqlite_file(tmp_path: Path) -> None:
    docs = tmp_path / "gen" / "docs.jsonl"
    write_docs(docs, 88)
    _concurrent(docs, str(tmp_path / "both.db"), 88)


def test_store_two_ingest_processes_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    docs = tmp_path / "gen" / "docs.jsonl"
    write_docs(docs, 88)
    _concurrent(docs, pg_url, 88)


def test_store_postgresql_gives_the_same_store_as_sqlite(tmp_path: Path, pg_url: str, pipeline) -> None:
    linker = Linker.load()
    with open_store(str(tmp_path / "s.db")) as lite, open_store(pg_url) as pg:
        assert pg.dialect == "postgresql"
        ingest(lite, read_docs(CORPUS), pipeline, linker)
        ingest(pg, read_docs(CORPUS), pipeline, linker)
        check_consistent(pg)
        assert snapshot(pg) == snapshot(lite)
        again = ingest(pg, read_docs(CORPUS), pipeline, linker)
        assert again.unchanged == CORPUS_DOCS


def test_store_migrations_are_recorded_and_match_the_models(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with open_store(db_url) as st:
        assert current_revision(st.engine) == HEAD_REVISION
        with st.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    with open_store(db_url) as again:  # opening a migrated store changes nothing
        assert current_revision(again.engine) == HEAD_REVISION


def test_store_head_revision_constant_is_the_newest_migration() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from marsad.store.db import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(cfg).get_heads() == [HEAD_REVISION]


def test_store_postgresql_url_forms_are_accepted(pg_url: str) -> None:
    from marsad.store.db import resolve_db_url

    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    assert resolve_db_url(plain).startswith("postgresql+psycopg://")
    with open_store(plain) as st:
        assert st.dialect == "postgresql" and current_revision(st.engine) == HEAD_REVISION
