"""CSV/TSV and JSONL dumps of articles, with a column mapping (``--map id=guid,text=body,html=content``).

Streaming: one row at a time, so a dump of any size reads in constant memory.  A bad row (not JSON, no
text, an unparsable date) is a RawDoc with ``error`` or a warning; the rows after it go on.  A row with
no text but a mapped ``html`` column is extracted like a web page, the dump's own columns winning over
what the page says.  CSV encodings: UTF-8 (BOM or not), UTF-16 and CP1256, detected on the first 64 KB.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.reader import RawDoc, decode_bytes, scrub
from marsad.sources.html import HtmlExtractor, parse_date, url_date
from marsad.sources.options import ColumnMap

_FIELDS = tuple(f.name for f in fields(ColumnMap))


def parse_mapping(spec: str | None) -> ColumnMap | None:
    """``"id=guid,text=body"`` -> ColumnMap (fields not named keep their default column names)."""
    if spec is None or not spec.strip():
        return None
    values: dict[str, str | None] = {}
    for part in spec.split(","):
        name, sep, column = part.partition("=")
        name, column = name.strip(), column.strip()
        if not sep or not name:
            raise InputError(f"--map: {part.strip()!r} is not FIELD=COLUMN")
        if name not in _FIELDS:
            raise InputError(f"--map: unknown field {name!r} (fields: {', '.join(_FIELDS)})")
        if name in values:
            raise InputError(f"--map: field {name!r} given twice")
        values[name] = column or None
    return replace(ColumnMap(), **values)


class DumpReader:
    def __init__(self, mapping: ColumnMap, html: HtmlExtractor, max_line_bytes: int) -> None:
        self.mapping, self.html, self.max_line_bytes = mapping, html, max_line_bytes

    def read_jsonl(self, path: Path) -> Iterator[RawDoc]:
        with path.open("rb") as fh:
            for n, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                src = f"{path}:{n}"
                if len(raw) > self.max_line_bytes:
                    yield RawDoc(f"{path.name}:line-{n}", None, source=src,
                                 error=f"line {n} of {len(raw):,} bytes is over the {self.max_line_bytes:,}-byte cap")
                    continue
                try:
                    obj = json.loads(raw.decode("utf-8-sig"))
                except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                    yield RawDoc(f"{path.name}:line-{n}", None, source=src,
                                 error=f"malformed JSONL line {n}: {str(exc).splitlines()[0]}")
                    continue
                if not isinstance(obj, dict):
                    yield RawDoc(f"{path.name}:line-{n}", None, source=src,
                                 error=f"malformed JSONL line {n}: not a JSON object")
                    continue
                yield replace(self.row(obj, f"{path.name}:line-{n}", src), encoding="utf-8")

    def read_csv(self, path: Path) -> Iterator[RawDoc]:
        with path.open("rb") as raw:
            head = raw.read(65536)
            try:
                encoding = _sniff_encoding(head)
            except InputError as exc:
                yield RawDoc(path.name, None, source=str(path), error=f"{path.name}: {exc}")
                return
            raw.seek(0)
            text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
            delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
            csv.field_size_limit(max(self.max_line_bytes, 131072))
            reader = csv.DictReader(text, delimiter=delimiter)
            n = 1
            try:
                for n, row in enumerate(reader, start=2):  # line 1 is the header
                    yield replace(self.row(row, f"{path.name}:row-{n}", f"{path}:{n}", csv_row=True),
                                  encoding=encoding)
            except csv.Error as exc:
                yield RawDoc(f"{path.name}:row-{n + 1}", None, source=str(path),
                             error=f"CSV error after row {n}: {exc}; the rest of the file is not read")

    def row(self, row: Mapping[str, Any], fallback_id: str, source: str, csv_row: bool = False) -> RawDoc:
        m = self.mapping
        warnings: list[str] = []
        if csv_row and None in row:
            warnings.append("row has more fields than the header")
        doc_id = _get(row, m.id) or fallback_id
        url = _get(row, m.url)
        outlet = _get(row, m.outlet)
        title = _get(row, m.title)
        published_raw = _get(row, m.published)
        published = parse_date(published_raw) if published_raw else None
        basis = "input" if published else None
        if published_raw and published is None:
            warnings.append(f"unparsable publication date {published_raw!r}")
        text = _get(row, m.text)
        if text is None and _get(row, m.html):
            page = self.html.extract(str(row[m.html]), doc_id=doc_id, url=url, source=source)  # type: ignore[index]
            page_warnings = [w for w in page.warnings if not (outlet and w.startswith("unknown outlet"))]
            return replace(page, outlet=outlet or page.outlet, title=title or page.title,
                           published=published or page.published, published_basis=basis or page.published_basis,
                           warnings=tuple(warnings + page_warnings))
        if outlet is None and url:
            known = self.html.outlets.by_url(url)
            outlet = known.id if known else None
        if text is None:
            cols = " or ".join(repr(c) for c in (m.text, m.html) if c)
            return RawDoc(doc_id, None, outlet, published, url, tuple(warnings),
                          f"no text in column {cols}" if cols else "no text column mapped", title,
                          published_basis=basis, source=source)
        if published is None:
            published = url_date(url)
            basis = "url" if published else None
        if published is None:
            published = self.html.date_in_text(text)
            basis = "text" if published else None
        if published is None:
            warnings.append("no publication date: relative dates are left null")
        return RawDoc(doc_id, scrub(text), outlet, published, url, tuple(warnings), None, title,
                      published_basis=basis, source=source)


def _get(row: Mapping[str, Any], column: str | None) -> str | None:
    if column is None:
        return None
    value = row.get(column)
    if value is None:
        return None
    if not isinstance(value, str):
        value = str(value) if isinstance(value, int | float) else json.dumps(value, ensure_ascii=False)
    value = scrub(value).strip()
    return value or None


def _sniff_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if not head:
        return "utf-8"
    try:
        _, encoding = decode_bytes(head)
    except InputError:
        # the 64 KB cut may split a UTF-8 character: retry without the last bytes
        _, encoding = decode_bytes(head[:-3]) if len(head) > 3 else decode_bytes(head)
    return encoding
