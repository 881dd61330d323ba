"""REST API and dashboard of marsad (issue 5): ``create_app(db_url, write_token=None)``."""

from __future__ import annotations

from marsad.api.app import create_app

__all__ = ["create_app"]
