"""Names the store's commands offer as choices (kept free of heavy imports: the CLI reads them at start-up)."""

from __future__ import annotations

#: export formats of ``marsad export``
FORMATS: tuple[str, ...] = ("csv", "geojson", "jsonl", "parquet")
#: accepted values of ``sort`` in ``list_incidents``; a leading ``-`` means descending
SORTS: tuple[str, ...] = ("date", "-date", "n_sources", "-n_sources", "last_seen", "-last_seen", "id")
#: account statuses, highest priority first
STATUSES: tuple[str, ...] = ("confirmed", "claimed", "reported", "denied")
