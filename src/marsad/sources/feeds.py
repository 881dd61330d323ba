"""RSS/Atom feeds: conditional polling and a persistent record of the items already taken.

:class:`FeedState` is a small JSON file: for each feed URL its ``ETag`` and ``Last-Modified`` (sent back
as ``If-None-Match`` / ``If-Modified-Since``, so an unchanged feed costs a 304) and the keys of the items
already taken (the entry's id, else its link, else a hash of its title), so an item is never fetched
twice, across runs too.  The file is replaced atomically on save.

The feed body is fetched with the polite :class:`~marsad.sources.fetch.Fetcher` (size cap, timeout,
robots.txt) and parsed by feedparser from bytes; a body that is not a feed (invalid XML with no entries)
is a :class:`FeedError`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import time
import warnings
import xml.sax
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import feedparser

from marsad.errors import InputError
from marsad.sources.fetch import Fetcher
from marsad.sources.html import parse_date

#: keys of taken items remembered per feed (the oldest are forgotten past this)
MAX_SEEN = 5000


class FeedError(InputError):
    """A feed could not be read or parsed."""


@dataclass(slots=True, frozen=True)
class FeedItem:
    key: str  # what the state remembers
    link: str | None
    title: str | None
    published: dt.date | None
    summary: str | None


@dataclass(slots=True)
class FeedPoll:
    url: str
    new_items: list[FeedItem]
    not_modified: bool = False
    total: int = 0  # entries in the feed
    warning: str | None = None


@dataclass(slots=True)
class _FeedRecord:
    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)


class FeedState:
    """What has been taken from each feed; ``load`` tolerates a missing file, rejects a corrupt one."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._feeds: dict[str, _FeedRecord] = {}
        self._seen: dict[str, set[str]] = {}

    @classmethod
    def load(cls, path: Path | None) -> FeedState:
        state = cls(path)
        if path is None or not path.exists():
            return state
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            for url, rec in data["feeds"].items():
                state._feeds[url] = _FeedRecord(rec.get("etag"), rec.get("last_modified"), list(rec["seen"]))
                state._seen[url] = set(rec["seen"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(f"{path}: not a marsad watch state file ({type(exc).__name__}: {exc})"
                             .splitlines()[0]) from exc
        return state

    def record(self, url: str) -> _FeedRecord:
        self._seen.setdefault(url, set())
        return self._feeds.setdefault(url, _FeedRecord())

    def has(self, url: str, key: str) -> bool:
        return key in self._seen.get(url, ())

    def mark(self, url: str, key: str) -> None:
        rec = self.record(url)
        if key not in self._seen[url]:
            rec.seen.append(key)
            self._seen[url].add(key)
            if len(rec.seen) > MAX_SEEN:
                dropped = rec.seen[: len(rec.seen) - MAX_SEEN]
                del rec.seen[: len(dropped)]
                self._seen[url].difference_update(dropped)

    def save(self) -> None:
        if self.path is None:
            return
        data = {"version": 1, "feeds": {u: {"etag": r.etag, "last_modified": r.last_modified, "seen": r.seen}
                                        for u, r in self._feeds.items()}}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".marsad-state-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, indent=1)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def parse_feed(data: bytes, url: str) -> tuple[list[FeedItem], str | None]:
    """Entries of a feed body; (items, warning).  Raises FeedError when it is not a feed.
    Relative item links are resolved against ``url``."""
    parsed: Any = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = list(parsed.get("entries") or [])
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(problem, xml.sax.SAXParseException):
        # not well-formed: feedparser's loose parser would guess at entries; we refuse the feed
        reason = f"line {problem.getLineNumber()}: {problem.getMessage()}"
        raise FeedError(f"{url}: not a valid RSS/Atom feed (invalid XML at {reason})")
    if not entries:
        if problem is not None:
            reason = str(problem).splitlines()[0] if str(problem) else type(problem).__name__
            raise FeedError(f"{url}: not a valid RSS/Atom feed ({reason})")
        if not parsed.get("version"):
            raise FeedError(f"{url}: not an RSS/Atom feed")
    with warnings.catch_warnings():  # feedparser's updated_parsed -> published_parsed notice
        warnings.simplefilter("ignore", DeprecationWarning)
        items = [_item(e, url) for e in entries]
    warning = f"feed parsed despite errors ({problem})".splitlines()[0] if problem is not None else None
    return items, warning


def poll(fetcher: Fetcher, url: str, state: FeedState) -> FeedPoll:
    """Fetch ``url`` conditionally and return the items not taken yet (the caller marks them)."""
    rec = state.record(url)
    resp = fetcher.get(url, etag=rec.etag, last_modified=rec.last_modified,
                       accept="application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
    if resp.not_modified:
        return FeedPoll(url, [], not_modified=True)
    items, warning = parse_feed(resp.content, resp.final_url)
    rec.etag, rec.last_modified = resp.etag, resp.last_modified
    new = [it for it in items if not state.has(url, it.key)]
    return FeedPoll(url, new, total=len(items), warning=warning)


def _item(entry: Any, base: str) -> FeedItem:
    link = urljoin(base, entry["link"].strip()) if entry.get("link") else None
    title = entry.get("title") or None
    key = entry.get("id") or link or ("title:" + hashlib.sha1((title or repr(entry)).encode()).hexdigest())
    # the date as the feed writes it (feedparser's *_parsed fields are shifted to UTC)
    published = parse_date(entry.get("published") or entry.get("updated"))
    for name in ("published_parsed", "updated_parsed"):
        st = entry.get(name)
        if published is None and isinstance(st, time.struct_time):
            published = dt.date(st.tm_year, st.tm_mon, st.tm_mday)
    return FeedItem(str(key), link, title, published, entry.get("summary") or None)
