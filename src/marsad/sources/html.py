"""One news page (bytes or text) -> :class:`~marsad.reader.RawDoc`: main text, title, date, outlet.

Main text: trafilatura; when it finds nothing, the page's ``<article>``/``<p>`` paragraphs.
Metadata: read from the markup first, because Arabic outlets mark it up in many ways.

- title: JSON-LD ``headline``, ``og:title``, ``twitter:title``, ``<h1>``, ``<title>``; a trailing
  " - <site name>" is removed when it names the site or a known outlet.
- publication date, the first that gives one, recorded in ``published_basis``:
  ``json-ld`` (datePublished), ``html-meta`` (article:published_time and kin), ``html-time``
  (``<time datetime>``, itemprop=datePublished), ``url`` (/2024/1/21/, /2024-01-21/), ``html-date-text``
  (a date written in an element whose class or id says date/time/publish), ``text`` (a full date with a
  year near the start of the article), else the caller's fallback (a feed's date: ``feed``), else null.
  A relative date ("أمس") never dates the page.
- outlet: the known outlet of the URL (or of the page's canonical / og:url link), else of its site
  name, else the host name with a warning.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from marsad.dates import DateLexicon, find_dates, load_date_lexicon
from marsad.errors import InputError
from marsad.normalize import normalize_key, normalize_str
from marsad.reader import RawDoc, decode_bytes, scrub
from marsad.sources.outlets import OutletRegistry, host_id

_META_DATE_KEYS = ("article:published_time", "og:published_time", "article:published", "datepublished",
                   "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued", "dcterms.created",
                   "dc.date", "date", "sailthru.date", "parsely-pub-date", "article.published")
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenews", "blogposting", "analysisnewsarticle",
                  "backgroundnewsarticle", "webpage", "livblogposting", "liveblogposting"}
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d)(?!\d)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/_-]|$)")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_TITLE_SEP = re.compile(r"\s+[|\-–—:·]\s+")
_DATE_CLASS = re.compile(r"date|time|publish|posted|تاريخ", re.I)
_MIN_TEXT = 20


@dataclass(slots=True)
class PageMeta:
    title: str | None = None
    site_name: str | None = None
    published: dt.date | None = None
    published_basis: str | None = None
    canonical: str | None = None


class HtmlExtractor:
    """Holds what extraction needs (outlets, the date lexicon); one instance serves many pages."""

    def __init__(self, outlets: OutletRegistry, date_lexicon: DateLexicon | None = None) -> None:
        self.outlets = outlets
        self._dates = date_lexicon or load_date_lexicon()

    # ------------------------------------------------------------------------------------------ API

    def extract(self, data: bytes | str, *, doc_id: str, url: str | None = None, source: str | None = None,
                charset: str | None = None, fallback_published: dt.date | None = None,
                fallback_basis: str = "feed", fallback_title: str | None = None) -> RawDoc:
        """Extract one page; never raises for bad content (the RawDoc carries ``error``)."""
        warnings: list[str] = []
        encoding: str | None = None
        try:
            if isinstance(data, bytes):
                html, encoding = decode_html(data, charset)
            else:
                html = data
            tree = parse_html(html)
        except InputError as exc:
            return RawDoc(doc_id, None, url=url, error=str(exc), encoding=encoding, source=source)
        meta = self.metadata(tree, url)
        page_url = url or meta.canonical
        if meta.published is None and fallback_published is not None:
            meta.published, meta.published_basis = fallback_published, fallback_basis
        text = main_text(tree, page_url)
        if not text:
            return RawDoc(doc_id, None, self._outlet(page_url, meta, warnings), meta.published, page_url,
                          tuple(warnings), "no article text found in the page", meta.title or fallback_title,
                          encoding, meta.published_basis, source=source)
        first, _, rest = text.partition("\n")
        if meta.title and rest.strip() and normalize_key(first) == normalize_key(meta.title):
            text = rest.lstrip("\n")  # the headline is kept in ``title``; the text is the body
        if meta.published is None:
            found = self.date_in_text(text)
            if found is not None:
                meta.published, meta.published_basis = found, "text"
        if meta.published is None:
            warnings.append("no publication date found: relative dates are left null")
        return RawDoc(doc_id, scrub(text), self._outlet(page_url, meta, warnings), meta.published, page_url,
                      tuple(warnings), None, meta.title or fallback_title, encoding, meta.published_basis,
                      source=source)

    def metadata(self, tree: lxml.html.HtmlElement, url: str | None) -> PageMeta:
        meta = PageMeta()
        tags = _meta_tags(tree)
        ld = list(_json_ld_articles(tree))
        meta.canonical = _first(_attr(tree, "//link[@rel='canonical']/@href"), tags.get("og:url"),
                                *(_str(o.get("url")) for o in ld))
        publisher = next((_str(o["publisher"].get("name")) for o in ld if isinstance(o.get("publisher"), dict)),
                         None)
        meta.site_name = _first(tags.get("og:site_name"), publisher, tags.get("application-name"))
        title = _first(*(_str(o.get("headline")) for o in ld), tags.get("og:title"), tags.get("twitter:title"),
                       _text_of(tree, "//h1"), _text_of(tree, "//title"))
        meta.title = self._clean_title(title, meta.site_name, url or meta.canonical)
        for basis, candidates in (
            ("json-ld", [_str(o.get("datePublished")) for o in ld]),
            ("html-meta", [tags.get(k) for k in _META_DATE_KEYS]),
            ("html-time", [*tree.xpath("//time/@datetime"), *tree.xpath("//*[@itemprop='datePublished']/@content"),
                           *tree.xpath("//*[@itemprop='datePublished']/@datetime")]),
            ("url", [url_date(url), url_date(meta.canonical)]),
            ("html-date-text", list(_date_texts(tree))),
        ):
            for value in candidates:
                day = value if isinstance(value, dt.date) else parse_date(value)
                if day is not None:
                    meta.published, meta.published_basis = day, basis
                    return meta
        return meta

    def date_in_text(self, text: str) -> dt.date | None:
        """A full date (day, month, year) in the first lines of the article, e.g. a dateline."""
        head = text[:600]
        for m in find_dates(normalize_str(head), None, self._dates):
            if m.strategy == "explicit" and m.value is not None and m.precision == "day":
                return m.value
        return None

    # ------------------------------------------------------------------------------------- helpers

    def _clean_title(self, title: str | None, site_name: str | None, url: str | None) -> str | None:
        if not title:
            return None
        names = {normalize_key(n).casefold() for n in (site_name,) if n}
        outlet = self.outlets.by_url(url) or self.outlets.by_name(site_name)
        if outlet is not None:
            names |= {normalize_key(outlet.name_ar), normalize_key(outlet.name_en).casefold()}
        for _ in range(2):
            parts = _TITLE_SEP.split(title)
            if len(parts) < 2:
                break
            last, first = normalize_key(parts[-1]).casefold(), normalize_key(parts[0]).casefold()
            if any(last == n or (n and n in last) for n in names):
                title = title[: title.rfind(parts[-1])].rstrip(" |-–—:·")
            elif any(first == n for n in names):
                title = title[len(parts[0]):].lstrip(" |-–—:·")
            else:
                break
        return title.strip() or None

    def _outlet(self, url: str | None, meta: PageMeta, warnings: list[str]) -> str | None:
        outlet = self.outlets.by_url(url) or self.outlets.by_url(meta.canonical) or self.outlets.by_name(
            meta.site_name)
        if outlet is not None:
            return outlet.id
        fallback = host_id(url or meta.canonical)
        if fallback is not None:
            warnings.append(f"unknown outlet: using the host name {fallback!r}")
        return fallback


# ---------------------------------------------------------------------------------- free functions


def decode_html(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Decode page bytes: BOM, then the declared charset (HTTP header or <meta>), then detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data)
    declared = charset
    if declared is None:
        m = _CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii", "replace") if m else None
    if declared:
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            name = None
        if name and name not in ("utf-8", "ascii") and not name.startswith("utf-16"):
            if b"\x00" in data[:20000]:
                raise InputError("binary content (NUL bytes), not a text file")
            return data.decode(name, errors="replace"), name
    if b"\x00" not in data[:20000]:
        try:  # the common case, without decode_bytes' character-by-character binary check
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if "<" in text[:2000]:
                return text, "utf-8"
    return decode_bytes(data)


def parse_html(html: str) -> lxml.html.HtmlElement:
    """Parse (recovering from broken markup); raises InputError when there is no document at all."""
    html = _XML_DECL.sub("", html, count=1)
    if "<" not in html[:100_000]:
        raise InputError("not an HTML page: no markup")
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"not an HTML page: {exc}".splitlines()[0]) from exc


def main_text(tree: lxml.html.HtmlElement, url: str | None) -> str | None:
    """Article text with paragraphs on separate lines (trafilatura, then a paragraph fallback)."""
    fallback = _paragraphs(tree)
    text = trafilatura.extract(tree, url=url, output_format="txt", include_comments=False,
                               include_tables=False, deduplicate=False, with_metadata=False, fast=True)
    if text and len(text.strip()) >= _MIN_TEXT:
        return text.strip()
    return fallback if fallback and len(fallback) >= _MIN_TEXT else None


def url_date(url: str | None) -> dt.date | None:
    """The date in a URL path such as /2024/1/21/ or /2024-01-21/."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    return _date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def parse_date(value: Any) -> dt.date | None:
    """A date from ISO 8601 ("2024-01-21T09:30:00+03:00": the date as written), "2024/01/21",
    "21/01/2024" (day first) or RFC 2822 ("Sun, 21 Jan 2024 09:30:00 +0300")."""
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    m = _ISO.search(s)
    if m:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DMY.search(s)
    if m:
        return _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    try:
        parsed = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        return None
    return _date(parsed.year, parsed.month, parsed.day)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return value if 1990 <= value.year <= 2100 else None


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        value = el.get("content")
        if key and value and value.strip():
            out.setdefault(key.strip().lower(), value.strip())
    return out


def _json_ld_articles(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
                types = item.get("@type")
                names = [types] if isinstance(types, str) else types if isinstance(types, list) else []
                if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in names):
                    yield item


def _date_texts(tree: lxml.html.HtmlElement) -> Iterator[str]:
    for el in tree.iter("span", "div", "p", "time", "small", "li"):
        label = f"{el.get('class') or ''} {el.get('id') or ''}"
        if _DATE_CLASS.search(label):
            text = el.text_content().strip()
            if 0 < len(text) < 80:
                yield text


def _paragraphs(tree: lxml.html.HtmlElement) -> str | None:
    for path in ("//article//p", "//p"):
        paras = [" ".join(p.text_content().split()) for p in tree.xpath(path)]
        paras = [p for p in paras if p]
        if paras:
            return "\n".join(paras)
    return None


def _attr(tree: lxml.html.HtmlElement, path: str) -> str | None:
    found = tree.xpath(path)
    return str(found[0]).strip() if found and str(found[0]).strip() else None


def _text_of(tree: lxml.html.HtmlElement, path: str) -> str | None:
    found = tree.xpath(path)
    if not found:
        return None
    text = " ".join(found[0].text_content().split())
    return text or None


def _str(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)
