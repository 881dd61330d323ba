"""Sources without the network: HTML pages, outlets, dumps, WARC archives, copies, language, open_inputs.

The pages in tests/fixtures/sources/pages/ are written for these tests in the markup shapes of real Arabic
outlets (JSON-LD, Open Graph, <time>, dates in URLs, date spans, datelines); the article texts are ours.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import random
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.cli import main
from marsad.errors import DataFileError, InputError
from marsad.reader import RawDoc, read_docs
from marsad.sources import ColumnMap, SourceOptions, Sources, detect_kind, open_inputs
from marsad.sources.copies import CopyDetector
from marsad.sources.dumps import parse_mapping
from marsad.sources.html import HtmlExtractor, parse_date, url_date
from marsad.sources.language import LanguageDetector
from marsad.sources.outlets import load_outlets
from marsad.sources.warc import read_warc

FIX = Path(__file__).parent / "fixtures" / "sources"
PAGES = FIX / "pages"
CORPUS = Path(__file__).parent / "corpus" / "docs.jsonl"

ENGLISH_HTML = """<html><head><title>Drone strikes base in Iraq</title></head><body><article>
<p>A drone struck the Ain al-Asad air base in western Iraq early on Sunday, an Iraqi security source said,
adding that the base's air defences engaged the aircraft before it reached its target.</p>
<p>No casualties were reported, and the US Defense Department did not immediately comment on the attack.</p>
</article></body></html>"""


@pytest.fixture(scope="module")
def outlets():
    return load_outlets()


@pytest.fixture(scope="module")
def extractor(outlets) -> HtmlExtractor:
    return HtmlExtractor(outlets)


@pytest.fixture(scope="module")
def sources() -> Sources:
    return Sources(SourceOptions())


# ------------------------------------------------------------------------------------------ HTML pages

OUTLET_PAGES = [
    ("aljazeera", "aljazeera", dt.date(2024, 1, 21), "json-ld", "مسيرة تستهدف قاعدة عين الأسد غربي العراق"),
    ("almayadeen", "al-mayadeen", dt.date(2024, 1, 20), "html-meta",
     "المقاومة الإسلامية في العراق تعلن استهداف قاعدة حرير في أربيل"),
    ("aawsat", "asharq-al-awsat", dt.date(2024, 1, 22), "html-time", "صواريخ على قاعدة «فكتوريا» قرب مطار بغداد"),
    ("shafaq", "shafaq", dt.date(2024, 1, 23), "html-date-text",
     "انفجار يهز محيط قاعدة عين الأسد وأنباء عن هجوم بمسيرة"),
    ("sana", "sana", dt.date(2024, 1, 24), "text", "قصف يستهدف قاعدة للاحتلال الأمريكي في حقل العمر بريف دير الزور"),
    ("enabbaladi", "enab-baladi", dt.date(2024, 1, 25), "json-ld", "رتل أمريكي يدخل قاعدة الشدادي جنوبي الحسكة"),
    ("rudaw", "rudaw-ar", dt.date(2024, 1, 26), "html-meta", "اعتراض طائرة مسيرة قرب مطار أربيل الدولي"),
    ("alarabiya", "alarabiya", dt.date(2024, 1, 27), "url", "هجوم صاروخي على قاعدة التنف في سوريا"),
]


@pytest.mark.parametrize(("name", "outlet", "published", "basis", "title"), OUTLET_PAGES,
                         ids=[p[0] for p in OUTLET_PAGES])
def test_html_outlet_page_title_date_outlet(extractor: HtmlExtractor, name: str, outlet: str,
                                            published: dt.date, basis: str, title: str) -> None:
    doc = extractor.extract((PAGES / f"{name}.html").read_bytes(), doc_id=name)
    assert doc.error is None
    assert (doc.outlet, doc.published, doc.published_basis, doc.title) == (outlet, published, basis, title)
    assert doc.encoding == "utf-8"
    assert doc.text is not None and len(doc.text) > 300
    assert not doc.text.startswith(title)  # the headline is in ``title``, the text is the body
    # boilerplate (menus, related links, footers) is not part of the text
    for junk in ("جميع الحقوق محفوظة", "الرئيسية", "اقرأ أيضا", "أخبار ذات صلة", "الأكثر قراءة"):
        assert junk not in doc.text


def test_html_paragraphs_are_separate_lines(extractor: HtmlExtractor) -> None:
    doc = extractor.extract((PAGES / "almayadeen.html").read_bytes(), doc_id="m")
    assert doc.text is not None
    lines = [ln for ln in doc.text.split("\n") if ln.strip()]
    assert len(lines) >= 3
    assert lines[-1].startswith("ولم تعلق السلطات المحلية")


def test_html_cp1256_page_declared_and_undeclared(extractor: HtmlExtractor) -> None:
    page = (PAGES / "almayadeen.html").read_text(encoding="utf-8")
    declared = page.replace("charset=utf-8", "charset=windows-1256").encode("cp1256")
    doc = extractor.extract(declared, doc_id="cp")
    assert (doc.encoding, doc.outlet, doc.published) == ("cp1256", "al-mayadeen", dt.date(2024, 1, 20))
    assert doc.title == "المقاومة الإسلامية في العراق تعلن استهداف قاعدة حرير في أربيل"
    undeclared = page.replace("; charset=utf-8", "").encode("cp1256")
    doc2 = extractor.extract(undeclared, doc_id="cp2")
    assert doc2.encoding == "cp1256"
    assert doc2.text == doc.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_html_bom_pages(extractor: HtmlExtractor, encoding: str) -> None:
    page = (PAGES / "shafaq.html").read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
    doc = extractor.extract(page.encode(encoding), doc_id="b")
    assert doc.error is None
    assert doc.encoding == encoding
    assert doc.title == "انفجار يهز محيط قاعدة عين الأسد وأنباء عن هجوم بمسيرة"


def test_html_http_charset_wins_over_sniffing(extractor: HtmlExtractor) -> None:
    page = (PAGES / "shafaq.html").read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
    doc = extractor.extract(page.encode("cp1256"), doc_id="h", charset="windows-1256")
    assert doc.encoding == "cp1256"
    assert doc.outlet == "shafaq"


def test_html_broken_markup_still_read(extractor: HtmlExtractor) -> None:
    page = (PAGES / "aljazeera.html").read_text(encoding="utf-8")
    cut = page[: page.index("<section class=\"more-on\">")] + "<p>نص مقطوع <b><i>بلا إغلاق <div"
    doc = extractor.extract(cut.replace("</p>", "").encode("utf-8"), doc_id="broken")
    assert doc.error is None
    assert doc.title == "مسيرة تستهدف قاعدة عين الأسد غربي العراق"
    assert doc.text is not None and "عين الأسد" in doc.text


@pytest.mark.parametrize(("data", "reason"), [
    (b"<<<>>><<<\n<>", "no article text"),
    (b"", "not an HTML page"),
    (b"   \n  ", "not an HTML page"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "binary content"),
])
def test_html_bad_content_is_a_clear_error(extractor: HtmlExtractor, data: bytes, reason: str) -> None:
    doc = extractor.extract(data, doc_id="bad")
    assert doc.text is None
    assert doc.error is not None and reason in doc.error
    assert "\n" not in doc.error


def test_html_no_date_stays_null_and_relative_dates_do_not_date_it(extractor: HtmlExtractor) -> None:
    page = ("<html><head><title>قصف قاعدة</title></head><body><article><p>سقطت صواريخ أمس الاثنين على قاعدة "
            "التنف في سوريا، وقال مصدر إن الهجوم لم يسفر عن إصابات بين الجنود.</p></article></body></html>")
    doc = extractor.extract(page, doc_id="nodate", url="https://unknown-site.example/news/item-42")
    assert doc.published is None and doc.published_basis is None
    assert any("no publication date" in w for w in doc.warnings)
    assert doc.outlet == "unknown-site.example"
    assert any("unknown outlet" in w for w in doc.warnings)


def test_html_fallback_date_from_feed_after_markup(extractor: HtmlExtractor) -> None:
    page = ("<html><body><article><p>سقطت صواريخ على قاعدة التنف في سوريا دون إصابات بحسب مصادر "
            "محلية متطابقة.</p></article></body></html>")
    doc = extractor.extract(page, doc_id="f", fallback_published=dt.date(2024, 2, 3), fallback_title="عنوان")
    assert (doc.published, doc.published_basis, doc.title) == (dt.date(2024, 2, 3), "feed", "عنوان")
    marked = extractor.extract((PAGES / "almayadeen.html").read_bytes(), doc_id="m",
                               fallback_published=dt.date(2024, 2, 3))
    assert marked.published_basis == "html-meta"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.aljazeera.net/news/2024/1/21/slug", dt.date(2024, 1, 21)),
    ("https://example.com/2024-01-05/slug.html", dt.date(2024, 1, 5)),
    ("https://example.com/ar/2023/12/31", dt.date(2023, 12, 31)),
    ("https://example.com/news/2024/13/40/slug", None),
    ("https://www.rudaw.net/arabic/kurdistan/260120241", None),
    ("https://example.com/p/1999888/2024", None),
    (None, None),
])
def test_url_date(url: str | None, expected: dt.date | None) -> None:
    assert url_date(url) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-01-21T23:30:00+03:00", dt.date(2024, 1, 21)),
    ("2024/01/21", dt.date(2024, 1, 21)),
    ("21/01/2024 10:15", dt.date(2024, 1, 21)),
    ("Sun, 21 Jan 2024 23:30:00 +0300", dt.date(2024, 1, 21)),
    ("2024-02-30", None),
    ("yesterday", None),
    ("", None),
])
def test_parse_date(value: str, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


# ---------------------------------------------------------------------------------------------- outlets


def test_outlets_shipped_file_is_valid(outlets) -> None:
    assert 30 <= len(outlets.outlets) <= 60
    ids = [o.id for o in outlets.outlets]
    assert len(ids) == len(set(ids))
    assert all(o.name_ar and o.name_en and len(o.country) == 2 for o in outlets.outlets)
    assert outlets.by_id("sana").stance == "state news agency"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.aljazeera.net/news/2024/1/21/x", "aljazeera"),
    ("https://mubasher.aljazeera.net/news/x", "aljazeera"),
    ("https://www.rudaw.net/arabic/kurdistan/1", "rudaw-ar"),
    ("https://www.rudaw.net/english/kurdistan/1", None),
    ("https://www.aa.com.tr/ar/x", "anadolu-ar"),
    ("https://notaljazeera.net/x", None),
    ("not a url", None),
])
def test_outlets_by_url(outlets, url: str, expected: str | None) -> None:
    found = outlets.by_url(url)
    assert (found.id if found else None) == expected


def test_outlets_by_name(outlets) -> None:
    assert outlets.by_name("الميادين").id == "al-mayadeen"
    assert outlets.by_name("Al Arabiya").id == "alarabiya"
    assert outlets.by_name("لا أحد") is None


@pytest.mark.parametrize(("body", "key"), [
    ("outlets:\n  - {id: a, domains: [a.com], name_ar: أ, name_en: A, country: IQ}\n"
     "  - {id: a, domains: [b.com], name_ar: ب, name_en: B, country: IQ}\n", "outlets[1].id"),
    ("outlets:\n  - {id: a, domains: [not a host], name_ar: أ, name_en: A, country: IQ}\n", "outlets[0].domains[0]"),
    ("outlets:\n  - {id: a, domains: [a.com], name_en: A, country: IQ}\n", "outlets[0].name_ar"),
    ("outlets:\n  - {id: a, domains: [a.com], name_ar: أ, name_en: A, country: Iraq}\n", "outlets[0].country"),
    ("outlets:\n  - {id: a, domains: [a.com], name_ar: أ, name_en: A, country: IQ, bias: x}\n", "outlets[0].bias"),
    ("outlets:\n  - {id: A_B, domains: [], name_ar: أ, name_en: A, country: IQ}\n", "outlets[0].id"),
    ("outlets: [\n", "-"),
    ("- just a list\n", "outlets"),
])
def test_outlets_invalid_file_names_file_and_key(tmp_path: Path, body: str, key: str) -> None:
    path = tmp_path / "outlets.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_outlets(path)
    assert err.value.path == str(path)
    assert err.value.key == key


# ------------------------------------------------------------------------------------------------ dumps


def test_parse_mapping() -> None:
    m = parse_mapping("id=guid, text=body,published=date")
    assert (m.id, m.text, m.published, m.url) == ("guid", "body", "date", "url")
    assert parse_mapping(None) is None
    for bad, reason in (("id", "FIELD=COLUMN"), ("colour=x", "unknown field"), ("id=a,id=b", "twice")):
        with pytest.raises(InputError, match=reason):
            parse_mapping(bad)


def _csv_rows() -> str:
    return (
        "guid,body,date,link,site\n"
        "r1,\"استهدفت طائرة مسيرة قاعدة عين الأسد الجوية في محافظة الأنبار فجر اليوم، بحسب مصدر أمني.\","
        "2024-01-21,https://www.shafaq.com/ar/x,\n"
        "r2,,2024-01-22,https://www.alarabiya.net/a/2024/01/22/b,\n"
        "r3,\"سقطت ثلاثة صواريخ كاتيوشا على قاعدة التنف في سوريا أمس دون وقوع إصابات.\",not a date,,sana\n"
        "r4,\"وصل رتل عسكري إلى قاعدة حرير.\",,https://www.alarabiya.net/a/2024/01/23/c,\n"
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1256", "utf-16"])
def test_dump_csv_with_mapping(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "dump.csv"
    path.write_bytes(_csv_rows().encode(encoding))
    opts = SourceOptions(mapping=parse_mapping("id=guid,text=body,published=date,url=link,outlet=site"))
    docs = {d.id: d for d in open_inputs([str(path)], opts)}
    assert list(docs) == ["r1", "r2", "r3", "r4"]
    assert docs["r1"].encoding == encoding
    assert (docs["r1"].outlet, docs["r1"].published, docs["r1"].published_basis) == (
        "shafaq", dt.date(2024, 1, 21), "input")
    assert docs["r1"].lang == "ar"
    assert docs["r2"].error == "no text in column 'body'"
    assert docs["r3"].outlet == "sana" and docs["r3"].published is None
    assert any("unparsable publication date 'not a date'" in w for w in docs["r3"].warnings)
    assert (docs["r4"].published, docs["r4"].published_basis) == (dt.date(2024, 1, 23), "url")


def test_dump_jsonl_with_mapping_bad_lines_and_html_column(tmp_path: Path) -> None:
    page = (PAGES / "enabbaladi.html").read_text(encoding="utf-8")
    lines = [
        json.dumps({"guid": "j1", "body": "قصفت فصائل مسلحة قاعدة فكتوريا قرب مطار بغداد الدولي بقذائف الهاون.",
                    "when": "21/01/2024"}, ensure_ascii=False),
        "{not json",
        "[1, 2]",
        json.dumps({"guid": "j4", "raw": page, "site": "enab-baladi"}, ensure_ascii=False),
        json.dumps({"guid": "j5", "body": "The base was attacked by drones early on Sunday, officials said today."}),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    opts = SourceOptions(mapping=parse_mapping("id=guid,text=body,published=when,html=raw,outlet=site"))
    docs = list(open_inputs([str(path)], opts))
    assert [d.id for d in docs] == ["j1", "dump.jsonl:line-2", "dump.jsonl:line-3", "j4", "j5"]
    assert docs[0].published == dt.date(2024, 1, 21)
    assert docs[1].error.startswith("malformed JSONL line 2")
    assert docs[2].error == "malformed JSONL line 3: not a JSON object"
    assert (docs[3].title, docs[3].published, docs[3].outlet) == (
        "رتل أمريكي يدخل قاعدة الشدادي جنوبي الحسكة", dt.date(2024, 1, 25), "enab-baladi")
    assert docs[4].text is None and docs[4].lang == "en" and "not Arabic" in docs[4].error


def test_dump_csv_binary_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_bytes(b"\x00\x01\x02\xff\xfe" * 1000)
    docs = list(open_inputs([str(path)], SourceOptions()))
    assert len(docs) == 1 and "binary content" in docs[0].error


# ------------------------------------------------------------------------------------------------- WARC


def _warc(path: Path, records: list[tuple[str, bytes, list[tuple[str, str]]]], gz: bool) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "marsad tests"}))
        for uri, payload, headers in records:
            http = StatusAndHeaders("200 OK", [*headers, ("Content-Length", str(len(payload)))],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                          length=len(payload), http_headers=http))
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                                          length=18))


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_warc_pages_bomb_and_other_records(tmp_path: Path, extractor: HtmlExtractor, gz: bool) -> None:
    bomb = gzip.compress(b"\x00" * 30_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    records = [
        ("https://www.almayadeen.net/news/politics/x", (PAGES / "almayadeen.html").read_bytes(),
         [("Content-Type", "text/html; charset=utf-8")]),
        ("https://example.com/bomb.html", bomb, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]),
        ("https://example.com/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, [("Content-Type", "image/png")]),
        ("https://www.alarabiya.net/arab-and-world/syria/2024/01/27/x",
         gzip.compress((PAGES / "alarabiya.html").read_bytes()),
         [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]),
    ]
    path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    _warc(path, records, gz)
    docs = list(read_warc(path, extractor, max_record_bytes=5_000_000))
    assert [d.id for d in docs] == [records[0][0], records[1][0], records[3][0]]
    assert (docs[0].outlet, docs[0].published) == ("al-mayadeen", dt.date(2024, 1, 20))
    assert "more than 5,000,000 bytes" in docs[1].error and docs[1].text is None
    assert (docs[2].outlet, docs[2].published, docs[2].published_basis) == ("alarabiya", dt.date(2024, 1, 27), "url")
    assert docs[0].source.startswith(str(path) + "#<urn:uuid:")


def test_warc_truncated_archive_is_an_error_after_the_good_records(tmp_path: Path, extractor) -> None:
    path = tmp_path / "t.warc.gz"
    page = (PAGES / "shafaq.html").read_bytes()
    big = page + b"<!-- " + random.Random(0).randbytes(100_000) + b" -->"  # incompressible
    _warc(path, [("https://shafaq.com/ar/a", page, [("Content-Type", "text/html")]),
                 ("https://shafaq.com/ar/b", big, [("Content-Type", "text/html")])], gz=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 20_000])  # cut inside the second record
    docs = list(read_warc(path, extractor, 1_000_000))
    assert docs[0].outlet == "shafaq" and docs[0].error is None
    assert len(docs) == 2
    assert docs[1].error is not None and "truncated (" in docs[1].error
    # bytes that are not a WARC at all
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"\x00\x01 not an archive " * 50)
    (only,) = read_warc(junk, extractor, 1_000_000)
    assert only.error is not None and "not a readable WARC archive after record 0" in only.error


def test_warc_streams_in_flat_memory(tmp_path: Path, extractor: HtmlExtractor) -> None:
    page = (PAGES / "sana.html").read_bytes()
    padding = b"<!-- " + b"x" * 200_000 + b" -->"
    path = tmp_path / "big.warc.gz"
    _warc(path, [(f"https://sana.sy/?p={i}", page + padding, [("Content-Type", "text/html")]) for i in range(60)],
          gz=True)
    tracemalloc.start()
    count = sum(1 for d in read_warc(path, extractor, 1_000_000) if d.error is None)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 60
    assert peak < 8_000_000  # the archive holds 12 MB of pages; one record at a time is in memory


# ----------------------------------------------------------------------------------------------- copies

AGENCY = [
    "أعلنت المقاومة الإسلامية في العراق، مساء اليوم السبت، استهداف قاعدة حرير التي تتمركز فيها قوات أمريكية في "
    "محافظة أربيل شمالي العراق، بواسطة طائرة مسيرة، وقالت إن الطائرة أصابت هدفها بشكل مباشر.",
    "وأكدت المقاومة في بيانها أن العملية تأتي ردا على ما وصفته بالاعتداءات المتواصلة على المنطقة، وتوعدت بمواصلة "
    "عملياتها ضد ما قالت إنها قواعد الاحتلال في العراق والمنطقة خلال الأيام المقبلة.",
    "ولم تعلق السلطات المحلية في إقليم كردستان على الهجوم حتى الآن، فيما أفادت مصادر محلية بسماع دوي انفجار في "
    "محيط القاعدة الواقعة شمال شرقي مدينة أربيل، وبتحليق طائرات في أجواء المنطقة.",
]
ADDED = ("وفي تعليق على الهجوم، رأى محلل سياسي عراقي أن تكرار استهداف القواعد يعكس اتساع رقعة المواجهة في المنطقة، "
         "وأن الحكومة العراقية تجد نفسها أمام ضغوط متزايدة من الأطراف كافة لتحديد موقف واضح من الوجود الأجنبي، "
         "مشيرا إلى أن الأسابيع المقبلة ستكون حاسمة في مسار المفاوضات بين بغداد وواشنطن حول جدول الانسحاب.")
OTHER = (
    "سقط صاروخان على الأقل مساء الاثنين داخل قاعدة فكتوريا العسكرية المحاذية لمطار بغداد الدولي، التي تستضيف عددا "
    "من المستشارين الأمريكيين، من دون أن يسفر ذلك عن إصابات، وفق ما أفاد مسؤول أمني عراقي.\n"
    "وأوضح المسؤول أن الصاروخين أطلقا من منطقة زراعية جنوب غربي العاصمة، وأن القوات الأمنية عثرت على منصة الإطلاق "
    "بعد ساعات من الحادث، وبدأت تحقيقا لمعرفة الجهة المسؤولة عنه، في ظل هجمات متكررة على القواعد."
)


def test_copies_reprint_added_paragraph_chain_and_distinct_text() -> None:
    det = CopyDetector()
    original = "\n".join(AGENCY)
    assert det.check("a", original) is None
    det.add("a", original)
    # verbatim reprint with different diacritics/hamza spelling and punctuation
    reprint = original.replace("أعلنت", "اعلنت").replace("،", ",")
    m = det.check("b", reprint)
    assert m is not None and (m.doc_id, m.via) == ("a", "a") and m.similarity >= 0.9
    det.add("b", reprint, m)
    # a reprint with an added paragraph of analysis, and one that drops a paragraph
    longer = ADDED + "\n" + "\n".join(AGENCY[:2]) + "\n" + ADDED.replace("محلل", "باحث")
    m2 = det.check("c", longer)
    assert m2 is not None and m2.doc_id == "a"
    det.add("c", longer, m2)
    # a copy of the copy names the first text of the chain
    m3 = det.check("d", reprint + "\n")
    assert m3 is not None and m3.doc_id == "a"
    # a different report on a similar subject is not a copy
    assert det.check("e", OTHER) is None
    # a short brief is never called a copy
    assert det.check("f", AGENCY[0][:60]) is None
    # a text is never a copy of itself, nor of its own copies
    assert det.check("a", original) is None


def test_copies_add_looks_up_the_root_itself() -> None:
    det = CopyDetector()
    det.add("x", "\n".join(AGENCY))
    det.add("y", "\n".join(AGENCY) + "\n" + ADDED)
    m = det.check("z", "\n".join(AGENCY))
    assert m is not None and m.doc_id == "x"
    assert "y" in det and len(det) == 2
    with pytest.raises(ValueError):
        CopyDetector(threshold=0)


# --------------------------------------------------------------------------------------------- language


def test_language_detector() -> None:
    det = LanguageDetector(("ar", "fa", "ur", "en", "fr"))
    assert det.skip_reason(AGENCY[0]) == ("ar", None)
    code, reason = det.skip_reason("یک پهپاد به پایگاه عین الاسد در استان الانبار حمله کرد و خسارت وارد شد.")
    assert code == "fa" and reason is not None and "not Arabic" in reason
    code, reason = det.skip_reason("A drone struck the Ain al-Asad air base in western Iraq early today.")
    assert code == "en" and "'en'" in reason
    assert det.skip_reason("12345 --- 678")[1] == "skipped: no letters to identify a language in"
    with pytest.raises(ValueError, match="unknown language"):
        LanguageDetector(("ar", "xx"))


# ------------------------------------------------------------------------------------------ open_inputs


def test_open_inputs_docs_jsonl_is_read_as_before() -> None:
    assert list(open_inputs([str(CORPUS)], SourceOptions())) == list(read_docs(CORPUS))


def test_open_inputs_checks_inputs_before_reading(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        open_inputs([str(PAGES / "aljazeera.html"), str(tmp_path / "missing.html")], SourceOptions())
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(InputError, match="unknown input kind"):
        open_inputs([str(tmp_path / "notes.txt")], SourceOptions())
    with pytest.raises(InputError, match="no input"):
        open_inputs([], SourceOptions())


def test_detect_kind() -> None:
    opts = SourceOptions()
    assert detect_kind("https://x.example/a", opts) == "url"
    assert detect_kind("ftp://x.example/a", opts) == "url"
    assert detect_kind("a.warc.gz", opts) == "warc"
    assert detect_kind("a.csv", opts) == "csv"
    assert detect_kind("a.jsonl", opts) == "docs"
    assert detect_kind("a.jsonl", SourceOptions(mapping=ColumnMap())) == "jsonl"
    assert detect_kind(str(PAGES), opts) == "dir"
    assert detect_kind("page.txt", SourceOptions(format="html")) == "html"


def test_open_inputs_mixed_inputs_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "en.html").write_text(ENGLISH_HTML, encoding="utf-8")
    (tmp_path / "image.htm").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    big = tmp_path / "big.html"
    with big.open("wb") as fh:
        fh.write(b"<html><body><p>" + "نص ".encode() * 10 + b"</p>")
        fh.truncate(50 * 1024 * 1024)
    forced = tmp_path / "saved_page.txt"
    forced.write_bytes((PAGES / "rudaw.html").read_bytes())
    docs = list(open_inputs([str(tmp_path), str(PAGES / "sana.html"), "ftp://example.com/a.html"],
                            SourceOptions()))
    by_id = {d.id: d for d in docs}
    assert set(by_id) == {"big", "en", "image", "sana", "ftp://example.com/a.html"}
    assert "over the 10,000,000-byte cap" in by_id["big"].error
    assert by_id["en"].lang == "en" and by_id["en"].text is None and "not Arabic" in by_id["en"].error
    assert "binary content" in by_id["image"].error
    assert by_id["sana"].error is None and by_id["sana"].lang == "ar" and by_id["sana"].source.endswith("sana.html")
    assert "only http and https" in by_id["ftp://example.com/a.html"].error
    forced_doc = next(open_inputs([str(forced)], SourceOptions(format="html")))
    assert forced_doc.outlet == "rudaw-ar" and forced_doc.published == dt.date(2024, 1, 26)


def test_open_inputs_empty_directory(tmp_path: Path) -> None:
    docs = list(open_inputs([str(tmp_path)], SourceOptions()))
    assert len(docs) == 1 and "no .html/.htm files" in docs[0].error


def test_sources_filter_language_keeps_errors(sources: Sources) -> None:
    doc = RawDoc("x", None, error="boom")
    assert sources.filter_language(doc) is doc


# ------------------------------------------------------------------------------------------------- CLI


def test_cli_extract_reads_a_directory_of_pages() -> None:
    result = CliRunner().invoke(main, ["extract", str(PAGES), "--no-progress"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["doc"] for x in lines] == sorted(p.stem for p in PAGES.glob("*.html"))
    by_doc = {x["doc"]: x for x in lines}
    assert by_doc["almayadeen"]["events"][0]["location"] == "harir"
    assert by_doc["almayadeen"]["events"][0]["date"] == "2024-01-20"
    assert by_doc["alarabiya"]["events"][0]["location"] == "al-tanf"


def test_cli_extract_csv_with_map_and_bad_map(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_text(_csv_rows(), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--map", "id=guid,text=body,published=date,url=link",
                                       "--no-progress"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["doc"] for x in lines] == ["r1", "r2", "r3", "r4"]
    assert lines[0]["events"][0]["location"] == "ain-al-asad"
    assert lines[1]["error"] == "no text in column 'body'"
    bad = CliRunner().invoke(main, ["extract", str(path), "--map", "nonsense"])
    assert bad.exit_code == 1
    assert bad.stderr.strip() == "marsad: error: --map: 'nonsense' is not FIELD=COLUMN"


def test_cli_extract_missing_input_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(PAGES / "sana.html"), str(tmp_path / "nope.csv")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"marsad: error: {tmp_path / 'nope.csv'}: no such file"
    assert result.stdout == ""


def test_copies_none_among_independent_reports_of_the_same_incidents() -> None:
    # the team corpus tells 22 incidents through several outlets, each account written separately
    det = CopyDetector()
    found = []
    for doc in read_docs(CORPUS):
        match = det.check(doc.id, doc.text)
        det.add(doc.id, doc.text, match)
        if match is not None:
            found.append((doc.id, match.doc_id))
    assert len(det) >= 40
    assert found == []


# ------------------------------------------------------------------------------------ property tests

_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_settings
@given(data=st.one_of(st.binary(max_size=3000), st.text(max_size=3000).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_html_extract_never_raises_on_arbitrary_bytes(extractor: HtmlExtractor, data: bytes) -> None:
    doc = extractor.extract(data, doc_id="p")
    assert (doc.text is None) == (doc.error is not None)
    if doc.error:
        assert "\n" not in doc.error


@_settings
@given(body=st.text(alphabet=st.sampled_from("<>/=\"' apdivhtml-0123456789:تاريخ قاعدة"), max_size=400),
       url=st.one_of(st.none(), st.text(max_size=60)))
def test_html_extract_never_raises_on_tag_soup(extractor: HtmlExtractor, body: str, url: str | None) -> None:
    doc = extractor.extract("<html><body>" + body, doc_id="s", url=url)
    assert doc.id == "s"
    assert url_date(url) is None or isinstance(url_date(url), dt.date)


@_settings
@given(texts=st.lists(st.text(max_size=500), max_size=6))
def test_copies_never_raise_and_never_self_match(texts: list[str]) -> None:
    det = CopyDetector()
    for i, t in enumerate(texts):
        m = det.check(str(i), t)
        assert m is None or (m.doc_id != str(i) and 0.0 <= m.similarity <= 1.0)
        det.add(str(i), t, m)


def test_cli_extract_reads_a_warc_archive(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [("https://www.aljazeera.net/news/2024/1/21/x", (PAGES / "aljazeera.html").read_bytes(),
                  [("Content-Type", "text/html")]),
                 ("https://www.enabbaladi.net/684512/x", (PAGES / "enabbaladi.html").read_bytes(),
                  [("Content-Type", "text/html; charset=utf-8")])], gz=True)
    result = CliRunner().invoke(main, ["extract", str(path), "--no-progress"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["doc"] for x in lines] == ["https://www.aljazeera.net/news/2024/1/21/x",
                                         "https://www.enabbaladi.net/684512/x"]
    assert lines[0]["events"][0]["location"] == "ain-al-asad"
    assert lines[1]["events"][0]["type"] == "reinforcement"
