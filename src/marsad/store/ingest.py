"""Ingest: extract documents and store them, linking each mention into incidents incrementally.

Documents go in batches of :data:`BATCH` (see docs/store.md, "Ingest"):

1. the content hashes of the batch (sha256 over text, outlet, publication date, url and title) are compared
   with the stored ones: equal -> ``unchanged`` and nothing is written (not even extracted again);
2. the other documents are extracted (outside any transaction), then ONE write transaction links and
   stores the batch, document after document: each mention is linked with
   :meth:`marsad.linking.Linker.decide` against the incidents found through its blocking keys (join, new
   incident, or merge of several, recorded in ``incident_changes``).  A document stored before with other
   content has its old mentions removed first; an incident left without mentions is removed, and one whose
   remaining mentions no longer form one cluster (:meth:`Linker.cluster`) is split.  The rows of the batch
   are inserted together and the consensus of every touched incident is recomputed once, in the same
   transaction; the links are those that one transaction per document would give;
3. a conflict with a concurrent writer (unique constraint, ``database is locked``, serialization failure or
   deadlock) rolls the batch back and writes it again; another error rolls it back and writes it one
   document a transaction, up to the failing one, whose error is raised.

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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from types import SimpleNamespace
from typing import Any, Literal

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError

from marsad.linking import Linker, LinkMention, mention_from_event
from marsad.model import Document, Event
from marsad.pipeline import Pipeline
from marsad.reader import RawDoc
from marsad.store.consensus import AccountValues, Consensus, consensus
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

# Core statements, built once: the per-article path must not pay for statement construction
T_DOC = DocumentRow.__table__
T_MEN = MentionRow.__table__
T_BLK = MentionBlock.__table__
T_INC = IncidentRowModel.__table__
T_CHG = IncidentChangeRow.__table__
T_TAL = TallyRowModel.__table__
SEL_DOC = select(T_DOC.c.sha256, T_DOC.c.error).where(T_DOC.c.id == bindparam("b_id"))
UPD_DOC = update(T_DOC).where(T_DOC.c.id == bindparam("b_id"))
INS_MEN_MANY = insert(T_MEN).returning(T_MEN.c.id, sort_by_parameter_order=True)
INS_DOC, INS_INC, INS_BLK, INS_TAL, INS_CHG = (insert(t) for t in (T_DOC, T_INC, T_BLK, T_TAL, T_CHG))
SEL_HASHES = select(T_DOC.c.id, T_DOC.c.sha256, T_DOC.c.error).where(T_DOC.c.id.in_(bindparam("ids", expanding=True)))
UPD_INC = update(T_INC).where(T_INC.c.id == bindparam("b_id"))
LINK_COLS = (T_MEN.c.key, T_MEN.c.doc_id, T_MEN.c.type, T_MEN.c.date, T_MEN.c.date_precision,
             T_MEN.c.location_id, T_MEN.c.country, T_MEN.c.weapons, T_MEN.c.count, T_MEN.c.actor,
             T_MEN.c.outlet, T_MEN.c.copy_group, T_MEN.c.incident_id)
SEL_OF_INCIDENT = select(*LINK_COLS).where(T_MEN.c.incident_id == bindparam("inc"))
SEL_OF_DOC = select(*LINK_COLS).where(T_MEN.c.doc_id == bindparam("doc"))
ACCOUNT_COLS = ("doc_id", "outlet", "copy_group", "published", "status", "type", "date", "date_precision",
                "location_id", "location_name", "location_name_ar", "location_kind", "country", "admin1", "lat",
                "lon", "weapons", "count", "actor", "actor_basis", "target", "killed", "injured", "intercepted")
SEL_ACCOUNTS = select(T_MEN.c.incident_id, *(T_MEN.c[name] for name in ACCOUNT_COLS)).where(
    T_MEN.c.incident_id.in_(bindparam("incs", expanding=True))).order_by(T_MEN.c.incident_id, T_MEN.c.id)
SEL_KEY_INCIDENTS = select(T_BLK.c.key, T_MEN.c.incident_id).join(T_MEN, T_MEN.c.id == T_BLK.c.mention_id).where(
    T_BLK.c.key.in_(bindparam("keys", expanding=True))).distinct()
SEL_OF_INCIDENTS = select(*LINK_COLS).where(T_MEN.c.incident_id.in_(bindparam("incs", expanding=True))).order_by(
    T_MEN.c.incident_id, T_MEN.c.key)

Outcome = Literal["new", "updated", "unchanged", "failed"]
MAX_ATTEMPTS = 8
#: documents read, extracted, then written in one transaction (an article a SAVEPOINT); a crash loses at
#: most this many articles' work, which the next run redoes
BATCH = 100
#: the candidate cache is emptied when it holds more incidents than this (it is kept between batches)
CACHE_MAX_INCIDENTS = 50_000


def _chunks(items: Iterable[RawDoc], n: int) -> Iterator[list[RawDoc]]:
    chunk: list[RawDoc] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


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


@dataclass(slots=True)
class _Prepared:
    """A document read and extracted, waiting for its batch's write transaction."""

    raw: RawDoc
    sha: str
    doc: Document | None  # None: unchanged according to the hashes read before extraction
    copy_of: str | None = None


class Ingestor:
    """Stores extracted documents into a :class:`Store`, linking mentions into incidents.

    Documents are written in batches (:meth:`ingest_batch`): the batch is read and extracted first, outside
    any transaction, then ONE write transaction links and stores it.  Within it the rows of the batch are
    collected and inserted together (documents, incidents, mentions, blocking keys, change log, tallies)
    and the consensus of each touched incident is recomputed once; candidates for linking come from a cache
    that holds what the batch added, so each article links exactly as if the ones before it were stored.
    A crash loses at most the open batch, which the next run does again."""

    def __init__(self, store: Store, pipeline: Pipeline, linker: Linker,
                 copy_of: Callable[[RawDoc], str | None] | None = None) -> None:
        self.store = store
        self.pipeline = pipeline
        self.linker = linker
        self.copy_of = copy_of
        self.retries = 0
        # two connections kept for the whole run: per-article pool check-outs cost more than the writes
        self._reader = store.engine.connect()
        self._writer = store.writer()
        # candidate cache, valid within one write transaction (the write lock is held, so no other writer
        # changes what it holds): blocking key -> incidents holding a mention with that key (a document's
        # keys count once the document is linked, as its blocks are written then), incident -> all its
        # mentions
        self._key_incs: dict[str, set[str]] = {}
        self._inc_men: dict[str, list[LinkMention]] = {}
        # rows of the batch not inserted yet (see _flush)
        self._b_docs: list[dict[str, Any]] = []
        self._b_copy_of: dict[str, str | None] = {}
        self._b_incs: dict[str, dict[str, Any]] = {}
        self._b_men: list[tuple[dict[str, Any], list[str]]] = []
        self._b_key_incs: dict[str, set[str]] = {}  # blocking key -> incidents, of the mentions in _b_men
        self._b_touched: set[str] = set()
        self._b_changes: list[dict[str, Any]] = []
        self._b_tallies: list[dict[str, Any]] = []
        self._data_version: Any = None  # SQLite's data_version when the cache was last valid
        self._cache_kept = False

    def close(self) -> None:
        self._reader.close()
        self._writer.close()

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- batches --------------------------------------------------------------------------------------

    def stored_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """id -> content hash of the documents among ``ids`` that are stored without error."""
        rows = self._reader.execute(SEL_HASHES, {"ids": list(ids)}).all()
        self._reader.rollback()  # end the read transaction (it would hold a snapshot)
        return {r.id: r.sha256 for r in rows if r.error is None}

    def ingest_one(self, raw: RawDoc) -> DocResult:
        """Ingest one document in a transaction of its own."""
        return self.ingest_batch([raw])[0]

    def ingest_batch(self, raws: Sequence[RawDoc]) -> list[DocResult]:
        """Ingest ``raws`` (results in their order): unchanged documents (same content hash) are skipped
        without extraction, the others extracted, then written in one transaction.  A conflict with a
        concurrent writer rolls the batch back and writes it again.  Any other error rolls the batch back;
        it is then written one article a transaction, so that the articles before the failing one are
        stored, and the error is raised."""
        known = self.stored_hashes(list(dict.fromkeys(raw.id for raw in raws)))
        prepared: list[_Prepared] = []
        try:
            for raw in raws:
                sha = content_hash(raw)
                if known.get(raw.id) == sha:
                    prepared.append(_Prepared(raw, sha, None))
                    continue
                doc = self.pipeline.process(raw)
                copy_of = self.copy_of(raw) if self.copy_of and raw.text else None
                prepared.append(_Prepared(raw, sha, doc, copy_of))
        except Exception:
            if any(p.doc is not None for p in prepared):  # store the articles before the failing one
                self._transaction([p for p in prepared if p.doc is not None])
            raise
        todo = [p for p in prepared if p.doc is not None]
        written: dict[int, DocResult] = {}
        if todo:
            try:
                written = self._transaction(todo)
            except Exception:
                if len(todo) == 1:
                    raise
                for p in todo:  # raises at the failing article, the ones before it committed
                    written.update(self._transaction([p]))
        return [written[id(p)] if p.doc is not None else DocResult(p.raw.id, "unchanged") for p in prepared]

    def _transaction(self, todo: list[_Prepared]) -> dict[int, DocResult]:
        """Write ``todo`` in one transaction, again after a conflict with another writer."""
        for attempt in range(MAX_ATTEMPTS):
            try:
                with self._writer.begin():
                    self.store.lock(self._writer)
                    self._check_cache(self._writer)
                    out = self._write_batch(self._writer, todo)
                self._reset(cache=not self._cache_kept)
                return out
            except DBAPIError as exc:
                self._reset()
                if not _is_conflict(exc) or attempt == MAX_ATTEMPTS - 1:
                    raise
                self.retries += 1
                time.sleep(min(0.05 * 2 ** attempt, 1.0))
            except BaseException:
                self._reset()
                raise
        raise AssertionError("unreachable")

    def _check_cache(self, c: Connection) -> None:
        """Keep the candidate cache of the previous transaction only while nobody else wrote since: on
        SQLite ``PRAGMA data_version`` (changed by other connections' commits, not by ours) tells; on
        PostgreSQL the cache lives for one transaction."""
        version = None
        if self.store.dialect == "sqlite":
            version = c.exec_driver_sql("PRAGMA data_version").scalar()
        self._cache_kept = version is not None and len(self._inc_men) < CACHE_MAX_INCIDENTS
        if version is None or version != self._data_version or not self._cache_kept:
            self._key_incs.clear()
            self._inc_men.clear()
        self._data_version = version

    def _reset(self, cache: bool = True) -> None:
        """Forget the rows not inserted and (``cache``) the candidate cache: a transaction ended."""
        if cache:
            self._key_incs.clear()
            self._inc_men.clear()
            self._data_version = None
        self._b_docs.clear()
        self._b_copy_of.clear()
        self._b_incs.clear()
        self._b_men.clear()
        self._b_key_incs.clear()
        self._b_touched.clear()
        self._b_changes.clear()
        self._b_tallies.clear()

    def _write_batch(self, c: Connection, todo: list[_Prepared]) -> dict[int, DocResult]:
        ids = list(dict.fromkeys(p.raw.id for p in todo))
        # the stored hashes again, now under the write lock (another process may have stored some)
        stored: dict[str, tuple[str, str | None]] = {
            r.id: (r.sha256, r.error) for r in c.execute(SEL_HASHES, {"ids": ids})}
        out: dict[int, DocResult] = {}
        for p in todo:
            assert p.doc is not None
            r = self._write(c, p.raw, p.doc, p.sha, p.copy_of, stored.get(p.raw.id))
            out[id(p)] = r
            prev = stored.get(p.raw.id)
            if r.outcome in ("new", "updated"):
                stored[p.raw.id] = (p.sha, None)
            elif r.outcome == "failed" and (prev is None or prev[1] is not None):  # the failure was stored
                stored[p.raw.id] = (p.sha, r.error)
        self._flush(c)
        return out

    def _flush(self, c: Connection) -> None:
        """Insert the rows collected (documents, new incidents, mentions with their blocking keys, change
        log, tallies) and recompute the consensus of the incidents touched."""
        if self._b_docs:
            c.execute(INS_DOC, self._b_docs)
        if self._b_incs:
            c.execute(INS_INC, list(self._b_incs.values()))
        if self._b_men:
            rows = c.execute(INS_MEN_MANY, [params for params, _ in self._b_men]).all()
            blocks = [{"key": k, "mention_id": row.id}
                      for (_, keys), row in zip(self._b_men, rows, strict=True) for k in keys]
            if blocks:
                c.execute(INS_BLK, blocks)
        self._refresh(c, sorted(self._b_touched), _now())
        if self._b_changes:
            c.execute(INS_CHG, self._b_changes)
        if self._b_tallies:
            c.execute(INS_TAL, self._b_tallies)
        for rows in (self._b_docs, self._b_men, self._b_changes, self._b_tallies):
            rows.clear()
        for table in (self._b_copy_of, self._b_incs, self._b_key_incs):
            table.clear()
        self._b_touched.clear()

    # --- one document ---------------------------------------------------------------------------------

    def _write(self, c: Connection, raw: RawDoc, doc: Document, sha: str, copy_of: str | None,
               stored: tuple[str, str | None] | None) -> DocResult:
        """Link and write one document (its rows collected for :meth:`_flush`, except for a document
        stored before: the batch is flushed first, and a corrected article is written at once)."""
        now = _now()
        error = raw.error or doc.error
        if stored is not None and stored[0] == sha and stored[1] is None:
            return DocResult(raw.id, "unchanged")
        if stored is not None:
            self._flush(c)  # it may have been stored earlier in this batch
        values: dict[str, Any] = dict(
            sha256=sha, outlet=raw.outlet, url=raw.url, published=raw.published, title=raw.title,
            text=raw.text if error else doc.text, encoding=raw.encoding, copy_of=None if error else copy_of,
            error=error, warnings=list(doc.warnings), updated_at=now)
        if error is not None:
            if stored is not None and stored[1] is None:
                # a good version is stored: keep it, report this failure
                return DocResult(raw.id, "failed", error=error)
            if stored is None:
                c.execute(INS_DOC, {"id": raw.id, "ingested_at": now, **values})
            else:
                c.execute(UPD_DOC, {"b_id": raw.id, **values})
            return DocResult(raw.id, "failed", error=error)

        result = DocResult(raw.id, "new" if stored is None else "updated")
        old: list[LinkMention] = []
        old_incidents: dict[str, str] = {}  # mention key -> incident id
        replacing = stored is not None
        if not replacing:
            self._b_docs.append({"id": raw.id, "ingested_at": now, **values})
            self._b_copy_of[raw.id] = values["copy_of"]
        else:
            # a corrected article: the candidate cache is not kept across its removals, splits and reuses
            self._key_incs.clear()
            self._inc_men.clear()
            c.execute(UPD_DOC, {"b_id": raw.id, **values})
            for row in c.execute(SEL_OF_DOC, {"doc": raw.id}):
                old.append(_link_mention(row))
                old_incidents[row.key] = row.incident_id
            # blocks go with their mentions (ON DELETE CASCADE); deleted explicitly for clarity
            c.execute(delete(T_BLK).where(T_BLK.c.mention_id.in_(
                select(T_MEN.c.id).where(T_MEN.c.doc_id == raw.id))))
            c.execute(delete(T_MEN).where(T_MEN.c.doc_id == raw.id))
            c.execute(delete(T_TAL).where(T_TAL.c.doc_id == raw.id))
            result.mentions_removed = len(old)

        copy_group = self._copy_group(c, copy_of) if copy_of else None
        touched: set[str] = set()
        linked: list[tuple[list[str], list[str]]] = []  # (blocking keys, [incident]) of each new mention

        def log(kind: str, inc_id: str, others: list[str], detail: str | None) -> None:
            self._b_changes.append({"at": now, "kind": kind, "incident_id": inc_id, "other_ids": others,
                                    "doc_id": raw.id, "detail": detail})

        content_key = f"{raw.id}:{sha}"
        for i, event in enumerate(doc.events):
            m = mention_from_event(raw.id, i, event, outlet=raw.outlet, content_key=content_key,
                                   copy_group=copy_group)
            keys = list(dict.fromkeys(self.linker.blocking_keys(m)))
            # this document's own earlier mentions belong to their incidents already; their blocking keys
            # count from the end of the document: decide() never puts two mentions of one document together
            decision = self.linker.decide(m, self._candidates(c, keys))
            inc_id = decision.incident_id
            params = _mention_params(raw, i, event, m)
            if decision.new:
                reuse = self._reusable(c, m, old, old_incidents) if replacing else None
                if reuse is not None:
                    inc_id = reuse
                    result.joined += 1
                    touched.add(inc_id)
                    log("joined", inc_id, [], "corrected article")
                else:
                    # a new incident has this one account: its consensus is the account's values
                    acc = account_values(SimpleNamespace(**params))
                    self._b_incs[inc_id] = {"id": inc_id, "created_at": now,
                                            **_incident_values(consensus([acc]), now)}
                    result.created += 1
                    log("created", inc_id, [], None)
            else:
                result.joined += 1
                touched.add(inc_id)
                log("joined", inc_id, [], None)
            if decision.merged:
                merged = list(decision.merged)
                self._flush(c)  # the merged incidents' mentions are moved in the database
                c.execute(update(T_MEN).where(T_MEN.c.incident_id.in_(merged)).values(incident_id=inc_id))
                c.execute(delete(T_INC).where(T_INC.c.id.in_(merged)))
                for _, where in linked:
                    if where[0] in merged:
                        where[0] = inc_id
                self._merge_cached(inc_id, merged)
                result.merged += len(merged)
                touched.difference_update(merged)
                log("merged", inc_id, sorted(merged), f"{len(merged)} incident(s) merged into {inc_id}")
            params["incident_id"] = inc_id
            self._b_men.append((params, keys))
            linked.append((keys, [inc_id]))
            self._inc_men.setdefault(inc_id, []).append(m)
            result.mentions_added += 1
            if replacing:
                self._flush(c)  # _reusable and the removals below look in the database
        if not replacing:
            for keys, (inc,) in linked:
                for k in keys:
                    self._b_key_incs.setdefault(k, set()).add(inc)
                    if k in self._key_incs:
                        self._key_incs[k].add(inc)
        self._b_tallies.extend(
            {"doc_id": raw.id, "idx": i, "count": t.count, "what": t.what, "since": t.since, "as_of": t.as_of,
             "country": t.country, "source": t.source, "evidence": [e.to_json() for e in t.evidence]}
            for i, t in enumerate(doc.tallies))
        result.tallies = len(doc.tallies)

        # incidents that lost mentions: removed when empty, split when no longer one cluster
        for inc_id in sorted(set(old_incidents.values())):
            if inc_id not in touched:
                self._after_removal(c, inc_id, now, result, touched, log)
        self._b_touched |= touched
        if replacing:
            self._flush(c)
            self._key_incs.clear()
            self._inc_men.clear()
        return result

    # --- candidate cache --------------------------------------------------------------------------------

    def _candidates(self, c: Connection, keys: Sequence[str]) -> dict[str, list[LinkMention]]:
        """Candidate incidents (with all their mentions) of a mention with blocking ``keys``: those holding a
        mention with a shared key.  Keys not cached yet are read with one query (plus the batch's own
        mentions not inserted yet), the mentions of incidents not cached yet with another."""
        if not keys:
            return {}
        missing = [k for k in keys if k not in self._key_incs]
        if missing:
            for k in missing:
                self._key_incs[k] = set(self._b_key_incs.get(k, ()))
            for key, inc in c.execute(SEL_KEY_INCIDENTS, {"keys": missing}):
                self._key_incs[key].add(inc)
            # an incident with mentions not inserted yet is cached already (with them)
            need = sorted({inc for k in missing for inc in self._key_incs[k]} - self._inc_men.keys())
            if need:
                for row in c.execute(SEL_OF_INCIDENTS, {"incs": need}):
                    self._inc_men.setdefault(row.incident_id, []).append(_link_mention(row))
        incs = sorted(set().union(*(self._key_incs[k] for k in keys)))
        return {inc: self._inc_men[inc] for inc in incs}

    def _merge_cached(self, into: str, merged: Sequence[str]) -> None:
        target = self._inc_men.get(into)
        for other in merged:
            members = self._inc_men.pop(other, None)
            if target is None or members is None:  # not expected (candidates are cached): start afresh
                self._key_incs.clear()
                self._inc_men.clear()
                return
            target.extend(members)
        gone = set(merged)
        for incs in self._key_incs.values():
            if incs & gone:
                incs -= gone
                incs.add(into)

    # --- helpers ----------------------------------------------------------------------------------------

    def _copy_group(self, c: Connection, copy_of: str) -> str:
        root = copy_of
        for _ in range(20):  # follow copy_of chains to the original (maybe earlier in this batch)
            if root in self._b_copy_of:
                nxt = self._b_copy_of[root]
            else:
                nxt = c.execute(select(T_DOC.c.copy_of).where(T_DOC.c.id == root)).scalar_one_or_none()
            if not nxt:
                break
            root = nxt
        return root

    def _reusable(self, c: Connection, m: LinkMention, old: list[LinkMention],
                  old_incidents: dict[str, str]) -> str | None:
        """An incident of the replaced version of this document that the corrected mention continues."""
        for o in old:
            inc = old_incidents[o.key]
            if not self.linker.compatible(m, replace(o, doc_id=o.doc_id + "\x00previous")):
                continue
            others = c.execute(select(T_MEN.c.id).where(T_MEN.c.incident_id == inc).limit(1)).first()
            exists = c.execute(select(T_INC.c.id).where(T_INC.c.id == inc)).first()
            if others is None and exists is not None:
                return inc
        return None

    @staticmethod
    def _new_incident(c: Connection, inc_id: str, typ: str, now: dt.datetime) -> None:
        c.execute(INS_INC, {"id": inc_id, "type": typ, "weapons": [], "statuses": [], "n_sources": 0,
                            "n_documents": 0, "n_mentions": 0, "created_at": now, "updated_at": now})

    def _after_removal(self, c: Connection, inc_id: str, now: dt.datetime, result: DocResult,
                       touched: set[str], log: Callable[[str, str, list[str], str | None], None]) -> None:
        if c.execute(select(T_INC.c.id).where(T_INC.c.id == inc_id)).first() is None:
            return  # merged into another incident while this document was linked
        rows = list(c.execute(SEL_OF_INCIDENT, {"inc": inc_id}))
        if not rows:
            c.execute(delete(T_INC).where(T_INC.c.id == inc_id))
            log("removed", inc_id, [], "its last mention was withdrawn")
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
            self._new_incident(c, new_id, rows[0].type, now)
            c.execute(update(T_MEN).where(T_MEN.c.key.in_(keys)).values(incident_id=new_id))
            touched.add(new_id)
            new_ids.append(new_id)
        log("split", inc_id, new_ids, f"after a correction its mentions form {len(clusters)} incidents")
        result.split += 1

    @staticmethod
    def _refresh(c: Connection, inc_ids: Sequence[str], now: dt.datetime) -> None:
        """Recompute the consensus of incidents from their mentions (one query, one executemany)."""
        if not inc_ids:
            return
        accounts: dict[str, list[AccountValues]] = defaultdict(list)
        for r in c.execute(SEL_ACCOUNTS, {"incs": list(inc_ids)}):
            accounts[r.incident_id].append(account_values(r))
        updates = [{"b_id": inc, **_incident_values(consensus(accs), now)}
                   for inc in inc_ids if (accs := accounts.get(inc))]
        if updates:
            c.execute(UPD_INC, updates)


def _mention_params(raw: RawDoc, i: int, e: Event, m: LinkMention) -> dict[str, Any]:
    loc = e.location
    return {
        "key": m.key, "doc_id": raw.id, "idx": i, "incident_id": None, "type": e.type, "date": e.date,
        "date_precision": m.date_precision, "location_id": loc.id if loc else None,
        "location_name": loc.name if loc else None, "location_name_ar": loc.name_ar if loc else None,
        "location_kind": loc.kind if loc else None, "country": m.country,
        "admin1": loc.admin1 if loc else None, "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None, "weapons": sorted(e.weapons), "count": e.count, "actor": e.actor,
        "actor_basis": e.actor_basis, "target": e.target, "killed": e.killed, "injured": e.injured,
        "intercepted": e.intercepted, "status": event_status(e), "date_strategy": e.date_strategy,
        "outlet": raw.outlet, "copy_group": m.copy_group, "published": raw.published,
        "evidence": [ev.to_json() for ev in e.evidence],
    }


def _incident_values(k: Consensus, now: dt.datetime) -> dict[str, Any]:
    return {
        "type": k.type, "date": k.date, "time_precision": k.time_precision,
        "location_id": k.location_id, "location_name": k.location_name, "location_name_ar": k.location_name_ar,
        "location_kind": k.location_kind, "geo_precision": k.geo_precision, "country": k.country,
        "admin1": k.admin1, "lat": k.lat, "lon": k.lon, "weapons": k.weapons, "count": k.count,
        "actor": k.actor, "actor_basis": k.actor_basis, "target": k.target, "status": k.status,
        "statuses": k.statuses, "fatalities_low": k.fatalities_low, "fatalities_best": k.fatalities_best,
        "fatalities_high": k.fatalities_high, "injured_low": k.injured_low, "injured_best": k.injured_best,
        "injured_high": k.injured_high, "intercepted": k.intercepted, "n_sources": k.n_sources,
        "n_documents": k.n_documents, "n_mentions": k.n_mentions, "first_seen": k.first_seen,
        "last_seen": k.last_seen, "updated_at": now}


def account_values(r: Any) -> AccountValues:
    """The consensus view of a mention (an ORM object or a row of the mentions table)."""
    return AccountValues(
        doc_id=r.doc_id, outlet=r.outlet, copy_group=r.copy_group, published=r.published, status=r.status,
        type=r.type, date=r.date, date_precision=r.date_precision, location_id=r.location_id,
        location_name=r.location_name, location_name_ar=r.location_name_ar, location_kind=r.location_kind,
        country=r.country, admin1=r.admin1, lat=r.lat, lon=r.lon, weapons=tuple(r.weapons or ()),
        count=r.count, actor=r.actor, actor_basis=r.actor_basis, target=r.target, killed=r.killed,
        injured=r.injured, intercepted=r.intercepted)


class CopyTracker:
    """A ``copy_of`` callback for :func:`ingest` over :class:`marsad.sources.copies.CopyDetector`.

    Each new or corrected text is checked against the texts seen so far, then added; the documents that
    earlier runs stored last (``seed`` of them) are added first, so a copy of an article stored shortly
    before is recognised (syndicated copies appear within hours or days of each other; an older original
    is not looked for).  Returns the id of the original (the first text of a copy chain)."""

    def __init__(self, detector: Any) -> None:
        self.detector = detector

    @classmethod
    def for_store(cls, store: Store, seed: int = 1000) -> CopyTracker:
        from marsad.sources.copies import CopyDetector

        detector = CopyDetector()
        with store.engine.connect() as conn:
            rows = conn.execute(select(T_DOC.c.id, T_DOC.c.text).where(T_DOC.c.error.is_(None), T_DOC.c.text.is_not(None))
                                .order_by(T_DOC.c.ingested_at.desc(), T_DOC.c.id.desc()).limit(seed)).all()
        for doc_id, text in reversed(rows):
            detector.add(doc_id, text)
        return cls(detector)

    def __call__(self, raw: RawDoc) -> str | None:
        match = self.detector.check(raw.id, raw.text)
        self.detector.add(raw.id, raw.text, match)
        if match is None or match.doc_id == raw.id:
            return None
        return str(match.doc_id)


def ingest(store: Store, docs: Iterable[RawDoc], pipeline: Pipeline, linker: Linker | None = None, *,
           copy_of: Callable[[RawDoc], str | None] | None = None,
           on_result: Callable[[DocResult], None] | None = None) -> IngestSummary:
    """Ingest every document of ``docs``; returns the run's summary.  ``on_result`` sees each document."""
    summary = IngestSummary()
    start = time.perf_counter()
    with Ingestor(store, pipeline, linker or Linker.load(pipeline.options.data_dir), copy_of) as ingestor:
        for chunk in _chunks(docs, BATCH):
            for r in ingestor.ingest_batch(chunk):
                summary.add(r)
                if on_result is not None:
                    on_result(r)
        summary.retries = ingestor.retries
    summary.seconds = time.perf_counter() - start
    return summary
