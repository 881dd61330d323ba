"""Fetching, feeds and ``marsad watch`` against a local HTTP server on 127.0.0.1 (never the internet).

The server serves the fixture pages and feeds written for these tests, plus hostile routes: a redirect
loop, a redirect to ftp:, a server that never answers, a 50 MB page (declared and undeclared length), an
invalid feed, a robots.txt that disallows /private/, and conditional answers (304) for the feed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from marsad.cli import main
from marsad.cli_sources import parse_interval
from marsad.errors import InputError
from marsad.sources import FetchOptions, SourceOptions, Sources, open_inputs
from marsad.sources.feeds import FeedError, FeedState, parse_feed, poll
from marsad.sources.fetch import Fetcher, FetchError

FIX = Path(__file__).parent / "fixtures" / "sources"
PAGES = FIX / "pages"
FEEDS = FIX / "feeds"
REPO = Path(__file__).resolve().parents[1]


@dataclass
class Site:
    base: str
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    feed_version: list[str] = field(default_factory=lambda: ["v1"])

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


def _reprint() -> bytes:
    """A reprint of the Al Mayadeen text on another site, with a paragraph of its own added."""
    page = (PAGES / "almayadeen.html").read_text(encoding="utf-8")
    added = ("<p>وفي تعليق على الهجوم، رأى محلل سياسي عراقي أن تكرار استهداف القواعد يعكس اتساع رقعة المواجهة في "
             "المنطقة، وأن الحكومة العراقية تجد نفسها أمام ضغوط متزايدة لتحديد موقف واضح من الوجود الأجنبي.</p>")
    page = page.replace('<div class="related">', added + '<div class="related">')
    page = page.replace("https://www.almayadeen.net/news/politics/", "https://reprints.example/world/")
    return page.replace('content="الميادين"', 'content="Reprints"').encode("utf-8")


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    english = (b"<html><head><title>Drone attack</title></head><body><article><p>A drone struck the Ain al-Asad "
               b"air base in western Iraq early on Sunday, a security source said, adding that air defences "
               b"engaged it.</p><p>No casualties were reported in the attack on the base.</p></article></body></html>")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
                  headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            path = self.path
            site.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._route(path)

        def _route(self, path: str) -> None:
            if path == "/robots.txt":
                self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            elif path.startswith("/pages/"):
                f = PAGES / path.removeprefix("/pages/")
                if f.is_file():
                    self._send(200, f.read_bytes())
                else:
                    self._send(404, b"not found")
            elif path == "/private/secret.html":
                self._send(200, (PAGES / "sana.html").read_bytes())
            elif path == "/english.html":
                self._send(200, english)
            elif path == "/reprint.html":
                self._send(200, _reprint())
            elif path == "/loop-a":
                self._send(302, headers={"Location": "/loop-b"})
            elif path == "/loop-b":
                self._send(301, headers={"Location": site.url("/loop-a")})
            elif path == "/to-ftp":
                self._send(302, headers={"Location": "ftp://127.0.0.1/file.html"})
            elif path.startswith("/hop"):
                n = int(path.removeprefix("/hop"))
                self._send(302, headers={"Location": f"/hop{n + 1}"})
            elif path == "/moved":
                self._send(301, headers={"Location": "/pages/shafaq.html"})
            elif path == "/slow":
                time.sleep(3)
                self._send(200, b"<html><body><p>too late</p></body></html>")
            elif path == "/big-declared":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(50 * 1024 * 1024))
                self.end_headers()
                self.wfile.write(b"<html>" + b" " * 65536)
            elif path == "/big-undeclared":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = b"<p>" + "نص ".encode() * 8000 + b"</p>\n"
                for _ in range(50 * 1024 * 1024 // len(chunk)):
                    self.wfile.write(chunk)
                self.close_connection = True
            elif path == "/image.png":
                self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
            elif path == "/error500":
                self._send(500, b"oops")
            elif path == "/feed.xml":
                etag = f'"{site.feed_version[-1]}"'
                if self.headers.get("If-None-Match") == etag:
                    self._send(304, headers={"ETag": etag})
                    return
                body = (FEEDS / "rss.xml").read_text(encoding="utf-8").replace("{BASE}", site.base)
                if site.feed_version[-1] != "v1":
                    body = body.replace("<!-- NEXT -->", (FEEDS / "rss_next_item.xml").read_text(encoding="utf-8")
                                        .replace("{BASE}", site.base))
                self._send(200, body.encode("utf-8"), "application/rss+xml; charset=utf-8",
                           {"ETag": etag, "Last-Modified": "Sat, 20 Jan 2024 20:00:00 GMT"})
            elif path == "/atom.xml":
                body = (FEEDS / "atom.xml").read_text(encoding="utf-8").replace("{BASE}", site.base)
                self._send(200, body.encode("utf-8"), "application/atom+xml")
            elif path in ("/feed-orig.xml", "/feed-reprint.xml"):
                link = "/pages/almayadeen.html" if path == "/feed-orig.xml" else "/reprint.html"
                body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>خبر</title>'
                        f"<link>{site.base}{link}</link><guid>{path}</guid></item></channel></rss>")
                self._send(200, body.encode("utf-8"), "application/rss+xml")
            elif path == "/bad-feed.xml":
                self._send(200, (FEEDS / "invalid.xml").read_bytes(), "application/rss+xml")
            else:
                self._send(404, b"not found")

    return Handler


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    holder = Site("")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(holder))
    server.daemon_threads = True
    holder.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield holder
    server.shutdown()
    server.server_close()


def fast(**kw: object) -> FetchOptions:
    base: dict[str, object] = {"timeout": 1.0, "delay": 0.0, "max_bytes": 2_000_000}
    base.update(kw)
    return FetchOptions(**base)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------------ fetch


def test_fetch_page_follows_redirect_and_sends_user_agent(site: Site) -> None:
    with Fetcher(fast()) as f:
        resp = f.get(site.url("/moved"))
    assert resp.status == 200 and resp.final_url == site.url("/pages/shafaq.html")
    assert resp.charset == "utf-8"
    ua = next(h for p, h in site.requests if p == "/moved")["user-agent"]
    assert ua.startswith("marsad/") and "robots.txt" in ua


@pytest.mark.parametrize(("path", "reason"), [
    ("/loop-a", "redirect loop"),
    ("/to-ftp", "redirected to a non-HTTP URL (ftp:)"),
    ("/hop1", "more than 5 redirects"),
    ("/private/secret.html", "disallowed by robots.txt"),
    ("/slow", "no answer within 1 s"),
    ("/big-declared", "answer of 52,428,800 bytes is over the 2,000,000-byte cap"),
    ("/big-undeclared", "answer is over the 2,000,000-byte cap"),
    ("/error500", "HTTP 500"),
    ("/nowhere", "HTTP 404"),
])
def test_fetch_hostile_answers_are_clear_errors(site: Site, path: str, reason: str) -> None:
    started = time.monotonic()
    with Fetcher(fast()) as f, pytest.raises(FetchError) as err:
        f.get(site.url(path))
    assert reason in str(err.value)
    assert str(err.value).startswith(site.url(path))
    assert "\n" not in str(err.value)
    assert time.monotonic() - started < 2.5


def test_fetch_transient_flag(site: Site) -> None:
    with Fetcher(fast()) as f:
        for path, transient in (("/slow", True), ("/error500", True), ("/nowhere", False), ("/loop-a", False)):
            with pytest.raises(FetchError) as err:
                f.get(site.url(path))
            assert err.value.transient is transient, path


def test_fetch_refuses_non_http_urls() -> None:
    with Fetcher(fast()) as f:
        for url in ("file:///etc/passwd", "ftp://127.0.0.1/a", "javascript:alert(1)", "/relative"):
            with pytest.raises(FetchError, match="only http and https"):
                f.get(url)


def test_fetch_unreachable_port_is_an_error() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with Fetcher(fast(robots=False)) as f, pytest.raises(FetchError) as err:
        f.get(f"http://127.0.0.1:{port}/x")
    assert err.value.transient


def test_fetch_per_host_delay_with_a_fake_clock(site: Site) -> None:
    now = [100.0]
    sleeps: list[float] = []

    def sleep(s: float) -> None:
        sleeps.append(s)
        now[0] += s

    with Fetcher(fast(delay=5.0), clock=lambda: now[0], sleep=sleep) as f:
        f.get(site.url("/pages/sana.html"))  # robots.txt first, then the page 5 s later
        f.get(site.url("/pages/rudaw.html"))
    assert sleeps == [pytest.approx(5.0), pytest.approx(5.0)]


def test_fetch_robots_read_once_per_host(site: Site) -> None:
    before = site.hits("/robots.txt")
    with Fetcher(fast()) as f:
        for name in ("sana.html", "rudaw.html", "shafaq.html"):
            f.get(site.url(f"/pages/{name}"))
    assert site.hits("/robots.txt") - before == 1


# --------------------------------------------------------------------------------------- URLs as input


def test_open_inputs_urls_each_bad_one_recorded(site: Site) -> None:
    urls = [site.url("/pages/aljazeera.html"), site.url("/loop-a"), site.url("/image.png"),
            site.url("/english.html"), site.url("/slow"), site.url("/pages/enabbaladi.html")]
    docs = list(open_inputs(urls, SourceOptions(fetch=fast())))
    assert [d.id for d in docs] == urls
    ok, loop, image, english, slow, enab = docs
    assert (ok.title, ok.published, ok.published_basis) == (
        "مسيرة تستهدف قاعدة عين الأسد غربي العراق", dt.date(2024, 1, 21), "json-ld")
    # the page's canonical link names the outlet; the URL it was fetched from is kept
    assert ok.outlet == "aljazeera" and ok.url == urls[0] and ok.lang == "ar"
    assert "redirect loop" in loop.error
    assert "not a web page (Content-Type image/png)" in image.error
    assert english.lang == "en" and "not Arabic" in english.error
    assert "no answer within" in slow.error
    assert enab.outlet == "enab-baladi" and enab.error is None


# ------------------------------------------------------------------------------------------------ feeds


def test_parse_feed_rss_and_atom_and_invalid() -> None:
    items, warning = parse_feed((FEEDS / "rss.xml").read_bytes(), "rss")
    assert warning is None
    assert [i.key for i in items][:2] == ["urn:marsad-test:1", "urn:marsad-test:2"]
    # the date as written (+03:00), not shifted to UTC
    assert items[0].published == dt.date(2024, 1, 21)
    atom, _ = parse_feed((FEEDS / "atom.xml").read_bytes(), "atom")
    assert atom[0].title == "رتل أمريكي يدخل قاعدة الشدادي جنوبي الحسكة"
    assert atom[0].published == dt.date(2024, 1, 25)
    with pytest.raises(FeedError, match="not a valid RSS/Atom feed"):
        parse_feed((FEEDS / "invalid.xml").read_bytes(), "bad")
    with pytest.raises(FeedError, match=r"not a valid RSS/Atom feed|not an RSS/Atom feed"):
        parse_feed((PAGES / "sana.html").read_bytes(), "page")


def test_poll_conditional_requests_and_state(site: Site, tmp_path: Path) -> None:
    site.feed_version.append("v1")
    state = FeedState.load(tmp_path / "state.json")
    feed = site.url("/feed.xml")
    with Fetcher(fast()) as f:
        first = poll(f, feed, state)
        assert first.total == 7 and len(first.new_items) == 7
        for item in first.new_items[:2]:
            state.mark(feed, item.key)
        state.save()
        second = poll(f, feed, FeedState.load(tmp_path / "state.json"))
    assert second.not_modified and second.new_items == []
    cond = [h for p, h in site.requests if p == "/feed.xml"][-1]
    assert cond["if-none-match"] == '"v1"'
    assert cond["if-modified-since"] == "Sat, 20 Jan 2024 20:00:00 GMT"
    reloaded = FeedState.load(tmp_path / "state.json")
    assert reloaded.has(feed, "urn:marsad-test:1") and not reloaded.has(feed, "urn:marsad-test:3")


def test_poll_invalid_feed_and_corrupt_state(site: Site, tmp_path: Path) -> None:
    with Fetcher(fast()) as f, pytest.raises(FeedError, match="not a valid RSS/Atom feed"):
        poll(f, site.url("/bad-feed.xml"), FeedState(None))
    bad = tmp_path / "state.json"
    bad.write_text("{not json")
    with pytest.raises(InputError, match="not a marsad watch state file"):
        FeedState.load(bad)


@pytest.mark.parametrize(("value", "seconds"), [("15m", 900), ("30s", 30), ("1h", 3600), ("2.5m", 150), ("45", 45)])
def test_parse_interval(value: str, seconds: float) -> None:
    assert parse_interval(value) == seconds


def test_parse_interval_rejects() -> None:
    import click

    for bad in ("soon", "0s", "-5m", "5d"):
        with pytest.raises(click.BadParameter):
            parse_interval(bad)


# ------------------------------------------------------------------------------------------------ watch


def _watch_args(site: Site, tmp_path: Path, *extra: str) -> list[str]:
    return ["watch", site.url("/feed.xml"), site.url("/bad-feed.xml"), "--state", str(tmp_path / "state.json"),
            "--delay", "0", "--timeout", "1", *extra]


def test_watch_once_to_jsonl_never_refetches(site: Site, tmp_path: Path) -> None:
    site.feed_version.append("v1")
    out = tmp_path / "new.jsonl"
    result = CliRunner().invoke(main, _watch_args(site, tmp_path, "--once", "-o", str(out)))
    assert result.exit_code == 0, result.output
    assert f"feed error: {site.url('/bad-feed.xml')}: not a valid RSS/Atom feed (invalid XML at line" in result.stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    by_url = {x["url"] or x["id"]: x for x in lines}
    # 6 items: 3 Arabic pages, the reprint, an English page, a page robots.txt forbids; the slow one is retried
    assert len(lines) == 6
    jaz = by_url[site.url("/pages/aljazeera.html")]
    assert (jaz["outlet"], jaz["published"], jaz["published_basis"], jaz["lang"]) == (
        "aljazeera", "2024-01-21", "json-ld", "ar")
    may = by_url[site.url("/pages/almayadeen.html")]
    reprint = by_url[site.url("/reprint.html")]
    assert reprint["copy_of"] == may["id"] and may["copy_of"] is None
    assert "not Arabic" in by_url[site.url("/english.html")]["error"]
    assert "disallowed by robots.txt" in by_url[site.url("/private/secret.html")]["error"]
    nodate = by_url[site.url("/pages/alarabiya.html")]
    assert nodate["published"] == "2024-01-27"
    assert "will try again" in result.stderr and site.url("/slow") not in by_url
    assert f"  {site.url('/private/secret.html')}: disallowed by robots.txt" in result.stderr
    assert "feed.xml: 7 items, 4 new, 2 failed or skipped, 1 to retry" in result.stderr
    # the output reads back through marsad extract
    again = CliRunner().invoke(main, ["extract", str(out), "--no-progress"])
    assert again.exit_code == 0
    assert len(again.stdout.splitlines()) == 6

    # second run: the feed answers 304, nothing is fetched again
    page_hits = site.hits("/pages/aljazeera.html")
    result2 = CliRunner().invoke(main, _watch_args(site, tmp_path, "--once", "-o", str(out)))
    assert result2.exit_code == 0
    assert "not modified" in result2.stderr
    assert site.hits("/pages/aljazeera.html") == page_hits
    assert len(out.read_text(encoding="utf-8").splitlines()) == 6

    # the feed changes: only the new item is fetched, the slow one is tried again
    site.feed_version.append("v2")
    result3 = CliRunner().invoke(main, _watch_args(site, tmp_path, "--once", "-o", str(out)))
    assert result3.exit_code == 0, result3.output
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 7 and lines[-1]["outlet"] == "rudaw-ar"
    assert site.hits("/pages/aljazeera.html") == page_hits


def test_watch_into_the_store(site: Site, tmp_path: Path) -> None:
    site.feed_version.append("v1")
    db = tmp_path / "watch.db"
    result = CliRunner().invoke(main, _watch_args(site, tmp_path, "--once", "--db", str(db)))
    assert result.exit_code == 0, result.output
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(text("select id, outlet, copy_of, error from documents"))}
        mentions = conn.execute(text("select count(*) from mentions")).scalar_one()
    engine.dispose()
    assert rows[site.url("/reprint.html")].copy_of == site.url("/pages/almayadeen.html")
    assert rows[site.url("/pages/alarabiya.html")].outlet == "alarabiya"
    assert "not Arabic" in rows[site.url("/english.html")].error
    assert mentions >= 3


def test_watch_bad_arguments_are_one_line_errors(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["watch", "ftp://x.example/feed", "--once", "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("marsad: error: ftp://x.example/feed: only http and https")
    result = CliRunner().invoke(main, ["watch", "http://127.0.0.1:9/f", "--every", "soon"])
    assert result.exit_code == 2 and "not a duration" in result.output


def test_watch_ctrl_c_stops_cleanly(site: Site, tmp_path: Path) -> None:
    site.feed_version.append("v1")
    out, state = tmp_path / "out.jsonl", tmp_path / "state.json"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "watch", site.url("/feed.xml"), "--every", "1s",
                             "-o", str(out), "--state", str(state), "--delay", "0", "--timeout", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if out.exists() and len(out.read_text(encoding="utf-8").splitlines()) >= 6:
                break
            time.sleep(0.2)
        else:
            pytest.fail("watch wrote nothing")
        time.sleep(0.5)  # now polling again or sleeping between polls
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == f"marsad: watch stopped; state saved to {state}"
    saved = json.loads(state.read_text(encoding="utf-8"))
    assert len(saved["feeds"][site.url("/feed.xml")]["seen"]) == 6
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(json.loads(x)["id"] for x in lines)  # every line complete


def test_sources_fetch_page_fallbacks_from_feed(site: Site) -> None:
    with Sources(SourceOptions(fetch=fast())) as s:
        doc = s.fetch_page(site.url("/pages/shafaq.html"), "x", fallback_published=dt.date(2020, 1, 1))
        gone = s.fetch_page(site.url("/nowhere"), "y")
    assert doc.published == dt.date(2024, 1, 23) and doc.published_basis == "html-date-text"
    assert gone.error is not None and "HTTP 404" in gone.error


def test_parse_feed_resolves_relative_links() -> None:
    body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>خبر</title>'
            '<link>/ar/news/1.html</link></item></channel></rss>').encode()
    items, _ = parse_feed(body, "https://outlet.example/feeds/ar.xml")
    assert items[0].link == "https://outlet.example/ar/news/1.html"
    assert items[0].key == "https://outlet.example/ar/news/1.html"


def test_format_url_reads_a_file_of_urls(site: Site, tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# saved links\n{site.url('/pages/rudaw.html')}\n\n{site.url('/to-ftp')}\n", encoding="utf-8")
    docs = list(open_inputs([str(listing)], SourceOptions(format="url", fetch=fast())))
    assert [d.id for d in docs] == [site.url("/pages/rudaw.html"), site.url("/to-ftp")]
    assert docs[0].outlet == "rudaw-ar" and docs[0].published == dt.date(2024, 1, 26)
    assert "non-HTTP URL" in docs[1].error
    binary = tmp_path / "urls.bin"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    (bad,) = open_inputs([str(binary)], SourceOptions(format="url"))
    assert "binary content" in bad.error


def test_watch_finds_copies_of_documents_stored_by_an_earlier_run(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    common = ["--once", "--db", str(db), "--state", str(tmp_path / "s.json"), "--delay", "0"]
    first = CliRunner().invoke(main, ["watch", site.url("/feed-orig.xml"), *common])
    assert first.exit_code == 0, first.output
    second = CliRunner().invoke(main, ["watch", site.url("/feed-reprint.xml"), *common])
    assert second.exit_code == 0, second.output
    assert "copies check seeded with the 1 latest stored documents" in second.stderr
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        rows = dict(conn.execute(text("select id, copy_of from documents")).all())
    engine.dispose()
    assert rows == {site.url("/pages/almayadeen.html"): None,
                    site.url("/reprint.html"): site.url("/pages/almayadeen.html")}
