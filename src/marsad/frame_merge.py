"""Frames into records: one record per (type, location, date), a city or governorate record folded into a
base of the same governorate, and the conversion to :class:`marsad.model.Event` with evidence spans.
"""

from __future__ import annotations

import hashlib

from marsad.frame_base import AREA_KINDS, HOST_PLACES, STATUS_RANK, Frame
from marsad.lexicon import Resources
from marsad.model import Document, Event, Evidence, Location


def _key(f: Frame) -> tuple[str, str | None, str | None]:
    return f.type, f.loc.entry_id if f.loc else None, None if f.loc else f.country


def _absorb(into: Frame, other: Frame) -> None:
    into.background = into.background and other.background
    if STATUS_RANK[other.status] > STATUS_RANK[into.status]:
        into.status = other.status
        into.evidence["status"] = list(other.evidence.get("status", []))
    for name in ("count", "actor", "actor_basis", "target", "killed", "injured", "intercepted"):
        mine, theirs = getattr(into, name), getattr(other, name)
        if name in ("killed", "injured") and mine == 0 and theirs:
            into.evidence.pop(name, None)
            mine = None
        if mine is None and theirs is not None:
            setattr(into, name, getattr(other, name))
            for span in other.evidence.get(name, []):
                into.cite(name, *span)
    if into.date is None and other.date is not None:
        into.date, into.date_strategy = other.date, other.date_strategy
        for span in other.evidence.get("date", []):
            into.cite("date", *span)
    for w in other.weapons:
        if w not in into.weapons:
            into.weapons.append(w)
            for span in other.evidence.get("weapons", []):
                into.cite("weapons", *span)
    for span in other.evidence.get("type", []):
        into.cite("type", *span)


def _same_arms(f: Frame, g: Frame) -> bool:
    """Two attack frames may be one attack: a munition in common, or one names none ("عبوة ناسفة انفجرت على
    رتل" is not the rockets on the base told before)."""
    return f.type != "attack" or not f.weapons or not g.weapons or bool(set(f.weapons) & set(g.weapons))


def merge(frames: list[Frame]) -> list[Frame]:
    """One record per (type, location, date); undated mentions join a dated record of the same place."""
    out: list[Frame] = []
    for f in frames:
        target = None
        for g in out:
            if _key(g) != _key(f):
                continue
            if g.date == f.date or f.date is None or g.date is None:
                target = g
                break
        if target is None and f.loc is None and not f.separate:
            # an unnamed place told again right after a named one of the same type and country
            for g in reversed(out):
                if g.type == f.type and g.country == f.country and 0 <= f.sentence - g.sentence <= 2 \
                        and (f.date is None or g.date is None or f.date == g.date) and _same_arms(f, g):
                    target = g
                    break
        if target is None:
            out.append(f)
            continue
        if target.date is None and f.date is not None:
            target.date, target.date_strategy = f.date, f.date_strategy
            target.evidence["date"] = list(f.evidence.get("date", []))
        _absorb(target, f)
    # a day that is only the statement's gives way to the event's own day told elsewhere in the text
    for f in [f for f in out if f.date_strategy == "statement"]:
        other = [g for g in out if g is not f and _key(g) == _key(f) and g.date_strategy != "statement"
                 and g.date is not None]
        if other:
            _absorb(other[0], f)
            out.remove(f)
    # "أعلنت القيادة المركزية أنها نفذت ضربة في العراق" dated only by its statement, the day of or after a
    # strike by the same forces placed in that country: the statement of that strike, not one more
    for f in [f for f in out if f.loc is None and f.date_strategy == "statement" and f.type == "strike"
              and not f.separate and f.date is not None]:
        named = [g for g in out if g.loc is not None and g.type == f.type and g.country == f.country
                 and g.actor == f.actor and g.date is not None and 0 <= (f.date - g.date).days <= 1]
        if len(named) == 1:
            if named[0].weapons:
                f.weapons = []  # the statement's default "aircraft" does not add to "طائرة مسيرة"
            _absorb(named[0], f)
            out.remove(f)
    # a strike or reinforcement told at country level ("ضربات أمريكية في سوريا") on the day the text names
    # its places is those events, not another one: it completes the first of them
    # (an attack only when one placed attack of that day and country is told, with a munition in common:
    # "تعرضت القوات الأمريكية في شرق سوريا لهجوم بعدة صواريخ يوم الخميس" and "صواريخ أطلقت باتجاه موقع الدعم
    # في حقل العمر"; not "عبوة ناسفة انفجرت على رتل" beside rockets on a base)
    # (not a placed one told after it as another: "وفي محافظة بابل، انفجرت عبوة ثانية على رتل مماثل")
    for f in [f for f in out if f.loc is None and not f.separate]:
        named = [g for g in out if g.loc is not None and g.type == f.type and g.country == f.country
                 and f.date is not None and g.date == f.date and not (g.separate and g.sentence > f.sentence)]
        if named and len(named) > 1 and f.type == "attack" and (f.several or any(_same_arms(f, g) for g in named)):
            # "في هجمات صاروخية استهدفت موقعين", "أطلقت إيران صواريخ على قاعدتين": the placed attacks of that
            # day, told at once
            out.remove(f)
            continue
        if named and (f.type != "attack" or (len(named) == 1 and _same_arms(f, named[0]))):
            _absorb(named[0], f)
            out.remove(f)
    return out


def fold_areas(frames: list[Frame], res: Resources) -> list[Frame]:
    """One event told at two precisions of place ("قاعدة حرير" in one sentence, "أربيل" in the next): a
    record at a city or governorate joins a record of the same type and day (or an undated one) at a base
    in the same governorate."""
    out = list(frames)
    for f in frames:
        if f.loc is None or f.loc.category != "place":
            continue
        area = res.entries[f.loc.entry_id]
        if (area.kind not in AREA_KINDS and area.id not in HOST_PLACES) or area.admin1 is None:
            continue
        for g in out:
            if g is f or g.type != f.type or g.loc is None:
                continue
            if g.loc.category != "site":
                # "غارات طائرات أمريكية على بابل" and "الغارات طالت مقار في جرف النصر" on one day: the governorate's
                # strike is the town's
                town = res.entries[g.loc.entry_id]
                if f.type == "strike" and not f.separate and area.kind == "governorate" and town.kind in ("city", "town") \
                        and town.admin1 == area.admin1 and town.country == area.country and f.date == g.date:
                    _absorb(g, f)
                    out.remove(f)
                    break
                continue
            site = res.entries[g.loc.entry_id]
            if site.admin1 == area.admin1 and site.country == area.country \
                    and (f.date is None or g.date is None or f.date == g.date):
                _absorb(g, f)
                out.remove(f)
                break
    return out


def fold_hosts(frames: list[Frame], hosted: set[tuple[str, str]]) -> list[Frame]:
    """"قاعدة فكتوريا التي يتواجد فيها التحالف في مطار بغداد الدولي": a record at a place that the text
    names as a site's host ((site, place) in ``hosted``) joins the site's record of the same type and day."""
    out = list(frames)
    for f in frames:
        if f.loc is None or f.loc.category != "place":
            continue
        for g in out:
            if g is not f and g.type == f.type and g.loc is not None and (g.loc.entry_id, f.loc.entry_id) in hosted \
                    and (f.date is None or g.date is None or f.date == g.date):
                _absorb(g, f)
                out.remove(f)
                break
    return out


def event_id(doc_id: str, f: Frame) -> str:
    place = f.loc.entry_id if f.loc else (f.country or "-")
    basis = f"{f.type}|{place}|{f.date.isoformat()}" if f.date else f"{doc_id}|{f.type}|{place}"
    return "ev-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


def to_event(doc: Document, res: Resources, f: Frame) -> Event:
    loc = None
    if f.loc is not None:
        e = res.entries[f.loc.entry_id]
        loc = Location(id=e.id, name=e.name_en, name_ar=e.name_ar, kind=e.kind, country=e.country,
                       admin1=e.admin1, lat=e.lat, lon=e.lon, is_site=e.category == "site")
    evidence: list[Evidence] = []
    for name, spans in f.evidence.items():
        for s, t in spans:
            evidence.append(doc.evidence(name, s, t))
    evidence.sort(key=lambda e: (e.start, e.field))
    if f.actor is None:
        f.actor_basis = None
    return Event(type=f.type, date=f.date, location=loc, country=f.country, weapons=sorted(f.weapons),
                 count=f.count, actor=f.actor, actor_basis=f.actor_basis, target=f.target, killed=f.killed,
                 injured=f.injured, intercepted=f.intercepted, evidence=evidence, event_id=event_id(doc.id, f),
                 date_strategy=f.date_strategy, sentence=f.sentence, status=f.status)
