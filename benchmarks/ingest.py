"""Ingest throughput into SQLite on one core, extraction included, over >= 10,000 generated articles.

Run from the repository root::

    .venv/bin/python benchmarks/ingest.py                  # 10,032 articles into a fresh SQLite file
    .venv/bin/python benchmarks/ingest.py --articles 2000  # a quicker run
    .venv/bin/python benchmarks/ingest.py --write-docs out/gen/docs.jsonl --articles 300   # only write them

Target: **at least 200 articles per second**, one process, counting everything ``marsad ingest`` does per
article after start-up: extraction, hashing, linking, the write transactions (one per batch of 100
articles) and consensus; the CPU time of extraction, copy detection and the store is printed per article.  Copy
detection (MinHash, on by default in ``marsad ingest``) is left out unless ``--copies`` is given.
Reported both as wall-clock rate and per CPU-second of the process (on a busy machine the first measures
waiting for a core).

How the articles are generated (:func:`generate`): the team corpus ``tests/corpus/docs.jsonl`` (44
articles) is repeated as *variants* k = 0, 1, 2, ...; variant k of every article

- moves the publication date ``k * SHIFT_DAYS`` days later (relative dates such as "أمس" move with it) and
  rewrites explicit years in the text by the same number of whole years (so explicit dates stay consistent
  with the publication date),
- renames the bases: every Arabic site name of a rotation list is replaced by the site ``k`` places further
  in the list (so Ain al-Asad becomes Harir in one variant and Tanf in another),
- changes stated figures: a number of 1-2 digits before a word is increased by ``k % 7`` (counts, tolls),
- gets the id ``<id>-v<k>``; all the articles of one variant are shifted alike, so an incident that several
  outlets tell in the corpus is told by the same outlets in every variant.

Reported: articles, seconds, articles/s, documents / mentions / incidents stored, and the summary.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from marsad.linking import Linker
from marsad.model import Document
from marsad.pipeline import Pipeline
from marsad.reader import RawDoc, read_docs
from marsad.store import open_store
from marsad.store.ingest import CopyTracker, ingest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "corpus" / "docs.jsonl"
SHIFT_DAYS = 11
TARGET = 200.0
#: Arabic names of bases rotated between variants (each a name the gazetteer knows)
SITES = ("عين الأسد", "حرير", "التنف", "الشدادي", "خراب الجير", "كونيكو", "العمر", "قسرك", "تل بيدر", "البرج 22")
_SITE_RE = re.compile("|".join(map(re.escape, SITES)))
_YEAR_RE = re.compile(r"\b(20[0-3]\d)\b")
_FIGURE_RE = re.compile(r"(?<![\d/.-])\b(\d{1,2})\b(?= [\u0600-\u06ff])")


def _variant_text(text: str, k: int, years: int) -> str:
    if k == 0:
        return text
    text = _SITE_RE.sub(lambda m: SITES[(SITES.index(m.group(0)) + k) % len(SITES)], text)
    text = _YEAR_RE.sub(lambda m: str(int(m.group(1)) + years), text)
    bump = k % 7
    if bump:
        text = _FIGURE_RE.sub(lambda m: str(int(m.group(1)) + bump), text)
    return text


def generate(n: int, corpus: Path = CORPUS) -> Iterator[RawDoc]:
    """``n`` articles made from the team corpus as described in the module docstring."""
    base = [d for d in read_docs(corpus) if d.text is not None]
    if not base:
        raise SystemExit(f"{corpus}: no readable documents")
    made = 0
    k = 0
    while made < n:
        shift = dt.timedelta(days=k * SHIFT_DAYS)
        for d in base:
            if made >= n:
                return
            published = d.published + shift if d.published else None
            years = (published.year - d.published.year) if published and d.published else 0
            yield RawDoc(id=f"{d.id}-v{k}", text=_variant_text(d.text or "", k, years), outlet=d.outlet,
                         published=published, url=d.url)
            made += 1
        k += 1


class _Stages:
    """The pipeline and the copy detector, timed (CPU time of each call): the rest of the ingest CPU time
    is the store's."""

    def __init__(self, pipeline: Pipeline, tracker: CopyTracker | None) -> None:
        self.pipeline, self.options, self.tracker = pipeline, pipeline.options, tracker
        self.extract = self.copies = 0.0

    def process(self, raw: RawDoc) -> Document:
        t = time.process_time()
        try:
            return self.pipeline.process(raw)
        finally:
            self.extract += time.process_time() - t

    def copy_of(self, raw: RawDoc) -> str | None:
        assert self.tracker is not None
        t = time.process_time()
        try:
            return self.tracker(raw)
        finally:
            self.copies += time.process_time() - t


def write_docs(path: Path, n: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for d in generate(n):
            fh.write(json.dumps({"id": d.id, "outlet": d.outlet, "url": d.url,
                                 "published": d.published.isoformat() if d.published else None,
                                 "text": d.text}, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_032, help="articles to generate (default 10,032)")
    ap.add_argument("--db", help="database (default: a new SQLite file in a temporary folder)")
    ap.add_argument("--write-docs", type=Path, help="only write the generated articles as docs.jsonl here")
    ap.add_argument("--copies", action="store_true",
                    help="also detect syndicated copies, as `marsad ingest` does by default (the generated "
                         "variants are near-copies of each other, so most are flagged)")
    args = ap.parse_args(argv)
    if args.write_docs:
        write_docs(args.write_docs, args.articles)
        print(f"{args.articles} articles written to {args.write_docs}")
        return 0
    docs = list(generate(args.articles))
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        pipeline = Pipeline.load()
        linker = Linker.load()
        store = open_store(url)
        setup = time.perf_counter() - t0
        stages = _Stages(pipeline, CopyTracker.for_store(store) if args.copies else None)
        cpu0 = time.process_time()
        summary = ingest(store, docs, stages, linker, copy_of=stages.copy_of if args.copies else None)
        cpu = time.process_time() - cpu0
        from sqlalchemy import func, select

        from marsad.store.models import IncidentRowModel, MentionRow
        with store.session() as s:
            n_inc = s.execute(select(func.count()).select_from(IncidentRowModel)).scalar_one()
            n_men = s.execute(select(func.count()).select_from(MentionRow)).scalar_one()
        store.close()
    rate = summary.documents / summary.seconds
    print(f"set-up (pipeline, linker, migrations): {setup:.2f} s; copy detection: {'on' if args.copies else 'off'}")
    print(f"articles: {summary.documents} ({summary.new} new, {summary.failed} failed) in {summary.seconds:.1f} s"
          f" = {rate:.0f} articles/s wall-clock (target {TARGET:.0f}: {'met' if rate >= TARGET else 'NOT met'})")
    print(f"CPU time of the process: {cpu:.1f} s = {summary.documents / cpu:.0f} articles per CPU-second "
          f"(about what one idle core would give; target {TARGET:.0f}: {'met' if summary.documents / cpu >= TARGET else 'NOT met'})")
    n = summary.documents
    store_cpu = cpu - stages.extract - stages.copies
    print(f"CPU per article: extraction {1000 * stages.extract / n:.2f} ms, copy detection "
          f"{1000 * stages.copies / n:.2f} ms, store (hashing, linking, consensus, SQL) {1000 * store_cpu / n:.2f} ms")
    print(f"stored: {n_men} mentions, {n_inc} incidents ({summary.incidents_created} created, "
          f"{summary.incidents_joined} joins, {summary.incidents_merged} merged); {summary.tallies} tallies")
    return 0


if __name__ == "__main__":
    sys.exit(main())
