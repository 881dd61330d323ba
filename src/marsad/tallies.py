"""Stage: tallies, the cumulative counts a source states ("92 هجوما منذ 17 أكتوبر", "2500 جندي في العراق").

Reads ``doc.mentions``, ``doc.dates``; adds ``doc.tallies``.  A tally is a number directly followed by a
counted noun of the lexicon's ``tallies`` section.  Attacks need a number of at least 2; trucks and flights
need a period word or a month-level date (a single dated convoy is a reinforcement event instead);
troops need at least 50 (smaller numbers of soldiers are tolls); killed and injured need a period word.
"""

from __future__ import annotations

import datetime as dt

from marsad.context import STRIKERS, US_SIDE, DocContext, SentenceView
from marsad.lexicon import Resources
from marsad.model import Document, Mention, Tally

SOURCE_ROLES = frozenset({"source"})
OTHER_WARS = frozenset({"isis"})  # groups whose own operations are another war's tallies
MIN_COUNT = {"attacks": 2, "troops": 50, "trucks": 2, "flights": 2, "injured": 2, "killed": 2}


def _hours_only(ctx: DocContext, view: SentenceView) -> bool:
    """Every period word of the sentence spans hours ("ست طائرات شحن تصل عين الأسد خلال ساعات", "خلال
    الساعات الـ24 الماضية"): the planes or trucks of one arrival, not a count over a period."""
    spans = view.get("tally", "period")
    return bool(spans) and not any(d.precision in ("month", "week") for _t, d in view.dates) and all(
        any(ctx.tok(j) in ctx.res.words.hour_words for j in range(p.tok_end, p.tok_end + 2)) for p in spans)


def _period(view: SentenceView, tok: int | None = None) -> bool:
    """A week/month-level date in the sentence, or a period word; with ``tok``, the period word must be in
    the clause of that token or within a few tokens of it ("ويتألف الرتل من 40 شاحنة" in a sentence that
    starts "رصد ..." is a convoy, not a count over a period)."""
    if any(d.precision in ("month", "week") for _t, d in view.dates):
        return True
    if tok is None:
        return bool(view.get("tally", "period"))
    clause = view.clause_of(tok)
    return any(view.clause_of(p.tok_start) == clause or abs(p.tok_start - tok) <= 8
               for p in view.get("tally", "period"))


def _source(view: SentenceView, prev: SentenceView | None, res: Resources) -> Mention | None:
    for v in (view, prev):
        if v is None:
            continue
        sources = [a for a in v.get("actor") if res.entries[a.entry_id].role_hint in SOURCE_ROLES
                   and res.entries[a.entry_id].kind in ("monitor", "state-agency", "state-military", "media")]
        if sources:
            return sources[0]
    return None


def _country(view: SentenceView, tok: int) -> Mention | None:
    after = [c for c in view.get("country") if c.tok_start >= tok]
    codes = {c.entry_id for c in view.get("country")}
    if after:
        if len({c.entry_id for c in after if c.tok_start - after[0].tok_start <= 2}) > 1:
            return None  # "في العراق وسوريا": both
        return after[0]
    if len(codes) == 1:
        return view.get("country")[0]
    return None


def _count_of(ctx: DocContext, view: SentenceView, noun: Mention) -> tuple[int | None, int, int] | None:
    """The number a counted noun states: "92 هجوما", "يرتفع إلى 11 عدد الهجمات", "عدد طائرات الشحن ...
    بلغ 12 طائرة", "يرتفع عدد الشاحنات ... إلى 610 شاحنة"."""
    num = ctx.number_before(noun.tok_start, skip=1)
    if num is None and ctx.tok(noun.tok_start - 1) in ctx.res.words.those_words and ctx.tok(noun.tok_start - 2) == "من":
        return ctx.number_before(noun.tok_start - 2)  # "27 من تلك الهجمات"
    if num is not None or ctx.tok(noun.tok_start - 1) != "عدد":
        return num
    num = ctx.number_before(noun.tok_start - 1, skip=1)
    if num is not None:
        return num
    end = min(view.sentence.tok_end, noun.tok_end + 25)
    if ctx.tok(noun.tok_start - 2).startswith(ctx.res.words.reach_verbs):
        # "يرتفع عدد الشاحنات التي أدخلها التحالف ... منذ ...، إلى 610 شاحنة": the number after "إلى"
        for j in range(noun.tok_end, end):
            if ctx.tok(j) == "الي":
                num = ctx.number_after(j + 1)
                if num is not None and num[0] is not None:
                    return num
    for j in range(noun.tok_end, end):
        if ctx.tok(j).startswith(ctx.res.words.reach_verbs):
            k = j + 1 if ctx.tok(j + 1) not in ("الي", "حوالي") else j + 2
            return ctx.number_after(k)
    return None


def _us_victims(ctx: DocContext, view: SentenceView) -> bool:
    """US/coalition words in the sentence other than a striker phrase ("طائرات التحالف", "غارات أمريكية")."""
    striking = view.get("cue", "state_striker") + view.get("weapon", "aircraft")

    def striker(tok: int) -> bool:
        return any(s.tok_start <= tok < s.tok_end or 0 <= tok - s.tok_end <= 1 for s in striking)

    if any(a.entry_id in US_SIDE and not striker(a.tok_start) for a in view.get("actor")):
        return True
    return any(ctx.us_adjective(j) and not striker(j) for j in range(view.sentence.tok_start, view.sentence.tok_end))


def _military_doc(doc: Document) -> bool:
    """The document names a US/coalition base or US/coalition forces somewhere."""
    return any(m.category == "site" or (m.category == "actor" and m.entry_id in US_SIDE) for m in doc.mentions)


def _deployed(ctx: DocContext, view: SentenceView, n0: int, noun: Mention) -> bool:
    """US/coalition troops: "2500 جندي أمريكي", "1000 جندي من قوات التحالف", "تنشر الولايات المتحدة نحو 2500 جندي", "عدد قوات التحالف
    في العراق نحو 3500 عنصر" (the force named before the number in its clause)."""
    if any(ctx.us_adjective(j) for j in range(noun.tok_end, noun.tok_end + 2)):
        return True
    if ctx.tok(noun.tok_end) == "من" and any(ctx.us_adjective(j) for j in range(noun.tok_end + 1, noun.tok_end + 6)):
        return True  # "نحو 350 عسكرياً من الجيش والقوات الجوية الأميركية"
    if any(a.entry_id in US_SIDE and 0 <= a.tok_start - noun.tok_end <= 2 for a in view.get("actor")):
        return True  # "1000 جندي من قوات التحالف"
    clause = view.clause_of(n0)
    if any(a.entry_id in US_SIDE and a.tok_start < n0 and view.clause_of(a.tok_start) == clause
           for a in view.get("actor")):
        return True
    # "الاستراتيجية الأميركية في سوريا، حيث ينتشر نحو 900 جندي": a verb of being stationed right before the
    # number, in a sentence about the US side
    verb = next((j for j in (n0 - 1, n0 - 2) if ctx.tok(j).removeprefix("و").startswith(ctx.res.words.stationed_stems)), None)
    return verb is not None and (any(ctx.us_adjective(j) for j in range(view.sentence.tok_start, view.sentence.tok_end))
                                 or any(a.entry_id in US_SIDE for a in view.get("actor")))


def _state_striker(ctx: DocContext, view: SentenceView) -> bool:
    """A state that strikes counts its strikes: "دولة الاحتلال التركي نفذت 58 هجوما بالطائرات المسيرة" (the
    state is the subject of the verb that follows it; "تركيا شهدت 121 هجوما" is no strike of Turkey)."""
    starts = {t.tok_start for t in view.get("trigger")}
    ends = {t.tok_end for t in view.get("trigger")}
    return any(a.entry_id in STRIKERS and (a.tok_end in starts or a.tok_start in ends) for a in view.get("actor"))


def _group_counts(ctx: DocContext, view: SentenceView) -> bool:
    """An armed group that attacks US forces counts its operations: "المقاومة نفذت أكثر من 180 عملية" (the
    group is the subject of the verb that follows it)."""
    verbs = {t.tok_start for t in view.get("trigger")}
    # "عدد عمليات المقاومة الإسلامية في العراق ... إلى 110 عمليات": the group named after the counted word too
    counted = {t.tok_end for t in view.get("tally", "attacks")}
    if any(ctx.res.entries[a.entry_id].kind == "armed-group" and ctx.res.entries[a.entry_id].role_hint == "perpetrator"
           and a.entry_id not in OTHER_WARS and (a.tok_end in verbs or a.tok_start in counted) for a in view.get("actor")):
        return True
    return any(ctx.tok(j) in ctx.res.words.group_words and j + 1 in verbs
               for j in range(view.sentence.tok_start, view.sentence.tok_end))


def _one_event_toll(ctx: DocContext, view: SentenceView, n0: int) -> bool:
    """"للرد على الهجوم الذي قتل ثلاثة جنود": the toll of one attack, told with its singular noun."""
    return any(0 <= n0 - t.tok_end <= 4 and not t.surface.startswith(ctx.res.words.habitual_triggers)
               for t in view.get("trigger", "attack"))


def _toll_kind(ctx: DocContext, view: SentenceView, n0: int, noun_end: int) -> str | None:
    """"killed"/"injured" when a casualty word stands just before the number of soldiers ("أصيب خلالها 21
    عسكريا"), or just after them ("نحو 60 عسكرياً أميركياً أصيبوا بجروح")."""
    for kind, what in (("injured_noun", "injured"), ("killed_noun", "killed")):
        if any(0 <= n0 - c.tok_end <= 3 or 0 <= c.tok_start - noun_end <= 2
               or (ctx.tok(c.tok_start - 1) == "عدد" and 0 <= n0 - c.tok_end <= 6)  # "عدد المصابين ... تجاوز 120"
               for c in view.get("casualty", kind)):
            return what
    return None


def _elliptic_troops(doc: Document, ctx: DocContext, view: SentenceView, first: Tally, n1: int) -> list[Tally]:
    """Further troop counts that lean on the first one: "2500 جندي في العراق و900 في سوريا",
    "يتمركز قرابة 200 منهم في التنف"; and the parts of a count of attacks: "66 هجوما منذ 17 أكتوبر، منها
    32 في العراق و34 في سوريا"."""
    out = []
    total = first.what == "attacks" and ctx.tok(n1 - 2) not in ctx.res.words.those_words
    if total:
        # the parts follow "منها" within a few words of the total (or the count is itself a part: "27 من تلك
        # الهجمات وقعت في العراق، و31 في سوريا")
        opener = next((j for j in range(n1, min(n1 + 12, view.sentence.tok_end))
                       if ctx.tok(j) in ctx.res.words.part_words), None)
        if opener is None:
            return out
        n1 = opener + 1
    for j in range(n1, view.sentence.tok_end):
        word = ctx.tok(j)
        digits = word[1:] if word.startswith("و") else word
        if not digits.isdigit():
            continue
        nxt = ctx.tok(j + 1)
        if nxt not in ("في", "منهم", "بينهم"):
            continue
        where = [m for m in view.mentions if m.category in ("country", "site", "place") and j < m.tok_start <= j + 4]
        country = None
        if where:
            m = where[0]
            country = m.entry_id if m.category == "country" else ctx.res.entries[m.entry_id].country
        elif nxt != "في":
            country = first.country
        value = int(digits)
        if value < MIN_COUNT[first.what] or value == first.count or (total and value > first.count):
            continue
        out.append(Tally(count=value, what=first.what, since=first.since, as_of=first.as_of, country=country,
                         source=first.source, evidence=[doc.evidence("count", *ctx.span_of(j, j + 1))]))
    return out


def _spanned(ctx: DocContext, view: SentenceView, n0: int) -> bool:
    """A word of a span ("خلال", "منذ") near the number at ``n0`` or in its clause."""
    if not ctx.says(view, ctx.res.words.span_stems):
        return False
    clause = view.clause_of(n0)
    return any(ctx.tok(j).startswith(ctx.res.words.span_stems) and (abs(j - n0) <= 6 or view.clause_of(j) == clause)
               for j in range(view.sentence.tok_start, view.sentence.tok_end))


def _tally(doc: Document, ctx: DocContext, view: SentenceView, prev: SentenceView | None,
           noun: Mention) -> Tally | None:
    what = noun.entry_id
    if what == "period":
        return None
    num = _count_of(ctx, view, noun)
    if num is None or num[0] is None:
        return None
    value, n0, n1 = num
    if ctx.tok(n0 - 1) in ctx.res.words.since_words or ctx.tok(n0 - 1) in ctx.res.words.year_words:
        return None  # "منذ 1974 بهجوم": a year
    # (only counts of troops or casualties ask whether they span a period)
    spanned = what in ("troops", "injured", "killed") and _spanned(ctx, view, n0)
    # "وتسببت تلك الهجمات بإصابة 11 عنصراً": the attacks of a count told before span a period too; "تعرضت
    # لـ165 هجوما ... وإن عدد المصابين": so do the attacks counted in the sentence
    if not spanned and what in ("troops", "injured", "killed"):
        spanned = "attacks" in ctx.tally_sentences.get(view.sentence.index, set()) or (
            bool(view.get("cue", "collective"))
            and any("attacks" in whats for k, whats in ctx.tally_sentences.items() if k <= view.sentence.index))
    if what == "troops":
        toll = _toll_kind(ctx, view, n0, noun.tok_end)
        if toll is not None and spanned:
            what = toll  # "أصيب خلالها 21 عسكريا أمريكيا": the wounded of a period
    if value < MIN_COUNT[what]:
        return None
    if what == "attacks" and not _period(view) and any(d.precision == "day" for _t, d in view.dates):
        return None  # "أعلنت المقاومة فجر اليوم تنفيذ ثلاث عمليات": the attacks of one day, events not a tally
    if what == "attacks" and "ب" in noun.prefix and n1 <= noun.tok_start:
        return None  # "مقتل متعاقد وإصابة تسعة بهجوم صاروخي": the number counts people hurt by one attack
    listed = what == "attacks" and "attacks" in ctx.tally_sentences.get(view.sentence.index - 1, set())
    if what not in ("trucks", "flights") and \
            not (ctx.us_side(view) or (what == "attacks" and prev is not None and ctx.us_side(prev)) or listed
                 or (what == "attacks" and _state_striker(ctx, view))
                 or (what == "attacks" and _group_counts(ctx, view) and _military_doc(doc))):
        # "تركيا شهدت 121 هجوما", "374 ألف عملية", "54 عنصرا", "15 ألف قتيل": not about US/coalition forces,
        # a striking state or the groups that attack them ("- 6 هجمات على قواعد أخرى": an item of a list of
        # counts)
        return None
    if what in ("trucks", "flights") and (view.get("cue", "civilian") or not (
            ctx.us_side(view) or _military_doc(doc) or any(
                ctx.tok(j).startswith(ctx.res.words.military_stems) for j in range(view.sentence.tok_start, view.sentence.tok_end)))):
        return None  # "منع 200 شاحنة يوميا من دخول الطرق", customs and aid traffic
    if what == "attacks" and noun.surface.startswith("عملي") and not (
            view.get("weapon") or [t for t in view.get("trigger", "attack") if not t.surface.startswith("عملي")]
            or any(ctx.tok(j) in ctx.res.words.against_words for j in range(view.sentence.tok_start, view.sentence.tok_end))
            or (_group_counts(ctx, view) and _military_doc(doc))):  # "34 عملية ضد القواعد", "المقاومة نفذت 180 عملية"
        return None  # "1000 عملية ولادة": an operation of any kind
    if what == "troops" and not _deployed(ctx, view, n0, noun) \
            and "troops" not in ctx.tally_sentences.get(view.sentence.index, set()):
        return None  # (a second count in a sentence of US troops: "2500 عسكري أمريكي ... إضافة إلى نحو 900 عسكري")
    if what == "troops" and ctx.tok(n0 - 1) == "من" and ctx.tok(n0 - 2) in ctx.res.words.below_words:
        return None  # "خفض عدد الجنود إلى أقل من ألف جندي": a bound, not a count
    if what == "troops" and any(ctx.tok(j).startswith(ctx.res.words.exercise_stems)
                                for j in range(view.sentence.tok_start, view.sentence.tok_end)):
        return None  # "واستعرضت القيادتان للمناورات حوالى ألفي عسكري": the troops of an exercise
    if what in ("injured", "killed") and not spanned:
        return None  # "16 شهيدا و25 جريحا حصيلة العدوان": the toll of one event
    if what in ("injured", "killed") and not _us_victims(ctx, view):
        return None  # "مقتل 51 من داعش خلال 48 ساعة جراء قصف طائرات التحالف": US forces are the strikers
    if what in ("injured", "killed") and _one_event_toll(ctx, view, n0):
        return None  # "الهجوم الذي قتل ثلاثة جنود": one attack's toll
    if what in ("trucks", "flights") and (not (_period(view, n0) or _period(view, noun.tok_start))
                                          or _hours_only(ctx, view)):
        return None
    if what == "trucks" and any(t.surface.startswith(ctx.res.words.convoy_stems) and 0 <= n0 - t.tok_end <= 3
                                for t in view.get("trigger", "reinforcement")):
        return None  # "رتل مؤلف من 30 شاحنة": the size of one convoy, an event's count
    if what == "trucks" and any(t.surface.startswith(ctx.res.words.single_convoy_stems) and 0 <= n0 - t.tok_end <= 7
                                for t in view.get("trigger", "reinforcement")):
        return None  # "دخول رتل جديد لـ"التحالف" يضم 35 شاحنة": one convoy (not "9 أرتال ضمت 310 شاحنات")
    if what == "troops" and any(abs(c.tok_start - n0) <= 2 or 0 <= c.tok_start - noun.tok_end <= 1
                                for c in view.get("casualty", "killed_noun") + view.get("casualty", "injured_noun")):
        return None  # "مقتل 60 عسكريا", "60 عسكريا أمريكيا قتلوا في الضربة": a toll, not a deployment
    since: dt.date | None = None
    as_of: dt.date | None = doc.published
    evidence = [doc.evidence("count", *ctx.span_of(min(n0, noun.tok_start), max(n1, noun.tok_end)))]
    for tok, d in view.dates:
        if d.value is None:
            continue
        if ctx.tok(tok - 1) == "منذ" or ctx.tok(tok).startswith("منذ"):
            since = d.value
            evidence.append(doc.evidence("since", d.start, d.end))
    country = _country(view, n1)
    source = _source(view, prev, ctx.res)
    if country is not None:
        evidence.append(doc.evidence("country", country.start, country.end))
    if source is not None:
        evidence.append(doc.evidence("source", source.start, source.end))
    return Tally(count=value, what=what, since=since, as_of=as_of,
                 country=country.entry_id if country is not None and len(country.entry_id) == 2 else None,
                 source=source.entry_id if source is not None else None, evidence=evidence)


def run(doc: Document, res: Resources, ctx: DocContext) -> Document:
    seen: set[tuple[int, str]] = set()
    tallies: list[Tally] = []
    for i, view in enumerate(ctx.views):
        prev = ctx.views[i - 1] if i > 0 and ctx.views[i - 1].sentence.paragraph == view.sentence.paragraph \
            else None
        if view.get("cue", "threat") and not view.get("tally", "period"):
            continue
        for noun in view.get("tally"):
            t = _tally(doc, ctx, view, prev, noun)
            if t is not None:
                ctx.tally_sentences.setdefault(view.sentence.index, set()).add(t.what)
            found = [t] if t is not None else []
            if t is not None and t.what in ("troops", "attacks"):
                parts = _elliptic_troops(doc, ctx, view, t, noun.tok_end)
                if t.what == "attacks" and parts and t.country is not None \
                        and ctx.tok(noun.tok_start - 1) not in ctx.res.words.those_words:
                    # "66 هجوما، منها 32 في العراق و34 في سوريا": the country named is a part's, not the total's
                    t.country = None
                    t.evidence = [e for e in t.evidence if e.field != "country"]
                found += parts
            for t in found:
                if (t.count, t.what) not in seen:
                    seen.add((t.count, t.what))
                    tallies.append(t)
    doc.tallies = tallies
    return doc
