"""Behaviour tests of the ``marsad`` command (spec events.md, "Command-line contract").

``marsad extract`` is run through click's CliRunner for each behaviour, and through a real subprocess of
the installed ``marsad`` script for a mixed batch and for the error shape.  Every extract run checks that
the output has exactly one line per non-blank input line, in input order (a document is never dropped).
Arabic texts below are written for these tests.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from marsad.cli import main

REPO = Path(__file__).resolve().parents[1]

ATTACK = "استهدفت طائرة مسيرة قاعدة عين الأسد الجوية في محافظة الأنبار فجر اليوم."
ROCKETS_YESTERDAY = "سقطت ثلاثة صواريخ كاتيوشا على قاعدة التنف في سوريا أمس دون وقوع إصابات."
DATED_HARIR = "وفي سياق متصل، كانت طائرة مسيرة قد استهدفت قاعدة حرير في أربيل في 5 كانون الثاني 2024."
MORTARS = (
    "قصفت فصائل مسلحة قاعـــدة فكتوريا قرب مطار بغداد الدولي بقذائفِ الهاون يوم الأحد 7 كانون الثاني 2024."
    "\r\nولم تُسفر الهجمات عن إصابات في صفوف القوات المتواجدة هناك.\r\n"
)
CONVOY = (
    "وقال المرصد السوري لحقوق الإنسان إن رتلا من 35 شاحنة تابعة للتحالف الدولي دخل إلى قاعدة خراب الجير "
    "في ريف الحسكة قادما من إقليم كردستان العراق، أمس الأحد."
)
TALLY = (
    "وبذلك يرتفع عدد الهجمات على القوات الأمريكية في العراق وسوريا إلى 150 هجوما منذ 17 تشرين الأول، "
    "بحسب وزارة الدفاع الأمريكية."
)
PARAGRAPH = (
    "استهدفت طائرة مسيرة قاعدة عين الأسد الجوية في محافظة الأنبار غربي العراق فجر اليوم، "
    "بحسب ما أفاد مصدر أمني عراقي. وأضاف المصدر أن منظومة الدفاع الجوي في القاعدة تصدت للطائرة "
    "قبل وصولها إلى هدفها، ولم يسفر الهجوم عن وقوع إصابات في صفوف القوات المتواجدة هناك. "
    "وتشهد المنطقة توترا متصاعدا منذ أسابيع، فيما دعت الحكومة العراقية إلى ضبط النفس وتجنب التصعيد.\n"
)
ENGLISH = (
    "A drone struck the Ain al-Asad air base in western Iraq early today, an Iraqi security source said. "
    "No casualties were reported.\n"
)
PUBLISHED = "2024-01-22"


# ---------------------------------------------------------------------------------------------- helpers


def png_bytes() -> bytes:
    """A PNG signature and IHDR chunk followed by deterministic noise with NUL runs."""
    rnd = random.Random(99)
    body = bytearray()
    for _ in range(64):
        body += rnd.randbytes(24) + b"\x00" * rnd.randint(1, 6)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(body)


def article(tmp_path: Path, name: str, data: bytes | str) -> dict[str, Any]:
    """Write an article file (str = UTF-8) and return its docs.jsonl line."""
    (tmp_path / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return {"id": Path(name).stem, "outlet": "test", "published": PUBLISHED, "url": None, "path": name}


def inline(doc_id: str, text: str, **fields: Any) -> dict[str, Any]:
    return {"id": doc_id, "outlet": "test", "published": PUBLISHED, "text": text, **fields}


def write_docs(tmp_path: Path, lines: list[Any], name: str = "docs.jsonl") -> Path:
    """dicts/lists are dumped as JSON; str lines are written as they are (use them for broken lines)."""
    path = tmp_path / name
    path.write_text(
        "".join((ln if isinstance(ln, str) else json.dumps(ln, ensure_ascii=False)) + "\n" for ln in lines),
        encoding="utf-8",
    )
    return path


def nonblank_lines(path: Path) -> int:
    return sum(1 for line in path.read_bytes().splitlines() if line.strip())


def parse_output(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def run_cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def extract(tmp_path: Path, lines: list[Any], *args: str) -> dict[str, dict[str, Any]]:
    """Run ``marsad extract`` on ``lines``; check exit 0 and one output line per input line, in order."""
    docs = write_docs(tmp_path, lines)
    result = run_cli("extract", str(docs), "--no-progress", *args)
    assert result.exit_code == 0, (result.stderr, result.exception)
    records = parse_output(result.stdout)
    assert len(records) == nonblank_lines(docs)
    expected_ids = [ln["id"] if isinstance(ln, dict) and isinstance(ln.get("id"), str) and ln["id"] else None
                    for ln in lines if not (isinstance(ln, str) and not ln.strip())]
    for want, rec in zip(expected_ids, records, strict=True):
        if want is not None:
            assert rec["doc"] == want
    return {r["doc"]: r for r in records}


def events_at(record: dict[str, Any], location: str) -> list[dict[str, Any]]:
    return [e for e in record["events"] if e["location"] == location]


def marsad_exe() -> str:
    candidate = Path(sys.executable).with_name("marsad")
    if candidate.exists():
        return str(candidate)
    found = shutil.which("marsad") or str(REPO / ".venv" / "bin" / "marsad")
    if not Path(found).exists():
        pytest.skip("the marsad script is not installed")
    return found


def run_subprocess(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([marsad_exe(), *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=300, check=False)


def assert_one_line_error(exit_code: int, stderr: str) -> None:
    assert exit_code != 0
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("marsad: error:")


def gold_record(doc: str, events: list[dict[str, Any]], tallies: list[dict[str, Any]] | None = None) -> str:
    return json.dumps({"doc": doc, "events": events, "tallies": tallies or []}, ensure_ascii=False)


def gold_event(**fields: Any) -> dict[str, Any]:
    event: dict[str, Any] = {"type": "attack", "date": "2024-01-22", "location": "ain-al-asad", "country": "IQ",
                             "weapons": ["drone"], "count": 1, "actor": None, "actor_basis": None,
                             "target": "us-forces", "killed": None, "injured": None, "intercepted": None,
                             "incident": "ain-al-asad-2024-01-22"}
    event.update(fields)
    return event


# ------------------------------------------------------------------------------------ extract: inputs


def test_cli_empty_text_file_is_kept_with_empty_text_warning(tmp_path: Path) -> None:
    records = extract(tmp_path, [article(tmp_path, "empty.txt", b"")])
    rec = records["empty"]
    assert rec["events"] == [] and rec["tallies"] == []
    assert "error" not in rec
    assert any("empty text" in w for w in rec["warnings"])


def test_cli_binary_file_gives_error_and_the_run_goes_on(tmp_path: Path) -> None:
    records = extract(tmp_path, [article(tmp_path, "image.txt", png_bytes()), article(tmp_path, "good.txt", ATTACK)])
    assert "binary" in records["image"]["error"]
    assert records["image"]["events"] == []
    assert events_at(records["good"], "ain-al-asad")


def test_cli_cp1256_file_is_decoded_with_a_warning(tmp_path: Path) -> None:
    records = extract(tmp_path, [article(tmp_path, "win.txt", ATTACK.encode("cp1256"))])
    rec = records["win"]
    assert "error" not in rec
    assert events_at(rec, "ain-al-asad")
    assert any("cp1256" in w for w in rec["warnings"])


def test_cli_utf16_file_with_bom_is_decoded_with_a_warning(tmp_path: Path) -> None:
    records = extract(tmp_path, [article(tmp_path, "u16.txt", ATTACK.encode("utf-16"))])
    rec = records["u16"]
    assert "error" not in rec
    assert events_at(rec, "ain-al-asad")
    assert any("utf-16" in w for w in rec["warnings"])


def test_cli_utf16le_file_without_bom_is_decoded_with_a_warning(tmp_path: Path) -> None:
    records = extract(tmp_path, [article(tmp_path, "u16le.txt", ATTACK.encode("utf-16-le"))])
    rec = records["u16le"]
    assert "error" not in rec, rec.get("error")
    assert events_at(rec, "ain-al-asad")
    assert any("utf-16" in w for w in rec["warnings"])


def test_cli_utf8_file_with_bom_is_decoded_without_a_warning(tmp_path: Path) -> None:
    records = extract(tmp_path, [article(tmp_path, "bom.txt", codecs.BOM_UTF8 + ATTACK.encode("utf-8"))])
    rec = records["bom"]
    assert "error" not in rec
    assert "warnings" not in rec
    assert events_at(rec, "ain-al-asad")


def test_cli_english_text_gives_no_events_and_a_not_arabic_warning(tmp_path: Path) -> None:
    records = extract(tmp_path, [article(tmp_path, "english.txt", ENGLISH)])
    rec = records["english"]
    assert rec["events"] == [] and rec["tallies"] == []
    assert any("not Arabic" in w for w in rec["warnings"])


def test_cli_long_article_is_cut_at_max_chars_with_a_warning(tmp_path: Path) -> None:
    big = PARAGRAPH * (5_000_000 // len(PARAGRAPH.encode("utf-8")) + 1)
    assert len(big.encode("utf-8")) >= 5_000_000
    records = extract(tmp_path, [article(tmp_path, "big.txt", big), inline("after", ATTACK)], "--max-chars", "20000")
    rec = records["big"]
    assert "error" not in rec
    assert any("cut to 20000" in w for w in rec["warnings"])
    assert events_at(rec, "ain-al-asad")
    assert events_at(records["after"], "ain-al-asad")


def test_cli_5mb_article_at_default_max_chars_completes_within_60s(tmp_path: Path) -> None:
    big = PARAGRAPH * (5_000_000 // len(PARAGRAPH.encode("utf-8")) + 1)
    line = article(tmp_path, "big.txt", big)
    start = time.perf_counter()
    records = extract(tmp_path, [line])
    elapsed = time.perf_counter() - start
    assert "big" in records
    assert elapsed < 60, f"{elapsed:.1f} s"


def test_cli_malformed_lines_give_line_n_errors_and_neighbours_survive(tmp_path: Path) -> None:
    lines = [
        inline("first", ATTACK),
        '{"id": "broken", "text": "استهدفت',
        inline("second", ROCKETS_YESTERDAY),
        '["id", "a list"]',
        json.dumps({"outlet": "test", "text": ATTACK}),
        inline("third", ATTACK),
    ]
    records = extract(tmp_path, lines)
    assert list(records) == ["first", "line-2", "second", "line-4", "line-5", "third"]
    for bad in ("line-2", "line-4", "line-5"):
        assert records[bad]["error"]
        assert records[bad]["events"] == []
    for good in ("first", "second", "third"):
        assert "error" not in records[good]
        assert records[good]["events"]


def test_cli_missing_published_warns_and_leaves_relative_dates_null(tmp_path: Path) -> None:
    line = {"id": "nodate", "outlet": "test", "text": ROCKETS_YESTERDAY + " " + DATED_HARIR}
    rec = extract(tmp_path, [line])["nodate"]
    assert any("publication date" in w for w in rec["warnings"])
    assert [e["date"] for e in events_at(rec, "al-tanf")] == [None]
    assert [e["date"] for e in events_at(rec, "harir")] == ["2024-01-05"]


def test_cli_unparsable_published_warns_and_leaves_relative_dates_null(tmp_path: Path) -> None:
    line = inline("baddate", ROCKETS_YESTERDAY + " " + DATED_HARIR, published="yesterday")
    rec = extract(tmp_path, [line])["baddate"]
    assert any("yesterday" in w for w in rec["warnings"])
    assert [e["date"] for e in events_at(rec, "al-tanf")] == [None]
    assert [e["date"] for e in events_at(rec, "harir")] == ["2024-01-05"]


def test_cli_relative_date_resolves_against_published(tmp_path: Path) -> None:
    rec = extract(tmp_path, [inline("dated", ROCKETS_YESTERDAY)])["dated"]
    assert [e["date"] for e in events_at(rec, "al-tanf")] == ["2024-01-21"]


def test_cli_inline_text_field_is_processed(tmp_path: Path) -> None:
    rec = extract(tmp_path, [inline("inline", ATTACK)])["inline"]
    assert "error" not in rec
    assert events_at(rec, "ain-al-asad")


def test_cli_missing_article_file_gives_error_record_with_the_id(tmp_path: Path) -> None:
    line = {"id": "ghost", "published": PUBLISHED, "path": "texts/ghost.txt"}
    records = extract(tmp_path, [line, inline("next", ATTACK)])
    assert "ghost.txt" in records["ghost"]["error"]
    assert records["ghost"]["events"] == []
    assert events_at(records["next"], "ain-al-asad")


def test_cli_output_has_one_line_per_nonblank_input_line_in_order(tmp_path: Path) -> None:
    lines = [
        article(tmp_path, "a1.txt", ATTACK),
        "",
        article(tmp_path, "a2.txt", b""),
        "   ",
        article(tmp_path, "a3.txt", png_bytes()),
        "{not json",
        inline("a4", ENGLISH),
        {"id": "a5", "path": "missing.txt"},
        inline("a6", ROCKETS_YESTERDAY, published=None),
        inline("a1", ROCKETS_YESTERDAY),  # a repeated id is still its own line
    ]
    docs = write_docs(tmp_path, lines)
    result = run_cli("extract", str(docs), "--no-progress")
    assert result.exit_code == 0
    records = parse_output(result.stdout)
    assert [r["doc"] for r in records] == ["a1", "a2", "a3", "line-6", "a4", "a5", "a6", "a1"]
    assert len(records) == nonblank_lines(docs)


# ------------------------------------------------------------------------------------ extract: output


def test_cli_output_option_writes_the_file(tmp_path: Path) -> None:
    docs = write_docs(tmp_path, [inline("one", ATTACK), inline("two", CONVOY)])
    out = tmp_path / "out.jsonl"
    result = run_cli("extract", str(docs), "-o", str(out), "--no-progress")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert [r["doc"] for r in parse_output(out.read_text(encoding="utf-8"))] == ["one", "two"]


def test_cli_without_output_option_writes_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = write_docs(tmp_path, [inline("one", ATTACK)])
    monkeypatch.chdir(tmp_path)
    result = run_cli("extract", str(docs), "--no-progress")
    assert result.exit_code == 0
    assert [r["doc"] for r in parse_output(result.stdout)] == ["one"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs.jsonl"]


def test_cli_output_records_have_the_gold_shape_plus_event_id_and_evidence(tmp_path: Path) -> None:
    rec = extract(tmp_path, [inline("one", ATTACK)])["one"]
    event = events_at(rec, "ain-al-asad")[0]
    for key in ("type", "date", "location", "country", "weapons", "count", "actor", "actor_basis", "target",
                "killed", "injured", "intercepted", "event_id", "evidence"):
        assert key in event
    assert event["event_id"]
    assert all({"start", "end", "text"} <= set(span) for span in event["evidence"])


def test_cli_summary_prints_a_table_to_stderr(tmp_path: Path) -> None:
    docs = write_docs(tmp_path, [inline("one", ATTACK), inline("two", CONVOY)])
    result = run_cli("extract", str(docs), "--summary", "--no-progress")
    assert result.exit_code == 0
    assert "Events found" in result.stderr
    assert "ain-al-asad" in result.stderr
    assert "2 documents" in result.stderr
    assert "Events found" not in result.stdout
    assert len(parse_output(result.stdout)) == 2


def test_cli_evidence_spans_index_the_original_file_text(tmp_path: Path) -> None:
    files = {
        "plain.txt": ("utf-8", ATTACK + "\n" + TALLY),
        "crlf.txt": ("utf-8", MORTARS),
        "bom.txt": ("utf-8-sig", "\n" + CONVOY),
        "win.txt": ("cp1256", ROCKETS_YESTERDAY + "\r\n" + DATED_HARIR),
        "wide.txt": ("utf-16", "اسْتَهْدَفَتْ طائرةٌ مُسيّرةٌ قاعدة عين الأسد الجوية في الأنبار فجر اليوم.\n"),
    }
    lines = [article(tmp_path, name, text.encode(enc)) for name, (enc, text) in files.items()]
    records = extract(tmp_path, lines)
    checked = 0
    for name, (enc, _) in files.items():
        original = (tmp_path / name).read_bytes().decode(enc)  # decoded independently of marsad
        rec = records[Path(name).stem]
        assert "error" not in rec
        assert rec["events"] or rec["tallies"], name
        for item in rec["events"] + rec["tallies"]:
            assert item["evidence"], (name, item)
            for span in item["evidence"]:
                assert original[span["start"]:span["end"]] == span["text"], (name, span)
                checked += 1
    assert checked >= 10


# ------------------------------------------------------------------------------------ errors


def test_cli_missing_docs_file_is_a_one_line_error(tmp_path: Path) -> None:
    result = run_cli("extract", str(tmp_path / "missing.jsonl"))
    assert_one_line_error(result.exit_code, result.stderr)
    assert result.stdout == ""


def test_cli_eval_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    system = tmp_path / "system.jsonl"
    system.write_text(gold_record("d1", [gold_event()]) + "\n", encoding="utf-8")
    result = run_cli("eval", str(tmp_path / "missing.jsonl"), str(system))
    assert_one_line_error(result.exit_code, result.stderr)


def test_cli_eval_malformed_gold_line_is_a_one_line_error(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(gold_record("d1", [gold_event()]) + '\n{"doc": "d2", "events": [\n', encoding="utf-8")
    system = tmp_path / "system.jsonl"
    system.write_text(gold_record("d1", [gold_event()]) + "\n", encoding="utf-8")
    result = run_cli("eval", str(gold), str(system))
    assert_one_line_error(result.exit_code, result.stderr)
    assert "gold.jsonl:2" in result.stderr


def test_cli_output_into_a_missing_directory_is_a_one_line_error(tmp_path: Path) -> None:
    docs = write_docs(tmp_path, [inline("one", ATTACK)])
    result = run_cli("extract", str(docs), "-o", str(tmp_path / "no" / "such" / "out.jsonl"))
    assert_one_line_error(result.exit_code, result.stderr)


def test_cli_lone_surrogate_in_a_line_does_not_stop_the_run(tmp_path: Path) -> None:
    lines = ['{"id": "odd\\ud800", "text": "' + ATTACK + '"}', inline("after", ATTACK)]
    docs = write_docs(tmp_path, lines)
    result = run_cli("extract", str(docs), "--no-progress")
    assert result.exit_code == 0
    records = parse_output(result.stdout)
    assert len(records) == 2
    assert events_at(records[1], "ain-al-asad")


# ------------------------------------------------------------------------------------ eval


def write_eval_files(tmp_path: Path) -> tuple[Path, Path]:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        gold_record("d1", [gold_event()], [{"count": 150, "what": "attacks", "since": None, "as_of": None,
                                           "country": None, "source": "us-dod"}]) + "\n"
        + gold_record("d2", [gold_event(type="reinforcement", location="harir", weapons=[], count=40)]) + "\n",
        encoding="utf-8",
    )
    system = tmp_path / "system.jsonl"
    system.write_text(
        gold_record("d1", [{**gold_event(), "event_id": "ev-1"}]) + "\n" + gold_record("d2", []) + "\n",
        encoding="utf-8",
    )
    return gold, system


def test_cli_eval_json_prints_one_object_with_the_score_keys(tmp_path: Path) -> None:
    gold, system = write_eval_files(tmp_path)
    result = run_cli("eval", str(gold), str(system), "--json")
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == 1
    scores = json.loads(result.stdout)
    assert {"events", "dates", "fields", "tallies", "dedup"} <= set(scores)
    assert scores["events"]["tp"] == 1 and scores["events"]["fn"] == 1 and scores["events"]["fp"] == 0
    assert scores["tallies"]["fn"] == 1


def test_cli_eval_without_json_prints_a_table(tmp_path: Path) -> None:
    gold, system = write_eval_files(tmp_path)
    result = run_cli("eval", str(gold), str(system))
    assert result.exit_code == 0
    assert "events" in result.stdout
    assert "tallies" in result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout)


def test_cli_eval_scores_extract_output_against_itself(tmp_path: Path) -> None:
    docs = write_docs(tmp_path, [inline("one", ATTACK), inline("two", CONVOY)])
    out = tmp_path / "out.jsonl"
    assert run_cli("extract", str(docs), "-o", str(out), "--no-progress").exit_code == 0
    result = run_cli("eval", str(out), str(out), "--json")
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert scores["events"]["f1"] == 1.0


# ------------------------------------------------------------------------------------ help


def test_cli_main_help_lists_the_commands() -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    for word in ("extract", "eval", "--version", "--help"):
        assert word in result.stdout


def test_cli_extract_help_mentions_its_options() -> None:
    result = run_cli("extract", "--help")
    assert result.exit_code == 0
    for option in ("DOCS", "--output", "-o", "--summary", "--progress", "--data-dir", "--max-chars"):
        assert option in result.stdout


def test_cli_eval_help_mentions_its_options() -> None:
    result = run_cli("eval", "--help")
    assert result.exit_code == 0
    for option in ("GOLD", "SYSTEM", "--json"):
        assert option in result.stdout


# ------------------------------------------------------------------------------------ real subprocess


def test_cli_subprocess_extract_mixed_batch(tmp_path: Path) -> None:
    lines = [
        article(tmp_path, "empty.txt", b""),
        article(tmp_path, "image.txt", png_bytes()),
        article(tmp_path, "good.txt", ATTACK),
        article(tmp_path, "win.txt", ROCKETS_YESTERDAY.encode("cp1256")),
        article(tmp_path, "wide.txt", ATTACK.encode("utf-16")),
        article(tmp_path, "bom.txt", codecs.BOM_UTF8 + CONVOY.encode("utf-8")),
        article(tmp_path, "english.txt", ENGLISH),
        article(tmp_path, "big.txt", PARAGRAPH * 200),
        "",
        "{broken",
        "[1, 2]",
        json.dumps({"text": ATTACK}),
        {"id": "nodate", "text": ROCKETS_YESTERDAY + " " + DATED_HARIR},
        inline("baddate", ROCKETS_YESTERDAY + " " + DATED_HARIR, published="yesterday"),
        inline("inline", MORTARS),
        {"id": "ghost", "path": "ghost.txt"},
    ]
    docs = write_docs(tmp_path, lines)
    out = tmp_path / "out.jsonl"
    proc = run_subprocess("extract", docs.name, "-o", out.name, "--max-chars", "20000", "--summary",
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert "Events found" in proc.stderr
    records = parse_output(out.read_text(encoding="utf-8"))
    assert len(records) == nonblank_lines(docs)
    by_id = {r["doc"]: r for r in records}
    assert list(by_id) == ["empty", "image", "good", "win", "wide", "bom", "english", "big", "line-10",
                           "line-11", "line-12", "nodate", "baddate", "inline", "ghost"]
    assert any("empty text" in w for w in by_id["empty"]["warnings"])
    assert "binary" in by_id["image"]["error"]
    assert events_at(by_id["good"], "ain-al-asad")
    assert events_at(by_id["win"], "al-tanf") and any("cp1256" in w for w in by_id["win"]["warnings"])
    assert events_at(by_id["wide"], "ain-al-asad") and any("utf-16" in w for w in by_id["wide"]["warnings"])
    assert events_at(by_id["bom"], "kharab-al-jir") and "warnings" not in by_id["bom"]
    assert any("not Arabic" in w for w in by_id["english"]["warnings"])
    assert any("cut to 20000" in w for w in by_id["big"]["warnings"])
    for bad in ("line-10", "line-11", "line-12", "ghost"):
        assert by_id[bad]["error"]
    for doc_id in ("nodate", "baddate"):
        assert [e["date"] for e in events_at(by_id[doc_id], "al-tanf")] == [None]
        assert [e["date"] for e in events_at(by_id[doc_id], "harir")] == ["2024-01-05"]
    assert events_at(by_id["inline"], "victory-base")


def test_cli_subprocess_writes_stdout_without_output_option(tmp_path: Path) -> None:
    docs = write_docs(tmp_path, [inline("one", ATTACK), inline("two", CONVOY)])
    proc = run_subprocess("extract", docs.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert [r["doc"] for r in parse_output(proc.stdout)] == ["one", "two"]


def test_cli_subprocess_missing_docs_file_is_a_one_line_error(tmp_path: Path) -> None:
    proc = run_subprocess("extract", "missing.jsonl", cwd=tmp_path)
    assert_one_line_error(proc.returncode, proc.stderr)
    assert proc.stdout == ""


def test_cli_subprocess_eval_malformed_gold_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "gold.jsonl").write_text("{oops\n", encoding="utf-8")
    (tmp_path / "system.jsonl").write_text(gold_record("d1", []) + "\n", encoding="utf-8")
    proc = run_subprocess("eval", "gold.jsonl", "system.jsonl", cwd=tmp_path)
    assert_one_line_error(proc.returncode, proc.stderr)


def test_cli_subprocess_help_exits_zero() -> None:
    for args in (["--help"], ["extract", "--help"], ["eval", "--help"]):
        proc = run_subprocess(*args, cwd=REPO)
        assert proc.returncode == 0, args
        assert "Usage:" in proc.stdout
