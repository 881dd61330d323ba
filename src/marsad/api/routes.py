"""Routes of the REST API: parameter validation, then one call into :class:`marsad.api.backend.Backend`."""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated, Literal, TypeVar

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from marsad import __version__
from marsad.api import schemas
from marsad.api.backend import Backend
from marsad.store.queries import SORTS, STATUSES, IncidentFilter

#: ids travel in paths: letters, digits and ``_ . : ~ @ + = -`` only, never a slash, never a leading dot
ID_PATTERN = r"^[\w~@+=:-][\w.~@+=:-]*$"
ERRORS = {code: {"model": schemas.ErrorResponse, "description": text}
          for code, text in ((404, "Unknown id"), (422, "Invalid parameters"))}

_T = TypeVar("_T")

router = APIRouter(prefix="/api", responses={422: ERRORS[422]})

EventType = Literal["attack", "strike", "reinforcement"]
Status = Literal[STATUSES]  # type: ignore[valid-type]
Sort = Literal[SORTS]  # type: ignore[valid-type]
Format = Literal["csv", "geojson", "jsonl"]


def backend(request: Request) -> Backend:
    return request.app.state.backend


def filters(
    since: Annotated[dt.date | None, Query(description="Incidents on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[dt.date | None, Query(description="Incidents on or before this date (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$",
                                         description="ISO 3166 alpha-2 country code, e.g. IQ, SY, JO.")] = None,
    location: Annotated[str | None, Query(min_length=1, max_length=128,
                                          description="A gazetteer id or a part of a place name "
                                                      "(English or Arabic).")] = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=128, description="An actor id.")] = None,
    type: Annotated[EventType | None, Query(description="Incident type.")] = None,
    status: Annotated[Status | None, Query(description="Incidents with at least one account "
                                                       "of this status.")] = None,
) -> IncidentFilter:
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    return IncidentFilter(since=since, until=until, country=country.upper() if country else None,
                          location=location, actor=actor, type=type, status=status)


Filters = Annotated[IncidentFilter, Depends(filters)]
Store = Annotated[Backend, Depends(backend)]


@router.get("/health", response_model=schemas.Health, summary="Liveness and the size of the store")
def health(store: Store, request: Request) -> schemas.Health:
    incidents, documents = store.counts()
    return schemas.Health(status="ok", version=__version__, incidents=incidents, documents=documents,
                          writable=request.app.state.write_token is not None)


@router.get("/events", response_model=schemas.IncidentPage, summary="Incidents, filtered, sorted and paged")
def list_events(
    store: Store,
    flt: Filters,
    limit: Annotated[int, Query(ge=1, le=10_000, description="Page size.")] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Incidents to skip.")] = 0,
    sort: Annotated[Sort, Query(description="Sort key; a leading '-' means descending.")] = "-date",
) -> schemas.IncidentPage:
    return store.list_incidents(flt, limit=limit, offset=offset, sort=sort)


@router.get("/table", response_model=schemas.IncidentTable,
            summary="Every incident of the filters in compact rows (what the dashboard draws)")
def incident_table(
    store: Store,
    flt: Filters,
    limit: Annotated[int, Query(ge=1, le=200_000, description="At most this many incidents, latest first.")]
    = 50_000,
) -> Response:
    return Response(store.incident_table_json(flt, limit=limit), media_type="application/json")


@router.get("/events/{incident_id}", response_model=schemas.IncidentDetail, responses={404: ERRORS[404]},
            summary="One incident with every source's account and its evidence")
def get_event(store: Store,
              incident_id: Annotated[str, Path(max_length=64, pattern=ID_PATTERN)]) -> schemas.IncidentDetail:
    return _or_404(store.get_incident(incident_id), f"no incident {incident_id!r}")


@router.get("/documents/{doc_id}", response_model=schemas.Document, responses={404: ERRORS[404]},
            summary="One stored article: its text and every evidence span into it")
def get_document(store: Store,
                 doc_id: Annotated[str, Path(max_length=512, pattern=ID_PATTERN)]) -> schemas.Document:
    return _or_404(store.get_document(doc_id), f"no document {doc_id!r}")


def _or_404(found: _T | None, message: str) -> _T:
    """``found``, or a 404 error with ``message`` when it is None."""
    if found is None:
        raise HTTPException(404, message)
    return found


@router.get("/stats", response_model=schemas.Stats, summary="Counts per week, country, site, actor, type, status")
def get_stats(store: Store, flt: Filters) -> schemas.Stats:
    return store.stats(flt)


@router.get("/tallies", response_model=schemas.Tallies,
            summary="Official tallies found in articles next to marsad's own count for the same scope")
def get_tallies(store: Store, flt: Filters) -> schemas.Tallies:
    return store.tallies(flt)


@router.get("/meta", response_model=schemas.Meta, summary="Gazetteer sites and actors, and the vocabularies")
def get_meta(request: Request) -> schemas.Meta:
    return request.app.state.meta


MEDIA = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json",
         "jsonl": "application/x-ndjson; charset=utf-8"}


@router.get("/export.{fmt}", summary="Export the filtered incidents (CSV with ACLED column names, GeoJSON, JSONL)",
            responses={200: {"content": {m.split(";")[0]: {} for m in MEDIA.values()}}})
def export(store: Store, flt: Filters, fmt: Annotated[Format, Path(description="csv, geojson or jsonl")]) -> Response:
    body = store.export(fmt, flt)
    return Response(body, media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="marsad-incidents.{fmt}"'})


bearer = HTTPBearer(auto_error=False, description="The write token given to `marsad serve --write-token`.")


def require_writer(request: Request,
                   credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    expected: str | None = request.app.state.write_token
    if expected is None:
        raise HTTPException(403, "this server is read-only: start it with --write-token to accept documents")
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(401, "missing or wrong write token", headers={"WWW-Authenticate": "Bearer"})


@router.post("/documents", response_model=schemas.IngestResult, status_code=201,
             dependencies=[Depends(require_writer)],
             responses={401: {"model": schemas.ErrorResponse, "description": "Missing or wrong token"},
                        403: {"model": schemas.ErrorResponse, "description": "Writes are disabled"}},
             summary="Ingest articles (extract, link and store); needs the write token")
async def post_documents(
    request: Request, store: Store,
    body: Annotated[schemas.NewDocument | schemas.NewDocuments, Body(description="One document or "
                                                                                 "{\"documents\": [...]}")],
) -> schemas.IngestResult:
    docs = body.documents if isinstance(body, schemas.NewDocuments) else [body]
    if len({d.id for d in docs}) != len(docs):
        raise HTTPException(422, "document ids must be unique within a request")
    if request.app.state.pipeline is None:
        from marsad.pipeline import Pipeline

        request.app.state.pipeline = await run_in_threadpool(Pipeline.load)
    return await run_in_threadpool(store.ingest, docs, request.app.state.pipeline)
