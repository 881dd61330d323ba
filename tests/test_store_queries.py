"""Queries and exports over the team corpus ingested with the real extractor and linker."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from marsad.errors import QueryError
from marsad.linking import Linker
from marsad.reader import read_docs
from marsad.store import open_store
from marsad.store.export import COLUMNS, export
from marsad.store.ingest import ingest
from marsad.store.queries import (
    IncidentFilter,
    get_document,
    get_incident,
    list_incidents,
    stats,
    tally_reconciliation,
)
from test_store_support import CORPUS


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, pipeline):
    with open_store(str(tmp_path_factory.mktemp("q") / "m.db")) as st:
        ingest(st, read_docs(CORPUS), pipeline, Linker.load())
        yield st


@pytest.fixture
def session(store):
    with store.session() as s:
        yield s


def everything(session, f: IncidentFilter | None = None):
    return list_incidents(session, f, limit=10_000).items


def test_store_list_paginates_and_sorts_latest_first(session) -> None:
    allrows = everything(session)
    page = list_incidents(session, limit=5, offset=5)
    assert page.total == len(allrows) > 10
    assert [r.id for r in page.items] == [r.id for r in allrows[5:10]]
    dated = [r.date for r in allrows if r.date]
    assert dated == sorted(dated, reverse=True)
    by_sources = list_incidents(session, sort="-n_sources", limit=3).items
    assert by_sources[0].n_sources == max(r.n_sources for r in allrows)
    with pytest.raises(QueryError):
        list_incidents(session, sort="colour")


@pytest.mark.parametrize(("flt", "check"), [
    (IncidentFilter(country="sy"), lambda r: r.country == "SY"),
    (IncidentFilter(type="strike"), lambda r: r.type == "strike"),
    (IncidentFilter(since=dt.date(2024, 1, 1)), lambda r: r.date is not None and r.date >= dt.date(2024, 1, 1)),
    (IncidentFilter(until=dt.date(2023, 12, 31)), lambda r: r.date is not None and r.date <= dt.date(2023, 12, 31)),
    (IncidentFilter(location="al-tanf"), lambda r: r.location_id == "al-tanf"),
    (IncidentFilter(location="Tanf"), lambda r: "tanf" in (r.location_name or "").lower()),
    (IncidentFilter(location="anbar"), lambda r: "anbar" in f"{r.location_name} {r.admin1}".lower()),
    (IncidentFilter(location="عين الأسد"), lambda r: "عين الأسد" in (r.location_name_ar or "")),
    (IncidentFilter(status="claimed"), lambda r: "claimed" in r.statuses),
])
def test_store_filters_select_exactly_the_matching_incidents(session, flt: IncidentFilter, check) -> None:
    rows = everything(session)
    got = everything(session, flt)
    assert got, f"the corpus has incidents for {flt}"
    assert {r.id for r in got} == {r.id for r in rows if check(r)}


def test_store_actor_filter_matches_consensus_or_any_account(session) -> None:
    got = everything(session, IncidentFilter(actor="kataib-hezbollah"))
    assert got
    for r in got:
        detail = get_incident(session, r.id)
        assert r.actor == "kataib-hezbollah" or any(a.actor == "kataib-hezbollah" for a in detail.accounts)


def test_store_filters_combine(session) -> None:
    f = IncidentFilter(country="IQ", type="attack", since=dt.date(2024, 1, 1))
    got = everything(session, f)
    assert got and all(r.country == "IQ" and r.type == "attack" and r.date >= dt.date(2024, 1, 1) for r in got)


def test_store_incident_detail_has_every_account_with_evidence(session) -> None:
    top = list_incidents(session, sort="-n_sources", limit=1).items[0]
    detail = get_incident(session, top.id)
    assert detail is not None and len(detail.accounts) == top.n_mentions >= 3
    assert len({a.doc_id for a in detail.accounts}) == top.n_documents
    for a in detail.accounts:
        doc = get_document(session, a.doc_id)
        assert a.evidence and all(doc.text[sp.start:sp.end] == sp.text for sp in a.evidence)
        sentence, start, end = a.sentence
        assert doc.text[a.sentence_offset:a.sentence_offset + len(sentence)] == sentence
        main = next(sp for sp in a.evidence if sp.field == "type")
        assert sentence[start:end] == main.text
    assert detail.changes[0].kind == "created"
    assert get_incident(session, "inc-nope") is None


def test_store_document_view_has_text_spans_and_tallies(session) -> None:
    doc = get_document(session, "a02_reuters-ar")
    assert doc is not None and doc.text and doc.outlet == "reuters-ar"
    assert doc.incident_ids and doc.evidence
    for _, sp in doc.evidence:
        assert doc.text[sp.start:sp.end] == sp.text
    assert get_document(session, "missing") is None


def test_store_stats_add_up(session) -> None:
    st = stats(session)
    rows = everything(session)
    assert st.total == len(rows)
    assert sum(c.count for c in st.by_type) == st.total
    assert sum(c.count for c in st.by_week) == sum(1 for r in rows if r.date)
    assert sum(c.count for c in st.by_country) == sum(1 for r in rows if r.country)
    iq = stats(session, IncidentFilter(country="IQ"))
    assert [c.key for c in iq.by_country] == ["IQ"]


def test_store_tally_reconciliation_counts_the_same_period_and_scope(session) -> None:
    recs = tally_reconciliation(session)
    assert recs, "the corpus states tallies"
    comparable = [r for r in recs if r.marsad_count is not None]
    assert comparable, "some tallies have a start date and count attacks"
    for r in comparable:
        assert r.tally.what in ("attacks", "killed", "injured")
        if r.tally.what == "attacks":
            f = IncidentFilter(type="attack", since=r.period_start, until=r.period_end, country=r.tally.country)
            assert r.marsad_count == list_incidents(session, f, limit=0).total
            assert r.difference == r.marsad_count - r.tally.count
    assert all(r.marsad_count is None for r in recs if r.tally.what in ("troops", "trucks", "flights"))


# --- exports --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def exported(store, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("export")
    paths = {}
    with store.session() as s:
        for fmt in ("csv", "geojson", "jsonl", "parquet"):
            paths[fmt] = out / f"incidents.{fmt}"
            export(s, fmt, None, paths[fmt])
    return paths


def test_store_export_csv_has_acled_columns_and_every_incident(session, exported) -> None:
    with exported["csv"].open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        assert reader.fieldnames == [c for c, _ in COLUMNS]
    acled = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
             "assoc_actor_1", "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
             "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]
    assert set(acled) <= set(reader.fieldnames)
    incidents = {r.id: r for r in everything(session)}
    assert {r["event_id_cnty"] for r in rows} == set(incidents)
    for row in rows:
        inc = incidents[row["event_id_cnty"]]
        assert row["event_date"] == (inc.date.isoformat() if inc.date else "")
        assert row["country_code"] == (inc.country or "")
        assert int(row["fatalities"]) == (inc.fatalities_best or 0)
        assert row["time_precision"] in ("1", "2", "3", "")
        if inc.lat is not None:
            assert float(row["latitude"]) == pytest.approx(inc.lat)
    tower = next(r for r in rows if r["location_id"] == "tower-22")
    assert tower["country"] == "Jordan" and tower["geo_precision"] == "1"
    assert tower["event_type"] in ("Explosions/Remote violence", "Strategic developments")


def test_store_export_geojson_is_a_feature_collection(session, exported) -> None:
    data = json.loads(exported["geojson"].read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    incidents = {r.id: r for r in everything(session)}
    assert {f["id"] for f in data["features"]} == set(incidents)
    for f in data["features"]:
        inc = incidents[f["id"]]
        if inc.lat is None:
            assert f["geometry"] is None
        else:
            assert f["geometry"] == {"type": "Point", "coordinates": [inc.lon, inc.lat]}
        assert f["properties"]["event_id_cnty"] == inc.id


def test_store_export_jsonl_has_spec_fields_and_incident_ids(session, exported) -> None:
    lines = [json.loads(x) for x in exported["jsonl"].read_text(encoding="utf-8").splitlines()]
    incidents = {r.id: r for r in everything(session)}
    assert len(lines) == len(incidents)
    spec = {"type", "date", "location", "country", "weapons", "count", "actor", "actor_basis", "target", "killed",
            "injured", "intercepted", "event_id", "incident_id"}
    for rec in lines:
        assert spec <= set(rec)
        inc = incidents[rec["incident_id"]]
        assert rec["event_id"] == inc.id and rec["location"] == inc.location_id
        assert len(rec["sources"]) == inc.n_mentions


def test_store_export_parquet_reads_back_typed(session, exported) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(exported["parquet"])
    assert table.column_names == [c for c, _ in COLUMNS]
    assert table.num_rows == len(everything(session))
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("fatalities").type) == "int64"
    ids = table.column("event_id_cnty").to_pylist()
    assert set(ids) == {r.id for r in everything(session)}


def test_store_export_respects_filters(store, tmp_path: Path) -> None:
    with store.session() as s:
        n = export(s, "jsonl", IncidentFilter(country="JO"), tmp_path / "jo.jsonl")
        expected = list_incidents(s, IncidentFilter(country="JO"), limit=0).total
    lines = (tmp_path / "jo.jsonl").read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == expected >= 1
    assert all(json.loads(x)["country"] == "JO" for x in lines)
