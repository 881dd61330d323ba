"""Tests of the scorer (spec events.md, "Scoring"): small hand-built gold/system records."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from marsad.errors import InputError
from marsad.evaluate import FIELDS, format_scores, load_records, score

SEED_GOLD = Path("/work/shared/corpus/seeds/gold.jsonl")
DAY = "2023-10-19"


def ev(
    type: str = "attack",
    date: str | None = DAY,
    location: str | None = "al-tanf",
    country: str | None = "SY",
    **fields: Any,
) -> dict[str, Any]:
    """A full event record; unspecified fields are null (weapons empty)."""
    record: dict[str, Any] = {
        "type": type,
        "date": date,
        "location": location,
        "country": country,
        "weapons": [],
        "count": None,
        "actor": None,
        "actor_basis": None,
        "target": None,
        "killed": None,
        "injured": None,
        "intercepted": None,
    }
    record.update(fields)
    return record


def doc(
    doc_id: str, events: list[dict[str, Any]], tallies: list[dict[str, Any]] | None = None, **extra: Any
) -> dict[str, Any]:
    return {"doc": doc_id, "events": events, "tallies": tallies or [], **extra}


def one(events_gold: list[dict[str, Any]], events_sys: list[dict[str, Any]]) -> dict[str, Any]:
    """Score a single document."""
    return score({"d": doc("d", events_gold)}, {"d": doc("d", events_sys)})


def counts(prf: dict[str, Any]) -> tuple[int, int, int]:
    return prf["tp"], prf["fp"], prf["fn"]


# ------------------------------------------------------------------------------------------- detection


def test_evaluate_perfect_match_gives_one() -> None:
    gold = {
        "a": doc(
            "a",
            [
                ev(
                    weapons=["drone"],
                    count=3,
                    actor="ansar-allah",
                    actor_basis="claimed",
                    target="us-forces",
                    killed=0,
                    injured=2,
                    intercepted=True,
                    incident="i1",
                ),
                ev("strike", None, "kirkuk", "IQ", weapons=["aircraft"], incident="i2"),
            ],
            [{"count": 92, "what": "attacks"}],
        ),
        "b": doc("b", [ev("reinforcement", "2024-05-02", None, "SY", count=120, incident="i3")]),
    }
    system = copy.deepcopy(gold)
    s = score(gold, system)
    assert (s["events"]["precision"], s["events"]["recall"], s["events"]["f1"]) == (1.0, 1.0, 1.0)
    assert counts(s["events"]) == (3, 0, 0)
    assert s["tallies"]["f1"] == 1.0
    assert s["dates"] == {"accuracy": 1.0, "accuracy_pm1": 1.0, "n": 2}
    assert s["location"] == {"accuracy": 1.0, "n": 3}
    assert all(f["accuracy"] == 1.0 for f in s["fields"].values() if f["n"])
    assert s["fields"]["weapons"]["n"] == 2
    assert s["fields"]["killed"] == {"accuracy": 1.0, "n": 1}  # gold 0 is a value, not null


def test_evaluate_wrong_location_is_fp_and_fn() -> None:
    s = one([ev(location="al-tanf")], [ev(location="al-omar")])
    assert counts(s["events"]) == (0, 1, 1)
    assert (s["events"]["precision"], s["events"]["recall"], s["events"]["f1"]) == (0.0, 0.0, 0.0)
    # the relaxed matching still pairs them, and scores the location wrong
    assert s["location"] == {"accuracy": 0.0, "n": 1}


@pytest.mark.parametrize(
    ("gold_country", "sys_country", "tp"),
    [("SY", "SY", 1), ("SY", "IQ", 0), (None, None, 1), ("SY", None, 0)],
)
def test_evaluate_both_null_location_uses_country(
    gold_country: str | None, sys_country: str | None, tp: int
) -> None:
    s = one([ev(location=None, country=gold_country)], [ev(location=None, country=sys_country)])
    assert s["events"]["tp"] == tp
    assert s["location"] == {"accuracy": float(tp), "n": 1}


def test_evaluate_named_location_ignores_country() -> None:
    # location ids decide when they are set; country is then only a field
    s = one([ev(location="al-tanf", country="SY")], [ev(location="al-tanf", country="IQ")])
    assert s["events"]["tp"] == 1
    assert s["fields"]["country"] == {"accuracy": 0.0, "n": 1}


@pytest.mark.parametrize(
    ("gold_date", "sys_date", "tp", "dates_n"),
    [
        (None, DAY, 1, 0),  # gold null: any system date accepted, not counted in date accuracy
        (None, None, 1, 0),
        (DAY, None, 0, 0),  # gold dated, system null: not compatible
        (DAY, "2023-10-20", 0, 0),  # one day off is not compatible
        (DAY, DAY, 1, 1),
    ],
)
def test_evaluate_gold_null_date_accepts_any_system_date(
    gold_date: str | None, sys_date: str | None, tp: int, dates_n: int
) -> None:
    s = one([ev(date=gold_date)], [ev(date=sys_date)])
    assert s["events"]["tp"] == tp
    assert s["dates"]["n"] == dates_n


@pytest.mark.parametrize(
    ("sys_dates", "tp", "fp", "fn"),
    [
        # a greedy pass in gold order would give S(DAY) to the null-date gold event and lose the dated one
        ([DAY, "2023-10-21"], 2, 0, 0),
        ([DAY], 1, 0, 1),
        (["2023-10-21", DAY], 2, 0, 0),
    ],
)
def test_evaluate_exact_date_pairs_preferred_over_gold_null(
    sys_dates: list[str], tp: int, fp: int, fn: int
) -> None:
    gold = [ev(date=None, actor="null-date"), ev(date=DAY, actor="dated")]
    system = [ev(date=d, actor="x") for d in sys_dates]
    s = one(gold, system)
    assert counts(s["events"]) == (tp, fp, fn)
    # the dated gold event is always the one matched exactly
    assert s["dates"] == {"accuracy": 1.0, "accuracy_pm1": 1.0, "n": 1}


def test_evaluate_one_to_one_matching() -> None:
    s = one([ev()], [ev(), ev()])
    assert counts(s["events"]) == (1, 1, 0)
    assert (s["events"]["precision"], s["events"]["recall"], s["events"]["f1"]) == (0.5, 1.0, 0.6667)


def test_evaluate_identical_events_pair_by_field_agreement() -> None:
    # two gold events with the same (type, location, date): the tie-break pairs equal fields
    s = one([ev(count=3), ev(count=5)], [ev(count=5), ev(count=3)])
    assert s["events"]["tp"] == 2
    assert s["fields"]["count"] == {"accuracy": 1.0, "n": 2}


@pytest.mark.parametrize(
    ("gold_events", "sys_events", "expected"),
    [
        ([], [], (None, None, None, 0, 0, 0)),
        ([ev()], [], (None, 0.0, 0.0, 0, 0, 1)),
        ([], [ev()], (0.0, None, 0.0, 0, 1, 0)),
    ],
)
def test_evaluate_undefined_ratios_are_none(
    gold_events: list[dict[str, Any]], sys_events: list[dict[str, Any]], expected: tuple[Any, ...]
) -> None:
    e = one(gold_events, sys_events)["events"]
    assert (e["precision"], e["recall"], e["f1"], e["tp"], e["fp"], e["fn"]) == expected


def test_evaluate_by_type_counts() -> None:
    gold = [ev("attack"), ev("strike", location="kirkuk", country="IQ")]
    system = [
        ev("attack"),
        ev("strike", location="zummar", country="IQ"),
        ev("reinforcement", location="mayadin"),
    ]
    by_type = one(gold, system)["events"]["by_type"]
    assert list(by_type) == ["attack", "strike", "reinforcement"]
    assert counts(by_type["attack"]) == (1, 0, 0)
    assert counts(by_type["strike"]) == (0, 1, 1)
    assert counts(by_type["reinforcement"]) == (0, 1, 0)
    assert by_type["reinforcement"]["recall"] is None


# ---------------------------------------------------------------------------------------------- fields


@pytest.mark.parametrize(
    ("name", "gold_value", "sys_value", "expected"),
    [
        ("count", None, 5, {"accuracy": None, "n": 0}),
        ("count", 3, 3, {"accuracy": 1.0, "n": 1}),
        ("actor", "ansar-allah", None, {"accuracy": 0.0, "n": 1}),
        ("actor_basis", None, "claimed", {"accuracy": None, "n": 0}),
        ("killed", 0, 2, {"accuracy": 0.0, "n": 1}),  # 0 is a stated value, not null
        ("injured", None, 0, {"accuracy": None, "n": 0}),
        ("intercepted", False, None, {"accuracy": 0.0, "n": 1}),
        ("target", "us-forces", "us-forces", {"accuracy": 1.0, "n": 1}),
        ("country", None, "SY", {"accuracy": None, "n": 0}),
    ],
)
def test_evaluate_field_accuracy_skips_null_gold(
    name: str, gold_value: Any, sys_value: Any, expected: dict[str, Any]
) -> None:
    loc = {"location": "red-sea"} if name == "country" else {}
    s = one([ev(**loc, **{name: gold_value})], [ev(**loc, **{name: sys_value})])
    assert s["events"]["tp"] == 1
    assert s["fields"][name] == expected


@pytest.mark.parametrize(
    ("gold_weapons", "sys_weapons", "expected"),
    [
        (["drone", "rocket"], ["rocket", "drone"], {"accuracy": 1.0, "n": 1}),
        (["drone"], ["drone", "drone"], {"accuracy": 1.0, "n": 1}),
        (["drone"], ["drone", "rocket"], {"accuracy": 0.0, "n": 1}),
        (["drone"], None, {"accuracy": 0.0, "n": 1}),
        ([], ["drone"], {"accuracy": None, "n": 0}),  # empty gold list is skipped
    ],
)
def test_evaluate_weapons_set_equality_ignores_order(
    gold_weapons: list[str], sys_weapons: list[str] | None, expected: dict[str, Any]
) -> None:
    s = one([ev(weapons=gold_weapons)], [ev(weapons=sys_weapons)])
    assert s["fields"]["weapons"] == expected


def test_evaluate_fields_only_on_matched_pairs() -> None:
    s = one([ev(count=3), ev(location="al-omar", count=4)], [ev(count=3), ev(location="conoco", count=4)])
    assert s["fields"]["count"] == {"accuracy": 1.0, "n": 1}


# -------------------------------------------------------------------------------------------- location


@pytest.mark.parametrize(
    ("gold_events", "sys_events", "expected"),
    [
        # two sites hit the same day, system lists them in the other order: relaxed pairs by location
        (
            [ev(location="al-tanf"), ev(location="ain-al-asad", country="IQ")],
            [ev(location="ain-al-asad", country="IQ"), ev(location="al-tanf")],
            {"accuracy": 1.0, "n": 2},
        ),
        ([ev(location="al-tanf")], [ev(location=None, country="SY")], {"accuracy": 0.0, "n": 1}),
        # relaxed matching still requires type equality and date agreement
        ([ev("attack")], [ev("strike", location="al-omar")], {"accuracy": None, "n": 0}),
        ([ev(date=DAY)], [ev(date="2023-10-20", location="al-omar")], {"accuracy": None, "n": 0}),
        ([ev(date=None)], [ev(date="2023-10-20", location="al-omar")], {"accuracy": 0.0, "n": 1}),
    ],
)
def test_evaluate_location_accuracy_on_relaxed_matching(
    gold_events: list[dict[str, Any]], sys_events: list[dict[str, Any]], expected: dict[str, Any]
) -> None:
    assert one(gold_events, sys_events)["location"] == expected


# -------------------------------------------------------------------------------------- de-duplication


def test_evaluate_dedup_pairwise_counts_three_documents() -> None:
    # matched mentions (doc, gold incident, system event_id):
    #   A1 (X, e1)  A2 (Y, e2)  B1 (X, e1)  C1 (X, e2)  C2 (Y, e2)
    # cross-document pairs (A1-A2 and C1-C2 are in one document and do not count):
    #   A1-B1 gold+sys   A1-C1 gold   A1-C2 -   A2-B1 -   A2-C1 sys   A2-C2 gold+sys   B1-C1 gold   B1-C2 -
    # pairs_gold 4, pairs_system 3, pairs_both 2 -> P 2/3, R 2/4, F1 4/7
    gold = {
        "A": doc("A", [ev(location="al-tanf", incident="X"), ev(location="al-omar", incident="Y")]),
        "B": doc("B", [ev(location="al-tanf", incident="X")]),
        "C": doc("C", [ev(location="al-tanf", incident="X"), ev(location="al-omar", incident="Y")]),
    }
    system = {
        "A": doc("A", [ev(location="al-tanf", event_id="e1"), ev(location="al-omar", event_id="e2")]),
        # the unmatched conoco event is not a mention and adds no pairs
        "B": doc("B", [ev(location="al-tanf", event_id="e1"), ev(location="conoco", event_id="e1")]),
        "C": doc("C", [ev(location="al-tanf", event_id="e2"), ev(location="al-omar", event_id="e2")]),
    }
    assert score(gold, system)["dedup"] == {
        "precision": 0.6667,
        "recall": 0.5,
        "f1": 0.5714,
        "pairs_gold": 4,
        "pairs_system": 3,
        "pairs_both": 2,
    }


@pytest.mark.parametrize("event_ids", [(None, None), ("missing", "missing"), ("e1", None)])
def test_evaluate_dedup_missing_event_id_never_equal(event_ids: tuple[str | None, str | None]) -> None:
    gold = {d: doc(d, [ev(incident="X")]) for d in ("A", "B")}
    system = {}
    for d, eid in zip(("A", "B"), event_ids, strict=True):
        e = ev()
        if eid != "missing":
            e["event_id"] = eid
        system[d] = doc(d, [e])
    assert score(gold, system)["dedup"] == {
        "precision": None,
        "recall": 0.0,
        "f1": 0.0,
        "pairs_gold": 1,
        "pairs_system": 0,
        "pairs_both": 0,
    }


def test_evaluate_dedup_no_pairs_is_none() -> None:
    d = score({"A": doc("A", [ev(incident="X")])}, {"A": doc("A", [ev(event_id="e1")])})["dedup"]
    assert (d["precision"], d["recall"], d["f1"]) == (None, None, None)


# --------------------------------------------------------------------------------------------- tallies


def test_evaluate_tallies_matched_on_count_and_what_only() -> None:
    gold = {
        "d": doc(
            "d",
            [],
            [
                {
                    "count": 92,
                    "what": "attacks",
                    "since": "2023-10-17",
                    "as_of": "2023-12-12",
                    "source": "us-dod",
                },
                {"count": 2500, "what": "troops", "country": "IQ"},
            ],
        )
    }
    system = {
        "d": doc(
            "d",
            [],
            [
                {
                    "count": 92,
                    "what": "attacks",
                    "since": None,
                    "as_of": None,
                    "source": None,
                },  # other fields differ
                {"count": 2500, "what": "injured", "country": "IQ"},  # what differs
                {"count": 92, "what": "attacks"},  # one-to-one: the second copy is a false positive
            ],
        )
    }
    t = score(gold, system)["tallies"]
    assert counts(t) == (1, 2, 1)
    assert (t["precision"], t["recall"], t["f1"]) == (0.3333, 0.5, 0.4)


def test_evaluate_tallies_are_per_document() -> None:
    gold = {"a": doc("a", [], [{"count": 7, "what": "flights"}]), "b": doc("b", [])}
    system = {"a": doc("a", []), "b": doc("b", [], [{"count": 7, "what": "flights"}])}
    assert counts(score(gold, system)["tallies"]) == (0, 1, 1)


# ------------------------------------------------------------------------------------------- documents


def test_evaluate_missing_system_doc_counts_as_misses() -> None:
    gold = {"a": doc("a", [ev()], [{"count": 5, "what": "attacks"}]), "b": doc("b", [ev(), ev(location="x")])}
    system = {"a": copy.deepcopy(gold["a"])}
    s = score(gold, system)
    assert counts(s["events"]) == (1, 0, 2)
    assert counts(s["tallies"]) == (1, 0, 0)
    assert s["documents"]["missing"] == 1


def test_evaluate_error_doc_counts_as_empty() -> None:
    gold = {"a": doc("a", [ev()], [{"count": 5, "what": "attacks"}])}
    # whatever an error document carries is ignored
    system = {"a": doc("a", [ev()], [{"count": 5, "what": "attacks"}], error="stage read: cannot open")}
    s = score(gold, system)
    assert counts(s["events"]) == (0, 0, 1)
    assert counts(s["tallies"]) == (0, 0, 1)
    assert s["documents"]["system_errors"] == 1
    assert s["documents"]["missing"] == 0


def test_evaluate_extra_system_docs_ignored_and_counted() -> None:
    gold = {"a": doc("a", [ev()])}
    system = {"a": doc("a", [ev()]), "z": doc("z", [ev(), ev()], error="boom")}
    s = score(gold, system)
    assert counts(s["events"]) == (1, 0, 0)
    assert s["documents"] == {"gold": 1, "system": 1, "missing": 0, "system_errors": 0, "extra_docs": 1}


# ------------------------------------------------------------------------------------------- load/format


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"events": []}', "'doc'"),
        ('{"doc": "b", "events": {}}', "'events' must be a list"),
        ('{"doc": "b", "events": [{"date": null}]}', "'type'"),
        ('{"doc": "b", "events": [{"type": "attack", "date": "19/10/2023"}]}', "'date'"),
        ('{"doc": "b", "events": [{"type": "attack", "weapons": "drone"}]}', "'weapons'"),
        ('{"doc": "b", "tallies": [5]}', "tallies[0]"),
        ('{"doc": "a", "events": []}', "duplicate document 'a' (first on line 1)"),
    ],
)
def test_evaluate_load_records_rejects_malformed_line(tmp_path: Path, bad_line: str, reason: str) -> None:
    path = tmp_path / "system.jsonl"
    path.write_text('{"doc": "a", "events": []}\n' + bad_line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_records(path)
    message = str(info.value)
    assert message.startswith(f"{path}:2: ")
    assert reason in message


def test_evaluate_load_records_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.jsonl"
    with pytest.raises(InputError, match=r"nope\.jsonl"):
        load_records(path)


def test_evaluate_load_records_reads_lines_and_skips_blank(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    records = [doc("a", [ev()]), {"doc": "b", "error": "cannot read"}]
    path.write_text(f"{json.dumps(records[0])}\n\n{json.dumps(records[1])}\n", encoding="utf-8")
    assert load_records(path) == {"a": records[0], "b": records[1]}


def test_evaluate_format_scores_is_text_table() -> None:
    s = one([ev(count=3)], [ev(count=3), ev(location="al-omar")])
    json.dumps(s)  # plain JSON-serialisable
    text = format_scores(s)
    assert "events" in text and "tallies" in text and "dedup" in text
    assert "0.5000" in text  # event precision
    for name in FIELDS:
        assert name in text


def test_evaluate_seed_gold_against_itself() -> None:
    gold = load_records(SEED_GOLD)
    s = score(gold, load_records(SEED_GOLD))
    json.dumps(s)
    assert s["documents"] == {"gold": 5, "system": 5, "missing": 0, "system_errors": 0, "extra_docs": 0}
    assert s["events"]["f1"] == 1.0 and s["events"]["fp"] == s["events"]["fn"] == 0
    assert s["events"]["tp"] == sum(len(r["events"]) for r in gold.values())
    assert all(t["f1"] == 1.0 for t in s["events"]["by_type"].values() if t["tp"])
    assert s["tallies"]["f1"] == 1.0 and s["tallies"]["tp"] == sum(len(r["tallies"]) for r in gold.values())
    assert s["dates"]["n"] > 0 and s["dates"]["accuracy"] == s["dates"]["accuracy_pm1"] == 1.0
    assert s["location"]["accuracy"] == 1.0 and s["location"]["n"] == s["events"]["tp"]
    assert all(f["accuracy"] == 1.0 for f in s["fields"].values() if f["n"])
    assert s["fields"]["weapons"]["n"] > 0
    # the seed gold has no incident shared by two documents, and gold carries no event_id: no pairs
    assert s["dedup"]["pairs_gold"] == s["dedup"]["pairs_system"] == 0
    assert s["dedup"]["f1"] is None


def test_evaluate_seed_gold_dedup_with_incident_as_event_id() -> None:
    # a system that uses gold incidents as event ids, on the seeds plus a copy of one document under a
    # new id (so cross-document pairs exist), is perfect at de-duplication
    gold = load_records(SEED_GOLD)
    first = next(iter(gold.values()))
    gold["copy"] = {**copy.deepcopy(first), "doc": "copy"}
    system = copy.deepcopy(gold)
    for record in system.values():
        for e in record["events"]:
            e["event_id"] = e.pop("incident")
    d = score(gold, system)["dedup"]
    assert d["pairs_gold"] == len(first["events"]) > 0
    assert (d["precision"], d["recall"], d["f1"]) == (1.0, 1.0, 1.0)
