"""Ingest: extract documents and store them, linking each mention into incidents incrementally.

Per document (see docs/store.md, "Ingest"):

1. its content hash (sha256 over text, outlet, publication date, url and title) is compared with the stored
   one: equal -> ``unchanged`` and nothing is written (not even extracted again);
2. otherwise the document is extracted (outside any transaction), then ONE write transaction stores it:
   the document row, its tallies, and its mentions, each linked with :meth:`marsad.linking.Linker.decide`
   against the incidents found through the mentions' blocking keys (join, new incident, or merge of
   several, recorded in ``incident_changes``).  A document stored before with other content has its old
   mentions removed first; an incident left without mentions is removed, and one whose remaining mentions
   no longer form one cluster (:meth:`Linker.cluster`) is split.  The consensus of every touched incident
   is recomputed in the same transaction;
3. a conflict with a concurrent writer (unique constraint, ``database is locked``, serialization failure or
   deadlock) rolls the transaction back and retries the document.

A document that cannot be read or extracted is stored with its error (unless a good version of it is
already stored) and counted as failed; the run goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from marsad.linking import Linker, LinkMention, mention_from_event
from marsad.model import Document, Event
from marsad.pipeline import Pipeline
from marsad.reader import RawDoc
from marsad.store.consensus import AccountValues, consensus
from marsad.store.db import Store
from marsad.store.models import (
    DocumentRow,
    IncidentChangeRow,
    IncidentRowModel,
    MentionBlock,
    MentionRow,
    TallyRowModel,
)

log = logging.getLogger(__name__)

Outcome = Literal["new", "updated", "unchanged", "failed"]
MAX_ATTEMPTS = 8


@dataclass(slots=True)
class DocResult:
    doc_id: str
    outcome: Outcome
    error: str | None = None
    mentions_added: int = 0
    mentions_removed: int = 0
    created: int = 0
    joined: int = 0
    merged: int = 0
    split: int = 0
    removed: int = 0
    tallies: int = 0


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (document id, error)
    mentions_added: int = 0
    mentions_removed: int = 0
    incidents_created: int = 0
    incidents_joined: int = 0
    incidents_merged: int = 0
    incidents_split: int = 0
    incidents_removed: int = 0
    tallies: int = 0
    retries: int = 0
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return self.new + self.updated + self.unchanged + self.failed

    def add(self, r: DocResult) -> None:
        if r.outcome == "new":
            self.new += 1
        elif r.outcome == "updated":
            self.updated += 1
        elif r.outcome == "unchanged":
            self.unchanged += 1
        else:
            self.failed += 1
            self.failures.append((r.doc_id, r.error or "failed"))
        self.mentions_added += r.mentions_added
        self.mentions_removed += r.mentions_removed
        self.incidents_created += r.created
        self.incidents_joined += r.joined
        self.incidents_merged += r.merged
        self.incidents_split += r.split
        self.incidents_removed += r.removed
        self.tallies += r.tallies


def content_hash(raw: RawDoc) -> str:
    """sha256 of what extraction reads from a document (a different hash = a corrected article)."""
    payload = json.dumps([raw.text, raw.outlet, raw.published.isoformat() if raw.published else None,
                          raw.url, raw.title, raw.error], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", errors="surrogatepass")).hexdigest()


def event_status(event: Event) -> str:
    """The account's status: the extractor's when it gives one, else claimed (by its actor) or reported."""
    status = getattr(event, "status", None)
    if status in ("claimed", "confirmed", "reported", "denied"):
        return str(status)
    return "claimed" if event.actor_basis == "claimed" else "reported"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


_MENTION_LINK_COLS = (MentionRow.key, MentionRow.doc_id, MentionRow.type, MentionRow.date,
                      MentionRow.date_precision, MentionRow.location_id, MentionRow.country,
                      MentionRow.weapons, MentionRow.count, MentionRow.actor, MentionRow.outlet,
                      MentionRow.copy_group, MentionRow.incident_id)


def _link_mention(row: Any) -> LinkMention:
    return LinkMention(key=row.key, doc_id=row.doc_id, type=row.type, date=row.date,
                       date_precision=row.date_precision, location_id=row.location_id, country=row.country,
                       weapons=frozenset(row.weapons or ()), count=row.count, actor=row.actor,
                       outlet=row.outlet, copy_group=row.copy_group)


def _is_conflict(exc: DBAPIError) -> bool:
    if isinstance(exc, IntegrityError):
        return True
    msg = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    code = getattr(exc.orig, "sqlstate", None)
    return code in ("40001", "40P01", "55P03") or "database is locked" in msg or "busy" in msg


class Ingestor:
    """Stores extracted documents into a :class:`Store`, linking mentions into incidents."""

    def __init__(self, store: Store, pipeline: Pipeline, linker: Linker,
                 copy_of: Callable[[RawDoc], str | None] | None = None) -> None:
        self.store = store
        self.pipeline = pipeline
        self.linker = linker
        self.copy_of = copy_of
        self.retries = 0

    # --- one document ---------------------------------------------------------------------------------

    def ingest_one(self, raw: RawDoc) -> DocResult:
        sha = content_hash(raw)
        with self.store.session() as s:
            stored = s.execute(select(DocumentRow.sha256, DocumentRow.error)
                               .where(DocumentRow.id == raw.id)).first()
        if stored is not None and stored.sha256 == sha and stored.error is None:
            return DocResult(raw.id, "unchanged")
        doc = self.pipeline.process(raw)
        copy_of = self.copy_of(raw) if self.copy_of and raw.text else None
        for attempt in range(MAX_ATTEMPTS):
            try:
                with self.store.writing() as s:
                    return self._write(s, raw, doc, sha, copy_of)
            except DBAPIError as exc:
                if not _is_conflict(exc) or attempt == MAX_ATTEMPTS - 1:
                    raise
                self.retries += 1
                time.sleep(min(0.05 * 2 ** attempt, 1.0))
        raise AssertionError("unreachable")

    def _write(self, s: Session, raw: RawDoc, doc: Document, sha: str, copy_of: str | None) -> DocResult:
        now = _now()
        stored = s.execute(select(DocumentRow.sha256, DocumentRow.error).where(DocumentRow.id == raw.id)).first()
        error = raw.error or doc.error
        if stored is not None and stored.sha256 == sha and stored.error is None:
            return DocResult(raw.id, "unchanged")
        if error is not None:
            if stored is not None and stored.error is None:
                # a good version is stored: keep it, report this failure
                return DocResult(raw.id, "failed", error=error)
            values = dict(sha256=sha, outlet=raw.outlet, url=raw.url, published=raw.published,
                          title=raw.title, text=raw.text, encoding=raw.encoding, copy_of=None, error=error,
                          warnings=list(doc.warnings), updated_at=now)
            if stored is None:
                s.execute(insert(DocumentRow).values(id=raw.id, ingested_at=now, **values))
            else:
                s.execute(update(DocumentRow).where(DocumentRow.id == raw.id).values(**values))
            return DocResult(raw.id, "failed", error=error)

        result = DocResult(raw.id, "new" if stored is None else "updated")
        values = dict(sha256=sha, outlet=raw.outlet, url=raw.url, published=raw.published, title=raw.title,
                      text=doc.text, encoding=raw.encoding, copy_of=copy_of, error=None,
                      warnings=list(doc.warnings), updated_at=now)
        old: list[LinkMention] = []
        old_incidents: dict[str, str] = {}  # mention key -> incident id
        if stored is None:
            s.execute(insert(DocumentRow).values(id=raw.id, ingested_at=now, **values))
        else:
            s.execute(update(DocumentRow).where(DocumentRow.id == raw.id).values(**values))
            for row in s.execute(select(*_MENTION_LINK_COLS).where(MentionRow.doc_id == raw.id)):
                old.append(_link_mention(row))
                old_incidents[row.key] = row.incident_id
            # blocks go with their mentions (ON DELETE CASCADE), deleted explicitly for clarity
            s.execute(delete(MentionBlock).where(MentionBlock.mention_id.in_(
                select(MentionRow.id).where(MentionRow.doc_id == raw.id))))
            s.execute(delete(MentionRow).where(MentionRow.doc_id == raw.id))
            s.execute(delete(TallyRowModel).where(TallyRowModel.doc_id == raw.id))
            result.mentions_removed = len(old)

        copy_group = self._copy_group(s, copy_of) if copy_of else None
        touched: set[str] = set()
        content_key = f"{raw.id}:{sha}"
        for i, event in enumerate(doc.events):
            m = mention_from_event(raw.id, i, event, outlet=raw.outlet, content_key=content_key,
                                   copy_group=copy_group)
            keys = self.linker.blocking_keys(m)
            candidates = self._candidates(s, keys)
            decision = self.linker.decide(m, candidates)
            inc_id = decision.incident_id
            if decision.new:
                reuse = self._reusable(s, m, old, old_incidents)
                if reuse is not None:
                    inc_id = reuse
                    result.joined += 1
                    self._log(s, now, "joined", inc_id, [], raw.id, "corrected article")
                else:
                    self._new_incident(s, inc_id, m.type, now)
                    result.created += 1
                    self._log(s, now, "created", inc_id, [], raw.id, None)
            else:
                result.joined += 1
                self._log(s, now, "joined", inc_id, [], raw.id, None)
            if decision.merged:
                s.execute(update(MentionRow).where(MentionRow.incident_id.in_(decision.merged))
                          .values(incident_id=inc_id))
                s.execute(delete(IncidentRowModel).where(IncidentRowModel.id.in_(decision.merged)))
                result.merged += len(decision.merged)
                touched.difference_update(decision.merged)
                self._log(s, now, "merged", inc_id, sorted(decision.merged), raw.id,
                          f"{len(decision.merged)} incident(s) merged into {inc_id}")
            mid = self._insert_mention(s, raw, doc, i, event, m, inc_id)
            if keys:
                s.execute(insert(MentionBlock), [{"key": k, "mention_id": mid} for k in dict.fromkeys(keys)])
            touched.add(inc_id)
            result.mentions_added += 1
        for i, t in enumerate(doc.tallies):
            s.execute(insert(TallyRowModel).values(
                doc_id=raw.id, idx=i, count=t.count, what=t.what, since=t.since, as_of=t.as_of, country=t.country,
                source=t.source, evidence=[e.to_json() for e in t.evidence]))
        result.tallies = len(doc.tallies)

        # incidents that lost mentions: removed when empty, split when no longer one cluster
        for inc_id in sorted(set(old_incidents.values())):
            if inc_id in touched:
                continue
            self._after_removal(s, inc_id, now, raw.id, result, touched)
        for inc_id in touched:
            self._refresh(s, inc_id, now)
        return result

    # --- helpers ----------------------------------------------------------------------------------------

    def _copy_group(self, s: Session, copy_of: str) -> str:
        root = copy_of
        for _ in range(20):  # follow copy_of chains to the original
            nxt = s.execute(select(DocumentRow.copy_of).where(DocumentRow.id == root)).scalar_one_or_none()
            if not nxt:
                break
            root = nxt
        return root

    def _candidates(self, s: Session, keys: Sequence[str]) -> dict[str, list[LinkMention]]:
        if not keys:
            return {}
        inc_ids = select(MentionRow.incident_id).join(MentionBlock, MentionBlock.mention_id == MentionRow.id) \
            .where(MentionBlock.key.in_(list(keys))).distinct()
        out: dict[str, list[LinkMention]] = defaultdict(list)
        rows = s.execute(select(*_MENTION_LINK_COLS).where(MentionRow.incident_id.in_(inc_ids))
                         .order_by(MentionRow.incident_id, MentionRow.key))
        for row in rows:
            out[row.incident_id].append(_link_mention(row))
        return dict(out)

    def _reusable(self, s: Session, m: LinkMention, old: list[LinkMention],
                  old_incidents: dict[str, str]) -> str | None:
        """An incident of the replaced version of this document that the corrected mention continues."""
        for o in old:
            inc = old_incidents[o.key]
            if not self.linker.compatible(m, replace(o, doc_id=o.doc_id + "\x00previous")):
                continue
            others = s.execute(select(MentionRow.id).where(MentionRow.incident_id == inc).limit(1)).first()
            exists = s.execute(select(IncidentRowModel.id).where(IncidentRowModel.id == inc)).first()
            if others is None and exists is not None:
                return inc
        return None

    def _new_incident(self, s: Session, inc_id: str, typ: str, now: dt.datetime) -> None:
        s.execute(insert(IncidentRowModel).values(
            id=inc_id, type=typ, weapons=[], statuses=[], n_sources=0, n_documents=0, n_mentions=0,
            created_at=now, updated_at=now))

    @staticmethod
    def _log(s: Session, now: dt.datetime, kind: str, inc_id: str, others: list[str], doc_id: str | None,
             detail: str | None) -> None:
        s.execute(insert(IncidentChangeRow).values(at=now, kind=kind, incident_id=inc_id, other_ids=others,
                                                   doc_id=doc_id, detail=detail))

    def _insert_mention(self, s: Session, raw: RawDoc, doc: Document, i: int, e: Event, m: LinkMention,
                        inc_id: str) -> int:
        loc = e.location
        return int(s.execute(insert(MentionRow).values(
            key=m.key, doc_id=raw.id, idx=i, incident_id=inc_id, type=e.type, date=e.date,
            date_precision=m.date_precision, location_id=loc.id if loc else None,
            location_name=loc.name if loc else None, location_name_ar=loc.name_ar if loc else None,
            location_kind=loc.kind if loc else None, country=m.country, admin1=loc.admin1 if loc else None,
            lat=loc.lat if loc else None, lon=loc.lon if loc else None, weapons=sorted(e.weapons),
            count=e.count, actor=e.actor, actor_basis=e.actor_basis, target=e.target, killed=e.killed,
            injured=e.injured, intercepted=e.intercepted, status=event_status(e), date_strategy=e.date_strategy,
            outlet=raw.outlet, copy_group=m.copy_group, published=raw.published,
            evidence=[ev.to_json() for ev in e.evidence],
        ).returning(MentionRow.id)).scalar_one())

    def _after_removal(self, s: Session, inc_id: str, now: dt.datetime, doc_id: str, result: DocResult,
                       touched: set[str]) -> None:
        rows = list(s.execute(select(*_MENTION_LINK_COLS).where(MentionRow.incident_id == inc_id)))
        if not rows:
            s.execute(delete(IncidentRowModel).where(IncidentRowModel.id == inc_id))
            self._log(s, now, "removed", inc_id, [], doc_id, "its last mention was withdrawn")
            result.removed += 1
            return
        clusters: dict[str, list[str]] = defaultdict(list)
        for key, cid in self.linker.cluster([_link_mention(r) for r in rows]).items():
            clusters[cid].append(key)
        touched.add(inc_id)
        if len(clusters) <= 1:
            return
        # the largest part keeps the id (ties: the part holding the smallest mention key)
        parts = sorted(clusters.items(), key=lambda kv: (-len(kv[1]), min(kv[1])))
        new_ids = []
        for cid, keys in parts[1:]:
            new_id = cid if cid != inc_id else f"{cid}-s"
            self._new_incident(s, new_id, rows[0].type, now)
            s.execute(update(MentionRow).where(MentionRow.key.in_(keys)).values(incident_id=new_id))
            touched.add(new_id)
            new_ids.append(new_id)
        self._log(s, now, "split", inc_id, new_ids, doc_id,
                  f"after a correction its mentions form {len(clusters)} incidents")
        result.split += 1

    def _refresh(self, s: Session, inc_id: str, now: dt.datetime) -> None:
        """Recompute an incident's consensus from its mentions."""
        rows = s.execute(select(MentionRow).where(MentionRow.incident_id == inc_id)).scalars().all()
        if not rows:
            return
        c = consensus([account_values(r) for r in rows])
        s.execute(update(IncidentRowModel).where(IncidentRowModel.id == inc_id).values(
            type=c.type, date=c.date, time_precision=c.time_precision, location_id=c.location_id,
            location_name=c.location_name, location_name_ar=c.location_name_ar, location_kind=c.location_kind,
            geo_precision=c.geo_precision, country=c.country, admin1=c.admin1, lat=c.lat, lon=c.lon,
            weapons=c.weapons, count=c.count, actor=c.actor, actor_basis=c.actor_basis, target=c.target,
            status=c.status, statuses=c.statuses, fatalities_low=c.fatalities_low,
            fatalities_best=c.fatalities_best, fatalities_high=c.fatalities_high, injured_low=c.injured_low,
            injured_best=c.injured_best, injured_high=c.injured_high, intercepted=c.intercepted,
            n_sources=c.n_sources, n_documents=c.n_documents, n_mentions=c.n_mentions,
            first_seen=c.first_seen, last_seen=c.last_seen, updated_at=now))


def account_values(r: MentionRow) -> AccountValues:
    return AccountValues(
        doc_id=r.doc_id, outlet=r.outlet, copy_group=r.copy_group, published=r.published, status=r.status,
        type=r.type, date=r.date, date_precision=r.date_precision, location_id=r.location_id,
        location_name=r.location_name, location_name_ar=r.location_name_ar, location_kind=r.location_kind,
        country=r.country, admin1=r.admin1, lat=r.lat, lon=r.lon, weapons=tuple(r.weapons or ()),
        count=r.count, actor=r.actor, actor_basis=r.actor_basis, target=r.target, killed=r.killed,
        injured=r.injured, intercepted=r.intercepted)


def ingest(store: Store, docs: Iterable[RawDoc], pipeline: Pipeline, linker: Linker | None = None, *,
           copy_of: Callable[[RawDoc], str | None] | None = None,
           on_result: Callable[[DocResult], None] | None = None) -> IngestSummary:
    """Ingest every document of ``docs``; returns the run's summary.  ``on_result`` sees each document."""
    ingestor = Ingestor(store, pipeline, linker or Linker.load(pipeline.options.data_dir), copy_of)
    summary = IngestSummary()
    start = time.perf_counter()
    for raw in docs:
        r = ingestor.ingest_one(raw)
        summary.add(r)
        if on_result is not None:
            on_result(r)
    summary.retries = ingestor.retries
    summary.seconds = time.perf_counter() - start
    return summary
