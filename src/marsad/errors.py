"""One exception hierarchy for the whole package.

Every error a user can meet derives from :class:`MarsadError`; the CLI turns them into one-line messages.
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base class of every error marsad raises on purpose."""


class DataFileError(MarsadError):
    """A shipped or user-supplied language data file is invalid (names the file and the key)."""

    def __init__(self, path: str, key: str, reason: str) -> None:
        self.path, self.key, self.reason = path, key, reason
        super().__init__(f"{path}: {key}: {reason}")


class InputError(MarsadError):
    """An input file or line cannot be read."""


class DocumentError(MarsadError):
    """A single document failed in a pipeline stage; the batch goes on."""

    def __init__(self, doc_id: str, stage: str, reason: str) -> None:
        self.doc_id, self.stage, self.reason = doc_id, stage, reason
        super().__init__(f"document {doc_id!r}: stage {stage}: {reason}")


class StoreError(MarsadError):
    """The event store cannot be opened, migrated or written (bad URL, unreachable server, ...)."""


class QueryError(StoreError):
    """A query of the store has an invalid parameter (unknown sort key, status, type, ...)."""
