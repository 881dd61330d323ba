"""Read-side service functions of the store: the CLI (`marsad events/show/stats`) and the REST API call these.

Every function takes an open SQLAlchemy :class:`~sqlalchemy.orm.Session` and returns typed dataclasses
(never ORM objects), so callers can serialise them without touching the database again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

T = TypeVar("T")

#: accepted values of ``sort`` in :func:`list_incidents`; a leading ``-`` means descending
SORTS: tuple[str, ...] = ("date", "-date", "n_sources", "-n_sources", "last_seen", "-last_seen", "id")
STATUSES: tuple[str, ...] = ("confirmed", "claimed", "reported", "denied")


@dataclass(slots=True, frozen=True)
class IncidentFilter:
    """Filters of ``marsad events`` / ``export`` / ``stats`` and of the API; None = no filter.

    - ``since`` / ``until``: the incident's consensus date, inclusive (incidents without a date never match);
    - ``country``: ISO 3166 alpha-2 (case-insensitive);
    - ``location``: a gazetteer id (exact) or a part of the English or Arabic place name;
    - ``actor``: an actor id, matched against the consensus actor and every account's actor;
    - ``type``: attack | strike | reinforcement;
    - ``status``: incidents with at least one account of this status (confirmed | claimed | reported | denied);
    - ``doc_id``: incidents that this document reports.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    location: str | None = None
    actor: str | None = None
    type: str | None = None
    status: str | None = None
    doc_id: str | None = None


@dataclass(slots=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass(slots=True)
class EvidenceSpan:
    field: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class IncidentRow:
    """One incident with its consensus values (a row of ``marsad events``)."""

    id: str
    type: str
    date: dt.date | None
    time_precision: str | None  # day | week | month
    location_id: str | None
    location_name: str | None
    location_name_ar: str | None
    geo_precision: str | None  # site | town | district | governorate | country
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    weapons: list[str]
    count: int | None
    actor: str | None
    actor_basis: str | None
    target: str | None
    status: str | None  # the highest-priority status among the accounts
    statuses: list[str]  # every status an account gives
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    injured_low: int | None
    injured_best: int | None
    injured_high: int | None
    intercepted: bool | None
    n_sources: int  # independent sources (copies and one outlet's several articles count once)
    n_documents: int
    n_mentions: int
    first_seen: dt.date | None
    last_seen: dt.date | None
    updated_at: dt.datetime | None


@dataclass(slots=True)
class Account:
    """One source's account of an incident: one mention, its document and its own field values."""

    mention_key: str
    doc_id: str
    outlet: str | None
    url: str | None
    published: dt.date | None
    title: str | None
    copy_of: str | None
    status: str
    type: str
    date: dt.date | None
    date_precision: str | None
    location_id: str | None
    location_name: str | None
    country: str | None
    weapons: list[str]
    count: int | None
    actor: str | None
    actor_basis: str | None
    target: str | None
    killed: int | None
    injured: int | None
    intercepted: bool | None
    date_strategy: str | None
    evidence: list[EvidenceSpan]
    #: the sentence of the original text around the account's first evidence span, with the span's
    #: offsets inside it (for highlighting): (sentence, start, end)
    sentence: tuple[str, int, int] | None = None


@dataclass(slots=True)
class IncidentChange:
    at: dt.datetime
    kind: str  # created | joined | merged | split | removed | updated
    incident_id: str
    other_ids: list[str]
    doc_id: str | None
    detail: str | None


@dataclass(slots=True)
class IncidentDetail:
    incident: IncidentRow
    accounts: list[Account]
    changes: list[IncidentChange]
    #: field -> {value (as text): number of independent sources stating it}, for fields where sources differ
    disagreements: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(slots=True)
class TallyRow:
    doc_id: str
    outlet: str | None
    count: int
    what: str
    since: dt.date | None
    as_of: dt.date | None
    country: str | None
    source: str | None
    evidence: list[EvidenceSpan]


@dataclass(slots=True)
class DocumentView:
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
    ingested_at: dt.datetime
    updated_at: dt.datetime
    #: every evidence span of the document's accounts and tallies, with the incident or tally it supports
    evidence: list[tuple[str, EvidenceSpan]]  # (incident id or "tally:<n>", span)
    incident_ids: list[str]
    tallies: list[TallyRow]


@dataclass(slots=True)
class CountRow:
    key: str
    count: int


@dataclass(slots=True)
class Stats:
    total: int
    by_week: list[CountRow]  # ISO week "2024-W03"
    by_country: list[CountRow]
    by_site: list[CountRow]
    by_actor: list[CountRow]
    by_type: list[CountRow]
    by_status: list[CountRow]


@dataclass(slots=True)
class Reconciliation:
    """A tally stated in an article next to marsad's own count for the same period and scope."""

    tally: TallyRow
    period_start: dt.date | None
    period_end: dt.date | None
    marsad_count: int | None  # None when the tally's scope cannot be counted (no start of period, or not events)
    incident_type: str | None
    difference: int | None  # marsad_count - tally.count


SortKey = Literal["date", "-date", "n_sources", "-n_sources", "last_seen", "-last_seen", "id"]
