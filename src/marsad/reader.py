"""Reading ``docs.jsonl`` and article files, with every bad input turned into a clear one-line reason.

Fallbacks (documented in docs/input.md):
- a malformed line -> a record ``{"doc": "line-N", "error": ...}``; the other lines go on;
- a missing/unreadable/binary file -> a record with the document's id and an ``error``;
- text encodings: UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern), CP1256 are decoded;
  the encoding used is recorded in ``Document.warnings`` when it is not UTF-8;
- a missing or unparsable ``published`` -> dates stay null for relative expressions, with a warning.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import InputError


@dataclass(slots=True)
class RawDoc:
    """A line of docs.jsonl after reading: either text to process or an error to report."""

    id: str
    text: str | None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()
    error: str | None = None
    title: str | None = None
    encoding: str | None = None  # how the bytes were decoded ("utf-8", "cp1256", ...), when known
    published_basis: str | None = None  # where ``published`` came from ("input", "url", "html-meta", ...)
    lang: str | None = None  # detected language code, when a source checked it
    source: str | None = None  # the input it came from (file path, URL, WARC record id)


def count_lines(path: Path) -> int | None:
    """Non-blank lines of ``path`` (the total of a progress bar), or None when it cannot be read."""
    try:
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes; returns (text, encoding).  Raises InputError for binary content."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    if len(data) >= 4 and _utf16_order(data) is not None:
        # UTF-16 without BOM: the high byte of each code unit is NUL (Latin, spaces) or 0x06 (Arabic)
        for enc in (_utf16_order(data), "utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _printable_ratio(text) > 0.95:
                return text, enc
        raise InputError("binary content (NUL bytes), not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError as exc:
            raise InputError("undecodable bytes: neither UTF-8, UTF-16 nor CP1256") from exc
        if _printable_ratio(text) < 0.9:
            raise InputError("binary content, not a text file") from None
        return text, "cp1256"
    if "\x00" in text or _printable_ratio(text) < 0.9:
        raise InputError("binary content, not a text file")
    return text, "utf-8"


def _utf16_order(data: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" when one byte of every pair is mostly 0x00 or 0x06, else None."""
    sample = data[:20000]
    odd, even = sample[1::2], sample[0::2]
    high = (0x00, 0x06)
    if odd and sum(odd.count(b) for b in high) / len(odd) > 0.7 and sample.count(0) > 0:
        return "utf-16-le"
    if even and sum(even.count(b) for b in high) / len(even) > 0.7 and sample.count(0) > 0:
        return "utf-16-be"
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(text: str) -> str:
    """Replace lone surrogates (valid in JSON, not encodable) with U+FFFD, keeping every offset."""
    return _SURROGATE.sub("\ufffd", text)


def _printable_ratio(text: str) -> float:
    if not text:
        return 1.0
    sample = text[:20000]
    good = sum(1 for c in sample if c.isprintable() or c in "\n\r\t")
    return good / len(sample)


def parse_published(value: Any) -> tuple[dt.date | None, str | None]:
    if value in (None, ""):
        return None, "no publication date: relative dates are left null"
    try:
        return dt.date.fromisoformat(str(value)[:10]), None
    except ValueError:
        return None, f"unparsable publication date {value!r}: relative dates are left null"


def read_docs(path: str | Path) -> Iterator[RawDoc]:
    """Yield the documents of a docs.jsonl file.  Raises InputError only if the file itself is unreadable."""
    p = Path(path)
    try:
        fh = p.open("rb")
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from exc
    base = p.parent
    with fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            yield _parse_line(raw, n, base)


def _parse_line(raw: bytes, n: int, base: Path) -> RawDoc:
    fallback_id = f"line-{n}"
    try:
        obj = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return RawDoc(fallback_id, None, error=f"malformed docs.jsonl line {n}: {str(exc).splitlines()[0]}")
    if not isinstance(obj, dict):
        return RawDoc(fallback_id, None, error=f"malformed docs.jsonl line {n}: not a JSON object")
    doc_id = obj.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        return RawDoc(fallback_id, None, error=f"docs.jsonl line {n}: missing or empty 'id'")
    doc_id = scrub(doc_id)
    published, warn = parse_published(obj.get("published"))
    warnings = [warn] if warn else []
    outlet = scrub(obj["outlet"]) if isinstance(obj.get("outlet"), str) else None
    url = scrub(obj["url"]) if isinstance(obj.get("url"), str) else None
    text = obj.get("text")
    if isinstance(text, str):
        return RawDoc(doc_id, scrub(text), outlet, published, url, tuple(warnings))
    rel = obj.get("path")
    if not isinstance(rel, str) or not rel:
        return RawDoc(doc_id, None, outlet, published, url, tuple(warnings),
                      error="line has neither 'text' nor 'path'")
    file = (base / rel)
    try:
        data = file.read_bytes()
    except OSError as exc:
        return RawDoc(doc_id, None, outlet, published, url, tuple(warnings),
                      error=f"cannot read {rel}: {exc.strerror or exc}")
    try:
        text, encoding = decode_bytes(data)
    except InputError as exc:
        return RawDoc(doc_id, None, outlet, published, url, tuple(warnings), error=f"{rel}: {exc}")
    if encoding not in ("utf-8", "utf-8-sig"):
        warnings.append(f"decoded as {encoding}")
    return RawDoc(doc_id, text, outlet, published, url, tuple(warnings))
