"""SQLAlchemy 2 ORM models of the event store.

Tables: ``documents`` (one row an article, keyed by its id, with the sha256 of its content),
``mentions`` (one row an extracted event: one source's account of an incident), ``mention_blocks``
(the linker's blocking keys of each mention, indexed, to find candidate incidents), ``incidents``
(consensus values), ``incident_changes`` (change log) and ``tallies``.  The schema itself is created by
the Alembic migrations in ``marsad/store/migrations``; these classes must match them (a test checks).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(512), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    outlet: Mapped[str | None] = mapped_column(String(128), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    encoding: Mapped[str | None] = mapped_column(String(32))
    copy_of: Mapped[str | None] = mapped_column(String(512))
    error: Mapped[str | None] = mapped_column(Text)
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class IncidentRowModel(Base):
    __tablename__ = "incidents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    type: Mapped[str] = mapped_column(String(16))
    date: Mapped[dt.date | None] = mapped_column(Date)
    time_precision: Mapped[str | None] = mapped_column(String(8))
    location_id: Mapped[str | None] = mapped_column(String(128))
    location_name: Mapped[str | None] = mapped_column(String(256))
    location_name_ar: Mapped[str | None] = mapped_column(String(256))
    location_kind: Mapped[str | None] = mapped_column(String(32))
    geo_precision: Mapped[str | None] = mapped_column(String(16))
    country: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(String(128))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    weapons: Mapped[list[str]] = mapped_column(JSON, default=list)
    count: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str | None] = mapped_column(String(128))
    actor_basis: Mapped[str | None] = mapped_column(String(16))
    target: Mapped[str | None] = mapped_column(String(128))
    status: Mapped[str | None] = mapped_column(String(16))
    statuses: Mapped[list[str]] = mapped_column(JSON, default=list)
    fatalities_low: Mapped[int | None] = mapped_column(Integer)
    fatalities_best: Mapped[int | None] = mapped_column(Integer)
    fatalities_high: Mapped[int | None] = mapped_column(Integer)
    injured_low: Mapped[int | None] = mapped_column(Integer)
    injured_best: Mapped[int | None] = mapped_column(Integer)
    injured_high: Mapped[int | None] = mapped_column(Integer)
    intercepted: Mapped[bool | None] = mapped_column(Boolean)
    n_sources: Mapped[int] = mapped_column(Integer, default=0)
    n_documents: Mapped[int] = mapped_column(Integer, default=0)
    n_mentions: Mapped[int] = mapped_column(Integer, default=0)
    first_seen: Mapped[dt.date | None] = mapped_column(Date)
    last_seen: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    __table_args__ = (
        Index("ix_incidents_date_id", "date", "id"),
        Index("ix_incidents_country_date", "country", "date"),
        Index("ix_incidents_location_date", "location_id", "date"),
        Index("ix_incidents_actor_date", "actor", "date"),
        Index("ix_incidents_type_date", "type", "date"),
    )


class MentionRow(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(128), unique=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    idx: Mapped[int] = mapped_column(Integer)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id"), index=True)
    type: Mapped[str] = mapped_column(String(16))
    date: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    location_id: Mapped[str | None] = mapped_column(String(128))
    location_name: Mapped[str | None] = mapped_column(String(256))
    location_name_ar: Mapped[str | None] = mapped_column(String(256))
    location_kind: Mapped[str | None] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(String(128))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    weapons: Mapped[list[str]] = mapped_column(JSON, default=list)
    count: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str | None] = mapped_column(String(128))
    actor_basis: Mapped[str | None] = mapped_column(String(16))
    target: Mapped[str | None] = mapped_column(String(128))
    killed: Mapped[int | None] = mapped_column(Integer)
    injured: Mapped[int | None] = mapped_column(Integer)
    intercepted: Mapped[bool | None] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(16))
    date_strategy: Mapped[str | None] = mapped_column(String(32))
    outlet: Mapped[str | None] = mapped_column(String(128))
    copy_group: Mapped[str | None] = mapped_column(String(512))
    published: Mapped[dt.date | None] = mapped_column(Date)
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    __table_args__ = (
        UniqueConstraint("doc_id", "idx", name="uq_mentions_doc_idx"),
        Index("ix_mentions_incident_status", "incident_id", "status"),
        Index("ix_mentions_actor_incident", "actor", "incident_id"),
        Index("ix_mentions_status_incident", "status", "incident_id"),
    )


class MentionBlock(Base):
    __tablename__ = "mention_blocks"

    key: Mapped[str] = mapped_column(String(256), primary_key=True)
    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True)

    __table_args__ = (Index("ix_mention_blocks_mention", "mention_id"),)


class IncidentChangeRow(Base):
    __tablename__ = "incident_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(16))
    incident_id: Mapped[str] = mapped_column(String(64), index=True)
    other_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    doc_id: Mapped[str | None] = mapped_column(String(512))
    detail: Mapped[str | None] = mapped_column(Text)


class TallyRowModel(Base):
    __tablename__ = "tallies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer)
    what: Mapped[str] = mapped_column(String(16))
    since: Mapped[dt.date | None] = mapped_column(Date)
    as_of: Mapped[dt.date | None] = mapped_column(Date)
    country: Mapped[str | None] = mapped_column(String(2))
    source: Mapped[str | None] = mapped_column(String(128))
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    __table_args__ = (UniqueConstraint("doc_id", "idx", name="uq_tallies_doc_idx"),)
