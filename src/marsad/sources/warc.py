"""WARC and WARC.gz archives (warcio), streamed record by record.

Only ``response`` and ``resource`` records with an HTML (or unspecified) content type become documents;
requests, metadata, images and the rest are passed over.  The payload is read through warcio's content
stream (chunked transfer and gzip/deflate/brotli content encodings undone) but never more than
``max_record_bytes`` of it: a record that decompresses past that (a gzip bomb) is an error for that
record and the archive goes on.  Memory stays flat whatever the size of the archive.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from marsad.reader import RawDoc
from marsad.sources.html import HtmlExtractor

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, html: HtmlExtractor, max_record_bytes: int) -> Iterator[RawDoc]:
    if not path.name.lower().endswith((".arc", ".arc.gz")) and not _starts_as_warc(path):
        yield RawDoc(path.name, None, source=str(path),
                     error=f"{path.name}: not a readable WARC archive after record 0: it does not start with 'WARC/'")
        return
    with path.open("rb") as fh:
        n = 0
        try:
            for record in ArchiveIterator(fh, arc2warc=True):
                if record.rec_type not in ("response", "resource"):
                    continue
                n += 1
                uri = record.rec_headers.get_header("WARC-Target-URI")
                rec_id = record.rec_headers.get_header("WARC-Record-ID") or f"{path.name}#{n}"
                source = f"{path}#{rec_id}"
                doc_id = uri or rec_id
                ctype = ""
                if record.http_headers is not None:
                    status = record.http_headers.get_statuscode()
                    if status and not status.startswith("2"):
                        continue
                    ctype = record.http_headers.get_header("Content-Type") or ""
                elif record.rec_type == "resource":
                    ctype = record.rec_headers.get_header("Content-Type") or ""
                if ctype and ctype.lower().split(";")[0].strip() not in _HTML_TYPES:
                    continue
                charset = None
                if "charset=" in ctype.lower():
                    charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
                try:
                    payload = record.content_stream().read(max_record_bytes + 1)
                except (OSError, ValueError, EOFError) as exc:
                    yield RawDoc(doc_id, None, url=uri, source=source,
                                 error=f"WARC record {rec_id}: cannot decode the payload ({exc})".splitlines()[0])
                    continue
                declared = _declared_length(record)
                if declared is not None and len(payload) < declared:
                    yield RawDoc(doc_id, None, url=uri, source=source,
                                 error=f"WARC record {rec_id}: truncated ({len(payload):,} of {declared:,} bytes)")
                    continue
                if len(payload) > max_record_bytes:
                    yield RawDoc(doc_id, None, url=uri, source=source,
                                 error=f"WARC record {rec_id}: payload decompresses to more than "
                                       f"{max_record_bytes:,} bytes (a compression bomb?); not read")
                    continue
                yield html.extract(payload, doc_id=doc_id, url=uri, source=source, charset=charset)
        except (ArchiveLoadFailed, EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield RawDoc(f"{path.name}#{n + 1}", None, source=str(path),
                         error=f"{path.name}: not a readable WARC archive after record {n}: "
                               f"{str(exc).splitlines()[0]}")


def _declared_length(record: object) -> int | None:
    """The HTTP Content-Length of a record whose payload is not transformed (no content/transfer coding)."""
    http = getattr(record, "http_headers", None)
    if http is None or http.get_header("Content-Encoding") or http.get_header("Transfer-Encoding"):
        return None
    value = http.get_header("Content-Length")
    return int(value) if value and value.strip().isdigit() else None


def _starts_as_warc(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(2)
            fh.seek(0)
            if head == b"\x1f\x8b":
                with gzip.open(fh) as gz:
                    return gz.read(5) == b"WARC/"
            return fh.read(5) == b"WARC/"
    except (OSError, EOFError, zlib.error):
        return False
