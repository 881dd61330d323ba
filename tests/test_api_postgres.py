"""The API over a PostgreSQL store (the same routes as over SQLite; the dashboard's table is encoded in
Python there).  Skips without a reachable server, fails under CI=true (see test_store_support)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.pipeline import Pipeline
from test_api import CORPUS, N_DOCS, assert_error
from test_store_support import pg_url  # noqa: F401  (fixture: a fresh PostgreSQL schema)


def test_api_on_postgresql(pg_url: str, pipeline: Pipeline) -> None:  # noqa: F811
    from marsad.reader import read_docs
    from marsad.store import open_store
    from marsad.store.ingest import ingest

    with open_store(pg_url) as store:
        assert ingest(store, read_docs(CORPUS), pipeline).documents == N_DOCS
    with TestClient(create_app(pg_url)) as client:
        health = client.get("/api/health").json()
        assert health["documents"] == N_DOCS and health["incidents"] > 20
        events = client.get("/api/events", params={"limit": 10000}).json()["items"]
        table = client.get("/api/table").json()
        assert [r[0] for r in table["rows"]] == [i["id"] for i in events]
        for row in table["rows"]:
            item = dict(zip(table["columns"], row, strict=True))
            full = next(i for i in events if i["id"] == item["id"])
            assert {k: full[k] for k in item} == item
        syria = client.get("/api/table", params={"country": "sy", "status": "claimed"}).json()
        assert syria["rows"] and all(r[3] == "SY" and "claimed" in r[11] for r in syria["rows"])
        top = max(events, key=lambda i: i["n_sources"])
        detail = client.get(f"/api/events/{top['id']}").json()
        assert len(detail["accounts"]) == top["n_mentions"] and all(a["sentence"] for a in detail["accounts"])
        doc = client.get(f"/api/documents/{detail['accounts'][0]['doc_id']}").json()
        assert all(doc["text"][e["start"]:e["end"]] == e["text"] for e in doc["evidence"])
        assert client.get("/api/stats").json()["total"] == len(events)
        assert client.get("/api/export.jsonl").text.count("\n") == len(events)
        assert_error(client.get("/api/documents/nope"), 404, "not_found")
