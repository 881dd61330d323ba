"""The typed data model every pipeline stage shares.

A :class:`Document` holds the raw text, its normalised form with the offset map, the sentences, the
lexicon mentions, the resolved dates, and finally the events and tallies.  Offsets inside the pipeline
are into the *normalised* text; :class:`Evidence` carries offsets into the *original* text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from marsad.normalize import NormText

EventType = Literal["attack", "strike", "reinforcement"]
Basis = Literal["claimed", "attributed"]
TallyWhat = Literal["attacks", "troops", "injured", "killed", "trucks", "flights"]

EVENT_TYPES: tuple[str, ...] = ("attack", "strike", "reinforcement")
WEAPONS: tuple[str, ...] = ("drone", "rocket", "mortar", "missile", "ied", "small_arms", "aircraft", "artillery")
TALLY_WHAT: tuple[str, ...] = ("attacks", "troops", "injured", "killed", "trucks", "flights")


@dataclass(slots=True)
class Sentence:
    """A sentence of the normalised text: [start, end) offsets, paragraph index, and clause cuts."""

    start: int
    end: int
    paragraph: int
    index: int = 0
    tok_start: int = 0  # token range [tok_start, tok_end)
    tok_end: int = 0
    clauses: tuple[tuple[int, int], ...] = ()  # token ranges of the clauses


@dataclass(slots=True)
class Mention:
    """A lexicon or gazetteer match in the normalised text."""

    category: str  # e.g. "site", "place", "actor", "weapon", "trigger", "claim", ...
    entry_id: str  # the id of the matched entry (gazetteer id, weapon id, trigger class ...)
    start: int
    end: int
    surface: str  # the normalised text matched (without the clitic prefix)
    tok_start: int = -1  # index of the first token of the match
    tok_end: int = -1  # index after the last token of the match
    prefix: str = ""  # the clitic prefix glued to the first token (e.g. "و", "بال")
    attrs: dict[str, Any] = field(default_factory=dict)


class Token(NamedTuple):
    """A word, number or punctuation mark of the normalised text (a tuple: made by the thousand)."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class DateMention:
    """A date expression in the normalised text and what it resolves to."""

    start: int
    end: int
    value: dt.date | None
    precision: Literal["day", "week", "month", "year"] | None
    strategy: str  # "explicit", "relative", "weekday", "night", "unresolved", ...


@dataclass(slots=True)
class Evidence:
    """A span of the ORIGINAL text that supports one field of a record."""

    field: str
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Location:
    """A resolved gazetteer entry."""

    id: str
    name: str
    name_ar: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    is_site: bool


@dataclass(slots=True)
class Event:
    type: str
    date: dt.date | None = None
    location: Location | None = None
    country: str | None = None
    weapons: list[str] = field(default_factory=list)
    count: int | None = None
    actor: str | None = None
    actor_basis: str | None = None
    target: str | None = None
    killed: int | None = None
    injured: int | None = None
    intercepted: bool | None = None
    evidence: list[Evidence] = field(default_factory=list)
    event_id: str | None = None
    date_strategy: str | None = None
    sentence: int = 0  # index of the sentence that triggered it
    status: str | None = None  # claimed | confirmed | denied | reported (extra field, not scored)

    def to_json(self) -> dict[str, Any]:
        loc = self.location
        return {
            "type": self.type,
            "date": self.date.isoformat() if self.date else None,
            "location": loc.id if loc else None,
            "country": self.country,
            "weapons": sorted(self.weapons),
            "count": self.count,
            "actor": self.actor,
            "actor_basis": self.actor_basis,
            "target": self.target,
            "killed": self.killed,
            "injured": self.injured,
            "intercepted": self.intercepted,
            "event_id": self.event_id,
            "location_detail": (
                {"id": loc.id, "name": loc.name, "name_ar": loc.name_ar, "kind": loc.kind,
                 "country": loc.country, "admin1": loc.admin1, "lat": loc.lat, "lon": loc.lon}
                if loc else None
            ),
            "date_strategy": self.date_strategy,
            "evidence": [e.to_json() for e in self.evidence],
        } | ({"status": self.status} if self.status is not None else {})


@dataclass(slots=True)
class Tally:
    count: int
    what: str
    since: dt.date | None = None
    as_of: dt.date | None = None
    country: str | None = None
    source: str | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "what": self.what,
            "since": self.since.isoformat() if self.since else None,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "country": self.country,
            "source": self.source,
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(slots=True)
class Document:
    """One article travelling through the pipeline."""

    id: str
    text: str
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    norm: NormText | None = None
    tokens: Sequence[Token] = field(default_factory=list)  # a marsad.tokens.Tokens once matched
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    tallies: list[Tally] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    def evidence(self, field_name: str, start: int, end: int) -> Evidence:
        """Build evidence for a normalised span [start, end)."""
        assert self.norm is not None
        ostart, oend = self.norm.to_original(start, end)
        return Evidence(field_name, ostart, oend, self.text[ostart:oend])

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "doc": self.id,
            "events": [e.to_json() for e in self.events],
            "tallies": [t.to_json() for t in self.tallies],
        }
        if self.warnings:
            out["warnings"] = self.warnings
        if self.error:
            out["error"] = self.error
        return out
