"""``marsad serve``: the REST API and the dashboard (FastAPI under uvicorn) over a store."""

from __future__ import annotations

import errno
import socket
import sys

import click

from marsad.errors import MarsadError

MIN_TOKEN = 12


def _fail(message: str) -> None:
    click.echo(f"marsad: error: {message}", err=True)
    sys.exit(1)


def _check_port(host: str, port: int) -> None:
    """Fail with one line (not uvicorn's traceback-free but multi-line log) when the port is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as exc:
            reason = "address already in use" if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc))
            raise MarsadError(f"cannot listen on {host}:{port}: {reason}") from exc


@click.command()
@click.option("--db", "db", envvar="MARSAD_DB", metavar="URL|PATH",
              help="The store: a SQLite file path or URL, or postgresql://... "
                   "(default: $MARSAD_DB, else ./marsad-data/marsad.db).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="TCP port.")
@click.option("--write-token", envvar="MARSAD_WRITE_TOKEN", metavar="TOKEN",
              help=f"Enable POST /api/documents for clients sending 'Authorization: Bearer TOKEN' "
                   f"(at least {MIN_TOKEN} characters; also $MARSAD_WRITE_TOKEN).  Without it the API is read-only.")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Allow this other origin (e.g. https://example.org) to read the API from a browser; "
                   "repeatable.  Default: none (CORS closed).")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info",
              show_default=True, help="uvicorn's log level.")
def serve(db: str | None, host: str, port: int, write_token: str | None, cors_origins: tuple[str, ...],
          log_level: str) -> None:
    """Serve the REST API (/api, OpenAPI schema at /openapi.json) and the dashboard (/) over the store.

    Every asset of the dashboard is in the package (run `make web` once in a source checkout), so it works
    with no internet.  Read-only unless --write-token is given.
    """
    import uvicorn

    from marsad.api import create_app
    from marsad.store import resolve_db_url

    try:
        if write_token is not None and len(write_token) < MIN_TOKEN:
            raise MarsadError(f"--write-token must have at least {MIN_TOKEN} characters")
        _check_port(host, port)
        app = create_app(resolve_db_url(db), write_token=write_token or None, cors_origins=cors_origins)
    except MarsadError as exc:
        _fail(str(exc))
        return
    from sqlalchemy.engine import make_url

    where = make_url(app.state.backend.store.url).render_as_string(hide_password=True)
    click.echo(f"marsad: serving {where} on http://{host}:{port}/ "
               f"({'writes enabled with the token' if write_token else 'read-only'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False)
