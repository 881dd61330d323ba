"""Consensus over the per-source accounts of one incident (pure: no database).

The rule (docs/store.md, "Consensus"):

1. Accounts are grouped into *independent sources*: a syndicated copy and its original (``copy_group``
   names the original) count once, and so do several articles of one outlet.
2. Within a source, each field takes the value of its best account that states the field: the highest
   status (confirmed > claimed > reported > denied), then the latest publication (a later article of the
   same outlet corrects an earlier one).
3. Each source then votes once per field; null (not stated) does not vote.  The value with most votes wins;
   a tie is broken by the best status among the sources stating the value, then by the earliest first
   publication among them, then by the value's text (so the result never depends on arrival order).
   Denied accounts vote only when every account of the incident is a denial.
4. Weapons: a weapon is in the consensus when at least half of the sources that name any weapon name it.
5. Fatalities and injured, as UCDP: low = the smallest figure a source gives, high = the largest,
   best = the median of the sources' figures (the lower middle one for an even number).
6. The incident's status is the highest status of any account; ``statuses`` lists all of them.
7. Time precision is the date precision of the winning date's best account; location precision follows
   the winning place's gazetteer kind (site / town / district / governorate), ``country`` when only the
   country is known.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

STATUS_RANK: dict[str, int] = {"confirmed": 0, "claimed": 1, "reported": 2, "denied": 3}
SITE_KINDS = frozenset({"base", "airbase", "outpost", "embassy", "oil-field", "gas-field", "airport"})
TOWN_KINDS = frozenset({"city", "town", "village"})
DISTRICT_KINDS = frozenset({"district", "sea"})
GOVERNORATE_KINDS = frozenset({"governorate", "region"})


def geo_precision(location_kind: str | None, location_id: str | None, country: str | None) -> str | None:
    """site | town | district | governorate | country | None, from the gazetteer kind of the place."""
    if location_id is None:
        return "country" if country else None
    if location_kind in SITE_KINDS:
        return "site"
    if location_kind in TOWN_KINDS:
        return "town"
    if location_kind in DISTRICT_KINDS:
        return "district"
    if location_kind in GOVERNORATE_KINDS:
        return "governorate"
    return "town"


@dataclass(slots=True)
class AccountValues:
    """The values of one account (one mention) that the consensus reads."""

    doc_id: str
    outlet: str | None
    copy_group: str | None
    published: dt.date | None
    status: str
    type: str
    date: dt.date | None
    date_precision: str | None
    location_id: str | None
    location_name: str | None = None
    location_name_ar: str | None = None
    location_kind: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    weapons: Sequence[str] = ()
    count: int | None = None
    actor: str | None = None
    actor_basis: str | None = None
    target: str | None = None
    killed: int | None = None
    injured: int | None = None
    intercepted: bool | None = None


@dataclass(slots=True)
class Consensus:
    type: str
    date: dt.date | None
    time_precision: str | None
    location_id: str | None
    location_name: str | None
    location_name_ar: str | None
    location_kind: str | None
    geo_precision: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    weapons: list[str]
    count: int | None
    actor: str | None
    actor_basis: str | None
    target: str | None
    status: str | None
    statuses: list[str]
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    injured_low: int | None
    injured_best: int | None
    injured_high: int | None
    intercepted: bool | None
    n_sources: int
    n_documents: int
    n_mentions: int
    first_seen: dt.date | None
    last_seen: dt.date | None
    #: field -> {value text: votes} for the fields on which sources disagree
    disagreements: dict[str, dict[str, int]] = field(default_factory=dict)


def group_sources(accounts: Sequence[AccountValues]) -> dict[str, list[AccountValues]]:
    """Accounts grouped into independent sources: two accounts are one source when they share an outlet,
    or one document is a copy of the other (or both copy the same original)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    keys = []
    for a in accounts:
        own = f"doc:{a.copy_group or a.doc_id}"
        find(own)
        if a.outlet:
            parent[find(f"outlet:{a.outlet}")] = find(own)
        keys.append(own)
    groups: dict[str, list[AccountValues]] = defaultdict(list)
    for a, own in zip(accounts, keys, strict=True):
        groups[find(own)].append(a)
    return dict(groups)


def _rank(a: AccountValues) -> tuple[int, int]:
    # best first: highest status, then latest publication
    pub = a.published.toordinal() if a.published else 0
    return (STATUS_RANK.get(a.status, 9), -pub)


def _vote(sources: dict[str, list[AccountValues]], get: Callable[[AccountValues], Any],
          ) -> tuple[Any, AccountValues | None, dict[str, int]]:
    """Winning value, the best account stating it, and the vote table (value text -> votes)."""
    votes: dict[Hashable, list[AccountValues]] = {}
    for accounts in sources.values():
        if len(accounts) == 1:  # the common case, without the ranking
            best = accounts[0]
        else:
            stating = [a for a in accounts if get(a) is not None]
            if not stating:
                continue
            best = min(stating, key=_rank)
        value = get(best)
        if value is not None:
            votes.setdefault(value, []).append(best)
    if not votes:
        return None, None, {}
    if len(votes) == 1:  # no contest
        [(value, backers)] = votes.items()
        return value, backers[0] if len(backers) == 1 else min(backers, key=_rank), {str(value): len(backers)}

    def order(item: tuple[Hashable, list[AccountValues]]) -> tuple[int, int, int, str]:
        value, backers = item
        status = min(STATUS_RANK.get(b.status, 9) for b in backers)
        first = min((b.published.toordinal() if b.published else 10**7) for b in backers)
        return (-len(backers), status, first, str(value))

    value, backers = min(votes.items(), key=order)
    return value, min(backers, key=_rank), {str(v): len(b) for v, b in votes.items()}


def _spread(values: list[int]) -> tuple[int | None, int | None, int | None]:
    if not values:
        return None, None, None
    s = sorted(values)
    return s[0], s[(len(s) - 1) // 2], s[-1]


def consensus(accounts: Sequence[AccountValues]) -> Consensus:
    """The consensus of an incident's accounts (at least one) under the rule of the module docstring."""
    if not accounts:
        raise ValueError("an incident has at least one account")
    voting = [a for a in accounts if a.status != "denied"] or list(accounts)
    sources = group_sources(voting)
    disagreements: dict[str, dict[str, int]] = {}

    def vote(name: str, get: Callable[[AccountValues], Any]) -> tuple[Any, AccountValues | None]:
        value, best, table = _vote(sources, get)
        if len(table) > 1:
            disagreements[name] = table
        return value, best

    typ, _ = vote("type", lambda a: a.type)
    date, date_acc = vote("date", lambda a: a.date)
    loc, loc_acc = vote("location", lambda a: a.location_id)
    country, _ = vote("country", lambda a: a.country)
    count, _ = vote("count", lambda a: a.count)
    actor, actor_acc = vote("actor", lambda a: a.actor)
    target, _ = vote("target", lambda a: a.target)
    intercepted, _ = vote("intercepted", lambda a: a.intercepted)
    for name, get in (("killed", lambda a: a.killed), ("injured", lambda a: a.injured)):
        _vote_table = _vote(sources, get)[2]
        if len(_vote_table) > 1:
            disagreements[name] = _vote_table

    # weapons: per source, the best account naming any weapon; keep weapons named by >= half of them
    weapon_sets: list[frozenset[str]] = []
    for accs in sources.values():
        naming = [a for a in accs if a.weapons]
        if naming:
            weapon_sets.append(frozenset(min(naming, key=_rank).weapons))
    tally: dict[str, int] = defaultdict(int)
    for ws in weapon_sets:
        for w in ws:
            tally[w] += 1
    weapons = sorted(w for w, n in tally.items() if 2 * n >= len(weapon_sets))
    if len({ws for ws in weapon_sets}) > 1:
        disagreements["weapons"] = {",".join(sorted(ws)): sum(1 for x in weapon_sets if x == ws)
                                    for ws in set(weapon_sets)}

    def per_source(get: Callable[[AccountValues], int | None]) -> list[int]:
        out = []
        for accs in sources.values():
            stating = [a for a in accs if get(a) is not None]
            if stating:
                value = get(min(stating, key=_rank))
                assert value is not None
                out.append(value)
        return out

    k_low, k_best, k_high = _spread(per_source(lambda a: a.killed))
    i_low, i_best, i_high = _spread(per_source(lambda a: a.injured))
    statuses = sorted({a.status for a in accounts}, key=lambda s: STATUS_RANK.get(s, 9))
    published = [a.published for a in accounts if a.published]
    place = loc_acc
    country_val = country if place is None else place.country or country
    return Consensus(
        type=typ or accounts[0].type,
        date=date,
        time_precision=(date_acc.date_precision or "day") if date_acc else None,
        location_id=loc,
        location_name=place.location_name if place else None,
        location_name_ar=place.location_name_ar if place else None,
        location_kind=place.location_kind if place else None,
        geo_precision=geo_precision(place.location_kind if place else None, loc, country_val),
        country=country_val,
        admin1=place.admin1 if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        weapons=weapons,
        count=count,
        actor=actor,
        actor_basis=actor_acc.actor_basis if actor_acc else None,
        target=target,
        status=statuses[0] if statuses else None,
        statuses=statuses,
        fatalities_low=k_low,
        fatalities_best=k_best,
        fatalities_high=k_high,
        injured_low=i_low,
        injured_best=i_best,
        injured_high=i_high,
        intercepted=intercepted,
        n_sources=len(group_sources(accounts)),
        n_documents=len({a.doc_id for a in accounts}),
        n_mentions=len(accounts),
        first_seen=min(published) if published else None,
        last_seen=max(published) if published else None,
        disagreements=disagreements,
    )
