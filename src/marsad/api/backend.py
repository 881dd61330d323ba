"""The API's only door into the store: every route calls one function here, and each is a thin shell
over a service function of :mod:`marsad.store` that converts its dataclasses into response models."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from marsad.api import schemas
from marsad.store import queries
from marsad.store.models import DocumentRow, IncidentRowModel
from marsad.store.queries import IncidentFilter


@dataclass(slots=True)
class Backend:
    """The open store of one app (made by :func:`marsad.api.create_app`, closed on shutdown)."""

    store: Any

    @classmethod
    def open(cls, db_url: str) -> Backend:
        from marsad.store import open_store

        return cls(open_store(db_url))

    def close(self) -> None:
        closer = getattr(self.store, "close", None)
        if closer is not None:
            closer()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.store.session() as session:
            yield session

    # -- reads ---------------------------------------------------------------------------------------------

    def list_incidents(self, filters: IncidentFilter, limit: int, offset: int, sort: str) -> schemas.IncidentPage:
        with self.session() as s:
            page = queries.list_incidents(s, filters, limit=limit, offset=offset, sort=sort)
            return schemas.IncidentPage(items=[schemas.Incident.model_validate(r) for r in page.items],
                                        total=page.total, limit=page.limit, offset=page.offset, sort=sort)

    def incident_table_json(self, filters: IncidentFilter, limit: int) -> str:
        from marsad.api.dashboard import incident_table_json

        with self.session() as s:
            return incident_table_json(s, filters, limit)

    def get_incident(self, incident_id: str) -> schemas.IncidentDetail | None:
        with self.session() as s:
            current = queries.resolve_incident_id(s, incident_id)  # merged incidents live on in another id
            detail = queries.get_incident(s, current) if current is not None else None
            if detail is None:
                return None
            return schemas.IncidentDetail(
                incident=schemas.Incident.model_validate(detail.incident),
                accounts=[_account(a) for a in detail.accounts],
                changes=[schemas.IncidentChange.model_validate(c) for c in detail.changes],
                disagreements=detail.disagreements,
            )

    def get_document(self, doc_id: str) -> schemas.Document | None:
        with self.session() as s:
            view = queries.get_document(s, doc_id)
            if view is None:
                return None
            data = {name: getattr(view, name) for name in schemas.Document.model_fields if name != "evidence"}
            data["evidence"] = [schemas.DocumentEvidence(supports=owner, field=span.field, start=span.start,
                                                         end=span.end, text=span.text)
                                for owner, span in view.evidence]
            data["tallies"] = [schemas.Tally.model_validate(t) for t in view.tallies]
            return schemas.Document.model_validate(data)

    def stats(self, filters: IncidentFilter) -> schemas.Stats:
        with self.session() as s:
            return schemas.Stats.model_validate(queries.stats(s, filters))

    def tallies(self, filters: IncidentFilter) -> schemas.Tallies:
        with self.session() as s:
            rows = queries.tally_reconciliation(s, filters)
            return schemas.Tallies(items=[schemas.Reconciliation.model_validate(r) for r in rows])

    def counts(self) -> tuple[int, int]:
        """(incidents, documents) in the store."""
        with self.session() as s:
            incidents = s.execute(select(func.count()).select_from(IncidentRowModel)).scalar_one()
            documents = s.execute(select(func.count()).select_from(DocumentRow)).scalar_one()
            return int(incidents), int(documents)

    def export(self, fmt: str, filters: IncidentFilter) -> str:
        from marsad.store import export

        writer = getattr(export, f"write_{fmt}")
        out = io.StringIO()
        with self.session() as s:
            writer(s, filters, out)
        return out.getvalue()

    # -- writes --------------------------------------------------------------------------------------------

    def ingest(self, docs: list[schemas.NewDocument], pipeline: Any) -> schemas.IngestResult:
        from marsad.reader import RawDoc
        from marsad.store.ingest import ingest

        raw = [RawDoc(id=d.id, text=d.text, outlet=d.outlet, published=d.published, url=d.url, title=d.title,
                      source="api") for d in docs]
        summary = ingest(self.store, raw, pipeline)
        ids: list[str] = []
        with self.session() as s:
            for d in docs:
                view = queries.get_document(s, d.id)
                if view is not None:
                    ids.extend(i for i in view.incident_ids if i not in ids)
        return schemas.IngestResult(
            documents=summary.documents, new=summary.new, updated=summary.updated, unchanged=summary.unchanged,
            failed=[schemas.IngestFailure(id=i, error=e) for i, e in summary.failures],
            incidents_created=summary.incidents_created, incidents_joined=summary.incidents_joined,
            incidents_merged=summary.incidents_merged, incident_ids=ids)


def _account(a: queries.Account) -> schemas.Account:
    data = {name: getattr(a, name) for name in schemas.Account.model_fields if name != "sentence"}
    data["evidence"] = [schemas.Span.model_validate(e) for e in a.evidence]
    data["sentence"] = _sentence(a)
    return schemas.Account.model_validate(data)


def _sentence(a: queries.Account) -> schemas.EvidenceSentence | None:
    """The account's evidence sentence with every evidence span inside it, offsets relative to it.

    The store gives the sentence, the offsets of its main span in it and where the sentence starts in the
    document; the account's other spans that fall inside the sentence are shifted onto it.
    """
    if a.sentence is None:
        return None
    text, start, end = a.sentence
    main = schemas.SentenceSpan(field="evidence", start=start, end=end)
    if a.sentence_offset is None:
        return schemas.EvidenceSentence(text=text, spans=[main])
    base = a.sentence_offset
    spans = []
    for e in sorted(a.evidence, key=lambda e: (e.start, e.end)):
        s, t = e.start - base, e.end - base
        if 0 <= s < t <= len(text):
            spans.append(schemas.SentenceSpan(field=e.field, start=s, end=t))
    return schemas.EvidenceSentence(text=text, spans=spans or [main])
