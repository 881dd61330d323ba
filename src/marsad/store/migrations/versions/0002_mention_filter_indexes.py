"""indexes for the account filters: mentions by (status, incident) and (actor, incident)

Revision ID: 0002_mention_filter_indexes
Revises: 0001_initial
Create Date: 2026-11-21
"""

from __future__ import annotations

from alembic import op

revision = "0002_mention_filter_indexes"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_mentions_actor", table_name="mentions")
    op.create_index("ix_mentions_actor_incident", "mentions", ["actor", "incident_id"])
    op.create_index("ix_mentions_status_incident", "mentions", ["status", "incident_id"])


def downgrade() -> None:
    op.drop_index("ix_mentions_status_incident", table_name="mentions")
    op.drop_index("ix_mentions_actor_incident", table_name="mentions")
    op.create_index("ix_mentions_actor", "mentions", ["actor"])
