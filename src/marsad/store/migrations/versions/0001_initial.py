"""initial schema: documents, incidents, mentions, mention_blocks, incident_changes, tallies

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(512), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("outlet", sa.String(128)),
        sa.Column("url", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("title", sa.Text()),
        sa.Column("text", sa.Text()),
        sa.Column("encoding", sa.String(32)),
        sa.Column("copy_of", sa.String(512)),
        sa.Column("error", sa.Text()),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_index("ix_documents_outlet", "documents", ["outlet"])
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("date", sa.Date()),
        sa.Column("time_precision", sa.String(8)),
        sa.Column("location_id", sa.String(128)),
        sa.Column("location_name", sa.String(256)),
        sa.Column("location_name_ar", sa.String(256)),
        sa.Column("location_kind", sa.String(32)),
        sa.Column("geo_precision", sa.String(16)),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1", sa.String(128)),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("weapons", sa.JSON(), nullable=False),
        sa.Column("count", sa.Integer()),
        sa.Column("actor", sa.String(128)),
        sa.Column("actor_basis", sa.String(16)),
        sa.Column("target", sa.String(128)),
        sa.Column("status", sa.String(16)),
        sa.Column("statuses", sa.JSON(), nullable=False),
        sa.Column("fatalities_low", sa.Integer()),
        sa.Column("fatalities_best", sa.Integer()),
        sa.Column("fatalities_high", sa.Integer()),
        sa.Column("injured_low", sa.Integer()),
        sa.Column("injured_best", sa.Integer()),
        sa.Column("injured_high", sa.Integer()),
        sa.Column("intercepted", sa.Boolean()),
        sa.Column("n_sources", sa.Integer(), nullable=False),
        sa.Column("n_documents", sa.Integer(), nullable=False),
        sa.Column("n_mentions", sa.Integer(), nullable=False),
        sa.Column("first_seen", sa.Date()),
        sa.Column("last_seen", sa.Date()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_incidents"),
    )
    op.create_index("ix_incidents_date", "incidents", ["date"])
    op.create_index("ix_incidents_country_date", "incidents", ["country", "date"])
    op.create_index("ix_incidents_location_date", "incidents", ["location_id", "date"])
    op.create_index("ix_incidents_actor_date", "incidents", ["actor", "date"])
    op.create_index("ix_incidents_type_date", "incidents", ["type", "date"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(128), nullable=False),
        sa.Column("doc_id", sa.String(512), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.String(64), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("date", sa.Date()),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("location_id", sa.String(128)),
        sa.Column("location_name", sa.String(256)),
        sa.Column("location_name_ar", sa.String(256)),
        sa.Column("location_kind", sa.String(32)),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1", sa.String(128)),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("weapons", sa.JSON(), nullable=False),
        sa.Column("count", sa.Integer()),
        sa.Column("actor", sa.String(128)),
        sa.Column("actor_basis", sa.String(16)),
        sa.Column("target", sa.String(128)),
        sa.Column("killed", sa.Integer()),
        sa.Column("injured", sa.Integer()),
        sa.Column("intercepted", sa.Boolean()),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("date_strategy", sa.String(32)),
        sa.Column("outlet", sa.String(128)),
        sa.Column("copy_group", sa.String(512)),
        sa.Column("published", sa.Date()),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
        sa.UniqueConstraint("key", name="uq_mentions_key"),
        sa.UniqueConstraint("doc_id", "idx", name="uq_mentions_doc_idx"),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_mentions_doc_id_documents"),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"], name="fk_mentions_incident_id_incidents"),
    )
    op.create_index("ix_mentions_incident_id", "mentions", ["incident_id"])
    op.create_index("ix_mentions_incident_status", "mentions", ["incident_id", "status"])
    op.create_index("ix_mentions_actor", "mentions", ["actor"])
    op.create_table(
        "mention_blocks",
        sa.Column("key", sa.String(256), nullable=False),
        sa.Column("mention_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", "mention_id", name="pk_mention_blocks"),
        sa.ForeignKeyConstraint(["mention_id"], ["mentions.id"], ondelete="CASCADE",
                                name="fk_mention_blocks_mention_id_mentions"),
    )
    op.create_index("ix_mention_blocks_mention", "mention_blocks", ["mention_id"])
    op.create_table(
        "incident_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("incident_id", sa.String(64), nullable=False),
        sa.Column("other_ids", sa.JSON(), nullable=False),
        sa.Column("doc_id", sa.String(512)),
        sa.Column("detail", sa.Text()),
        sa.PrimaryKeyConstraint("id", name="pk_incident_changes"),
    )
    op.create_index("ix_incident_changes_incident_id", "incident_changes", ["incident_id"])
    op.create_table(
        "tallies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc_id", sa.String(512), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(16), nullable=False),
        sa.Column("since", sa.Date()),
        sa.Column("as_of", sa.Date()),
        sa.Column("country", sa.String(2)),
        sa.Column("source", sa.String(128)),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tallies"),
        sa.UniqueConstraint("doc_id", "idx", name="uq_tallies_doc_idx"),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_tallies_doc_id_documents"),
    )
    op.create_index("ix_tallies_doc_id", "tallies", ["doc_id"])


def downgrade() -> None:
    for table in ("tallies", "incident_changes", "mention_blocks", "mentions", "incidents", "documents"):
        op.drop_table(table)
