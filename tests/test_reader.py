"""Behaviour tests of the reader (marsad.reader): docs.jsonl lines, article files, encodings, dates.

Every bad input must come back as a RawDoc with a one-line ``error`` (never an exception), except a
docs.jsonl that cannot be opened at all.  Arabic texts below are written for these tests.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

import pytest

from marsad.errors import InputError
from marsad.reader import RawDoc, decode_bytes, parse_published, read_docs

ATTACK = "استهدفت طائرة مسيرة قاعدة عين الأسد الجوية في محافظة الأنبار فجر اليوم."
ROCKETS = (
    "سقطت ثلاثة صواريخ كاتيوشا على قاعدة التنف في سوريا أمس دون وقوع إصابات، "
    "وقال مصدر محلي إن القوات الأمريكية رفعت حالة التأهب في القاعدة."
)
ARTICLE = ATTACK + "\n" + ROCKETS + "\n"


def png_bytes() -> bytes:
    """A PNG signature and IHDR chunk followed by deterministic noise with NUL runs."""
    rnd = random.Random(1234)
    body = bytearray()
    for _ in range(64):
        body += rnd.randbytes(24) + b"\x00" * rnd.randint(1, 6)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(body)


def write_docs(tmp_path: Path, lines: list[Any], name: str = "docs.jsonl") -> Path:
    """Write docs.jsonl: dicts/lists are dumped as JSON, str and bytes are written as the raw line."""
    out = bytearray()
    for line in lines:
        if isinstance(line, bytes):
            out += line
        elif isinstance(line, str):
            out += line.encode("utf-8")
        else:
            out += json.dumps(line, ensure_ascii=False).encode("utf-8")
        out += b"\n"
    path = tmp_path / name
    path.write_bytes(bytes(out))
    return path


def read_one(tmp_path: Path, data: bytes, **fields: Any) -> RawDoc:
    """Write ``data`` as an article file, read it through a one-line docs.jsonl, return the RawDoc."""
    (tmp_path / "a.txt").write_bytes(data)
    line = {"id": "a", "outlet": "test", "published": "2024-01-20", "path": "a.txt", **fields}
    docs = list(read_docs(write_docs(tmp_path, [line])))
    assert len(docs) == 1
    return docs[0]


# ------------------------------------------------------------------------------------- decode_bytes


def test_reader_decodes_plain_utf8() -> None:
    assert decode_bytes(ARTICLE.encode("utf-8")) == (ARTICLE, "utf-8")


def test_reader_strips_utf8_bom() -> None:
    text, encoding = decode_bytes(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))
    assert text == ARTICLE
    assert encoding == "utf-8-sig"


def test_reader_decodes_cp1256_arabic() -> None:
    assert decode_bytes(ARTICLE.encode("cp1256")) == (ARTICLE, "cp1256")


def test_reader_decodes_utf16_with_bom() -> None:
    text, encoding = decode_bytes(ARTICLE.encode("utf-16"))
    assert text == ARTICLE
    assert encoding.startswith("utf-16")


def test_reader_decodes_utf16be_with_bom() -> None:
    text, _ = decode_bytes(codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"))
    assert text == ARTICLE


def test_reader_decodes_utf16le_without_bom_latin() -> None:
    english = "The convoy reached the base on Monday.\n"
    assert decode_bytes(english.encode("utf-16-le")) == (english, "utf-16-le")


def test_reader_decodes_utf16le_without_bom_arabic() -> None:
    assert decode_bytes(ARTICLE.encode("utf-16-le")) == (ARTICLE, "utf-16-le")


def test_reader_rejects_png_bytes_as_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(png_bytes())


def test_reader_decodes_empty_bytes_as_empty_text() -> None:
    assert decode_bytes(b"") == ("", "utf-8")


# ------------------------------------------------------------------------------------ parse_published


def test_reader_parse_published_iso_date() -> None:
    assert parse_published("2024-01-20") == (dt.date(2024, 1, 20), None)


def test_reader_parse_published_keeps_the_day_of_a_timestamp() -> None:
    assert parse_published("2024-01-20T18:30:00+03:00") == (dt.date(2024, 1, 20), None)


@pytest.mark.parametrize("value", [None, ""])
def test_reader_parse_published_missing_warns(value: Any) -> None:
    date, warning = parse_published(value)
    assert date is None
    assert warning is not None and "publication date" in warning


@pytest.mark.parametrize("value", ["yesterday", "2024-13-40", "الأحد", 12.5])
def test_reader_parse_published_unparsable_warns(value: Any) -> None:
    date, warning = parse_published(value)
    assert date is None
    assert warning is not None and "unparsable" in warning


# ------------------------------------------------------------------------------------------ read_docs


def test_reader_reads_the_document_fields(tmp_path: Path) -> None:
    doc = read_one(tmp_path, ARTICLE.encode("utf-8"), url="https://example.org/a")
    assert (doc.id, doc.text, doc.outlet, doc.published, doc.url) == (
        "a", ARTICLE, "test", dt.date(2024, 1, 20), "https://example.org/a")
    assert doc.error is None
    assert doc.warnings == ()


def test_reader_utf8_bom_file_has_no_warning(tmp_path: Path) -> None:
    doc = read_one(tmp_path, codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))
    assert doc.text == ARTICLE
    assert doc.warnings == ()


def test_reader_cp1256_file_warns_with_the_encoding(tmp_path: Path) -> None:
    doc = read_one(tmp_path, ARTICLE.encode("cp1256"))
    assert doc.text == ARTICLE
    assert any("cp1256" in w for w in doc.warnings)


def test_reader_utf16_file_warns_with_the_encoding(tmp_path: Path) -> None:
    doc = read_one(tmp_path, ARTICLE.encode("utf-16"))
    assert doc.text == ARTICLE
    assert any("utf-16" in w for w in doc.warnings)


def test_reader_binary_file_gives_error_with_the_id(tmp_path: Path) -> None:
    doc = read_one(tmp_path, png_bytes())
    assert doc.id == "a"
    assert doc.text is None
    assert doc.error is not None and "binary" in doc.error


def test_reader_empty_file_is_empty_text_not_error(tmp_path: Path) -> None:
    doc = read_one(tmp_path, b"")
    assert doc.error is None
    assert doc.text == ""


def test_reader_missing_article_file_gives_error_with_the_id(tmp_path: Path) -> None:
    docs = list(read_docs(write_docs(tmp_path, [{"id": "gone", "published": "2024-01-20", "path": "nope.txt"}])))
    assert [d.id for d in docs] == ["gone"]
    assert docs[0].error is not None and "nope.txt" in docs[0].error


def test_reader_directory_as_path_gives_error_with_the_id(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    docs = list(read_docs(write_docs(tmp_path, [{"id": "dir", "path": "folder"}])))
    assert docs[0].id == "dir"
    assert docs[0].error is not None


def test_reader_inline_text_field_is_used(tmp_path: Path) -> None:
    docs = list(read_docs(write_docs(tmp_path, [{"id": "t", "published": "2024-01-20", "text": ATTACK}])))
    assert docs[0].text == ATTACK
    assert docs[0].error is None


def test_reader_inline_text_wins_over_path(tmp_path: Path) -> None:
    (tmp_path / "other.txt").write_text(ROCKETS, encoding="utf-8")
    docs = list(read_docs(write_docs(tmp_path, [{"id": "t", "text": ATTACK, "path": "other.txt"}])))
    assert docs[0].text == ATTACK


def test_reader_line_with_neither_text_nor_path_gives_error(tmp_path: Path) -> None:
    docs = list(read_docs(write_docs(tmp_path, [{"id": "bare", "published": "2024-01-20"}])))
    assert docs[0].id == "bare"
    assert docs[0].error is not None and "path" in docs[0].error


def test_reader_path_is_relative_to_the_docs_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "texts").mkdir(parents=True)
    (corpus / "texts" / "a.txt").write_text(ATTACK, encoding="utf-8")
    docs_file = write_docs(corpus, [{"id": "a", "path": "texts/a.txt"}])
    monkeypatch.chdir(tmp_path)
    docs = list(read_docs(docs_file.relative_to(tmp_path)))
    assert docs[0].error is None
    assert docs[0].text == ATTACK


def test_reader_invalid_json_line_gives_line_n_error(tmp_path: Path) -> None:
    docs = list(read_docs(write_docs(tmp_path, [{"id": "x", "text": ATTACK}, '{"id": "y", "text": '])))
    assert [d.id for d in docs] == ["x", "line-2"]
    assert docs[1].error is not None and "line 2" in docs[1].error


def test_reader_json_list_line_gives_line_n_error(tmp_path: Path) -> None:
    docs = list(read_docs(write_docs(tmp_path, [["id", "x"]])))
    assert docs[0].id == "line-1"
    assert docs[0].error is not None and "not a JSON object" in docs[0].error


@pytest.mark.parametrize("line", [{"text": ATTACK}, {"id": "", "text": ATTACK}, {"id": 7, "text": ATTACK}])
def test_reader_line_without_usable_id_gives_line_n_error(tmp_path: Path, line: dict[str, Any]) -> None:
    docs = list(read_docs(write_docs(tmp_path, [line])))
    assert docs[0].id == "line-1"
    assert docs[0].error is not None and "id" in docs[0].error


def test_reader_non_utf8_docs_line_gives_line_n_error(tmp_path: Path) -> None:
    raw = json.dumps({"id": "w", "text": ATTACK}, ensure_ascii=False).encode("cp1256")
    docs = list(read_docs(write_docs(tmp_path, [raw])))
    assert docs[0].id == "line-1"
    assert docs[0].error is not None


def test_reader_blank_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    docs = list(read_docs(write_docs(tmp_path, ["", {"id": "x", "text": ATTACK}, "   ", "{oops"])))
    assert [d.id for d in docs] == ["x", "line-4"]


def test_reader_unparsable_published_is_a_warning_not_an_error(tmp_path: Path) -> None:
    docs = list(read_docs(write_docs(tmp_path, [{"id": "p", "published": "yesterday", "text": ATTACK}])))
    assert docs[0].error is None
    assert docs[0].published is None
    assert any("yesterday" in w for w in docs[0].warnings)


def test_reader_missing_published_is_a_warning_not_an_error(tmp_path: Path) -> None:
    docs = list(read_docs(write_docs(tmp_path, [{"id": "p", "text": ATTACK}])))
    assert docs[0].error is None
    assert docs[0].published is None
    assert any("publication date" in w for w in docs[0].warnings)


def test_reader_missing_docs_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.jsonl"):
        list(read_docs(tmp_path / "missing.jsonl"))
