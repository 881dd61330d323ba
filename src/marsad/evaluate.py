"""Score system event records against gold records (spec ``events.md``, section "Scoring").

Public API::

    gold = load_records("gold.jsonl")        # doc id -> record dict
    system = load_records("system.jsonl")
    scores = score(gold, system)             # plain JSON-serialisable dict
    print(format_scores(scores))

Definitions (all computed per document, then summed over documents, i.e. micro-averaged):

Compatibility
    A system event and a gold event are *compatible* when their ``type`` is equal, their ``location`` is
    equal (when both locations are null, ``country`` must be equal instead) and their dates agree: the
    dates are equal (two nulls are equal), or the gold date is null (any system date is accepted).

Matching
    One-to-one, in two phases.  Phase 1 uses only *exact* date agreements (equal dates, including
    null/null); phase 2 then pairs the still unmatched gold events whose date is null with the still
    unmatched system events of any date.  Each phase computes a maximum-cardinality bipartite matching,
    deterministically: first a greedy pass over all compatible pairs sorted by (more agreeing fields
    first, gold index, system index), then augmenting paths (Kuhn's algorithm, gold and system events in
    document order) for gold events left unmatched.  The field-agreement tie-break only decides *which*
    of several equally valid pairs are formed (e.g. two identical gold events); it never lowers the
    number of pairs.

Event detection
    tp = matched pairs, fp = unmatched system events, fn = unmatched gold events; precision, recall, F1.
    ``by_type`` splits the same counts by event type (tp/fn by the gold type, fp by the system type).

Dates
    Over matched pairs whose gold date is not null: ``accuracy`` is the share with the same date,
    ``accuracy_pm1`` the share within one day.  (Because date agreement is part of compatibility these
    pairs all come from phase 1, so both values are 1.0 whenever ``n`` > 0; they are reported because the
    spec asks for them.)

Fields
    On matched pairs: ``weapons`` compares sets (order and duplicates ignored; a null list counts as
    empty) over pairs whose gold list is not empty; ``count``, ``actor``, ``actor_basis``, ``killed``,
    ``injured``, ``intercepted``, ``country`` and ``target`` compare values over pairs whose gold value is
    not null.

Location
    Strict location equality is part of compatibility, so it cannot be measured on the strict matching.
    Instead the events are matched again with a *relaxed* compatibility that ignores location (type equal
    and dates agree), with the same two phases and the same algorithm (the tie-break prefers pairs whose
    location agrees).  ``location.accuracy`` is the share of these relaxed pairs whose location ids are
    equal, where two null locations are equal when their countries are equal; ``n`` is the number of
    relaxed pairs.

De-duplication
    Every matched (gold, system) pair is a *mention*.  Over every unordered pair of mentions from
    different documents, gold says "same incident" when both gold ``incident`` strings are equal (and not
    null), the system says "same" when both system ``event_id`` values are equal; a missing or null
    ``event_id`` (or ``incident``) is never equal to anything.  ``pairs_gold``, ``pairs_system`` and
    ``pairs_both`` count the pairs that gold, the system, and both call "same"; precision =
    pairs_both / pairs_system, recall = pairs_both / pairs_gold.

Tallies
    Per document, a system tally matches a gold tally when ``count`` and ``what`` are equal, one-to-one
    (a multiset intersection on (count, what)); precision, recall and F1 from those counts.

Documents
    A gold document missing from the system output counts as all misses (``documents.missing``).  A
    system document with an ``error`` field counts as empty (no events, no tallies) and is counted in
    ``documents.system_errors`` (only documents that are scored, i.e. also in gold).  System documents
    absent from gold are ignored and counted in ``documents.extra_docs``.

Undefined ratios
    A ratio whose denominator is zero is ``None`` (JSON null), never 0 or 1: precision is None when the
    system predicted nothing, recall when gold has nothing, an accuracy when ``n`` is 0.  F1 is
    2·tp / (2·tp + fp + fn), None only when all three counts are 0 (so F1 is 0.0 when gold has items and
    the system none).  All floats are rounded to 4 decimals.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Mapping
from itertools import combinations
from pathlib import Path
from typing import Any

from marsad.errors import InputError

__all__ = ["EVENT_TYPES", "FIELDS", "format_scores", "load_records", "score"]

EVENT_TYPES: tuple[str, ...] = ("attack", "strike", "reinforcement")
#: the scalar fields compared on matched pairs (``weapons`` is handled as a set, listed first)
FIELDS: tuple[str, ...] = (
    "weapons",
    "count",
    "actor",
    "actor_basis",
    "killed",
    "injured",
    "intercepted",
    "country",
    "target",
)
_SCALAR_FIELDS: tuple[str, ...] = FIELDS[1:]

Record = Mapping[str, Any]
Event = Mapping[str, Any]


# --------------------------------------------------------------------------------------------- loading


def _parse_date(value: Any) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _check_record(obj: Any) -> str | None:
    """Return the reason ``obj`` is not a valid gold/output record, or None when it is valid."""
    if not isinstance(obj, dict):
        return f"expected a JSON object, got {type(obj).__name__}"
    doc = obj.get("doc")
    if not isinstance(doc, str) or not doc:
        return "missing or empty 'doc' (document id)"
    for key in ("events", "tallies"):
        if obj.get(key) is not None and not isinstance(obj[key], list):
            return f"'{key}' must be a list"
    for i, ev in enumerate(obj.get("events") or []):
        if not isinstance(ev, dict):
            return f"events[{i}] must be an object"
        if not isinstance(ev.get("type"), str):
            return f"events[{i}]: missing or non-string 'type'"
        date = ev.get("date")
        if date is not None and _parse_date(date) is None:
            return f"events[{i}]: 'date' must be YYYY-MM-DD or null, got {date!r}"
        for key in ("location", "country"):
            if ev.get(key) is not None and not isinstance(ev[key], str):
                return f"events[{i}]: '{key}' must be a string or null"
        weapons = ev.get("weapons")
        if weapons is not None and (
            not isinstance(weapons, list) or not all(isinstance(w, str) for w in weapons)
        ):
            return f"events[{i}]: 'weapons' must be a list of strings"
    for i, tally in enumerate(obj.get("tallies") or []):
        if not isinstance(tally, dict):
            return f"tallies[{i}] must be an object"
    return None


def load_records(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read a gold/output JSONL file into ``{doc id: record}``.

    Blank lines are skipped.  Raises :class:`InputError` naming ``path`` (and ``path:line`` for a bad
    line) when the file cannot be read, a line is not valid JSON or not a valid record, or a document id
    occurs twice.
    """
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.readlines()
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text: {exc.reason}") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc

    records: dict[str, dict[str, Any]] = {}
    first_line: dict[str, int] = {}
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from exc
        reason = _check_record(obj)
        if reason is not None:
            raise InputError(f"{path}:{lineno}: {reason}")
        doc = obj["doc"]
        if doc in records:
            raise InputError(f"{path}:{lineno}: duplicate document {doc!r} (first on line {first_line[doc]})")
        records[doc] = obj
        first_line[doc] = lineno
    return records


# -------------------------------------------------------------------------------------------- matching


def _same_place(g: Event, s: Event) -> bool:
    """Location ids equal; when both are null, countries equal."""
    gl, sl = g.get("location"), s.get("location")
    if gl is None and sl is None:
        return g.get("country") == s.get("country")
    return gl == sl


def _weapon_set(ev: Event) -> frozenset[str]:
    return frozenset(ev.get("weapons") or ())


def _agreement(g: Event, s: Event) -> int:
    """Number of fields on which a pair agrees (tie-break only)."""
    n = int(_weapon_set(g) == _weapon_set(s))
    return n + sum(g.get(f) == s.get(f) for f in _SCALAR_FIELDS)


def _max_matching(
    n_gold: int,
    n_sys: int,
    edge: Callable[[int, int], bool],
    preference: Callable[[int, int], tuple[int, ...]],
    gold_free: set[int],
    sys_free: set[int],
) -> dict[int, int]:
    """Deterministic maximum bipartite matching among the free gold/system indices.

    Greedy over candidate pairs sorted by (``preference`` descending, gold index, system index), then
    Kuhn augmenting paths for the gold indices left unmatched.  Returns ``{gold index: system index}``.
    """
    adj: dict[int, list[int]] = {
        gi: [si for si in range(n_sys) if si in sys_free and edge(gi, si)]
        for gi in range(n_gold)
        if gi in gold_free
    }
    ranked = sorted(
        ((gi, si) for gi, sis in adj.items() for si in sis),
        key=lambda p: (tuple(-x for x in preference(*p)), p[0], p[1]),
    )
    g2s: dict[int, int] = {}
    s2g: dict[int, int] = {}
    for gi, si in ranked:
        if gi not in g2s and si not in s2g:
            g2s[gi], s2g[si] = si, gi

    def augment(gi: int, seen: set[int]) -> bool:
        for si in adj[gi]:
            if si in seen:
                continue
            seen.add(si)
            if si not in s2g or augment(s2g[si], seen):
                g2s[gi], s2g[si] = si, gi
                return True
        return False

    for gi in sorted(adj):
        if gi not in g2s:
            augment(gi, set())
    return g2s


def _match(gold: list[Event], system: list[Event], *, relaxed: bool = False) -> list[tuple[int, int]]:
    """One-to-one matching of a document's events; ``relaxed`` ignores location (see module doc).

    Returns the (gold index, system index) pairs sorted by gold index.
    """

    def base(gi: int, si: int) -> bool:
        g, s = gold[gi], system[si]
        return g.get("type") == s.get("type") and (relaxed or _same_place(g, s))

    def exact(gi: int, si: int) -> bool:
        return base(gi, si) and gold[gi].get("date") == system[si].get("date")

    def gold_null(gi: int, si: int) -> bool:
        return base(gi, si) and gold[gi].get("date") is None

    def preference(gi: int, si: int) -> tuple[int, ...]:
        g, s = gold[gi], system[si]
        return (int(_same_place(g, s)), _agreement(g, s)) if relaxed else (_agreement(g, s),)

    gold_free, sys_free = set(range(len(gold))), set(range(len(system)))
    pairs: dict[int, int] = {}
    for edge in (exact, gold_null):
        found = _max_matching(len(gold), len(system), edge, preference, gold_free, sys_free)
        pairs.update(found)
        gold_free -= found.keys()
        sys_free -= set(found.values())
    return sorted(pairs.items())


# ------------------------------------------------------------------------------------------- arithmetic


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    return {
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "f1": _ratio(2 * tp, 2 * tp + fp + fn),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def _events(record: Record | None) -> list[Event]:
    if record is None or record.get("error") is not None:
        return []
    return list(record.get("events") or [])


def _tallies(record: Record | None) -> list[Mapping[str, Any]]:
    if record is None or record.get("error") is not None:
        return []
    return list(record.get("tallies") or [])


# ---------------------------------------------------------------------------------------------- scoring


def score(gold: Mapping[str, Record], system: Mapping[str, Record]) -> dict[str, Any]:
    """Score ``system`` records against ``gold`` records (both ``{doc id: record}``); see module doc."""
    documents = {
        "gold": len(gold),
        "system": sum(1 for d in system if d in gold),
        "missing": sum(1 for d in gold if d not in system),
        "system_errors": sum(1 for d, r in system.items() if d in gold and r.get("error") is not None),
        "extra_docs": sum(1 for d in system if d not in gold),
    }

    types = list(EVENT_TYPES)
    type_counts: dict[str, Counter[str]] = {}
    ev_tp = ev_fp = ev_fn = 0
    date_n = date_ok = date_pm1 = 0
    field_n: Counter[str] = Counter()
    field_ok: Counter[str] = Counter()
    loc_n = loc_ok = 0
    tal_tp = tal_fp = tal_fn = 0
    mentions: list[tuple[str, Any, Any]] = []  # (doc, gold incident, system event_id)

    for doc in sorted(gold):
        g_events, s_events = _events(gold[doc]), _events(system.get(doc))

        # event detection
        pairs = _match(g_events, s_events)
        matched_g = {gi for gi, _ in pairs}
        matched_s = {si for _, si in pairs}
        for kind, evs, idx in (
            ("tp", g_events, matched_g),
            ("fn", g_events, set(range(len(g_events))) - matched_g),
            ("fp", s_events, set(range(len(s_events))) - matched_s),
        ):
            for i in idx:
                t = str(evs[i].get("type"))
                if t not in types:
                    types.append(t)
                type_counts.setdefault(t, Counter())[kind] += 1
        ev_tp += len(pairs)
        ev_fn += len(g_events) - len(pairs)
        ev_fp += len(s_events) - len(pairs)

        for gi, si in pairs:
            g, s = g_events[gi], s_events[si]
            # dates
            gd = g.get("date")
            if gd is not None:
                date_n += 1
                sd = s.get("date")
                date_ok += gd == sd
                g_day, s_day = _parse_date(gd), _parse_date(sd)
                date_pm1 += gd == sd or (
                    g_day is not None and s_day is not None and abs((g_day - s_day).days) <= 1
                )
            # fields
            if _weapon_set(g):
                field_n["weapons"] += 1
                field_ok["weapons"] += _weapon_set(g) == _weapon_set(s)
            for f in _SCALAR_FIELDS:
                if g.get(f) is not None:
                    field_n[f] += 1
                    field_ok[f] += g.get(f) == s.get(f)
            mentions.append((doc, g.get("incident"), s.get("event_id")))

        # location, on the relaxed matching
        for gi, si in _match(g_events, s_events, relaxed=True):
            loc_n += 1
            loc_ok += _same_place(g_events[gi], s_events[si])

        # tallies
        g_tal = Counter((t.get("count"), t.get("what")) for t in _tallies(gold[doc]))
        s_tal = Counter((t.get("count"), t.get("what")) for t in _tallies(system.get(doc)))
        common = sum((g_tal & s_tal).values())
        tal_tp += common
        tal_fn += sum(g_tal.values()) - common
        tal_fp += sum(s_tal.values()) - common

    # de-duplication over pairs of mentions in different documents
    pairs_gold = pairs_system = pairs_both = 0
    for (d1, inc1, eid1), (d2, inc2, eid2) in combinations(mentions, 2):
        if d1 == d2:
            continue
        g_same = inc1 is not None and inc1 == inc2
        s_same = eid1 is not None and eid1 == eid2
        pairs_gold += g_same
        pairs_system += s_same
        pairs_both += g_same and s_same

    events = _prf(ev_tp, ev_fp, ev_fn)
    by_type = {t: type_counts.get(t, Counter()) for t in types}
    events["by_type"] = {t: _prf(c["tp"], c["fp"], c["fn"]) for t, c in by_type.items()}
    return {
        "documents": documents,
        "events": events,
        "dates": {"accuracy": _ratio(date_ok, date_n), "accuracy_pm1": _ratio(date_pm1, date_n), "n": date_n},
        "fields": {f: {"accuracy": _ratio(field_ok[f], field_n[f]), "n": field_n[f]} for f in FIELDS},
        "location": {"accuracy": _ratio(loc_ok, loc_n), "n": loc_n},
        "dedup": {
            "precision": _ratio(pairs_both, pairs_system),
            "recall": _ratio(pairs_both, pairs_gold),
            "f1": _ratio(2 * pairs_both, pairs_gold + pairs_system),
            "pairs_gold": pairs_gold,
            "pairs_system": pairs_system,
            "pairs_both": pairs_both,
        },
        "tallies": _prf(tal_tp, tal_fp, tal_fn),
    }


# ------------------------------------------------------------------------------------------- formatting


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def format_scores(scores: Mapping[str, Any]) -> str:
    """Render a :func:`score` result as a plain-text table ("-" marks an undefined value)."""
    docs = scores["documents"]
    lines = [
        f"documents: gold {docs['gold']}, system {docs['system']}, missing {docs['missing']}, "
        f"system errors {docs['system_errors']}, extra (ignored) {docs['extra_docs']}",
        "",
        f"{'':<22}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}",
    ]

    def prf_row(name: str, d: Mapping[str, Any]) -> str:
        return (
            f"{name:<22}{_fmt(d['precision']):>8}{_fmt(d['recall']):>8}{_fmt(d['f1']):>8}"
            f"{d['tp']:>6}{d['fp']:>6}{d['fn']:>6}"
        )

    ev = scores["events"]
    lines.append(prf_row("events", ev))
    lines.extend(prf_row(f"  {t}", d) for t, d in ev["by_type"].items())
    lines.append(prf_row("tallies", scores["tallies"]))
    dd = scores["dedup"]
    lines.append(
        f"{'dedup (pairs)':<22}{_fmt(dd['precision']):>8}{_fmt(dd['recall']):>8}{_fmt(dd['f1']):>8}"
        f"   gold {dd['pairs_gold']}, system {dd['pairs_system']}, both {dd['pairs_both']}"
    )
    lines += ["", f"{'':<22}{'accuracy':>9}{'n':>6}"]
    dates = scores["dates"]
    lines.append(f"{'date':<22}{_fmt(dates['accuracy']):>9}{dates['n']:>6}")
    lines.append(f"{'date ±1 day':<22}{_fmt(dates['accuracy_pm1']):>9}{dates['n']:>6}")
    loc = scores["location"]
    lines.append(f"{'location (relaxed)':<22}{_fmt(loc['accuracy']):>9}{loc['n']:>6}")
    for name, d in scores["fields"].items():
        lines.append(f"{name:<22}{_fmt(d['accuracy']):>9}{d['n']:>6}")
    return "\n".join(lines)
