"""``marsad watch``: poll RSS/Atom feeds and ingest the new items (docs/sources.md).

A thin shell: feeds.poll (conditional requests, state of taken items), Sources.page (polite fetch and
HTML extraction), the language filter, CopyDetector, then the store's ``ingest`` service function
(``--db``) or a docs.jsonl-style file (``-o``).  Ctrl-C stops between two steps: the state file is
saved, the output closed, and the command exits with status 130 and one line on standard error.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import click

from marsad.errors import MarsadError
from marsad.reader import RawDoc
from marsad.sources.options import FetchOptions

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h)?\s*$", re.I)
_UNIT = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600}
DEFAULT_STATE = Path(".marsad-watch.json")
#: stored documents (the latest) the copies check starts from, so a restart still finds copies of them
SEED_COPIES = 2000


def parse_interval(value: str) -> float:
    """"15m" -> 900.0; "30s", "1h", "2.5m"; a bare number is seconds.  At least one second."""
    m = _INTERVAL.match(value)
    if not m:
        raise click.BadParameter(f"{value!r} is not a duration like 30s, 15m or 1h")
    seconds = float(m.group(1)) * _UNIT[(m.group(2) or "s").lower()]
    if seconds < 1:
        raise click.BadParameter("the interval must be at least 1s")
    return seconds


def _log(message: str) -> None:
    stamp = dt.datetime.now(dt.UTC).strftime("%H:%M:%S")
    click.echo(f"[{stamp}] {message}", err=True)


def _doc_line(doc: RawDoc, copy_of: str | None) -> dict[str, Any]:
    """A docs.jsonl line (``marsad extract`` reads it back) with the source fields added."""
    line: dict[str, Any] = {"id": doc.id, "outlet": doc.outlet,
                            "published": doc.published.isoformat() if doc.published else None,
                            "url": doc.url, "title": doc.title, "text": doc.text,
                            "published_basis": doc.published_basis, "lang": doc.lang, "encoding": doc.encoding,
                            "source": doc.source, "copy_of": copy_of}
    if doc.warnings:
        line["warnings"] = list(doc.warnings)
    if doc.error:
        line["error"] = doc.error
    return line


def watch_stream(feeds: tuple[str, ...], every: float, once: bool, sources: Any, state: Any,
                 sleep: Callable[[float], None] = time.sleep) -> Iterator[RawDoc]:
    """Poll ``feeds`` for ever (or once), yielding each new item's document as soon as it is read.

    An item is marked taken (and the state saved) when its document is handed on, or when it failed for
    good; an item whose page failed transiently (timeout, 5xx) is tried again at the next poll."""
    from marsad.sources.feeds import poll
    from marsad.sources.fetch import FetchError

    while True:
        for feed in feeds:
            try:
                result = poll(sources.fetcher, feed, state)
            except MarsadError as exc:
                _log(f"feed error: {exc}" if str(exc).startswith(feed) else f"feed {feed}: error: {exc}")
                continue
            if result.not_modified:
                _log(f"feed {feed}: not modified")
                continue
            if result.warning:
                _log(f"feed {feed}: warning: {result.warning}")
            new = failed = retry = 0
            for item in result.new_items:
                if not item.link:
                    doc = RawDoc(item.key, None, title=item.title, published=item.published, source=feed,
                                 error="feed item without a link")
                else:
                    try:
                        resp = sources.fetcher.get(item.link, accept="text/html, application/xhtml+xml;q=0.9")
                    except FetchError as exc:
                        if exc.transient:
                            retry += 1
                            _log(f"  {item.link}: {exc} (will try again)")
                            continue
                        doc = RawDoc(item.link, None, url=item.link, title=item.title, published=item.published,
                                     source=feed, error=str(exc))
                    else:
                        doc = sources.page(resp, item.link, fallback_published=item.published,
                                           fallback_title=item.title)
                    doc = sources.filter_language(doc)
                if doc.error is not None:
                    _log(f"  {doc.error}" if doc.error.startswith(doc.id) else f"  {doc.id}: {doc.error}")
                failed += doc.error is not None
                new += doc.error is None
                yield doc
                state.mark(feed, item.key)
                state.save()
            state.save()
            _log(f"feed {feed}: {result.total} items, {new} new, {failed} failed or skipped"
                 + (f", {retry} to retry" if retry else ""))
        if once:
            return
        deadline = time.monotonic() + every
        while (left := deadline - time.monotonic()) > 0:
            sleep(min(left, 0.5))


@click.command()
@click.argument("feeds", nargs=-1, required=True, metavar="FEED_URL...")
@click.option("--every", default="15m", show_default=True, metavar="DURATION",
              help="Time between two polls of the feeds: 30s, 15m, 1h.")
@click.option("--once", is_flag=True, help="Poll each feed once, ingest what is new, and exit.")
@click.option("--db", metavar="URL", help="Store to ingest into: a SQLAlchemy URL or an SQLite file "
              "(default: $MARSAD_DB, else the default store file).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Append new documents to this docs.jsonl-style file instead of ingesting into a store.")
@click.option("--state", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_STATE,
              show_default=True, help="JSON file remembering ETags and the items already taken.")
@click.option("--delay", type=click.FloatRange(min=0), default=FetchOptions().delay, show_default=True,
              help="Seconds between two requests to the same host (robots.txt's Crawl-delay wins when longer).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=FetchOptions().timeout, show_default=True,
              help="Seconds to wait for a server.")
@click.option("--max-bytes", type=click.IntRange(min=1000), default=FetchOptions().max_bytes, show_default=True,
              help="Largest page or feed read.")
def watch(feeds: tuple[str, ...], every: str, once: bool, db: str | None, output: Path | None, state: Path,
          delay: float, timeout: float, max_bytes: int) -> None:
    """Poll RSS/Atom FEED_URLs and ingest their new items.

    Feeds are fetched with conditional requests (ETag / Last-Modified); an item already taken is never
    fetched again (the --state file keeps them across runs); linked pages are fetched politely (per-host
    delay, timeout, size cap, robots.txt) and extracted; pages that are not Arabic are skipped with the
    reason recorded; syndicated copies are marked.  Ctrl-C stops cleanly (exit status 130).
    """
    from marsad.sources import SourceOptions, Sources
    from marsad.sources.copies import CopyDetector
    from marsad.sources.feeds import FeedState
    from marsad.sources.fetch import check_scheme

    interval = parse_interval(every)
    out: IO[str] | None = None
    feed_state = None
    try:
        for feed in feeds:
            check_scheme(feed)
        feed_state = FeedState.load(state)
        options = SourceOptions(fetch=FetchOptions(timeout=timeout, max_bytes=max_bytes, delay=delay))
        detector = CopyDetector()
        with Sources(options) as sources:
            stream = watch_stream(feeds, interval, once, sources, feed_state)
            if output is not None:
                try:
                    out = output.open("a", encoding="utf-8", errors="replace")
                except OSError as exc:
                    raise MarsadError(f"{output}: cannot write: {exc.strerror or exc}") from exc
                for doc in stream:
                    match = detector.check(doc.id, doc.text) if doc.text else None
                    detector.add(doc.id, doc.text, match)
                    out.write(json.dumps(_doc_line(doc, match.doc_id if match else None), ensure_ascii=False)
                              + "\n")
                    out.flush()
            else:
                _ingest_into_store(db, stream, detector)
    except KeyboardInterrupt:
        if feed_state is not None:
            feed_state.save()
        click.echo(f"marsad: watch stopped; state saved to {state}", err=True)
        sys.exit(130)
    except MarsadError as exc:
        click.echo(f"marsad: error: {exc}", err=True)
        sys.exit(1)
    finally:
        if out is not None:
            out.close()


def _ingest_into_store(db: str | None, stream: Iterator[RawDoc], detector: Any) -> None:
    from marsad.pipeline import Pipeline
    from marsad.store import open_store
    from marsad.store.ingest import DocResult, ingest

    def copy_of(raw: RawDoc) -> str | None:
        match = detector.check(raw.id, raw.text)
        detector.add(raw.id, raw.text, match)
        return match.doc_id if match else None

    bad_inputs: set[str] = set()  # already reported by watch_stream

    def tracked() -> Iterator[RawDoc]:
        for doc in stream:
            bad_inputs.clear()
            if doc.error:
                bad_inputs.add(doc.id)
            yield doc

    def report(r: DocResult) -> None:
        if r.outcome not in ("new", "updated", "unchanged") and r.doc_id not in bad_inputs:
            _log(f"  {r.doc_id}: store: {r.error or r.outcome}")

    store = open_store(db)
    try:
        seeded = _seed_copies(store, detector, SEED_COPIES)
        if seeded:
            _log(f"copies check seeded with the {seeded} latest stored documents")
        ingest(store, tracked(), Pipeline.load(), copy_of=copy_of, on_result=report)
    finally:
        store.engine.dispose()


def _seed_copies(store: Any, detector: Any, limit: int) -> int:
    """Index the ``limit`` latest stored texts (oldest first), keeping their recorded copy chains."""
    from sqlalchemy import select

    from marsad.store.models import DocumentRow

    with store.session() as s:
        rows = s.execute(select(DocumentRow.id, DocumentRow.text, DocumentRow.copy_of)
                         .where(DocumentRow.text.is_not(None), DocumentRow.error.is_(None))
                         .order_by(DocumentRow.ingested_at.desc()).limit(limit)).all()
    for row in reversed(rows):
        detector.add(row.id, row.text, root=row.copy_of or row.id)
    return len(rows)
