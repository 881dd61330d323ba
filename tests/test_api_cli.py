"""`marsad serve`: its errors are one line, and it serves the API and the dashboard over a store."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from click.testing import CliRunner

from marsad.cli import main
from test_api import N_DOCS, corpus_db  # noqa: F401  (fixture: the session's corpus store)


def test_serve_help_lists_every_option() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--write-token", "--cors-origin", "--log-level"):
        assert option in result.output
    assert "127.0.0.1" in result.output and "8000" in result.output


def test_serve_short_token_is_a_one_line_error(corpus_db: str) -> None:  # noqa: F811
    result = CliRunner().invoke(main, ["serve", "--db", corpus_db, "--write-token", "short"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == ["marsad: error: --write-token must have at least 12 characters"]


def test_serve_taken_port_is_a_one_line_error(corpus_db: str) -> None:  # noqa: F811
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", corpus_db, "--port", str(port)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"marsad: error: cannot listen on 127.0.0.1:{port}")


def test_serve_bad_database_is_a_one_line_error(tmp_path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", "mysql://nobody@nowhere/db"])
    assert result.exit_code == 1
    assert result.output.startswith("marsad: error: ") and "Traceback" not in result.output


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("token", [None, "serve-token-0123456789"])
def test_serve_runs_the_api_and_dashboard(corpus_db: str, token: str | None) -> None:  # noqa: F811
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_WRITE_TOKEN"}
    if token:
        env["MARSAD_WRITE_TOKEN"] = token
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--db", corpus_db, "--port", str(port),
                             "--log-level", "warning"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                health = httpx.get(f"{base}/api/health", timeout=2)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "marsad serve did not answer"
                time.sleep(0.2)
        assert health.json()["documents"] == N_DOCS
        assert health.json()["writable"] is (token is not None)
        page = httpx.get(f"{base}/")
        assert page.status_code in (200, 503) and "script-src 'self'" in page.headers["content-security-policy"]
        refused = httpx.post(f"{base}/api/documents", json={"id": "x", "text": "نص"},
                             headers={"Authorization": "Bearer wrong-token-000000"})
        assert refused.status_code == (401 if token else 403)
    finally:
        proc.terminate()
        proc.wait(15)
    assert "read-only" in (proc.stderr.read() if proc.stderr else "") or token
