"""The store's commands through click's CliRunner, and one real subprocess run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main
from test_store_support import CORPUS
from test_store_support import CORPUS_DOCS as N


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "m.db")
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--db", path, "--no-progress"])
    assert result.exit_code == 0, result.output
    assert f"documents: {N} ({N} new, 0 updated, 0 unchanged, 0 failed)" in result.output
    assert "incidents:" in result.output and "mentions:" in result.output
    return path


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_store_cli_reingest_reports_unchanged(db: str) -> None:
    code, out, _ = run("ingest", str(CORPUS), "--db", db, "--no-progress")
    assert code == 0 and f"documents: {N} (0 new, 0 updated, {N} unchanged, 0 failed)" in out
    assert "0 created, 0 joined" in out


def test_store_cli_events_jsonl_and_filters(db: str) -> None:
    code, out, _ = run("events", "--db", db, "--format", "jsonl", "--limit", "500")
    assert code == 0
    rows = [json.loads(x) for x in out.splitlines()]
    assert len(rows) > 40 and all(r["id"].startswith("inc-") for r in rows)
    code, out, _ = run("events", "--db", db, "--format", "jsonl", "--country", "IQ", "--type", "attack",
                       "--since", "2024-01-01")
    sub = [json.loads(x) for x in out.splitlines()]
    assert sub and all(r["country"] == "IQ" and r["type"] == "attack" and r["date"] >= "2024-01-01" for r in sub)
    assert len(sub) < len(rows)


def test_store_cli_events_table(db: str) -> None:
    code, out, _ = run("events", "--db", db, "--location", "tower-22")
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith("inc-")]
    assert rows and all("tower-22" in line for line in rows)
    _, jsonl, _ = run("events", "--db", db, "--format", "jsonl", "--location", "tower-22")
    assert f"{len(jsonl.splitlines())} incidents match; showing 1-{len(rows)}" in out


def test_store_cli_show_lists_every_source_with_its_evidence(db: str) -> None:
    _, out, _ = run("events", "--db", db, "--format", "jsonl", "--location", "tower-22")
    inc = json.loads(out.splitlines()[0])
    code, out, _ = run("show", inc["id"], "--db", db)
    assert code == 0
    assert "consensus" in out and "accounts" in out and "change log" in out
    detail = json.loads(run("show", inc["id"], "--db", db, "--json")[1])
    assert len(detail["accounts"]) == inc["n_mentions"]
    for account in detail["accounts"]:
        assert account["doc_id"] in out
        sentence = account["sentence"][0]
        assert sentence.split()[0] in out  # the evidence sentence is printed (wrapped by the console)


def test_store_cli_show_unknown_incident_is_a_one_line_error(db: str) -> None:
    code, _out, err = run("show", "inc-000000000000", "--db", db)
    assert code == 1 and err.strip() == "marsad: error: no incident 'inc-000000000000'"


def test_store_cli_stats_with_reconciliation(db: str) -> None:
    code, out, _ = run("stats", "--db", db)
    assert code == 0
    for title in ("per week", "per country", "per site", "per actor", "tally reconciliation"):
        assert title in out
    data = json.loads(run("stats", "--db", db, "--json")[1])
    assert data["stats"]["total"] > 40 and data["reconciliation"]


@pytest.mark.parametrize("fmt", ["csv", "geojson", "jsonl", "parquet"])
def test_store_cli_export(db: str, tmp_path: Path, fmt: str) -> None:
    out_file = tmp_path / f"x.{fmt}"
    code, out, _ = run("export", "--db", db, "--format", fmt, "-o", str(out_file), "--country", "SY")
    assert code == 0 and out_file.stat().st_size > 0
    n = int(out.split()[0])
    code, listing, _ = run("events", "--db", db, "--country", "SY", "--format", "jsonl", "--limit", "1000")
    assert n == len(listing.splitlines()) > 0


@pytest.mark.parametrize(("args", "message"), [
    (["events", "--db", "mysql://root@127.0.0.1/test"], "marsad: error: unsupported database 'mysql'"),
    (["events", "--db", "postgresql://nobody@127.0.0.1:1/none"], "marsad: error: cannot open database"),
    (["ingest", "no/such/docs.jsonl", "--db", "{tmp}/x.db"], "marsad: error: no/such/docs.jsonl: no such file"),
    (["events", "--db", "{tmp}/x.db", "--since", "2024-02-01", "--until", "2024-01-01"],
     "marsad: error: --since 2024-02-01 is after --until 2024-01-01"),
])
def test_store_cli_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    code, _out, err = run(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert code == 1
    assert err.startswith(message) and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_store_cli_help_lists_the_store_commands() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for name in ("ingest", "events", "show", "stats", "export"):
        assert name in out
    code, out, _ = run("events", "--help")
    assert code == 0
    for opt in ("--since", "--until", "--country", "--location", "--actor", "--type", "--status", "--limit",
                "--format", "--db"):
        assert opt in out


def test_store_subprocess_uses_the_default_data_directory(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_DB"}
    marsad = [sys.executable, "-m", "marsad.cli"]
    r = subprocess.run([*marsad, "ingest", str(CORPUS), "--no-progress"], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "marsad-data" / "marsad.db").exists()
    r = subprocess.run([*marsad, "events", "--format", "jsonl", "--limit", "3"], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 3
    env["MARSAD_DB"] = str(tmp_path / "elsewhere.db")
    r = subprocess.run([*marsad, "events", "--format", "jsonl"], cwd=tmp_path, env=env, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0 and r.stdout == "" and (tmp_path / "elsewhere.db").exists()


@pytest.mark.parametrize(("flag", "sources"), [("--copies", 1), ("--no-copies", 2)])
def test_store_cli_ingest_records_syndicated_copies(tmp_path: Path, flag: str, sources: int) -> None:
    original = (CORPUS.parent / "texts" / "a02_reuters-ar.txt").read_text(encoding="utf-8")
    docs = tmp_path / "docs.jsonl"
    lines = [{"id": "orig", "outlet": "reuters-ar", "published": "2024-01-21", "url": None, "text": original},
             {"id": "reprint", "outlet": "shafaq", "published": "2024-01-21", "url": None,
              "text": "بغداد/ شفق نيوز\n\n" + original}]
    docs.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "m.db")
    code, _, err = run("ingest", str(docs), "--db", db, "--no-progress", flag)
    assert code == 0, err
    from marsad.store import open_store
    from marsad.store.queries import get_document, list_incidents

    with open_store(db) as st, st.session() as s:
        assert get_document(s, "reprint").copy_of == ("orig" if flag == "--copies" else None)
        incidents = list_incidents(s, limit=100).items
        assert incidents and all(i.n_documents == 2 and i.n_sources == sources for i in incidents)


def test_store_cli_copy_of_an_article_stored_by_an_earlier_run(tmp_path: Path) -> None:
    original = (CORPUS.parent / "texts" / "a05_petra.txt").read_text(encoding="utf-8")
    db = str(tmp_path / "m.db")
    for name, doc in (("first", {"id": "orig", "outlet": "petra", "text": original}),
                      ("second", {"id": "reprint", "outlet": "alarabiya", "text": original + "\n\nالمصدر: بترا"})):
        path = tmp_path / f"{name}.jsonl"
        path.write_text(json.dumps({**doc, "published": "2024-01-29", "url": None}, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        code, _, err = run("ingest", str(path), "--db", db, "--no-progress")
        assert code == 0, err
    from marsad.store import open_store
    from marsad.store.queries import get_document

    with open_store(db) as st, st.session() as s:
        assert get_document(s, "reprint").copy_of == "orig"
        assert get_document(s, "orig").copy_of is None
