"""Cross-document linking: which event mentions describe the same real incident.

Pure (no database): the store calls :meth:`Linker.decide` for incremental linking, and ``marsad extract``
calls :meth:`Linker.cluster` to give the mentions of one run their ``event_id``.

The rule (documented in docs/linking.md), for two mentions from *different* documents:

- the same ``type``;
- places that agree: the same gazetteer id, or one inside the other (a site and the governorate it lies
  in; two gazetteer points less than ``NEAR_KM`` apart, such as Victory base and Baghdad airport); a
  mention with no place joins only when its country agrees and exactly one incident fits (it never
  bridges two incidents);
- dates that agree within the precision they have: two day-precise dates must be equal (bases are hit on
  consecutive days, so a one-day window merges distinct incidents); a week or month precise date must
  fall in the same week or month; an undated mention is never linked (it could be any of the incidents
  at its place);
- weapons that do not contradict: overlapping sets, or weapons of one family (rocket, missile, mortar and
  artillery are all indirect fire, and reports confuse them; for strikes every air weapon is one family);
- for strikes, the same striker when both name one (a US and an Israeli strike on one town the same day
  are two incidents); two strikes on one gazetteer place by one named striker may be a day apart
  (``next_night``: one night dated by the evening and by the dawn), the weakest kind of link.

Two placeless mentions are no evidence of one incident, with one exception: placeless strikes by the same
named striker in the same country on the same day ("غارات أمريكية على اليمن", "غارة أردنية في ريف السويداء")
that no placed incident takes are one incident (``placeless_same``): states report a night's strikes on a
country as one operation.

Two mentions of the same document are never linked: extraction already merged what the document says
twice, so two records of one document are two incidents.

Incident ids are derived from the mentions' content keys (``incident_id_for``), never from run order or
the clock, so the same input gives the same ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.lexicon import GazetteerEntry, load_resources
from marsad.model import Event

NEAR_KM = 12.0
"""Two gazetteer points closer than this are one place for linking (a base and the airport it sits on)."""

_REGION_KINDS = frozenset({"governorate", "region"})
_WEAPON_FAMILY = {
    "attack": {"rocket": "fire", "missile": "fire", "mortar": "fire", "artillery": "fire", "drone": "drone",
               "ied": "ied", "small_arms": "small_arms", "aircraft": "air"},
    "strike": {"aircraft": "air", "drone": "air", "missile": "air", "rocket": "fire", "artillery": "fire",
               "mortar": "fire", "ied": "ied", "small_arms": "small_arms"},
}


@dataclass(frozen=True, slots=True)
class LinkMention:
    """One event record of one document, as the linker sees it."""

    key: str  # stable mention key (content-derived)
    doc_id: str
    type: str  # attack | strike | reinforcement
    date: dt.date | None
    date_precision: str | None  # "day" | "week" | "month" | None
    location_id: str | None
    country: str | None
    weapons: frozenset[str]
    count: int | None
    actor: str | None
    outlet: str | None = None
    copy_group: str | None = None  # documents that are syndicated copies share a group


@dataclass(slots=True)
class LinkDecision:
    """Where a new mention goes."""

    incident_id: str  # the incident the mention belongs to (existing or new)
    merged: list[str] = field(default_factory=list)  # other incidents merged into ``incident_id``
    new: bool = False  # a new incident was started


def mention_key(doc_key: str, index: int, event: Event) -> str:
    """A key for the ``index``-th event of a document: stable for the same document content."""
    loc = event.location.id if event.location else (event.country or "-")
    date = event.date.isoformat() if event.date else "-"
    basis = f"{doc_key}|{index}|{event.type}|{loc}|{date}"
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def mention_from_event(doc_id: str, index: int, event: Event, *, outlet: str | None = None,
                       content_key: str | None = None, copy_group: str | None = None) -> LinkMention:
    """The linker's view of an extracted event (``content_key``: e.g. the document's content hash)."""
    return LinkMention(
        key=mention_key(content_key or doc_id, index, event),
        doc_id=doc_id,
        type=event.type,
        date=event.date,
        date_precision="day" if event.date else None,
        location_id=event.location.id if event.location else None,
        country=event.location.country if event.location and event.location.country else event.country,
        weapons=frozenset(event.weapons),
        count=event.count,
        actor=event.actor,
        outlet=outlet,
        copy_group=copy_group,
    )


def incident_id_for(keys: Iterable[str]) -> str:
    """The id of an incident first made of mentions ``keys``: derived from content, stable across runs."""
    first = min(keys)
    return "inc-" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:12]


def _distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


class Linker:
    """The linking rule over a gazetteer (see the module docstring)."""

    def __init__(self, entries: Mapping[str, GazetteerEntry]) -> None:
        self._entries = entries
        self._place_cache: dict[tuple[str, str], bool] = {}

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Linker:
        return cls(load_resources(data_dir).entries)

    # --- the pairwise rule --------------------------------------------------------------------------

    def same_place(self, a: str, b: str) -> bool:
        """True when gazetteer ids ``a`` and ``b`` name one place for linking (equal, nested or adjacent)."""
        if a == b:
            return True
        key = (a, b) if a < b else (b, a)
        hit = self._place_cache.get(key)
        if hit is None:
            hit = self._place_cache[key] = self._nested_or_near(*key)
        return hit

    def _nested_or_near(self, a: str, b: str) -> bool:
        ea, eb = self._entries.get(a), self._entries.get(b)
        if ea is None or eb is None or (ea.country and eb.country and ea.country != eb.country):
            return False
        for outer, inner in ((ea, eb), (eb, ea)):
            if outer.kind in _REGION_KINDS and inner.kind not in _REGION_KINDS:
                return bool(outer.admin1) and outer.admin1 == inner.admin1
        if ea.kind in _REGION_KINDS or eb.kind in _REGION_KINDS:
            return False
        km = _distance_km(ea, eb)
        return km is not None and km <= NEAR_KM

    @staticmethod
    def _dates_agree(a: LinkMention, b: LinkMention) -> bool:
        if a.date is None or b.date is None:
            return False  # an undated mention could be any incident at its place
        coarse = {a.date_precision, b.date_precision} - {"day"}
        if not coarse:
            return a.date == b.date
        if "month" in coarse:
            return (a.date.year, a.date.month) == (b.date.year, b.date.month)
        return _week(a.date) == _week(b.date)

    @staticmethod
    def _weapons_agree(a: LinkMention, b: LinkMention) -> bool:
        if not a.weapons or not b.weapons or a.weapons & b.weapons:
            return True
        families = _WEAPON_FAMILY.get(a.type)
        if families is None:
            return True
        fa = {families.get(w, w) for w in a.weapons}
        fb = {families.get(w, w) for w in b.weapons}
        return bool(fa & fb)

    @staticmethod
    def is_weak(m: LinkMention) -> bool:
        """A mention without a place: it may join one incident but never bridge two."""
        return m.location_id is None

    def compatible(self, a: LinkMention, b: LinkMention) -> bool:
        """Can ``a`` and ``b`` (from different documents) describe the same incident?"""
        if a.doc_id == b.doc_id or a.type != b.type:
            return False
        if a.country and b.country and a.country != b.country:
            return False
        if a.location_id and b.location_id:
            if not self.same_place(a.location_id, b.location_id):
                return False
        else:
            if self.is_weak(a) and self.is_weak(b):
                return False  # two placeless mentions are no evidence of one incident
            weak, other = (a, b) if a.location_id is None else (b, a)
            if weak.country is None or weak.country != other.country:
                return False
        if not self._dates_agree(a, b) and not self.next_night(a, b):
            return False
        if a.type == "strike" and a.actor and b.actor and a.actor != b.actor:
            return False
        return self._weapons_agree(a, b)

    def placeless_same(self, a: LinkMention, b: LinkMention) -> bool:
        """Two placeless strikes of different documents by one named striker in one country on one day."""
        return (a.doc_id != b.doc_id and a.type == b.type == "strike" and self.is_weak(a) and self.is_weak(b)
                and a.actor is not None and a.actor == b.actor and a.country is not None and a.country == b.country
                and a.date is not None and a.date == b.date and a.date_precision == b.date_precision == "day")

    def _places_fit(self, a: set[str | None], b: set[str | None]) -> bool:
        """Every place of one incident agrees with every place of the other (no chaining of two bases
        through the governorate they share)."""
        return all(x is None or y is None or self.same_place(x, y) for x in a for y in b)

    @staticmethod
    def next_night(a: LinkMention, b: LinkMention) -> bool:
        """Two strikes by one named striker on one gazetteer place, dated a day apart: a night's strikes that
        one side dates by the evening and the other by the dawn ("فجر اليوم السبت")."""
        return (a.type == b.type == "strike" and a.date_precision == b.date_precision == "day"
                and a.date is not None and b.date is not None and abs((a.date - b.date).days) == 1
                and a.location_id is not None and a.location_id == b.location_id
                and a.actor is not None and a.actor == b.actor)

    @staticmethod
    def _strength(a: LinkMention, b: LinkMention) -> int:
        """How strongly two compatible mentions agree: the same place id counts more than nested places; a
        pair a day apart (``next_night``) counts least, so that same-day reports link first."""
        if a.date != b.date and a.date_precision == b.date_precision == "day":
            return 1
        return 2 * (1 + 2 * (a.location_id is not None and a.location_id == b.location_id) + bool(a.weapons & b.weapons))

    def blocking_keys(self, m: LinkMention) -> list[str]:
        """Keys such that every compatible pair shares at least one (store them to find candidates).

        A block is one type in one country and one month, and, for a placed mention, one governorate: its
        size follows the news of a month, not the size of the corpus.  An undated mention has none.
        """
        if m.date is None:
            return []
        country = m.country or "-"
        month = f"{m.date.year:04d}-{m.date.month:02d}"
        keys = [f"{m.type}|{country}|*|{month}"]
        if m.location_id is not None:
            entry = self._entries.get(m.location_id)
            region = entry.admin1 if entry is not None and entry.admin1 else m.location_id
            keys.insert(0, f"{m.type}|{country}|{region}|{month}")
            if m.type == "strike" and m.date_precision == "day":
                # a strike on the 1st may be the previous month's last night (``next_night``)
                day_before = m.date - dt.timedelta(days=1)
                if day_before.month != m.date.month:
                    keys.insert(1, f"{m.type}|{country}|{region}|{day_before.year:04d}-{day_before.month:02d}")
        return keys

    # --- decisions ------------------------------------------------------------------------------------

    def decide(self, m: LinkMention, candidates: Mapping[str, Sequence[LinkMention]]) -> LinkDecision:
        """Join, start or merge incidents for new mention ``m`` given candidate incidents and their mentions.

        A strong mention (place and date) joins every compatible incident, merging them into the one with
        the smallest id unless that would put two mentions of one document in one incident; a weak mention
        joins only when exactly one incident fits.
        """
        fits: list[tuple[str, int]] = []
        for inc_id, members in candidates.items():
            if any(x.doc_id == m.doc_id for x in members):
                continue
            if not self._places_fit({m.location_id}, {x.location_id for x in members}):
                continue
            score = sum(self._strength(m, x) for x in members if self.compatible(m, x))
            if score:
                fits.append((inc_id, score))
        if not fits and self.is_weak(m):
            # placeless strikes of one striker, country and day (module docstring), when no placed incident fits
            same = [inc_id for inc_id, members in candidates.items()
                    if members and all(self.placeless_same(m, x) for x in members)]
            if len(same) == 1:
                return LinkDecision(incident_id=same[0])
        if not fits:
            return LinkDecision(incident_id=incident_id_for([m.key]), new=True)
        if len(fits) == 1:
            return LinkDecision(incident_id=fits[0][0])
        if self.is_weak(m):
            return LinkDecision(incident_id=incident_id_for([m.key]), new=True)
        ids = sorted(i for i, _ in fits)
        docs: set[str] = set()
        places: set[str | None] = {m.location_id}
        mergeable = True
        for inc_id in ids:
            inc_docs = {x.doc_id for x in candidates[inc_id]}
            inc_places = {x.location_id for x in candidates[inc_id]}
            if docs & inc_docs or not self._places_fit(places, inc_places):
                mergeable = False
                break
            docs |= inc_docs
            places |= inc_places
        if mergeable:
            return LinkDecision(incident_id=ids[0], merged=ids[1:])
        best = min(fits, key=lambda f: (-f[1], f[0]))  # the strongest fit; ties: the smallest id
        return LinkDecision(incident_id=best[0])

    def cluster(self, mentions: Sequence[LinkMention]) -> dict[str, str]:
        """Batch linking: mention key -> incident id, independent of the order of ``mentions``.

        Placed mentions are joined along their compatible pairs, strongest agreement first (Kruskal-style,
        with the constraint that an incident never holds two mentions of one document); then each placeless
        mention joins the one incident it fits, if exactly one fits; placeless strikes left over are grouped
        by striker, country and day (``placeless_same``).
        """
        strong = sorted((m for m in mentions if not self.is_weak(m)), key=lambda x: x.key)
        weak = sorted((m for m in mentions if self.is_weak(m)), key=lambda x: x.key)
        parent = {m.key: m.key for m in mentions}
        docs = {m.key: {m.doc_id} for m in mentions}
        places = {m.key: {m.location_id} for m in strong}

        def find(k: str) -> str:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        blocks: dict[str, list[LinkMention]] = {}
        for m in strong:
            for k in self.blocking_keys(m)[:-1]:  # placed mentions: the governorate blocks hold every pair
                blocks.setdefault(k, []).append(m)
        edges: list[tuple[int, str, str]] = []
        for block in blocks.values():
            for i, a in enumerate(block):
                for b in block[i + 1:]:
                    if self.compatible(a, b):
                        edges.append((-self._strength(a, b), min(a.key, b.key), max(a.key, b.key)))
        for _, ka, kb in sorted(edges):
            ra, rb = find(ka), find(kb)
            if ra != rb and not docs[ra] & docs[rb] and self._places_fit(places[ra], places[rb]):
                parent[rb] = ra
                docs[ra] |= docs.pop(rb)
                places[ra] |= places.pop(rb)
        members: dict[str, list[LinkMention]] = {}
        for m in strong:
            members.setdefault(find(m.key), []).append(m)
        by_block: dict[str, set[str]] = {}
        for root, xs in members.items():
            for x in xs:
                for k in self.blocking_keys(x):
                    by_block.setdefault(k, set()).add(root)
        joins: list[tuple[str, LinkMention]] = []
        for m in weak:
            cands = sorted({r for k in self.blocking_keys(m) for r in by_block.get(k, ())})
            fits = [r for r in cands if m.doc_id not in docs[r] and any(self.compatible(m, x) for x in members[r])
                    and self._places_fit({m.location_id}, places[r])]
            if len(fits) == 1:
                joins.append((fits[0], m))
        joined = set()
        for root, m in joins:  # decided against the placed incidents only, so the order does not matter
            if m.doc_id not in docs[root]:
                members[root].append(m)
                docs[root].add(m.doc_id)
                parent[m.key] = root
                joined.add(m.key)
        # placeless strikes that joined nothing: one incident per striker, country and day
        groups: dict[tuple[str | None, str | None, dt.date | None], list[LinkMention]] = {}
        for m in weak:
            if m.key not in joined and m.type == "strike" and m.actor and m.country and m.date_precision == "day":
                groups.setdefault((m.actor, m.country, m.date), []).append(m)
        for group in groups.values():
            if len(group) > 1 and len({x.doc_id for x in group}) == len(group):
                members[group[0].key] = group
                for x in group:
                    parent[x.key] = group[0].key
        out: dict[str, str] = {}
        for m in mentions:
            if find(m.key) not in members:
                out[m.key] = incident_id_for([m.key])
        for xs in members.values():
            inc = incident_id_for(x.key for x in xs)
            for x in xs:
                out[x.key] = inc
        return out


def link_run(linker: Linker, docs: Sequence[tuple[str, str | None, Sequence[Event]]]) -> list[list[str]]:
    """Incident ids for the events of one run: ``docs`` is (doc id, outlet, events) per document; the
    result has, per document, one id per event, in order (what ``marsad extract`` writes as ``event_id``)."""
    per_doc = [[mention_from_event(doc_id, i, e, outlet=outlet) for i, e in enumerate(events)]
               for doc_id, outlet, events in docs]
    ids = linker.cluster([m for ms in per_doc for m in ms])
    return [[ids[m.key] for m in ms] for ms in per_doc]
