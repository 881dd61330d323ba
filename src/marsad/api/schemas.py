"""Pydantic response models of the REST API (they make the OpenAPI schema).

They mirror the store's query dataclasses (``marsad.store.queries``; ``Incident`` and ``Account`` are
generated from them, so the field lists live in one place) and are filled from them with
``from_attributes``; the only reshaping is the account's evidence sentence, given here with every
evidence span that falls inside it (offsets relative to the sentence) so that a client can highlight it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model

from marsad.store import queries


def _utc(value: dt.datetime) -> dt.datetime:
    """The store keeps naive UTC timestamps; the API states the zone (RFC 3339 ``date-time``)."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


#: a timestamp in UTC, written with its offset
UtcDateTime = Annotated[dt.datetime, AfterValidator(_utc)]


class _Model(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def _mirror(name: str, dc: type, *, exclude: tuple[str, ...] = (), **overrides: Any) -> type[_Model]:
    """A response model with the fields of store dataclass ``dc`` (same names, types and order), some
    types replaced by ``overrides`` (name -> (type, default)): one field list, kept in the store."""
    hints = typing.get_type_hints(dc)
    fields: dict[str, Any] = {f.name: overrides.get(f.name, (hints[f.name], ...))
                              for f in dataclasses.fields(dc) if f.name not in exclude}
    return create_model(name, __base__=_Model, __module__=__name__, **fields)


class ErrorBody(_Model):
    status: int = Field(description="The HTTP status code, repeated.")
    code: str = Field(description="A stable machine-readable code: invalid_parameter, not_found, forbidden, ...")
    message: str = Field(description="One line for a human.")
    details: list[dict[str, object]] = Field(default_factory=list,
                                             description="For invalid parameters: one entry per problem.")


class ErrorResponse(_Model):
    """The one shape of every error the API returns."""

    error: ErrorBody


class Span(_Model):
    field: str
    start: int
    end: int
    text: str


Incident = _mirror("Incident", queries.IncidentRow, updated_at=(UtcDateTime | None, ...))


class IncidentPage(_Model):
    items: list[Incident]
    total: int = Field(description="Incidents matching the filters, all pages together.")
    limit: int
    offset: int
    sort: str


class IncidentTable(_Model):
    """Every incident of the filters (up to ``limit``) for the dashboard: one array per incident, its
    values in the order of ``columns``."""

    columns: list[str]
    rows: list[list[str | int | float | list[str] | None]]
    total: int = Field(description="Incidents matching the filters (may exceed the rows returned).")


class SentenceSpan(_Model):
    field: str
    start: int = Field(description="Offset of the span inside the sentence (characters).")
    end: int


class EvidenceSentence(_Model):
    """The sentence of the article around the account's evidence, with the spans to highlight."""

    text: str
    spans: list[SentenceSpan]


Account = _mirror("Account", queries.Account, exclude=("sentence_offset",), evidence=(list[Span], ...),
                  sentence=(EvidenceSentence | None, ...))


class IncidentChange(_Model):
    at: UtcDateTime
    kind: str
    incident_id: str
    other_ids: list[str]
    doc_id: str | None
    detail: str | None


class IncidentDetail(_Model):
    incident: Incident
    accounts: list[Account]
    changes: list[IncidentChange]
    disagreements: dict[str, dict[str, int]]


class Tally(_Model):
    doc_id: str
    outlet: str | None
    count: int
    what: str
    since: dt.date | None
    as_of: dt.date | None
    country: str | None
    source: str | None
    evidence: list[Span]


class DocumentEvidence(_Model):
    supports: str = Field(description="The incident id the span supports, or 'tally:<n>'.")
    field: str
    start: int
    end: int
    text: str


class Document(_Model):
    id: str
    sha256: str
    outlet: str | None
    url: str | None
    published: dt.date | None
    title: str | None
    text: str | None
    encoding: str | None
    copy_of: str | None
    error: str | None
    warnings: list[str]
    ingested_at: UtcDateTime
    updated_at: UtcDateTime
    evidence: list[DocumentEvidence]
    incident_ids: list[str]
    tallies: list[Tally]


class CountRow(_Model):
    key: str
    count: int


class Stats(_Model):
    total: int
    by_week: list[CountRow]
    by_country: list[CountRow]
    by_site: list[CountRow]
    by_actor: list[CountRow]
    by_type: list[CountRow]
    by_status: list[CountRow]


class Reconciliation(_Model):
    tally: Tally
    period_start: dt.date | None
    period_end: dt.date | None
    marsad_count: int | None
    incident_type: str | None
    difference: int | None


class Tallies(_Model):
    items: list[Reconciliation]


class Health(_Model):
    status: Literal["ok"]
    version: str
    incidents: int
    documents: int
    writable: bool = Field(description="Whether POST /api/documents is enabled (a write token is configured).")


class Site(_Model):
    id: str
    name: str
    name_ar: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None


class Actor(_Model):
    id: str
    name: str
    name_ar: str


class Meta(_Model):
    """What the dashboard needs besides incidents: the gazetteer's sites and actors, and the vocabularies."""

    sites: list[Site]
    actors: list[Actor]
    types: list[str]
    statuses: list[str]
    sorts: list[str]


class NewDocument(BaseModel):
    """A document to ingest (as a line of docs.jsonl, with the text inline)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=512, pattern=r"^[\w.:~@+=-]+$")
    text: str = Field(min_length=1, max_length=2_000_000)
    outlet: str | None = Field(default=None, max_length=128)
    published: dt.date | None = None
    url: str | None = Field(default=None, max_length=4096)
    title: str | None = Field(default=None, max_length=4096)


class NewDocuments(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[NewDocument] = Field(min_length=1, max_length=1000)


class IngestFailure(_Model):
    id: str
    error: str


class IngestResult(_Model):
    """The store's ingest summary for the request's documents."""

    documents: int
    new: int
    updated: int
    unchanged: int = Field(description="Documents already stored with the same content (nothing changed).")
    failed: list[IngestFailure]
    incidents_created: int
    incidents_joined: int
    incidents_merged: int
    incident_ids: list[str] = Field(description="Incidents the ingested documents report.")
