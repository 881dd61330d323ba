"""Read-side service functions of the store: the CLI (`marsad events/show/stats`) and the REST API call these.

Every function takes an open SQLAlchemy :class:`~sqlalchemy.orm.Session` and returns typed dataclasses
(never ORM objects), so callers can serialise them without touching the database again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from marsad.errors import QueryError
from marsad.store.constants import SORTS, STATUSES
from marsad.store.models import (
    DocumentRow,
    IncidentChangeRow,
    IncidentRowModel,
    MentionRow,
    TallyRowModel,
)

T = TypeVar("T")



@dataclass(slots=True, frozen=True)
class IncidentFilter:
    """Filters of ``marsad events`` / ``export`` / ``stats`` and of the API; None = no filter.

    - ``since`` / ``until``: the incident's consensus date, inclusive (incidents without a date never match);
    - ``country``: ISO 3166 alpha-2 (case-insensitive);
    - ``location``: a gazetteer id (exact), or a part of the English or Arabic place name or of its
      governorate / province (``Anbar`` finds Ain al-Asad);
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
    #: the sentence of the original text around the account's main evidence span (its trigger), with the
    #: span's offsets inside it (for highlighting): (sentence, start, end)
    sentence: tuple[str, int, int] | None = None
    #: where that sentence starts in the document text (to place the other evidence spans inside it)
    sentence_offset: int | None = None


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


# --- implementation ---------------------------------------------------------------------------------------

I = IncidentRowModel  # noqa: E741
_SENTENCE_END = re.compile(r"[.!?؟\n]")
#: tally ``what`` -> the incident type counted against it and what is counted ("incidents" or a sum)
TALLY_SCOPE: dict[str, tuple[str, str]] = {
    "attacks": ("attack", "incidents"),
    "killed": ("attack", "fatalities_best"),
    "injured": ("attack", "injured_best"),
}


def validate_filter(f: IncidentFilter) -> None:
    if f.status is not None and f.status not in STATUSES:
        raise QueryError(f"unknown status {f.status!r} (one of: {', '.join(STATUSES)})")
    if f.type is not None and f.type not in ("attack", "strike", "reinforcement"):
        raise QueryError(f"unknown type {f.type!r} (one of: attack, strike, reinforcement)")
    if f.since and f.until and f.since > f.until:
        raise QueryError(f"--since {f.since} is after --until {f.until}")


def conditions(f: IncidentFilter) -> list[ColumnElement[bool]]:
    """SQL conditions on ``incidents`` for a filter (shared by list, stats and exports)."""
    validate_filter(f)
    out: list[ColumnElement[bool]] = []
    if f.since is not None:
        out.append(I.date >= f.since)
    if f.until is not None:
        out.append(I.date <= f.until)
    if f.country:
        out.append(I.country == f.country.upper())
    if f.type:
        out.append(I.type == f.type)
    if f.location:
        like = f"%{f.location}%"
        out.append(or_(I.location_id == f.location, I.location_name.ilike(like), I.location_name_ar.like(like),
                       I.admin1.ilike(like)))
    if f.actor:
        other = IncidentRowModel.__table__.alias("by_actor")
        out.append(I.id.in_(select(other.c.id).where(other.c.actor == f.actor).union(
            select(MentionRow.incident_id).where(MentionRow.actor == f.actor))))
    if f.status:
        out.append(I.id.in_(select(MentionRow.incident_id).where(MentionRow.status == f.status)))
    if f.doc_id:
        out.append(I.id.in_(select(MentionRow.incident_id).where(MentionRow.doc_id == f.doc_id)))
    return out


def incident_order(sort: str = "-date") -> list[Any]:
    """ORDER BY clauses of the incidents table for a sort key of :data:`SORTS` (``-date``: latest first,
    undated last, ties by id descending); raises QueryError for an unknown key."""
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r} (one of: {', '.join(SORTS)})")
    name = sort.lstrip("-")
    col = getattr(I, name)
    if name == "id":
        return [I.id]
    if sort.startswith("-"):  # ties in the same direction, so that an index on (column, id) gives the order
        return [col.desc().nulls_last(), I.id.desc()]
    return [col.asc().nulls_last(), I.id.asc()]


def incident_row(r: IncidentRowModel) -> IncidentRow:
    return IncidentRow(
        id=r.id, type=r.type, date=r.date, time_precision=r.time_precision, location_id=r.location_id,
        location_name=r.location_name, location_name_ar=r.location_name_ar, geo_precision=r.geo_precision,
        country=r.country, admin1=r.admin1, lat=r.lat, lon=r.lon, weapons=list(r.weapons or []),
        count=r.count, actor=r.actor, actor_basis=r.actor_basis, target=r.target, status=r.status,
        statuses=list(r.statuses or []), fatalities_low=r.fatalities_low, fatalities_best=r.fatalities_best,
        fatalities_high=r.fatalities_high, injured_low=r.injured_low, injured_best=r.injured_best,
        injured_high=r.injured_high, intercepted=r.intercepted, n_sources=r.n_sources,
        n_documents=r.n_documents, n_mentions=r.n_mentions, first_seen=r.first_seen, last_seen=r.last_seen,
        updated_at=r.updated_at)


def list_incidents(session: Session, filters: IncidentFilter | None = None, limit: int = 50, offset: int = 0,
                   sort: str = "-date") -> Page[IncidentRow]:
    """Incidents matching ``filters``, one page, sorted (``-date``: latest first, undated last)."""
    f = filters or IncidentFilter()
    if limit < 0 or offset < 0:
        raise QueryError("limit and offset must not be negative")
    where = conditions(f)
    order = incident_order(sort)
    total = session.execute(select(func.count()).select_from(I).where(*where)).scalar_one()
    # the page's ids first (an index-only walk, cheap even at a deep offset), then their rows
    ids = list(session.execute(select(I.id).where(*where).order_by(*order).limit(limit).offset(offset)).scalars())
    by_id = {r.id: r for r in session.execute(select(I).where(I.id.in_(ids))).scalars()} if ids else {}
    return Page([incident_row(by_id[i]) for i in ids], int(total), limit, offset)


def iter_incidents(session: Session, filters: IncidentFilter | None = None, sort: str = "-date",
                   batch: int = 2000) -> Iterator[IncidentRow]:
    """Every incident matching ``filters`` (for exports), read in batches."""
    where = conditions(filters or IncidentFilter())
    stmt = select(I).where(*where).order_by(*incident_order(sort)).execution_options(yield_per=batch)
    for r in session.execute(stmt).scalars():
        yield incident_row(r)


def resolve_incident_id(session: Session, incident_id: str) -> str | None:
    """The current id of an incident: itself, or the incident it was merged into (following the log)."""
    seen = set()
    current = incident_id
    while current not in seen:
        seen.add(current)
        if session.get(I, current) is not None:
            return current
        row = session.execute(
            select(IncidentChangeRow.incident_id)
            .where(IncidentChangeRow.kind == "merged",
                   cast(IncidentChangeRow.other_ids, String).like(f'%"{current}"%'))
            .order_by(IncidentChangeRow.id.desc()).limit(1)).scalar_one_or_none()
        if row is None:
            return None
        current = row
    return None


def _spans(evidence: list[dict[str, Any]] | None) -> list[EvidenceSpan]:
    return [EvidenceSpan(e["field"], int(e["start"]), int(e["end"]), e.get("text", ""))
            for e in evidence or []]


def sentence_around(text: str, start: int, end: int) -> tuple[str, int, int, int]:
    """(sentence, span start in it, span end in it, sentence offset in ``text``) around [start, end)."""
    left = start
    while left > 0 and not _SENTENCE_END.match(text[left - 1]):
        left -= 1
    m = _SENTENCE_END.search(text, end)
    right = m.end() if m else len(text)
    while left < start and text[left].isspace():
        left += 1
    sentence = text[left:right].rstrip()
    return sentence, start - left, min(end - left, len(sentence)), left


def _main_span(spans: list[EvidenceSpan]) -> EvidenceSpan | None:
    for name in ("type", "location", "date", "weapons"):
        for sp in spans:
            if sp.field == name:
                return sp
    return spans[0] if spans else None


def get_incident(session: Session, incident_id: str) -> IncidentDetail | None:
    """An incident with its consensus, every source's account (with evidence) and its change log."""
    r = session.get(I, incident_id)
    if r is None:
        return None
    from marsad.store.consensus import consensus
    from marsad.store.ingest import account_values

    rows = session.execute(
        select(MentionRow, DocumentRow.url, DocumentRow.title, DocumentRow.copy_of, DocumentRow.text)
        .join(DocumentRow, DocumentRow.id == MentionRow.doc_id)
        .where(MentionRow.incident_id == incident_id)
        .order_by(MentionRow.published.asc().nulls_last(), MentionRow.doc_id, MentionRow.idx)).all()
    accounts = []
    for m, url, title, copy_of, text in rows:
        spans = _spans(m.evidence)
        main = _main_span(spans)
        sentence = offset = None
        if main is not None and text:
            sent, a, b, offset = sentence_around(text, main.start, main.end)
            sentence = (sent, a, b)
        accounts.append(Account(
            mention_key=m.key, doc_id=m.doc_id, outlet=m.outlet, url=url, published=m.published, title=title,
            copy_of=copy_of, status=m.status, type=m.type, date=m.date, date_precision=m.date_precision,
            location_id=m.location_id, location_name=m.location_name, country=m.country,
            weapons=list(m.weapons or []), count=m.count, actor=m.actor, actor_basis=m.actor_basis,
            target=m.target, killed=m.killed, injured=m.injured, intercepted=m.intercepted,
            date_strategy=m.date_strategy, evidence=spans, sentence=sentence, sentence_offset=offset))
    changes = [IncidentChange(c.at, c.kind, c.incident_id, list(c.other_ids or []), c.doc_id, c.detail)
               for c in session.execute(select(IncidentChangeRow)
                                        .where(or_(IncidentChangeRow.incident_id == incident_id,
                                                   cast(IncidentChangeRow.other_ids, String)
                                                   .like(f'%"{incident_id}"%')))
                                        .order_by(IncidentChangeRow.id)).scalars()]
    disagreements = consensus([account_values(m) for m, *_ in rows]).disagreements if rows else {}
    return IncidentDetail(incident_row(r), accounts, changes, disagreements)


def _tally_row(t: TallyRowModel, outlet: str | None) -> TallyRow:
    return TallyRow(t.doc_id, outlet, t.count, t.what, t.since, t.as_of, t.country, t.source, _spans(t.evidence))


def get_document(session: Session, doc_id: str) -> DocumentView | None:
    """A stored document: its text, the incidents it reports, its tallies and every evidence span."""
    d = session.get(DocumentRow, doc_id)
    if d is None:
        return None
    evidence: list[tuple[str, EvidenceSpan]] = []
    incident_ids: list[str] = []
    for m in session.execute(select(MentionRow).where(MentionRow.doc_id == doc_id)
                             .order_by(MentionRow.idx)).scalars():
        incident_ids.append(m.incident_id)
        evidence.extend((m.incident_id, sp) for sp in _spans(m.evidence))
    tallies = [_tally_row(t, d.outlet) for t in session.execute(
        select(TallyRowModel).where(TallyRowModel.doc_id == doc_id).order_by(TallyRowModel.idx)).scalars()]
    for i, t in enumerate(tallies):
        evidence.extend((f"tally:{i}", sp) for sp in t.evidence)
    return DocumentView(d.id, d.sha256, d.outlet, d.url, d.published, d.title, d.text, d.encoding, d.copy_of,
                        d.error, list(d.warnings or []), d.ingested_at, d.updated_at, evidence,
                        list(dict.fromkeys(incident_ids)), tallies)


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _counts(session: Session, col: Any, where: list[ColumnElement[bool]], label: Any = None) -> list[CountRow]:
    key = label if label is not None else col
    rows = session.execute(select(key, func.count()).select_from(I).where(*where, col.is_not(None))
                           .group_by(key).order_by(func.count().desc(), key)).all()
    return [CountRow(str(k), int(n)) for k, n in rows]


def stats(session: Session, filters: IncidentFilter | None = None) -> Stats:
    """Incident counts per ISO week, country, site, actor, type and status (consensus values)."""
    where = conditions(filters or IncidentFilter())
    total = session.execute(select(func.count()).select_from(I).where(*where)).scalar_one()
    weeks: Counter[str] = Counter()
    for d, n in session.execute(select(I.date, func.count()).where(*where, I.date.is_not(None)).group_by(I.date)):
        weeks[_iso_week(d)] += n
    by_site = [CountRow(f"{name} ({lid})", n) for lid, name, n in session.execute(
        select(I.location_id, I.location_name, func.count()).where(*where, I.geo_precision == "site")
        .group_by(I.location_id, I.location_name).order_by(func.count().desc(), I.location_id))]
    return Stats(
        total=int(total),
        by_week=[CountRow(k, v) for k, v in sorted(weeks.items())],
        by_country=_counts(session, I.country, where),
        by_site=by_site,
        by_actor=_counts(session, I.actor, where),
        by_type=_counts(session, I.type, where),
        by_status=_counts(session, I.status, where),
    )


def tally_reconciliation(session: Session, filters: IncidentFilter | None = None) -> list[Reconciliation]:
    """Each tally found in the articles next to marsad's own figure for the same period and scope.

    The period runs from the tally's ``since`` to its ``as_of`` (or the article's publication date); the
    scope is the tally's country (all countries when it names none).  ``attacks`` is compared with the
    number of attack incidents, ``killed`` / ``injured`` with the sum of the incidents' best estimates;
    other tallies (troops, trucks, flights) and tallies without a start have no marsad figure.
    ``filters``: ``since`` / ``until`` / ``country`` select tallies by their date and country.
    """
    f = filters or IncidentFilter()
    validate_filter(f)
    stmt = select(TallyRowModel, DocumentRow.outlet, DocumentRow.published).join(
        DocumentRow, DocumentRow.id == TallyRowModel.doc_id)
    end_col = func.coalesce(TallyRowModel.as_of, DocumentRow.published)
    if f.since:
        stmt = stmt.where(end_col >= f.since)
    if f.until:
        stmt = stmt.where(end_col <= f.until)
    if f.country:
        stmt = stmt.where(TallyRowModel.country == f.country.upper())
    if f.doc_id:
        stmt = stmt.where(TallyRowModel.doc_id == f.doc_id)
    out: list[Reconciliation] = []
    for t, outlet, published in session.execute(stmt.order_by(end_col, TallyRowModel.doc_id, TallyRowModel.idx)):
        end = t.as_of or published
        start = t.since
        scope = TALLY_SCOPE.get(t.what)
        mine: int | None = None
        if scope is not None and start is not None and end is not None and start <= end:
            typ, measure = scope
            where = [I.type == typ, I.date >= start, I.date <= end]
            if t.country:
                where.append(I.country == t.country)
            agg = func.count() if measure == "incidents" else func.coalesce(func.sum(getattr(I, measure)), 0)
            mine = int(session.execute(select(agg).select_from(I).where(*where)).scalar_one())
        out.append(Reconciliation(_tally_row(t, outlet), start, end, mine, scope[0] if scope else None,
                                  None if mine is None else mine - t.count))
    return out
