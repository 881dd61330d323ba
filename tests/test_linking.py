"""The cross-document linking rule (marsad.linking): one behaviour per test."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.linking import LinkDecision, Linker, LinkMention, incident_id_for, link_run, mention_from_event
from marsad.model import Event, Location

D = dt.date(2024, 1, 28)


@pytest.fixture(scope="module")
def linker(resources) -> Linker:
    return Linker(resources.entries)


def m(doc: str, *, type: str = "attack", date: dt.date | None = D, loc: str | None = "ain-al-asad",
      country: str | None = "IQ", weapons: tuple[str, ...] = (), actor: str | None = None,
      key: str | None = None, precision: str | None = "day") -> LinkMention:
    return LinkMention(key=key or f"{doc}-{type}-{loc}-{date}", doc_id=doc, type=type, date=date,
                       date_precision=precision if date else None, location_id=loc, country=country,
                       weapons=frozenset(weapons), count=None, actor=actor)


def test_linking_same_place_same_day_is_one_incident(linker):
    assert linker.compatible(m("a"), m("b"))


def test_linking_consecutive_days_are_two_incidents(linker):
    assert not linker.compatible(m("a"), m("b", date=D + dt.timedelta(days=1)))


def test_linking_same_document_never_links(linker):
    assert not linker.compatible(m("a", key="k1"), m("a", key="k2"))


def test_linking_type_must_agree(linker):
    assert not linker.compatible(m("a"), m("b", type="strike"))


def test_linking_site_inside_its_governorate(linker):
    assert linker.compatible(m("a", loc="ain-al-asad"), m("b", loc="anbar"))


def test_linking_site_not_inside_another_governorate(linker):
    assert not linker.compatible(m("a", loc="ain-al-asad"), m("b", loc="baghdad-governorate"))


def test_linking_adjacent_points_are_one_place(linker):
    # Victory base sits on Baghdad airport
    assert linker.same_place("victory-base", "baghdad-airport")


def test_linking_two_bases_of_one_governorate_are_two_places(linker):
    # Conoco and al-Omar are both in Deir ez-Zor governorate, ~30 km apart
    assert not linker.same_place("conoco", "al-omar")


def test_linking_undated_mention_never_links(linker):
    assert not linker.compatible(m("a", date=None), m("b"))


def test_linking_week_precision_links_within_the_week(linker):
    assert linker.compatible(m("a", date=D - dt.timedelta(days=2), precision="week"), m("b"))
    assert not linker.compatible(m("a", date=D - dt.timedelta(days=8), precision="week"), m("b"))


def test_linking_weapons_of_one_family_agree(linker):
    assert linker.compatible(m("a", weapons=("rocket",)), m("b", weapons=("mortar",)))


def test_linking_drone_and_rocket_attacks_disagree(linker):
    assert not linker.compatible(m("a", weapons=("drone",)), m("b", weapons=("rocket",)))


def test_linking_strike_weapons_are_one_air_family(linker):
    a = m("a", type="strike", loc="bukamal", country="SY", weapons=("aircraft",))
    b = m("b", type="strike", loc="bukamal", country="SY", weapons=("drone",))
    assert linker.compatible(a, b)


def test_linking_strikes_by_different_states_are_two_incidents(linker):
    a = m("a", type="strike", loc="bukamal", country="SY", actor="us-forces")
    b = m("b", type="strike", loc="bukamal", country="SY", actor="israel")
    assert not linker.compatible(a, b)


def test_linking_placeless_needs_same_country(linker):
    assert linker.compatible(m("a", loc=None, country="IQ"), m("b"))
    assert not linker.compatible(m("a", loc=None, country="SY"), m("b"))
    assert not linker.compatible(m("a", loc=None, country="IQ"), m("b", loc=None, country="IQ"))


def test_linking_cluster_joins_reports_of_one_incident(linker):
    ids = linker.cluster([m("a"), m("b"), m("c", loc="anbar")])
    assert len(set(ids.values())) == 1


def test_linking_cluster_never_chains_two_bases_through_a_governorate(linker):
    gov = m("a", loc="deir-ez-zor-governorate", country="SY")
    ids = linker.cluster([m("b", loc="conoco", country="SY"), m("c", loc="al-omar", country="SY"), gov])
    assert ids[f"b-attack-conoco-{D}"] != ids[f"c-attack-al-omar-{D}"]


def test_linking_cluster_keeps_two_records_of_one_document_apart(linker):
    a1 = m("a", loc="erbil-airbase", key="a1")
    a2 = m("a", loc="erbil", key="a2")
    b = m("b", loc="erbil-airbase", key="b1")
    ids = linker.cluster([a1, a2, b])
    assert ids["a1"] != ids["a2"]
    assert ids["b1"] == ids["a1"]  # the exact place wins over the adjacent one


def test_linking_placeless_joins_only_a_single_candidate(linker):
    one = linker.cluster([m("a"), m("x", loc=None, key="x")])
    assert len(set(one.values())) == 1
    two = linker.cluster([m("a"), m("b", loc="harir"), m("x", loc=None, key="x")])
    assert two["x"] not in {two[f"a-attack-ain-al-asad-{D}"], two[f"b-attack-harir-{D}"]}


def test_linking_placeless_strikes_of_one_striker_country_and_day_are_one_incident(linker):
    yemen = {"type": "strike", "loc": None, "country": "YE", "actor": "us-forces"}
    ids = linker.cluster([m("a", **yemen), m("b", **yemen), m("c", **{**yemen, "actor": "israel"}),
                          m("d", **{**yemen, "date": D + dt.timedelta(days=1)})])
    assert ids[f"a-strike-None-{D}"] == ids[f"b-strike-None-{D}"]
    assert len(set(ids.values())) == 3  # another striker, another day: other incidents


def test_linking_strikes_of_one_night_dated_a_day_apart_are_one_incident(linker):
    kw = {"type": "strike", "loc": "bukamal", "country": "SY", "actor": "us-forces"}
    evening, dawn = m("a", **kw), m("b", **{**kw, "date": D + dt.timedelta(days=1)})
    assert linker.compatible(evening, dawn)
    assert not linker.compatible(evening, m("c", **{**kw, "date": D + dt.timedelta(days=2)}))
    assert not linker.compatible(evening, m("d", **{**kw, "loc": "mayadin", "date": D + dt.timedelta(days=1)}))
    assert not linker.compatible(evening, m("e", **{**kw, "actor": None, "date": D + dt.timedelta(days=1)}))
    # attacks on a base on consecutive days are two incidents
    assert not linker.compatible(m("f"), m("g", date=D + dt.timedelta(days=1)))


def test_linking_same_day_report_wins_over_the_next_night(linker):
    kw = {"type": "strike", "loc": "bukamal", "country": "SY", "actor": "us-forces"}
    a = m("a", **kw, key="a")
    b = m("b", **kw, key="b")  # the same day as a
    # b's document, a day later; its key sorts before b's, so only the strength puts the same-day pair first
    c = m("b", **{**kw, "date": D + dt.timedelta(days=1)}, key="a0")
    ids = linker.cluster([a, b, c])
    assert ids["a"] == ids["b"] != ids["a0"]


def test_linking_next_night_across_a_month_shares_a_block(linker):
    kw = {"type": "strike", "loc": "bukamal", "country": "SY", "actor": "us-forces"}
    last, first = m("a", **{**kw, "date": dt.date(2024, 1, 31)}), m("b", **{**kw, "date": dt.date(2024, 2, 1)})
    assert set(linker.blocking_keys(last)) & set(linker.blocking_keys(first))
    assert len(set(linker.cluster([last, first]).values())) == 1


def test_linking_placeless_attacks_stay_apart(linker):
    ids = linker.cluster([m("a", loc=None, country="SY"), m("b", loc=None, country="SY")])
    assert len(set(ids.values())) == 2  # "a coalition base in eastern Syria" twice may be two bases


def test_linking_placeless_strike_prefers_a_placed_incident(linker):
    kw = {"type": "strike", "country": "SY", "actor": "jordan-government"}
    ids = linker.cluster([m("a", loc="bukamal", **kw), m("b", loc=None, **kw), m("c", loc=None, **kw)])
    assert len(set(ids.values())) == 1


def test_linking_decide_joins_a_placeless_strike_incident(linker):
    kw = {"type": "strike", "loc": None, "country": "YE", "actor": "us-forces"}
    assert linker.decide(m("b", **kw), {"inc-1": [m("a", **kw)]}).incident_id == "inc-1"
    other = linker.decide(m("b", **{**kw, "actor": "israel"}), {"inc-1": [m("a", **kw)]})
    assert other.new


def test_linking_decide_starts_joins_and_merges(linker):
    new = linker.decide(m("a", key="ka"), {})
    assert new == LinkDecision(incident_id=incident_id_for(["ka"]), merged=[], new=True)
    join = linker.decide(m("b"), {"inc-1": [m("a")]})
    assert join.incident_id == "inc-1" and not join.new and join.merged == []
    merge = linker.decide(m("c"), {"inc-2": [m("a")], "inc-1": [m("b")]})
    assert merge.incident_id == "inc-1" and merge.merged == ["inc-2"]


def test_linking_decide_does_not_merge_incidents_sharing_a_document(linker):
    cands = {"inc-1": [m("a", key="a1")], "inc-2": [m("a", key="a2", loc="anbar"), m("b", loc="anbar")]}
    d = linker.decide(m("c"), cands)
    assert d.merged == [] and d.incident_id in cands


def test_linking_incident_ids_are_stable_and_order_free(linker):
    ms = [m("a"), m("b"), m("c", date=D + dt.timedelta(days=1)), m("d", loc="harir"), m("e", loc="anbar")]
    first = linker.cluster(ms)
    shuffled = ms[:]
    random.Random(7).shuffle(shuffled)
    assert linker.cluster(shuffled) == first
    assert all(v.startswith("inc-") for v in first.values())


_places = st.sampled_from(["ain-al-asad", "anbar", "harir", "erbil", "erbil-airbase", "conoco", "al-omar",
                           "deir-ez-zor-governorate", None])
_mentions = st.builds(
    lambda doc, loc, day, weapons, type_: m(doc, loc=loc, date=D + dt.timedelta(days=day), type=type_,
                                            country="SY" if loc in {"conoco", "al-omar", "deir-ez-zor-governorate"}
                                            else "IQ", weapons=tuple(weapons), key=f"{doc}{loc}{day}{type_}"),
    st.sampled_from("abcdef"), _places, st.integers(0, 40), st.sets(st.sampled_from(["rocket", "drone", "mortar"])),
    st.sampled_from(["attack", "strike"]),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(_mentions, max_size=14, unique_by=lambda x: x.key))
def test_linking_invariants(linker, ms):
    ids = linker.cluster(ms)
    assert set(ids) == {x.key for x in ms}
    by_inc: dict[str, list[LinkMention]] = {}
    for x in ms:
        by_inc.setdefault(ids[x.key], []).append(x)
    for members in by_inc.values():
        assert len({x.doc_id for x in members}) == len(members)  # one mention per document
        for a in members:
            for b in members:
                if a is not b and a.location_id and b.location_id:
                    assert linker.same_place(a.location_id, b.location_id)
    # every compatible pair shares a blocking key
    for a in ms:
        for b in ms:
            if linker.compatible(a, b):
                assert set(linker.blocking_keys(a)) & set(linker.blocking_keys(b))
    assert linker.cluster(list(reversed(ms))) == ids


def test_linking_link_run_gives_event_ids_per_document(linker):
    loc = Location(id="al-tanf", name="Al-Tanf", name_ar="التنف", kind="base", country="SY", admin1="Homs",
                   lat=33.5, lon=38.6, is_site=True)
    ev = Event(type="attack", date=D, location=loc, country="SY", weapons=["drone"])
    ids = link_run(linker, [("d1", "x", [ev]), ("d2", "y", [ev]), ("d3", None, [])])
    assert ids[0] == ids[1] and ids[2] == []
    assert mention_from_event("d1", 0, ev).country == "SY"
