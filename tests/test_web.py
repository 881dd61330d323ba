"""End-to-end tests of the dashboard in a real headless Chromium (Debian's package) driven by Playwright.

The app runs under uvicorn in a thread on a free port over a store built from the team corpus.  Without
/usr/bin/chromium these tests skip with the reason; with CI=true they fail instead.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from marsad.api import create_app
from marsad.api.app import static_dir
from marsad.pipeline import Pipeline

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOKEN = "web-test-token-0123456789"

if not CHROMIUM.exists() or not (static_dir() / "index.html").exists():
    reason = ("no Chromium at /usr/bin/chromium (Debian package 'chromium'; `make test` installs it as root)"
              if not CHROMIUM.exists() else "dashboard not built: run `make web`")
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run under CI=true: {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

from test_api import build_corpus_db  # noqa: E402


@dataclass(slots=True)
class Server:
    url: str
    api: httpx.Client


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_server(db_url: str, write_token: str | None = None) -> Iterator[Server]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db_url, write_token=write_token), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=url, timeout=30) as api:
        yield Server(url, api)
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[Server]:
    db = build_corpus_db(tmp_path_factory.mktemp("web") / "corpus.db", pipeline)
    yield from run_server(db, write_token=TOKEN)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.problems = problems  # type: ignore[attr-defined]
    yield pg
    context.close()


def load(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]", timeout=20_000)


def table_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all("table.incidents tbody tr", "rows => rows.map(r => r.dataset.id)")


def test_web_dashboard_end_to_end(server: Server, page: Page, tmp_path: Path) -> None:
    everything = server.api.get("/api/events", params={"limit": 10000}).json()
    load(page, server.url + "/")
    # map: the offline basemap is drawn, the gazetteer's sites and the incidents are on it
    page.wait_for_selector("#map .leaflet-overlay-pane canvas")
    assert page.locator("#map .leaflet-marker-icon").count() > 0
    assert len(table_ids(page)) == min(200, everything["total"])
    expect(page.locator("#table-count")).to_contain_text(str(everything["total"]))
    assert page.locator("#tallies svg rect.official").count() > 0

    # filter by country: the URL carries the filter and the table holds exactly the API's Syrian incidents
    page.select_option("#f-country", "SY")
    page.wait_for_url(re.compile(r"[?&]country=SY"))
    syria = server.api.get("/api/events", params={"country": "SY", "limit": 10000}).json()["items"]
    expect(page.locator("table.incidents tbody tr")).to_have_count(len(syria))
    assert set(table_ids(page)) == {i["id"] for i in syria}

    # sort the table by number of sources (a click on the column head), then back to the latest first
    page.click('th button.sort[data-col="sources"]')
    page.wait_for_url(re.compile(r"order=-sources"))
    most = max(i["n_sources"] for i in syria)
    first = page.locator("table.incidents tbody tr").first.get_attribute("data-id")
    assert next(i for i in syria if i["id"] == first)["n_sources"] == most
    page.click('th button.sort[data-col="sources"]')
    page.wait_for_url(re.compile(r"order=sources"))
    first = page.locator("table.incidents tbody tr").first.get_attribute("data-id")
    assert next(i for i in syria if i["id"] == first)["n_sources"] == min(i["n_sources"] for i in syria)
    page.click('th button.sort[data-col="date"]')
    page.wait_for_url(lambda url: "order=" not in url)
    assert table_ids(page) == [i["id"] for i in syria]  # the API's order: latest first, then id

    # brush the timeline: drag across its middle; the table keeps only incidents inside the range
    box = page.locator(".timeline-svg .brush-overlay").bounding_box()
    assert box
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=8)
    page.mouse.move(box["x"] + box["width"] * 0.999, y, steps=4)
    page.mouse.up()
    page.wait_for_url(re.compile(r"from=\d{4}-\d{2}-\d{2}.*to=\d{4}-\d{2}-\d{2}"))
    query = dict(part.split("=", 1) for part in page.url.split("?", 1)[1].split("&"))
    inside = [i for i in syria if i["date"] and query["from"] <= i["date"] <= query["to"]]
    assert 0 < len(inside) < len(syria)
    expect(page.locator("table.incidents tbody tr")).to_have_count(len(inside))
    assert set(table_ids(page)) == {i["id"] for i in inside}
    assert page.locator(".brush-selection[visibility=visible]").count() == 1

    # the state is shareable: a fresh page on the same URL shows the same rows
    shared = page.context.new_page()
    load(shared, page.url)
    assert sorted(table_ids(shared)) == sorted(table_ids(page))
    shared.close()

    # open the incident with the most sources: every account side by side, evidence highlighted
    best = max(inside, key=lambda i: i["n_sources"])
    page.locator(f'table.incidents tbody tr[data-id="{best["id"]}"]').click()
    page.wait_for_url(re.compile(rf"incident={best['id']}"))
    expect(page.locator("#map .mk-selected")).to_have_count(1)  # its marker is outlined on the map
    detail = server.api.get(f"/api/events/{best['id']}").json()
    expect(page.locator("#panel article.account")).to_have_count(len(detail["accounts"]))
    first = detail["accounts"][0]
    evidence = page.locator("#panel article.account").first.locator("p.evidence")
    assert evidence.get_attribute("dir") == "rtl" and evidence.get_attribute("lang") == "ar"
    marks = evidence.locator("mark").all_inner_texts()
    expected = [first["sentence"]["text"][s["start"]:s["end"]] for s in first["sentence"]["spans"]]
    assert marks and all(any(m in e or e in m for e in expected) for m in marks)
    assert evidence.inner_text().replace("\n", "") .strip() == first["sentence"]["text"].strip()
    statuses = page.locator("#panel article.account header .badge").all_inner_texts()
    assert [s.lower() for s in statuses] == [a["status"] for a in detail["accounts"]]
    assert page.evaluate("() => getComputedStyle(document.querySelector('#panel p.evidence')).direction") == "rtl"
    page.screenshot(path=tmp_path / "dashboard-en.png", full_page=True)

    # switch to Arabic: the whole document turns right-to-left, the state stays
    page.click("#lang")
    page.wait_for_url(re.compile(r"lang=ar"))
    assert page.evaluate("() => [document.documentElement.dir, document.documentElement.lang]") == ["rtl", "ar"]
    assert page.evaluate("() => getComputedStyle(document.body).direction") == "rtl"
    expect(page.locator("#panel article.account")).to_have_count(len(detail["accounts"]))
    expect(page.locator("#table h2")).to_have_text("الحوادث")
    assert "country=SY" in page.url and f"incident={best['id']}" in page.url
    page.screenshot(path=tmp_path / "dashboard-ar.png", full_page=True)
    assert (tmp_path / "dashboard-ar.png").stat().st_size > 10_000
    assert not page.problems, page.problems  # type: ignore[attr-defined]


HOSTILE = {
    "id": "t_web_hostile",
    "outlet": "<img src=x onerror=\"window.__pwned='outlet'\">",
    "published": "2024-03-06",
    "url": "javascript:window.__pwned='url'",
    "title": "<script>window.__pwned='title'</script><b onmouseover=\"window.__pwned='b'\">عاجل</b>",
    "text": ("<script>window.__pwned='text'</script>\n"
             "بغداد - أعلنت المقاومة الإسلامية في العراق، فجر اليوم الأربعاء، أنها استهدفت قاعدة عين الأسد "
             "الجوية في محافظة الأنبار بطائرة مسيّرة <a href=\"javascript:window.__pwned='link'\">التفاصيل</a> "
             "<iframe src=\"javascript:window.__pwned='frame'\"></iframe>، وقالت إنها أصابت هدفها بدقة.\n"
             "<img src=x onerror=\"window.__pwned='img'\"><svg onload=\"window.__pwned='svg'\"></svg>"),
}


def assert_inert(page: Page) -> None:
    assert page.evaluate("() => window.__pwned") is None
    found = page.evaluate(r"""() => ({
        scripts: [...document.scripts].map(s => s.src).filter(src => !/\/static\/(app|boot)\.js$/.test(src)),
        js_links: document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i]').length,
        injected: document.querySelectorAll('#panel img, #panel iframe, #panel svg, #panel b[onmouseover], '
                                            + '[onerror], [onload], [onmouseover]').length,
    })""")
    assert found == {"scripts": [], "js_links": 0, "injected": 0}


def test_web_untrusted_article_text_renders_inert(server: Server, page: Page) -> None:
    response = server.api.post("/api/documents", json=HOSTILE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201, response.text
    incident = response.json()["incident_ids"][0]
    load(page, f"{server.url}/?incident={incident}")
    account = page.locator(f'#panel article.account[data-doc="{HOSTILE["id"]}"]')
    expect(account).to_have_count(1)
    expect(account.locator(".title")).to_have_text(HOSTILE["title"])
    expect(account.locator(".outlet")).to_have_text(HOSTILE["outlet"])
    assert account.locator("a.source-link").count() == 0  # a javascript: URL is never made a link
    assert_inert(page)
    account.locator("button.doc-open").click()
    page.wait_for_url(re.compile(r"doc=t_web_hostile"))
    text = page.locator("#panel p.document-text")
    expect(text).to_contain_text("<script>window.__pwned='text'</script>")
    expect(text).to_contain_text("<a href=\"javascript:window.__pwned='link'\">")
    assert text.locator("mark").count() > 0
    page.mouse.move(10, 10)
    assert_inert(page)
    assert not page.problems, page.problems  # type: ignore[attr-defined]
