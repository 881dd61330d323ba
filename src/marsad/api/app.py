"""The FastAPI application: REST API under ``/api`` and the dashboard at ``/`` (same origin).

``create_app(db_url, write_token=None)`` opens the store and returns the app.  Everything is read-only
unless a write token is configured, and then only ``POST /api/documents`` writes.  Every error, whatever
raised it, has one JSON shape (:class:`marsad.api.schemas.ErrorResponse`).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from http import HTTPStatus
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.api.backend import Backend
from marsad.api.gazetteer import build_meta
from marsad.api.routes import router
from marsad.errors import MarsadError

log = logging.getLogger("marsad.api")

#: the dashboard loads nothing from elsewhere: scripts, styles, fonts, the basemap and data are all 'self'
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

#: the largest request body accepted (POST /api/documents): a batch of long articles fits many times over
MAX_BODY = 32 * 1024 * 1024

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         413: "too_large", 415: "unsupported_media_type", 422: "invalid_parameter", 500: "internal_error",
         503: "unavailable"}


def static_dir() -> Path:
    """Where ``make web`` puts the built dashboard (inside the package, so that installs carry it)."""
    return Path(str(resources.files("marsad"))) / "web" / "static"


def error_response(status: int, message: str, details: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"status": status, "code": CODES.get(status, HTTPStatus(status).phrase.lower().replace(" ", "_")),
                      "message": message, "details": details or []}}
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_details(exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    details = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        where = loc[0] if loc else "request"
        name = ".".join(loc[1:]) or where
        details.append({"in": where, "name": name, "message": str(err.get("msg", "invalid"))})
    message = "; ".join(f"{d['name']}: {d['message']}" for d in details) or "invalid request"
    return message, details


def create_app(db_url: str, write_token: str | None = None, cors_origins: Sequence[str] = ()) -> FastAPI:
    """The app over the store at ``db_url``.  ``write_token`` enables ``POST /api/documents``;
    ``cors_origins`` (empty by default: CORS closed) lists the other origins allowed to read the API."""
    backend = Backend.open(db_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        backend.close()

    app = FastAPI(
        title="marsad API",
        version=__version__,
        description="Incidents (attacks on bases hosting US and coalition forces, strikes, reinforcements) "
                    "built from Arabic news reports, each with every source's account and its evidence.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN: not offline, not under our CSP
        redoc_url=None,
    )
    app.state.backend = backend
    app.state.write_token = write_token or None
    app.state.pipeline = None
    app.state.meta = build_meta()

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        message, details = _validation_details(exc)
        return error_response(422, message, details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(MarsadError)
    async def _marsad(request: Request, exc: MarsadError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal error (logged on the server)")

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            response: Response = error_response(413, f"request body over {MAX_BODY // (1024 * 1024)} MB")
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"],
                           allow_headers=[], allow_credentials=False)

    app.include_router(router)
    _mount_dashboard(app)
    return app


def _mount_dashboard(app: FastAPI) -> None:
    root = static_dir()
    index = root / "index.html"

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def dashboard() -> Response:
        if not index.is_file():
            return error_response(503, "the dashboard is not built: run `make web` (npm ci and the esbuild step)")
        return FileResponse(index, media_type="text/html; charset=utf-8")

    if root.is_dir():
        app.mount("/static", StaticFiles(directory=root), name="static")
