"""REST API (issue 5) through FastAPI's test client over a store built from the team corpus."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.pipeline import Pipeline
from marsad.reader import read_docs
from marsad.store import open_store
from marsad.store.ingest import ingest
from marsad.store.queries import IncidentFilter

CORPUS = Path(__file__).parent / "corpus" / "docs.jsonl"
#: the corpus's articles, one a line
N_DOCS = sum(1 for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip())
TOKEN = "test-token-0123456789"


def build_corpus_db(path: Path, pipeline: Pipeline) -> str:
    """A SQLite store holding the corpus articles (the test database of the API and browser tests)."""
    url = f"sqlite:///{path}"
    with open_store(url) as store:
        summary = ingest(store, read_docs(CORPUS), pipeline)
    assert summary.documents == N_DOCS  # extraction failures, if any, are stored with their error
    return url


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> str:
    return build_corpus_db(tmp_path_factory.mktemp("api") / "corpus.db", pipeline)


@pytest.fixture(scope="module")
def client(corpus_db: str) -> TestClient:
    with TestClient(create_app(corpus_db)) as c:
        yield c


def all_events(client: TestClient, **params: str) -> list[dict]:
    body = client.get("/api/events", params={"limit": 10000, **params}).json()
    assert body["total"] == len(body["items"])
    return body["items"]


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


def test_api_health_counts_the_store(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["documents"] == N_DOCS
    assert body["incidents"] == client.get("/api/events", params={"limit": 1}).json()["total"] > 20
    assert body["writable"] is False


def test_api_events_pages_do_not_overlap_and_cover_everything(client: TestClient) -> None:
    total = client.get("/api/events", params={"limit": 1}).json()["total"]
    seen: list[str] = []
    for offset in range(0, total, 10):
        page = client.get("/api/events", params={"limit": 10, "offset": offset, "sort": "id"}).json()
        assert page["limit"] == 10 and page["offset"] == offset and page["total"] == total
        seen.extend(i["id"] for i in page["items"])
    assert len(seen) == total == len(set(seen))
    assert seen == sorted(seen)


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_api_events_sorted_by_date_with_undated_last(client: TestClient, sort: str) -> None:
    items = all_events(client, sort=sort)
    dates = [i["date"] for i in items if i["date"]]
    assert dates == sorted(dates, reverse=sort.startswith("-"))
    undated = [n for n, i in enumerate(items) if not i["date"]]
    assert all(n >= len(dates) for n in undated)


def test_api_events_sorted_by_sources(client: TestClient) -> None:
    counts = [i["n_sources"] for i in all_events(client, sort="-n_sources")]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 3


@pytest.mark.parametrize(("param", "value", "check"), [
    ("country", "sy", lambda i: i["country"] == "SY"),
    ("type", "strike", lambda i: i["type"] == "strike"),
    ("status", "claimed", lambda i: "claimed" in i["statuses"]),
    ("location", "tower-22", lambda i: i["location_id"] == "tower-22"),
    ("since", "2024-01-01", lambda i: i["date"] >= "2024-01-01"),
    ("until", "2021-12-31", lambda i: i["date"] <= "2021-12-31"),
])
def test_api_events_filters(client: TestClient, param: str, value: str, check) -> None:
    everything = all_events(client)
    subset = all_events(client, **{param: value})
    assert 0 < len(subset) < len(everything)
    assert all(check(i) for i in subset)
    assert len([i for i in everything if i["date"] or param not in ("since", "until")
                if check(i)]) >= len(subset)


def test_api_events_actor_filter_matches_consensus_or_an_account(client: TestClient) -> None:
    subset = all_events(client, actor="islamic-resistance-in-iraq")
    assert subset
    for inc in subset[:5]:
        detail = client.get(f"/api/events/{inc['id']}").json()
        actors = {inc["actor"]} | {a["actor"] for a in detail["accounts"]}
        assert "islamic-resistance-in-iraq" in actors


@pytest.mark.parametrize("query", [
    "since=yesterday", "until=2024-13-01", "country=SYR", "country=1", "limit=0", "limit=10001", "offset=-1",
    "sort=date;drop", "sort=bogus", "type=bombing", "status=rumoured", "since=2024-02-01&until=2024-01-01",
    "limit=abc", "location=" + "x" * 200,
])
def test_api_events_bad_parameters_get_422_with_a_message(client: TestClient, query: str) -> None:
    err = assert_error(client.get(f"/api/events?{query}"), 422, "invalid_parameter")
    name = query.split("=")[0]
    assert name in err["message"] or "since" in err["message"]


@pytest.mark.parametrize("path", ["/api/stats?country=SYR", "/api/tallies?since=x", "/api/export.csv?type=x"])
def test_api_other_routes_validate_filters_too(client: TestClient, path: str) -> None:
    assert_error(client.get(path), 422, "invalid_parameter")


def test_api_incident_detail_has_accounts_with_highlightable_evidence(client: TestClient) -> None:
    top = all_events(client, sort="-n_sources")[0]
    body = client.get(f"/api/events/{top['id']}").json()
    assert body["incident"]["id"] == top["id"]
    assert len(body["accounts"]) >= 3
    assert len({a["doc_id"] for a in body["accounts"]}) == len(body["accounts"])
    for account in body["accounts"]:
        assert account["status"] in ("claimed", "confirmed", "reported", "denied")
        doc = client.get(f"/api/documents/{account['doc_id']}").json()
        for span in account["evidence"]:
            assert doc["text"][span["start"]:span["end"]] == span["text"]
        sentence = account["sentence"]
        assert sentence and sentence["spans"]
        for span in sentence["spans"]:
            piece = sentence["text"][span["start"]:span["end"]]
            assert piece in {e["text"] for e in account["evidence"] if e["field"] == span["field"]}


def test_api_document_text_and_spans(client: TestClient) -> None:
    body = client.get("/api/documents/a01_sabereen").json()
    assert body["id"] == "a01_sabereen" and body["outlet"] == "sabereen" and "عين الاسد" in body["text"]
    assert body["evidence"] and body["incident_ids"]
    for e in body["evidence"]:
        assert body["text"][e["start"]:e["end"]] == e["text"]
        assert e["supports"] in body["incident_ids"] or e["supports"].startswith("tally:")
    for inc in body["incident_ids"]:
        assert client.get(f"/api/events/{inc}").status_code == 200


@pytest.mark.parametrize("path", [
    "/api/events/inc-000000000000", "/api/documents/no-such-article", "/api/events/a01_sabereen",
])
def test_api_unknown_ids_get_404(client: TestClient, path: str) -> None:
    err = assert_error(client.get(path), 404, "not_found")
    assert path.rsplit("/", 1)[1] in err["message"]


@pytest.mark.parametrize("path", [
    "/api/documents/..%2F..%2Fetc%2Fpasswd", "/api/documents/%2e%2e", "/api/documents/.hidden",
    "/api/documents/a01%5Csabereen", "/api/events/%00", "/api/documents/..", "/api/documents/a%20b",
    "/api/events/" + "a" * 65,
])
def test_api_ids_outside_the_pattern_never_reach_the_store(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (404, 422)
    assert_error(response, response.status_code, "not_found" if response.status_code == 404 else "invalid_parameter")
    assert "root:" not in response.text


def test_api_stats_agree_with_the_event_list(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    items = all_events(client)
    assert stats["total"] == len(items)
    assert sum(r["count"] for r in stats["by_type"]) == len(items)
    by_country = {r["key"]: r["count"] for r in stats["by_country"]}
    assert by_country["SY"] == sum(1 for i in items if i["country"] == "SY")
    sy = client.get("/api/stats", params={"country": "SY"}).json()
    assert sy["total"] == by_country["SY"]


def test_api_tallies_set_official_counts_against_marsad(client: TestClient) -> None:
    items = client.get("/api/tallies").json()["items"]
    attacks = [r for r in items if r["tally"]["what"] == "attacks" and r["marsad_count"] is not None]
    assert attacks
    for r in attacks:
        assert r["difference"] == r["marsad_count"] - r["tally"]["count"]
        counted = all_events(client, type="attack", since=r["period_start"], until=r["period_end"],
                             **({"country": r["tally"]["country"]} if r["tally"]["country"] else {}))
        assert r["marsad_count"] == len(counted)


def test_api_export_formats_follow_the_filters(client: TestClient) -> None:
    sy = all_events(client, country="SY")
    response = client.get("/api/export.csv", params={"country": "SY"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == len(sy) and {"event_id_cnty", "event_date", "latitude", "fatalities"} <= set(rows[0])
    geo = client.get("/api/export.geojson", params={"country": "SY"})
    assert geo.headers["content-type"].startswith("application/geo+json")
    features = geo.json()["features"]
    assert {f["id"] for f in features} == {i["id"] for i in sy}
    assert sum(1 for f in features if f["geometry"]) == sum(1 for i in sy if i["lat"] is not None)
    lines = client.get("/api/export.jsonl", params={"country": "SY"}).text.splitlines()
    assert {json.loads(line)["incident_id"] for line in lines} == {i["id"] for i in sy}
    assert_error(client.get("/api/export.xml"), 422, "invalid_parameter")


@pytest.mark.parametrize("params", [{}, {"country": "SY", "type": "attack"}, {"status": "claimed"},
                                    {"since": "2024-01-01", "until": "2024-01-31"}])
def test_api_table_holds_the_same_incidents_as_the_event_list(client: TestClient, params: dict[str, str]) -> None:
    body = client.get("/api/table", params=params).json()
    events = {i["id"]: i for i in all_events(client, **params)}
    assert body["total"] == len(body["rows"]) == len(events) > 0
    for row in body["rows"]:
        item = dict(zip(body["columns"], row, strict=True))
        full = events[item["id"]]
        assert {k: full[k] for k in item} == item
    dates = [dict(zip(body["columns"], r, strict=True))["date"] or "" for r in body["rows"]]
    assert [d for d in dates if d] == sorted((d for d in dates if d), reverse=True)


@pytest.mark.parametrize("flt", [IncidentFilter(), IncidentFilter(country="IQ", status="claimed"),
                                 IncidentFilter(location="tower-22"), IncidentFilter(since=dt.date(2030, 1, 1))])
def test_api_table_json_built_in_sqlite_equals_the_python_encoding(corpus_db: str, flt: IncidentFilter) -> None:
    from marsad.api.dashboard import incident_table_json

    with open_store(corpus_db) as store, store.session() as s:
        for limit in (3, 10_000):
            in_db = json.loads(incident_table_json(s, flt, limit, in_database=True))
            in_py = json.loads(incident_table_json(s, flt, limit, in_database=False))
            assert in_db == in_py
            assert len(in_db["rows"]) == min(limit, in_db["total"])


def test_api_table_limit_keeps_the_total(client: TestClient) -> None:
    body = client.get("/api/table", params={"limit": 5}).json()
    assert len(body["rows"]) == 5 and body["total"] == client.get("/api/health").json()["incidents"]
    assert_error(client.get("/api/table", params={"limit": 0}), 422, "invalid_parameter")


def test_api_meta_lists_gazetteer_sites_and_actors(client: TestClient) -> None:
    meta = client.get("/api/meta").json()
    sites = {s["id"]: s for s in meta["sites"]}
    assert "tower-22" in sites and sites["tower-22"]["country"] == "JO" and sites["tower-22"]["lat"]
    assert any(a["id"] == "islamic-resistance-in-iraq" for a in meta["actors"])
    assert meta["statuses"] == ["confirmed", "claimed", "reported", "denied"]


def test_api_security_headers_on_api_and_dashboard(client: TestClient) -> None:
    for path in ("/api/health", "/", "/api/events/nope"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'self'" in csp and "unsafe" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"


def test_api_cors_closed_by_default(client: TestClient) -> None:
    response = client.get("/api/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/api/events", headers={"Origin": "https://evil.example",
                                                       "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in preflight.headers


def test_api_cors_opens_only_to_configured_origins(corpus_db: str) -> None:
    with TestClient(create_app(corpus_db, cors_origins=["https://ok.example"])) as c:
        ok = c.get("/api/health", headers={"Origin": "https://ok.example"})
        assert ok.headers["access-control-allow-origin"] == "https://ok.example"
        other = c.get("/api/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_api_unknown_route_and_method_use_the_error_shape(client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")


def test_api_openapi_schema_documents_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/table", "/api/events/{incident_id}", "/api/documents/{doc_id}", "/api/stats",
                 "/api/tallies", "/api/export.{fmt}", "/api/health", "/api/documents"):
        assert path in paths
    assert "post" in paths["/api/documents"]


ARTICLE = {
    "id": "t_api_new", "outlet": "test-wire", "published": "2024-03-05", "url": "https://example.org/a",
    "title": "هجوم بطائرة مسيرة على قاعدة عين الأسد",
    "text": "بغداد - أعلنت المقاومة الإسلامية في العراق، اليوم الثلاثاء، أنها استهدفت قاعدة عين الأسد "
            "الجوية في محافظة الأنبار بطائرة مسيّرة، وقالت في بيان إن الطائرة أصابت هدفها بدقة.",
}


def test_api_writes_refused_without_a_configured_token(client: TestClient) -> None:
    for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
        err = assert_error(client.post("/api/documents", json=ARTICLE, headers=headers), 403, "forbidden")
        assert "read-only" in err["message"]
    assert client.get("/api/documents/t_api_new").status_code == 404


@pytest.fixture()
def writable(tmp_path: Path) -> TestClient:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'w.db'}", write_token=TOKEN)) as c:
        yield c


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong-token-0123456789"},
                                     {"Authorization": f"Basic {TOKEN}"}, {"Authorization": TOKEN}])
def test_api_writes_need_the_right_token(writable: TestClient, headers: dict[str, str]) -> None:
    assert_error(writable.post("/api/documents", json=ARTICLE, headers=headers), 401, "unauthorized")
    assert writable.get("/api/health").json()["documents"] == 0


def test_api_ingest_through_the_api(writable: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.api.routes as routes

    compared: list[tuple[bytes, bytes]] = []
    real = routes.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(routes.hmac, "compare_digest", spy)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert writable.get("/api/health").json()["writable"] is True
    response = writable.post("/api/documents", json=ARTICLE, headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["new"] == 1 and body["failed"] == [] and len(body["incident_ids"]) == 1
    assert compared == [(TOKEN.encode(), TOKEN.encode())]
    incident = writable.get(f"/api/events/{body['incident_ids'][0]}").json()
    assert incident["incident"]["location_id"] == "ain-al-asad"
    assert incident["accounts"][0]["title"] == ARTICLE["title"]
    again = writable.post("/api/documents", json={"documents": [ARTICLE]}, headers=auth).json()
    assert again["unchanged"] == 1 and again["new"] == 0


@pytest.mark.parametrize("body", [
    {"id": "../x", "text": "نص"}, {"id": "x"}, {"id": "x", "text": ""}, {"id": "x", "text": "t", "extra": 1},
    {"documents": []}, {"id": "x", "text": "t", "published": "soon"},
    {"documents": [{"id": "x", "text": "a"}, {"id": "x", "text": "b"}]},
])
def test_api_bad_documents_get_422(writable: TestClient, body: dict) -> None:
    response = writable.post("/api/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert_error(response, 422, "invalid_parameter")


def test_api_oversized_bodies_refused_before_reading(writable: TestClient) -> None:
    from marsad.api.app import MAX_BODY

    response = writable.post("/api/documents", content=b"{}", headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json", "Content-Length": str(MAX_BODY + 1)})
    assert_error(response, 413, "too_large")
    assert "content-security-policy" in response.headers


def test_api_dashboard_page_loads_only_local_assets(client: TestClient) -> None:
    page = client.get("/")
    if page.status_code == 503:
        pytest.skip("dashboard not built (make web)")
    assert page.headers["content-type"].startswith("text/html")
    assert 'src="/static/app.js"' in page.text and "http" not in page.text.split("<body>")[0].replace(
        'content="width=device-width', "")
    for asset in ("/static/app.js", "/static/app.css", "/static/boot.js", "/static/basemap.geojson"):
        assert client.get(asset).status_code == 200
    assert client.get("/static/../pyproject.toml").status_code == 404
