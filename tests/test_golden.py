"""The gold gate: end-to-end extraction scored against annotated corpora, with floors pinned in
tests/corpus/floors.json (trafilatura's eval-gate practice)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from marsad.evaluate import load_records, score
from marsad.linking import Linker, link_run
from marsad.reader import read_docs

CORPUS = Path(__file__).parent / "corpus"
HELDOUT = CORPUS / "heldout"
HELDOUT4 = CORPUS / "heldout4"
HELDOUT5 = CORPUS / "heldout5"
HELDOUT6 = CORPUS / "heldout6"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
FLOORS = json.loads((CORPUS / "floors.json").read_text(encoding="utf-8"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(pipeline, docs_path: Path, tmp_path: Path) -> dict:
    """What `marsad extract` does: extract every document, then link the events into incidents."""
    docs = list(pipeline.run(read_docs(docs_path)))
    ids = link_run(Linker(pipeline.resources.entries), [(d.id, d.outlet, d.events) for d in docs])
    out = tmp_path / "system.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for doc, doc_ids in zip(docs, ids, strict=True):
            record = doc.to_json()
            for event, incident in zip(record["events"], doc_ids, strict=True):
                event["event_id"] = incident
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return score(load_records(docs_path.parent / "gold.jsonl"), load_records(out))


def _value(scores: dict, dotted: str) -> float:
    node = scores
    for part in dotted.split("."):
        node = node[part]
    return node


def _check(scores: dict, floors: dict) -> None:
    below = {k: (_value(scores, k), v) for k, v in floors.items() if (_value(scores, k) or 0.0) < v}
    assert not below, f"scores below their floors (measured, floor): {below}"


def test_golden_corpus_is_the_one_floors_were_measured_on():
    assert _sha(CORPUS / "docs.jsonl") == FLOORS["corpus"]["docs_sha256"]
    assert _sha(CORPUS / "gold.jsonl") == FLOORS["corpus"]["gold_sha256"]


def test_golden_corpus_meets_floors(pipeline, tmp_path):
    _check(_run(pipeline, CORPUS / "docs.jsonl", tmp_path), FLOORS["corpus"]["floors"])


HELDOUT_SETS = [("heldout", HELDOUT), ("heldout4", HELDOUT4), ("heldout5", HELDOUT5), ("heldout6", HELDOUT6)]


@pytest.mark.parametrize(("name", "folder"), HELDOUT_SETS)
def test_golden_heldout_is_the_one_floors_were_measured_on(name, folder):
    assert _sha(folder / "docs.jsonl") == FLOORS[name]["docs_sha256"]
    assert _sha(folder / "gold.jsonl") == FLOORS[name]["gold_sha256"]


@pytest.mark.parametrize(("name", "folder"), HELDOUT_SETS)
def test_golden_heldout_meets_floors(pipeline, tmp_path, name, folder):
    """The held-out sets are never tuned to (their README.md); their floors only catch regressions."""
    _check(_run(pipeline, folder / "docs.jsonl", tmp_path), FLOORS[name]["floors"])


def test_golden_seeds_meet_floors(pipeline, tmp_path):
    if not SEEDS.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("../shared/corpus/seeds is missing in CI")
        pytest.skip("../shared/corpus/seeds not beside the repository")
    _check(_run(pipeline, SEEDS / "docs.jsonl", tmp_path), FLOORS["seeds"]["floors"])


def test_golden_corpus_integrity(resources):
    """The corpus itself: documents and gold aligned, ids known, evidence quoted from the text."""
    docs = [json.loads(line) for line in (CORPUS / "docs.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = [json.loads(line) for line in (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs] == [g["doc"] for g in gold]
    assert len(docs) >= 40
    assert sum(1 for g in gold if not g["events"] and not g["tallies"]) >= 8
    outlets = {d["outlet"] for d in docs}
    assert len(outlets) >= 10
    for d, g in zip(docs, gold, strict=True):
        text = (CORPUS / d["path"]).read_text(encoding="utf-8")
        for e in g["events"]:
            assert e["type"] in ("attack", "strike", "reinforcement")
            for key in ("location", "actor", "target"):
                assert e[key] is None or e[key] in resources.entries, (d["id"], key, e[key])
            assert e["evidence"] in text, (d["id"], e["evidence"])
        for t in g["tallies"]:
            assert t["source"] is None or t["source"] in resources.entries
    incidents: dict[str, set[str]] = {}
    for g in gold:
        for e in g["events"]:
            incidents.setdefault(e["incident"], set()).add(g["doc"])
    assert sum(1 for docs_ in incidents.values() if len(docs_) > 1) >= 8  # told by several outlets
