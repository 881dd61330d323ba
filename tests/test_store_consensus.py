"""The consensus rule over per-source accounts (pure functions, hand-built accounts)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.store.consensus import AccountValues, consensus, geo_precision, group_sources


def acc(doc: str, *, outlet: str | None = None, status: str = "reported", published: str = "2024-01-21",
        copy_group: str | None = None, **values) -> AccountValues:
    base = dict(type="attack", date=dt.date(2024, 1, 20), date_precision="day", location_id="ain-al-asad",
                location_kind="airbase", country="IQ")
    base.update(values)
    return AccountValues(doc_id=doc, outlet=outlet or doc, copy_group=copy_group,
                         published=dt.date.fromisoformat(published), status=status, **base)


def test_store_consensus_majority_of_sources_wins() -> None:
    c = consensus([acc("a", count=3), acc("b", count=3), acc("c", count=5, status="confirmed")])
    assert c.count == 3
    assert c.disagreements["count"] == {"3": 2, "5": 1}


def test_store_consensus_tie_broken_by_status_priority() -> None:
    c = consensus([acc("a", count=3, status="reported"), acc("b", count=5, status="confirmed")])
    assert c.count == 5
    c = consensus([acc("a", count=3, status="claimed"), acc("b", count=5, status="reported")])
    assert c.count == 3


def test_store_consensus_tie_of_equal_status_broken_by_earliest_report() -> None:
    c = consensus([acc("a", count=5, published="2024-01-22"), acc("b", count=3, published="2024-01-21")])
    assert c.count == 3
    # and not by arrival order
    c2 = consensus([acc("b", count=3, published="2024-01-21"), acc("a", count=5, published="2024-01-22")])
    assert c2.count == 3


def test_store_consensus_copies_and_one_outlet_count_once() -> None:
    accounts = [acc("orig", outlet="afp", count=4), acc("copy1", outlet="ina", copy_group="orig", count=4),
                acc("copy2", outlet="sana", copy_group="orig", count=4),
                acc("x1", outlet="rudaw", count=2), acc("x2", outlet="shafaq", count=2)]
    c = consensus(accounts)
    assert c.n_sources == 3 and c.n_documents == 5
    assert c.count == 2, "three copies of one report are one vote against two independent reports"
    assert len(group_sources(accounts)) == 3


def test_store_consensus_later_article_of_one_outlet_corrects_its_earlier_one() -> None:
    c = consensus([acc("r1", outlet="reuters", killed=1, published="2024-01-20"),
                   acc("r2", outlet="reuters", killed=3, published="2024-01-22")])
    assert c.n_sources == 1
    assert (c.fatalities_low, c.fatalities_best, c.fatalities_high) == (3, 3, 3)


def test_store_consensus_fatalities_low_best_high() -> None:
    c = consensus([acc("a", killed=0), acc("b", killed=3), acc("c", killed=5), acc("d", killed=None)])
    assert (c.fatalities_low, c.fatalities_best, c.fatalities_high) == (0, 3, 5)
    even = consensus([acc("a", killed=2), acc("b", killed=4)])
    assert (even.fatalities_low, even.fatalities_best, even.fatalities_high) == (2, 2, 4)
    none = consensus([acc("a"), acc("b")])
    assert (none.fatalities_low, none.fatalities_best, none.fatalities_high) == (None, None, None)


def test_store_consensus_denials_do_not_vote_but_are_kept() -> None:
    c = consensus([acc("a", intercepted=False, status="claimed"), acc("b", intercepted=True, status="denied"),
                   acc("c", intercepted=True, status="denied")])
    assert c.intercepted is False
    assert c.statuses == ["claimed", "denied"] and c.status == "claimed"
    only = consensus([acc("b", intercepted=True, status="denied")])
    assert only.intercepted is True and only.status == "denied"


def test_store_consensus_weapons_named_by_at_least_half_of_the_sources() -> None:
    c = consensus([acc("a", weapons=("drone",)), acc("b", weapons=("drone", "rocket")),
                   acc("c", weapons=("drone",)), acc("d", weapons=())])
    assert c.weapons == ["drone"]
    c = consensus([acc("a", weapons=("drone",)), acc("b", weapons=("drone", "rocket"))])
    assert c.weapons == ["drone", "rocket"]


def test_store_consensus_null_does_not_vote() -> None:
    c = consensus([acc("a", actor=None), acc("b", actor=None), acc("c", actor="kataib-hezbollah",
                                                                   actor_basis="attributed")])
    assert (c.actor, c.actor_basis) == ("kataib-hezbollah", "attributed")


def test_store_consensus_time_and_location_precision() -> None:
    c = consensus([acc("a", date_precision="week")])
    assert (c.time_precision, c.geo_precision) == ("week", "site")
    c = consensus([acc("a", location_id=None, location_kind=None, country="SY")])
    assert (c.location_id, c.geo_precision, c.country) == (None, "country", "SY")


@pytest.mark.parametrize(("kind", "loc", "expected"), [
    ("airbase", "ain-al-asad", "site"), ("oil-field", "al-omar", "site"), ("city", "erbil", "town"),
    ("town", "x", "town"), ("governorate", "anbar", "governorate"), ("region", "kurdistan", "governorate"),
    (None, None, "country"),
])
def test_store_geo_precision(kind: str | None, loc: str | None, expected: str) -> None:
    assert geo_precision(kind, loc, "IQ") == expected


def test_store_consensus_needs_an_account() -> None:
    with pytest.raises(ValueError):
        consensus([])
