"""Query speed of ``marsad events`` over a store of 100,000 incidents.

Run from the repository root::

    .venv/bin/python benchmarks/query.py                      # 100,000 incidents in a new SQLite file
    .venv/bin/python benchmarks/query.py --incidents 20000
    .venv/bin/python benchmarks/query.py --db postgresql://postgres@127.0.0.1/test   # (tables must be empty)

Target: every query below **under 1 second**.

The store is filled directly (bulk inserts, no extraction): incidents spread over 2015-2026 in the
gazetteer's sites and places, with types, actors, weapons and statuses drawn from fixed distributions, and
1-4 accounts (mentions) each, so the filters that look at accounts (``--status``, ``--actor``) work on a
realistic mentions table.  Each query is then timed twice: through the service function
``marsad.store.queries.list_incidents`` (what the API calls; best of 3) and as the whole
``marsad events`` command in a new process (start-up included; one run), wall-clock and CPU time (user +
system of the child: on a busy machine the wall-clock time of a new process mostly measures waiting).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from marsad.lexicon import load_resources
from marsad.store import open_store
from marsad.store.models import DocumentRow, IncidentRowModel, MentionRow
from marsad.store.queries import IncidentFilter, list_incidents

TARGET_S = 1.0
ACTORS = ("islamic-resistance-in-iraq", "kataib-hezbollah", "us-forces", "harakat-al-nujaba", "iran", None)
STATUSES = ("reported", "reported", "claimed", "confirmed", "denied")
QUERIES: tuple[tuple[str, list[str]], ...] = (
    ("latest 50", []),
    ("--country SY", ["--country", "SY"]),
    ("--since/--until one month", ["--since", "2024-01-01", "--until", "2024-01-31"]),
    ("--type attack --country IQ", ["--type", "attack", "--country", "IQ"]),
    ("--location ain-al-asad", ["--location", "ain-al-asad"]),
    ("--location (name part) Tanf", ["--location", "Tanf"]),
    ("--actor kataib-hezbollah", ["--actor", "kataib-hezbollah"]),
    ("--status confirmed", ["--status", "confirmed"]),
    ("--status denied --country JO --limit 500", ["--status", "denied", "--country", "JO", "--limit", "500"]),
    ("--offset 50000", ["--offset", "50000"]),
)


def fill(url: str, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    entries = [e for e in load_resources().entries.values() if e.category in ("site", "place") and e.country]
    start = dt.date(2015, 1, 1)
    span = (dt.date(2026, 11, 1) - start).days
    now = dt.datetime(2026, 11, 21)
    with open_store(url) as st, st.writing() as conn:
        docs, incs, mens = [], [], []
        for i in range(n):
            e = rng.choice(entries)
            date = start + dt.timedelta(days=rng.randrange(span))
            typ = rng.choices(("attack", "strike", "reinforcement"), (6, 3, 1))[0]
            actor = rng.choice(ACTORS)
            k = rng.choice((1, 1, 2, 3, 4))
            statuses = sorted({rng.choice(STATUSES) for _ in range(k)})
            inc_id = f"inc-{i:012x}"
            incs.append(dict(
                id=inc_id, type=typ, date=date, time_precision="day", location_id=e.id, location_name=e.name_en,
                location_name_ar=e.name_ar, location_kind=e.kind, geo_precision="site" if e.category == "site" else "town",
                country=e.country, admin1=e.admin1, lat=e.lat, lon=e.lon, weapons=["drone"], count=rng.choice((None, 1, 2, 3)),
                actor=actor, actor_basis="claimed" if actor else None, target="us-forces", status=statuses[0],
                statuses=statuses, fatalities_low=None, fatalities_best=None, fatalities_high=None, injured_low=None,
                injured_best=None, injured_high=None, intercepted=None, n_sources=k, n_documents=k, n_mentions=k,
                first_seen=date, last_seen=date, created_at=now, updated_at=now))
            for j in range(k):
                doc_id = f"d{i}-{j}"
                docs.append(dict(id=doc_id, sha256="0" * 64, outlet=f"outlet{j}", published=date, warnings=[],
                                 ingested_at=now, updated_at=now))
                mens.append(dict(key=f"m{i}-{j}", doc_id=doc_id, idx=0, incident_id=inc_id, type=typ, date=date,
                                 date_precision="day", location_id=e.id, country=e.country, weapons=["drone"],
                                 actor=actor, status=statuses[j % len(statuses)], outlet=f"outlet{j}",
                                 published=date, evidence=[]))
            if len(incs) >= 5000 or i == n - 1:
                conn.execute(insert(DocumentRow.__table__), docs)
                conn.execute(insert(IncidentRowModel.__table__), incs)
                conn.execute(insert(MentionRow.__table__), mens)
                docs, incs, mens = [], [], []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--incidents", type=int, default=100_000)
    ap.add_argument("--db", help="database (default: a new SQLite file in a temporary folder)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "query.db")
        t0 = time.perf_counter()
        fill(url, args.incidents)
        print(f"filled {args.incidents:,} incidents in {time.perf_counter() - t0:.1f} s ({url})")
        worst = worst_cpu = 0.0
        print(f"{'query':45s} {'matches':>8s} {'service s':>10s} {'command s':>10s} {'cmd CPU s':>10s}")
        with open_store(url) as st:
            for name, opts in QUERIES:
                f, limit, offset = _filter(opts)
                best = float("inf")
                total = 0
                for _ in range(3):
                    with st.session() as s:
                        t = time.perf_counter()
                        page = list_incidents(s, f, limit=limit, offset=offset)
                        best = min(best, time.perf_counter() - t)
                        total = page.total
                t = time.perf_counter()
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                r = subprocess.run([sys.executable, "-m", "marsad.cli", "events", "--db", url, "--format", "jsonl",
                                    *opts], capture_output=True, text=True)
                cmd = time.perf_counter() - t
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                if r.returncode != 0:
                    print(r.stderr)
                    return 1
                worst = max(worst, best, cmd)
                worst_cpu = max(worst_cpu, cpu)
                print(f"{name:45s} {total:8d} {best:10.3f} {cmd:10.3f} {cpu:10.3f}")
    print(f"slowest: {worst:.3f} s wall (target < {TARGET_S:.0f} s: {'met' if worst < TARGET_S else 'NOT met'}); "
          f"slowest command CPU time {worst_cpu:.3f} s")
    return 0


def _filter(opts: list[str]) -> tuple[IncidentFilter, int, int]:
    it = iter(opts)
    kw: dict[str, object] = {}
    limit, offset = 50, 0
    for flag in it:
        value = next(it)
        name = flag.lstrip("-")
        if name == "limit":
            limit = int(value)
        elif name == "offset":
            offset = int(value)
        elif name in ("since", "until"):
            kw[name] = dt.date.fromisoformat(value)
        else:
            kw[name] = value
    return IncidentFilter(**kw), limit, offset  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
