"""What the dashboard shows besides incidents: the gazetteer's sites and actors, read once at start-up
through the validated loader of the language data (:func:`marsad.lexicon.load_resources`)."""

from __future__ import annotations

from marsad.api import schemas
from marsad.lexicon import Resources, load_resources
from marsad.model import EVENT_TYPES
from marsad.store.queries import SORTS, STATUSES


def build_meta(res: Resources | None = None) -> schemas.Meta:
    res = res or load_resources()
    entries = sorted(res.entries.values(), key=lambda e: e.id)
    sites = [schemas.Site(id=e.id, name=e.name_en, name_ar=e.name_ar, kind=e.kind, country=e.country,
                          lat=e.lat, lon=e.lon)
             for e in entries if e.category == "site"]
    actors = [schemas.Actor(id=e.id, name=e.name_en, name_ar=e.name_ar) for e in entries if e.category == "actor"]
    return schemas.Meta(sites=sites, actors=actors, types=list(EVENT_TYPES), statuses=list(STATUSES),
                        sorts=list(SORTS))
