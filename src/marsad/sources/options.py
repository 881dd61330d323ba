"""Options of the sources layer, with their documented defaults (the only place they live)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from marsad import __version__

#: sent with every request: says who we are and why; there is no contact address to guess
USER_AGENT = f"marsad/{__version__} (Arabic news event research; polite fetcher; respects robots.txt)"

#: input kinds that ``--format`` can force
FORMATS = ("docs", "jsonl", "csv", "html", "url", "warc")


@dataclass(slots=True, frozen=True)
class FetchOptions:
    #: seconds to wait for a connection or for the next bytes of an answer (and 3x that for the whole answer)
    timeout: float = 20.0
    #: largest body read from the network; a larger answer is an error for that URL
    max_bytes: int = 10_000_000
    #: redirects followed before giving up
    max_redirects: int = 5
    #: seconds between two requests to the same host (robots.txt's Crawl-delay wins when larger)
    delay: float = 2.0
    user_agent: str = USER_AGENT
    #: fetch and obey robots.txt before the first request to a host
    robots: bool = True


@dataclass(slots=True, frozen=True)
class ColumnMap:
    """Which dump column holds each RawDoc field (``--map id=guid,text=body``); None = not present."""

    id: str | None = "id"
    text: str | None = "text"
    html: str | None = None  # a column of raw HTML, extracted like a page (used when text is empty)
    outlet: str | None = "outlet"
    published: str | None = "published"
    url: str | None = "url"
    title: str | None = "title"


@dataclass(slots=True, frozen=True)
class SourceOptions:
    #: force one input kind for every input (one of FORMATS); None = decide from the name and content
    format: str | None = None
    #: column mapping for CSV/JSONL dumps; None = docs.jsonl for .jsonl files, default names for CSV
    mapping: ColumnMap | None = None
    fetch: FetchOptions = field(default_factory=FetchOptions)
    #: largest local file read (HTML, dump line); larger HTML files are errors
    max_file_bytes: int = 10_000_000
    #: largest decompressed WARC record payload read; a larger one (a gzip bomb) is an error for that record
    max_record_bytes: int = 10_000_000
    #: skip documents whose detected language is not Arabic (docs.jsonl input is never filtered)
    check_language: bool = True
    #: languages the detector chooses between (ISO 639-1); Arabic must be one of them
    languages: tuple[str, ...] = ("ar", "fa", "ur", "ps", "ku", "tr", "he", "en", "fr", "de", "es", "ru")
    #: an outlets file to use instead of the shipped data/outlets.yaml
    outlets_path: Path | None = None
