"""Polite HTTP fetching with httpx: one :class:`Fetcher` for a whole run.

- only ``http`` and ``https`` URLs, also after a redirect (a redirect to ``ftp:``/``file:`` is an error);
- redirects followed by hand, at most ``max_redirects``, a loop is reported as such;
- a timeout for the connection and each read, and a deadline for the whole answer (3x the timeout),
  so a server that never answers, or trickles bytes, cannot hold the run;
- a size cap: a ``Content-Length`` over it is refused before reading, a body is cut off as soon as it
  passes it;
- robots.txt (urllib.robotparser) fetched once per host and obeyed, Crawl-delay included;
- at least ``delay`` seconds between two requests to the same host;
- a descriptive User-Agent; conditional requests (``If-None-Match`` / ``If-Modified-Since``).

Every failure raises :class:`FetchError` with a one-line reason naming the URL.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from marsad.errors import InputError
from marsad.sources.options import FetchOptions

_REDIRECTS = {301, 302, 303, 307, 308}
_ROBOTS_MAX = 512_000


class FetchError(InputError):
    """A URL could not be fetched (network error, bad status, cap, robots.txt, scheme).

    ``transient`` is True for what may go away by itself (timeouts, connection errors, HTTP 5xx and 429):
    ``marsad watch`` tries such an item again at the next poll."""

    def __init__(self, message: str, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass(slots=True)
class Response:
    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    content: bytes
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(slots=True)
class _Host:
    robots: RobotFileParser | None = None
    crawl_delay: float = 0.0
    last: float | None = None
    notes: list[str] = field(default_factory=list)


def check_scheme(url: str) -> None:
    """Raise FetchError unless ``url`` is an absolute http(s) URL."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise FetchError(f"{url}: invalid URL ({exc})") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs are fetched, not {parts.scheme or 'a relative URL'!r}")
    if not parts.hostname:
        raise FetchError(f"{url}: invalid URL (no host)")


class Fetcher:
    """Fetch URLs politely.  Use as a context manager (closes the connection pool)."""

    def __init__(self, options: FetchOptions | None = None, *,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.options = options or FetchOptions()
        self._clock, self._sleep = clock, sleep
        self._hosts: dict[str, _Host] = {}
        timeout = httpx.Timeout(self.options.timeout)
        self._client = httpx.Client(follow_redirects=False, timeout=timeout, transport=transport,
                                    headers={"User-Agent": self.options.user_agent,
                                             "Accept-Language": "ar,en;q=0.5"})

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # ------------------------------------------------------------------------------------------ API

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str | None = None) -> Response:
        """GET ``url`` following redirects; a 304 answer is returned (``not_modified``), other
        non-2xx answers raise FetchError."""
        check_scheme(url)
        seen = {url}
        current = url
        for _ in range(self.options.max_redirects + 1):
            self._allowed(current)
            headers: dict[str, str] = {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            if accept:
                headers["Accept"] = accept
            status, resp_headers, body = self._request(current, headers, self.options.max_bytes)
            if status in _REDIRECTS:
                location = resp_headers.get("location")
                if not location:
                    raise FetchError(f"{url}: redirect ({status}) without a Location header")
                target = urljoin(current, location.strip())
                scheme = urlsplit(target).scheme.lower()
                if scheme not in ("http", "https"):
                    raise FetchError(f"{url}: redirected to a non-HTTP URL ({scheme}:), not followed")
                if target in seen:
                    raise FetchError(f"{url}: redirect loop (back to {target})")
                seen.add(target)
                current = target
                continue
            if status == 304:
                return Response(url, current, status, b"", etag=etag, last_modified=last_modified)
            if not 200 <= status < 300:
                raise FetchError(f"{url}: HTTP {status}", transient=status >= 500 or status == 429)
            ctype = resp_headers.get("content-type")
            charset = None
            if ctype and "charset=" in ctype.lower():
                charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
            return Response(url, current, status, body, ctype, charset, resp_headers.get("etag"),
                            resp_headers.get("last-modified"))
        raise FetchError(f"{url}: more than {self.options.max_redirects} redirects")

    # ------------------------------------------------------------------------------------- helpers

    def _request(self, url: str, headers: dict[str, str], cap: int) -> tuple[int, httpx.Headers, bytes]:
        self._wait(url)
        deadline = self._clock() + 3 * self.options.timeout
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                if resp.status_code in _REDIRECTS or resp.status_code == 304:
                    return resp.status_code, resp.headers, b""
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > cap:
                    raise FetchError(f"{url}: answer of {int(declared):,} bytes is over the {cap:,}-byte cap")
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise FetchError(f"{url}: answer is over the {cap:,}-byte cap; not read further")
                    if self._clock() > deadline:
                        raise FetchError(f"{url}: answer not complete within {3 * self.options.timeout:g} s",
                                         transient=True)
                    chunks.append(chunk)
                return resp.status_code, resp.headers, b"".join(chunks)
        except httpx.TimeoutException as exc:
            raise FetchError(f"{url}: no answer within {self.options.timeout:g} s ({type(exc).__name__})",
                             transient=True) from exc
        except httpx.TooManyRedirects as exc:  # pragma: no cover - redirects are followed by hand
            raise FetchError(f"{url}: too many redirects") from exc
        except httpx.HTTPError as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise FetchError(f"{url}: {reason}", transient=True) from exc
        finally:
            self._host(url).last = self._clock()

    def _host(self, url: str) -> _Host:
        parts = urlsplit(url)
        key = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        return self._hosts.setdefault(key, _Host())

    def _wait(self, url: str) -> None:
        host = self._host(url)
        if host.last is None:
            return
        gap = max(self.options.delay, host.crawl_delay)
        remaining = host.last + gap - self._clock()
        if remaining > 0:
            self._sleep(remaining)

    def _allowed(self, url: str) -> None:
        if not self.options.robots:
            return
        host = self._host(url)
        if host.robots is None:
            host.robots = self._load_robots(url)
            delay = host.robots.crawl_delay(self.options.user_agent)
            host.crawl_delay = float(delay) if delay else 0.0
        if not host.robots.can_fetch(self.options.user_agent, url):
            raise FetchError(f"{url}: disallowed by robots.txt")

    def _load_robots(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        parser = RobotFileParser(robots_url)
        try:
            status, _, body = self._request(robots_url, {}, _ROBOTS_MAX)
        except FetchError:
            status, body = 404, b""  # unreachable or too large robots.txt: as if there were none
        if status in (401, 403):
            parser.disallow_all = True
        elif 200 <= status < 300:
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
        else:
            parser.allow_all = True
        return parser
