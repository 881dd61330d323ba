"""incidents: index (date, id), so that a page of the date order is read from the index alone

Revision ID: 0003_incident_page_index
Revises: 0002_mention_filter_indexes
Create Date: 2026-11-21
"""

from __future__ import annotations

from alembic import op

revision = "0003_incident_page_index"
down_revision = "0002_mention_filter_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_incidents_date", table_name="incidents")
    op.create_index("ix_incidents_date_id", "incidents", ["date", "id"])


def downgrade() -> None:
    op.drop_index("ix_incidents_date_id", table_name="incidents")
    op.create_index("ix_incidents_date", "incidents", ["date"])
