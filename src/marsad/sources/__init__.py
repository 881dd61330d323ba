"""Documents from real sources: docs.jsonl, CSV/JSONL dumps, HTML files and directories, http(s) URLs,
WARC archives.  Every input yields :class:`~marsad.reader.RawDoc` records; a bad input is a RawDoc with
``error`` set and the run goes on.  See docs/sources.md.

    from marsad.sources import SourceOptions, open_inputs
    for raw in open_inputs(["pages/", "dump.csv", "https://example.com/a.html"], SourceOptions()):
        ...
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.errors import InputError
from marsad.reader import RawDoc, read_docs
from marsad.sources.options import FORMATS, ColumnMap, FetchOptions, SourceOptions

if TYPE_CHECKING:
    from marsad.sources.fetch import Fetcher, Response

__all__ = ["FORMATS", "ColumnMap", "FetchOptions", "SourceOptions", "Sources", "detect_kind", "open_inputs"]

#: the Accept header of page requests
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def detect_kind(item: str, options: SourceOptions) -> str:
    """The input kind of ``item`` (one of FORMATS, or "dir"); ``options.format`` wins for files and URLs."""
    low = item.lower()
    if low.startswith(("http://", "https://")):
        return "url"
    if "://" in item[:12]:
        return "url"  # refused later with a clear reason (only http and https)
    if options.format == "url":
        return "urllist"  # a local file of URLs, one a line
    if options.format:
        return options.format
    if Path(item).is_dir():
        return "dir"
    if low.endswith(_WARC_SUFFIXES):
        return "warc"
    if low.endswith((".csv", ".tsv")):
        return "csv"
    if low.endswith(_HTML_SUFFIXES):
        return "html"
    if low.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl" if options.mapping is not None else "docs"
    raise InputError(f"{item}: unknown input kind (name it .jsonl, .csv, .html, .warc.gz, or use --format)")


def open_inputs(inputs: Sequence[str], options: SourceOptions | None = None) -> Iterator[RawDoc]:
    """Check the inputs now (a missing local file or an unknown kind raises InputError before anything
    is read), then return an iterator over the documents of all of them, in order."""
    opts = options or SourceOptions()
    if opts.format is not None and opts.format not in FORMATS:
        raise InputError(f"unknown format {opts.format!r} (one of {', '.join(FORMATS)})")
    if not inputs:
        raise InputError("no input given")
    plan: list[tuple[str, str]] = []
    for item in inputs:
        kind = detect_kind(item, opts)
        if kind != "url" and not Path(item).exists():
            raise InputError(f"{item}: no such file")
        plan.append((item, kind))
    return _iterate(plan, opts)


def _iterate(plan: list[tuple[str, str]], opts: SourceOptions) -> Iterator[RawDoc]:
    if all(kind == "docs" for _, kind in plan):  # the spec's contract: read as it always was
        for item, _ in plan:
            yield from read_docs(item)
        return
    with Sources(opts) as sources:
        for item, kind in plan:
            yield from sources.read(item, kind)


class Sources:
    """What reading needs, built once per run: outlets, HTML extractor, language detector, fetcher."""

    def __init__(self, options: SourceOptions) -> None:
        from marsad.sources.html import HtmlExtractor
        from marsad.sources.language import LanguageDetector
        from marsad.sources.outlets import load_outlets

        self.options = options
        self.outlets = load_outlets(options.outlets_path)
        self.html = HtmlExtractor(self.outlets)
        self.language = LanguageDetector(options.languages) if options.check_language else None
        self._fetcher: Fetcher | None = None

    def __enter__(self) -> Sources:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    @property
    def fetcher(self) -> Fetcher:
        from marsad.sources.fetch import Fetcher

        if self._fetcher is None:
            self._fetcher = Fetcher(self.options.fetch)
        return self._fetcher

    def read(self, item: str, kind: str) -> Iterator[RawDoc]:
        """Documents of one input; language-filtered unless it is the spec's docs.jsonl."""
        if kind == "docs":
            yield from read_docs(item)
            return
        for doc in self._raw(item, kind):
            yield self.filter_language(doc)

    def filter_language(self, doc: RawDoc) -> RawDoc:
        """A non-Arabic document becomes a skipped one (text dropped, reason in ``error``)."""
        if self.language is None or doc.error or not doc.text:
            return doc
        lang, reason = self.language.skip_reason(doc.text)
        if reason is None:
            return replace(doc, lang=lang)
        return replace(doc, text=None, lang=lang, error=reason)

    def fetch_page(self, url: str, doc_id: str | None = None, **fallbacks: Any) -> RawDoc:
        """Fetch and extract one page; a failure is a RawDoc with ``error``."""
        from marsad.sources.fetch import FetchError

        try:
            resp = self.fetcher.get(url, accept=PAGE_ACCEPT)
        except FetchError as exc:
            return RawDoc(doc_id or url, None, url=url, source=url, error=str(exc))
        return self.page(resp, doc_id, **fallbacks)

    def page(self, resp: Response, doc_id: str | None = None, **fallbacks: Any) -> RawDoc:
        """Extract a fetched page (``fallbacks``: HtmlExtractor.extract's fallback_published/_title)."""
        ctype = (resp.content_type or "").lower()
        if ctype and not any(t in ctype for t in ("html", "xml", "text/plain")):
            return RawDoc(doc_id or resp.url, None, url=resp.final_url, source=resp.url,
                          error=f"{resp.url}: not a web page (Content-Type {resp.content_type})")
        return self.html.extract(resp.content, doc_id=doc_id or resp.url, url=resp.final_url, source=resp.url,
                                 charset=resp.charset, **fallbacks)

    def _raw(self, item: str, kind: str) -> Iterator[RawDoc]:
        from marsad.sources.dumps import DumpReader
        from marsad.sources.warc import read_warc

        path = Path(item)
        if kind == "url":
            yield self.fetch_page(item)
        elif kind == "urllist":
            yield from self._url_list(path)
        elif kind == "dir":
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(_HTML_SUFFIXES))
            if not files:
                yield RawDoc(path.name or item, None, source=item, error=f"{item}: no .html/.htm files in directory")
            for p in files:
                yield self.html_file(p)
        elif kind == "html":
            yield self.html_file(path)
        elif kind == "warc":
            yield from read_warc(path, self.html, self.options.max_record_bytes)
        elif kind in ("csv", "jsonl"):
            reader = DumpReader(self.options.mapping or ColumnMap(), self.html, self.options.max_file_bytes)
            yield from reader.read_csv(path) if kind == "csv" else reader.read_jsonl(path)
        else:  # pragma: no cover - detect_kind only returns the kinds above
            raise InputError(f"{item}: unknown input kind {kind!r}")

    def _url_list(self, path: Path) -> Iterator[RawDoc]:
        """``--format url`` on a local file: one URL a line; blank lines and ``#`` comments are skipped."""
        try:
            with path.open("rb") as fh:
                head = fh.read(65536)
            if b"\x00" in head:
                raise InputError("binary content (NUL bytes), not a list of URLs")
            lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
        except (OSError, InputError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            yield RawDoc(path.name, None, source=str(path), error=f"{path}: {reason}")
            return
        for line in lines:
            url = line.strip()
            if url and not url.startswith("#"):
                yield self.fetch_page(url)

    def html_file(self, path: Path) -> RawDoc:
        doc_id = path.stem
        try:
            size = path.stat().st_size
            if size > self.options.max_file_bytes:
                return RawDoc(doc_id, None, source=str(path),
                              error=f"{path}: file of {size:,} bytes is over the {self.options.max_file_bytes:,}-byte cap")
            data = path.read_bytes()
        except OSError as exc:
            return RawDoc(doc_id, None, source=str(path), error=f"{path}: cannot read: {exc.strerror or exc}")
        doc = self.html.extract(data, doc_id=doc_id, source=str(path))
        if doc.error:
            return replace(doc, error=f"{path}: {doc.error}")
        return doc
