"""Stage: event frames.  Trigger -> type; arguments from the sentence and its neighbours.

Reads ``doc.sentences``, ``doc.mentions``, ``doc.dates``; adds ``doc.events``.

Per sentence: locations are found (launch points such as "أطلقت من بلدة زمار" excluded), the sentence's
triggers and cues decide the event type (attack / strike / reinforcement) and each location gets a frame
whose arguments come from the nearest mentions: weapons and counts, the date (in the sentence, else the
paragraph's, else the story's), actor and basis (the sentence, or a claim statement up to two sentences
later), target, toll, interception.  Frames are then merged to one record per (type, location, date).
Threats, warnings, denials, exercises and future tense ("سـ") produce nothing; nor does history told in
passing (a past year or an anniversary cue and no day), a reporter's city or a statement's source ("تعليق من
السفارة"), or a strike word that is responded to ("ردا على العدوان").

Scope: an attack in a town needs US/coalition forces named (airports and the Green Zone excepted); a place
name that is also a common word ("حديثة", "الحرير", "القائم") needs a locality word; summaries ("توزعت تلك
الهجمات على ...") and habitual talk name bases without making events.  A document with one attack or one
strike takes its toll and actor from any sentence; a bare group word ("أعلنت المقاومة") is the group last
named; a drone hit on a car that the text lays on a state striker is that state's strike.  After merging, a
record at a city or governorate joins one at a base of the same governorate, and an undated headline record
gives way to the body's other type of event at the same place.  Every event gets a ``status``: claimed (the
perpetrator's statement), confirmed (an official of the side that was hit, or for a strike the striker's
or Iraqi officials), denied (a later denial of it) or reported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from marsad.context import (
    PERPETRATOR_KINDS,
    STRIKERS,
    TARGET_ACTORS,
    US_ADJECTIVES,
    US_SIDE,
    DocContext,
    SentenceView,
)
from marsad.lexicon import Resources
from marsad.model import DateMention, Document, Event, Evidence, Location, Mention

PLACE_RANK = {"city": 0, "town": 0, "airport": 0, "region": 2, "governorate": 3, "sea": 1}
STRONG_REINFORCEMENT = ("تعزيزات", "رتل", "ارتال", "قافل", "قوافل", "شاحنات", "شاحنه", "اليات عسكريه",
                        "طايره شحن", "طايرات شحن", "طايرتي شحن", "طايرتا شحن")  # normalised stems
ARRIVAL_VERBS = ("دخل", "وصل", "هبط", "ادخل", "استقدم")  # past-tense arrival: "وصلت 12 مقاتلة إلى قاعدة ..."
NEGATING_CUES = ("threat", "denial")
MISSILE_ORIGINS = frozenset({"YE", "IR"})
MISSILE_ORIGIN_ADJECTIVES = ("ايراني", "يمني")  # normalised: "صاروخ إيراني", "صواريخ يمنية"
MISSILE_ACTORS = frozenset({"ansar-allah"})  # launches from Yemen: its rockets are missiles (spec)
# plural nouns and imperfect verbs: "هجمات الفصائل", "الاعتداءات", "التي تستهدف قواعد" (normalised stems)
HABITUAL_TRIGGERS = ("هجمات", "هجومات", "اعتداءات", "استهدافات", "تستهدف", "يستهدف", "تتعرض", "يتعرض")
# who may confirm an event (the side that was hit, officials); for a strike also the Iraqi/Syrian side
CONFIRMING_SOURCES = frozenset({"us-forces", "us-dod", "us-centcom", "us-state-dept", "us-president", "coalition",
                                "iraqi-security-forces", "iraqi-government", "krg", "krg-counter-terrorism",
                                "jordan-government"})
STRIKE_CONFIRMING = frozenset({"iraqi-cts"})
STATUS_RANK = {"reported": 0, "claimed": 1, "denied": 2, "confirmed": 3}
DENIAL_VERBS = ("نفي", "نفت", "نفو", "ينفي", "تنفي", "عار")  # normalised: نفى، نفت، نفوا، عار عن الصحة
HOST_PLACES = frozenset({"green-zone"})  # places (not sites) that host US facilities: rockets on them are in scope
SAUDI_COALITION_THEATRES = frozenset({"YE"})
DESCRIPTIVE_ACTORS = frozenset({"iran-backed-militias", "iraqi-armed-factions"})  # named by others, never claim
SPEAKERS = {"us-forces": frozenset({"us-forces", "us-dod", "us-centcom", "us-president", "us-state-dept"}),
            "coalition": frozenset({"coalition", "us-dod", "us-centcom"})}  # who speaks for a striker
OFFICIAL_STEMS = ("مسوول", "المسوول", "متحدث", "المتحدث", "قايد", "القايد")  # normalised: official, spokesman
BACKING_STEMS = ("مدعوم", "المدعوم", "موالي", "الموالي", "تدعم", "يدعم", "مرتبط", "المرتبط", "حليف", "الحليف",
                 "وكلاء")  # normalised: "supported by", "loyal to", "tied to", "proxies of"
TOLL_WORDS = ("ضحايا", "اذي", "بشريه", "الارواح")  # normalised: victims, harm, human (losses), lives
REACH_VERBS = ("ارتفع", "يرتفع", "بلغ", "يبلغ", "وصل")  # "ارتفع إلى 40" (normalised)
# a statement's source, not a place: "لم يصدر تعليق فوري من السفارة الأمريكية" (normalised stems)
STATEMENT_STEMS = ("تعليق", "بيان", "تصريح", "رد", "موقف")
VEHICLE_STEMS = ("عجله", "سياره", "مركبه", "دراجه", "العجله", "السياره", "المركبه", "الدراجه")  # normalised
DRONE_STRIKER_STEMS = ("مسيره", "طايره مسيره")  # normalised singular drone in a striker phrase
HOSTILE_STEMS = ("العدو", "عدو", "الاحتلال", "الكيان")  # normalised: how the other side names a striker
AREA_KINDS = frozenset({"city", "town", "governorate", "region"})  # places that contain bases
# a group named again by a bare common noun ("أعلنت المقاومة", "استهدفت الميليشيات"), normalised
GROUP_WORDS = frozenset({"المقاومه", "الميليشيات", "المليشيات", "الميلشيات", "الفصايل", "الكتايب"})
REPORTER_STEMS = ("مراسل", "ومراسل")  # normalised: "مراسل الميادين في بغداد", "مراسلنا في دير الزور"
RESPONSE_WORDS = ("رد", "ردا", "الرد", "كرد", "وردا")  # normalised "رداً على ..."
TOWARD_WORDS = ("نحو", "باتجاه", "صوب")  # normalised
YEAR_WORDS = ("عام", "العام", "سنه", "السنه")  # "في عام 2020": a year told as history (normalised)


@dataclass(slots=True)
class Frame:
    """An event under construction, with the mentions that support each field."""

    type: str
    sentence: int
    loc: Mention | None
    country: str | None
    country_ev: Mention | None = None
    evidence: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # field -> normalised spans
    date: dt.date | None = None
    date_strategy: str | None = None
    weapons: list[str] = field(default_factory=list)
    count: int | None = None
    actor: str | None = None
    actor_basis: str | None = None
    target: str | None = None
    killed: int | None = None
    injured: int | None = None
    intercepted: bool | None = None
    status: str = "reported"  # claimed | confirmed | denied | reported
    anchor: int = 0  # token index the frame is anchored at
    vehicle: bool = False  # a drone hit on a vehicle: later sentences speak of the vehicle, not of a strike

    def cite(self, name: str, start: int, end: int) -> None:
        spans = self.evidence.setdefault(name, [])
        if (start, end) not in spans:
            spans.append((start, end))


def _valid_triggers(view: SentenceView, trig_type: str) -> list[Mention]:
    """Triggers not negated by a threat/denial cue earlier in the same clause, and not future tense."""
    out = []
    cues = [m for c in NEGATING_CUES for m in view.get("cue", c)]
    for t in view.get("trigger", trig_type):
        if "س" in t.prefix:
            continue
        clause = view.clause_of(t.tok_start)
        if any(view.clause_of(c.tok_start) == clause and c.tok_start <= t.tok_start for c in cues):
            continue
        out.append(t)
    return out


def _sentence_negated(view: SentenceView) -> bool:
    return bool(view.get("cue", "threat") or view.get("cue", "denial"))


class FrameBuilder:
    def __init__(self, doc: Document, res: Resources, ctx: DocContext) -> None:
        self.doc, self.res, self.ctx = doc, res, ctx
        self.frames: list[Frame] = []
        self.launch_points: list[tuple[int, Mention]] = []  # (sentence index, place)
        self.last_location: Mention | None = None
        self.recent_striker: tuple[str, int] | None = None  # (actor, sentence index) of the last striker named
        # (striker, country) -> its own statement is in the text (per document)
        self.speaks: dict[tuple[str, str | None], bool] = {}
        # drone hits on a vehicle with no striker named: a strike if the text later lays it at a state's door
        self.vehicle_hits: list[tuple[SentenceView, list[Mention], list[Mention]]] = []
        # the document speaks of the Saudi-led coalition: a bare "التحالف" in it is that one
        self.arab_coalition_doc = any(m.category == "cue" and m.entry_id == "other_striker"
                                      and ("تحالف" in m.surface or "السعوديه" in m.surface
                                           or "المملكه" in m.surface or "الحزم" in m.surface)
                                      for m in doc.mentions)

    # --- locations -----------------------------------------------------------------------------------
    def _is_launch_point(self, view: SentenceView, loc: Mention) -> bool:
        for cue in view.get("cue", "launch_from"):
            if 0 <= loc.tok_start - cue.tok_end <= 2:
                return True
        return self.ctx.tok(loc.tok_start - 1) in ("من",) and self.ctx.tok(loc.tok_start - 2).startswith("انطلق")

    def _is_origin(self, loc: Mention) -> bool:
        """"من X" / "من مدينة X" names where something came from, unless it is "بالقرب من X"."""
        i = loc.tok_start - 1
        if self.ctx.tok(i) in ("مدينه", "بلده", "معبر", "اقليم", "منطقه", "محافظه", "قضاء", "ناحيه"):
            i -= 1
        if self.ctx.tok(i) != "من":
            return False
        return self.ctx.tok(i - 1) not in ("بالقرب", "القريب", "قريب", "قريبه", "مقربه", "بمقربه", "مسافه",
                                            "كيلومترات", "كم", "كيلومترا")

    def _named_as_place(self, view: SentenceView, m: Mention) -> bool:
        """A name that is also a common word ("حديثه", "الحرير", "القائم") is a place only after a locality
        word, inside an alias that starts with one, after في/ب (unless it ends in ه: "في حديثه" is "in his
        talk"; "بالشدادة" is fine), or listed with another location ("عين الأسد وحرير")."""
        if m.entry_id not in self.res.common_word_names:
            return True
        words = self.res.locality_words
        first = m.surface.split(" ", 1)[0]
        prev = self.ctx.tok(m.tok_start - 1)
        if (" " in m.surface and first in words) or prev in words or (prev[:1] in ("و", "ف") and prev[1:] in words):
            return True  # "قضاء حديثة", "وبادية الميادين"
        definite = m.surface.startswith("ال") or m.prefix.endswith("ال")
        if (m.prefix.endswith("ب") or m.prefix.endswith("بال") or prev in ("في", "وفي")) \
                and (definite or not m.surface.endswith("ه")):
            return True
        if prev in ("علي", "الي") and definite:  # "الضربات على القائم", "وصل إلى الشدادي"
            return True
        for n in view.mentions:
            if n is m or n.category not in ("site", "place"):
                continue
            if ("و" in m.prefix and 0 <= m.tok_start - n.tok_end <= 1) or \
                    ("و" in n.prefix and 0 <= n.tok_start - m.tok_end <= 1):
                return True
        return False

    def _hedged(self, view: SentenceView, m: Mention) -> bool:
        """A threat word earlier in the location's clause ("لن", "سنستهدف", "في حال")."""
        clause = view.clause_of(m.tok_start)
        return any(view.clause_of(c.tok_start) == clause and c.tok_end <= m.tok_start
                   for c in view.get("cue", "threat"))

    def _us_subject(self, view: SentenceView, trig: Mention) -> bool:
        """"استهدفت مقاتلات التحالف الدولي ...", "قصفت طائرات أمريكية ...": US or coalition forces are the
        subject right after the verb (not its object: "على"/"لـ" before them), so it is their strike."""
        for a in view.get("actor"):
            if a.entry_id in US_SIDE and 1 <= a.tok_start - trig.tok_end <= 2 and "ل" not in a.prefix \
                    and self.ctx.tok(a.tok_start - 1) not in ("علي", "ضد") \
                    and not trig.surface.startswith(("تعرض", "يتعرض", "تتعرض")):  # "تعرضت قوات التحالف لهجوم"
                return True
        return False

    def _facility(self, m: Mention) -> bool:
        """The site is named with a base word: "قاعدة عين الأسد", "معسكر التاجي", "مطار أربيل"."""
        words = self.res.locality_words
        return (" " in m.surface and m.surface.split(" ", 1)[0] in words) or self.ctx.tok(m.tok_start - 1) in words

    def _us_context(self, view: SentenceView) -> bool:
        """The sentence names US or coalition forces (or their statement), or a coalition base, other than
        as the striker ("غارات التحالف", "الطائرات الأمريكية" are the ones who strike, not the target)."""
        striking = [m for m in view.get("cue", "state_striker") + view.get("weapon", "aircraft")]

        def attacker(m: Mention) -> bool:
            return any(s.tok_start <= m.tok_start < s.tok_end or s.tok_start < m.tok_end <= s.tok_end
                       or 0 <= m.tok_start - s.tok_end <= 1 for s in striking)

        return any(not attacker(c) for c in view.get("cue", "coalition_target")) or \
            any(a.entry_id in US_SIDE and not attacker(a) for a in view.get("actor"))

    def _country_supported(self, m: Mention) -> bool:
        """An embassy named without its city ("السفارة الأمريكية") is the one in the gazetteer only when the
        document speaks of that country (a country word or another of its places)."""
        entry = self.res.entries[m.entry_id]
        if entry.kind != "embassy" or entry.country is None:
            return True
        # "السفارة الأمريكية في طهران/بأنقرة": placed elsewhere right after its name
        nxt = self.ctx.tok(m.tok_end)
        if (m.surface.count(" ") < 2 and nxt in ("في", "ب")) or nxt.startswith("ب"):
            at = m.tok_end + (1 if nxt in ("في", "ب") else 0)
            here = [n for n in self.doc.mentions if n.tok_start == at and n.category in ("place", "site", "country")]
            if here and not any(self._country_code(n) == entry.country for n in here):
                return False
            if not here and nxt == "في" and m.surface.count(" ") < 2:
                return False  # "في أنقرة", "في نيروبي": a capital the gazetteer does not hold
        return entry.country in self.doc_countries(exclude=m.entry_id)

    def doc_countries(self, exclude: str | None = None) -> set[str]:
        """Countries the document names, by a country word or by one of its places (but ``exclude``)."""
        out: set[str] = set()
        for m in self.doc.mentions:
            if m.entry_id == exclude:
                continue
            if m.category == "country":
                out.add(m.entry_id)
            elif m.category in ("site", "place"):
                c = self.res.entries[m.entry_id].country
                if c:
                    out.add(c)
        return out

    def _locations(self, view: SentenceView) -> tuple[list[Mention], list[Mention]]:
        sites, places = [], []
        for m in view.mentions:
            if m.category not in ("site", "place"):
                continue
            if not self._named_as_place(view, m) or not self._country_supported(m):
                continue
            if self._hedged(view, m):
                continue  # "ولن تكون قواعدهم في عين الأسد وحرير بمنأى عن صواريخنا"
            capital = self.ctx.tok(m.tok_start - 2).endswith("العاصمه") \
                or self.ctx.tok(m.tok_start - 1).endswith("العاصمه")  # "بالعاصمة السورية دمشق", "العاصمة بغداد"
            if m.entry_id in self.res.metonyms and not ("ب" in m.prefix or capital or
                                                        self.ctx.tok(m.tok_start - 1) in self.res.locative_words):
                continue  # "طالبت واشنطن بغداد": the government, not the place
            if self._is_launch_point(view, m):
                self.launch_points.append((view.sentence.index, m))
                continue
            if self._speaker(m):
                continue
            (sites if m.category == "site" else places).append(m)
        return sites, places

    def _toward(self, m: Mention) -> bool:
        """"صاروخ كان موجها نحو البحر الأحمر": where a munition was headed, not where a strike hit."""
        prev = self.ctx.tok(m.tok_start - 1)
        if prev not in TOWARD_WORDS and prev in self.res.locality_words:  # "نحو مدينة ..."
            prev = self.ctx.tok(m.tok_start - 2)
        return prev in TOWARD_WORDS

    def _speaker(self, m: Mention) -> bool:
        """"تعليق فوري من السفارة الأمريكية", "بيان صادر عن التحالف": the source of a statement; "مراسل
        الميادين في بغداد": where the reporter is."""
        if self.ctx.tok(m.tok_start - 1) in ("في", "ب") or m.prefix.endswith("ب"):
            return any(self.ctx.tok(j).startswith(REPORTER_STEMS) for j in range(m.tok_start - 4, m.tok_start - 1))
        if self.ctx.tok(m.tok_start - 1) not in ("من", "عن"):
            return False
        return any(self.ctx.tok(j).startswith(STATEMENT_STEMS) for j in (m.tok_start - 2, m.tok_start - 3))

    def _past_year(self, view: SentenceView) -> bool:
        """The sentence names a year before the story's ("في عام 2020") or an anniversary, and no day: history
        told in passing."""
        if any(d.precision == "day" for _t, d in view.dates):
            return False
        if view.get("cue", "history"):
            return True  # "في مثل هذه الأيام من العام الماضي", "عام على هجوم ..."
        if self.doc.published is None:
            return False
        for j in range(view.sentence.tok_start, view.sentence.tok_end - 1):
            if self.ctx.tok(j) in YEAR_WORDS:
                nxt = self.ctx.tok(j + 1)
                if len(nxt) == 4 and nxt.isdigit() and 1950 <= int(nxt) < self.doc.published.year:
                    return True
        return False

    def _best_place(self, places: list[Mention], every: bool = False) -> list[Mention]:
        """The most precise place named (a town before its governorate); with ``every``, all places of
        that precision, once each ("الميادين والبوكمال")."""
        if not places:
            return []
        rank = {m.entry_id: PLACE_RANK.get(self.res.entries[m.entry_id].kind, 1) for m in places}
        best = min(rank.values())
        ranked = sorted((m for m in places if rank[m.entry_id] == best), key=lambda m: m.tok_start)
        if not every:
            return ranked[:1]
        seen: set[str] = set()
        out = []
        for m in ranked:
            if m.entry_id not in seen:
                seen.add(m.entry_id)
                out.append(m)
        return out

    def _country_of(self, view: SentenceView, anchor: int) -> tuple[str | None, Mention | None]:
        places_end = {m.tok_end for m in view.mentions if m.category in ("site", "place")}
        countries = [c for c in view.get("country") if c.tok_start not in places_end
                     and self.ctx.tok(c.tok_start - 1) != "من"]
        if not countries or len({c.entry_id for c in countries}) > 1:
            return None, None
        best = min(countries, key=lambda m: abs(m.tok_start - anchor))
        return best.entry_id, best

    # --- frame arguments ---------------------------------------------------------------------------------
    def _date(self, frame: Frame, view: SentenceView) -> None:
        candidates = [(tok, d) for tok, d in view.dates if self.ctx.tok(tok - 1) != "منذ"
                      and not self.ctx.tok(tok).startswith("منذ")]
        if candidates:
            tok, d = min(candidates, key=lambda td: (abs(td[0] - frame.anchor), td[0] < frame.anchor))
            frame.date, frame.date_strategy = d.value, d.strategy
            if len(candidates) == 1 and any(0 <= tok - c.tok_end <= 3 for c in view.get("cue", "confirm")):
                # "بحسب ما أعلنته هيئة الحشد اليوم الأحد": the day of the statement, maybe not of the event
                frame.date_strategy = "statement"
            frame.cite("date", d.start, d.end)
            return
        same_day = view.get("cue", "same_day")
        if same_day and self.frames and self.frames[-1].date is not None:
            prev = self.frames[-1]
            frame.date, frame.date_strategy = prev.date, "same_day"
            frame.cite("date", same_day[0].start, same_day[0].end)
            for span in prev.evidence.get("date", []):
                frame.cite("date", *span)
            return
        # inherit: the paragraph's last day-level date, else the previous event's date
        idx = view.sentence.index
        for back in range(idx - 1, -1, -1):
            prev_view = self.ctx.views[back]
            if prev_view.sentence.paragraph != view.sentence.paragraph:
                break
            dated = [(t, d) for t, d in prev_view.dates if d.precision == "day" and d.value is not None
                     and self.ctx.tok(t - 1) != "منذ"]
            if dated:
                _t, d = self._date_of_type(prev_view, dated, frame.type)
                frame.date, frame.date_strategy = d.value, "inherited"
                frame.cite("date", d.start, d.end)
                return
        if frame.type == "strike" and self.recent_striker is not None:
            # the day of the strikes as first told: the nearest earlier strike sentence with a day
            for k in range(self.recent_striker[1], -1, -1):
                v = self.ctx.views[k]
                dated = [(t, d) for t, d in v.dates if d.precision == "day" and d.value is not None
                         and self.ctx.tok(t - 1) != "منذ"]
                if dated and (v.get("cue", "state_striker") or v.get("trigger", "strike")):
                    _t, d = self._date_of_type(v, dated, "strike")
                    frame.date, frame.date_strategy = d.value, "inherited"
                    frame.cite("date", d.start, d.end)
                    return
        for prev in reversed(self.frames):
            if prev.date is not None and prev.type == frame.type:
                frame.date, frame.date_strategy = prev.date, "inherited"
                for span in prev.evidence.get("date", []):
                    frame.cite("date", *span)
                return
        # the story's date: the last day-level date told before this sentence
        for back in range(idx - 1, -1, -1):
            dated = [(t, d) for t, d in self.ctx.views[back].dates if d.precision == "day" and d.value is not None
                     and self.ctx.tok(t - 1) != "منذ"]
            if dated:
                d = dated[-1][1]
                frame.date, frame.date_strategy = d.value, "inherited"
                frame.cite("date", d.start, d.end)
                return

    def _date_of_type(self, view: SentenceView, dated: list[tuple[int, DateMention]],
                      type_: str) -> tuple[int, DateMention]:
        """Of an earlier sentence's dates, the one nearest a word of the frame's type ("شنت القوات الأمريكية
        مساء الجمعة غارات ... ردا على هجوم ... الأحد الماضي": a strike takes الجمعة), else the last."""
        words = view.get("trigger", type_) + (view.get("cue", "state_striker") if type_ == "strike" else [])
        if type_ == "strike":  # "ردا على هجوم": the attack's words do not date a strike
            words = [w for w in words if w.category != "trigger" or w.entry_id == "strike"]
        if not words:
            return dated[-1]
        return min(dated, key=lambda td: min(abs(td[0] - w.tok_start) for w in words))

    def _weapons(self, frame: Frame, weapons: list[Mention], view: SentenceView) -> None:
        kinds: dict[str, int | None] = {}
        for w in weapons:
            wid = w.entry_id
            count: int | None = w.attrs.get("count")  # type: ignore[assignment]
            num = self.ctx.number_before(w.tok_start)
            if num is not None:
                count = num[0]
                if num[0] is not None:
                    frame.cite("count", *self.ctx.span_of(num[1], num[2]))
            elif count is not None:
                frame.cite("count", w.start, w.end)
            if kinds.get(wid) is None:  # the first stated count of a kind wins
                kinds[wid] = count
            frame.cite("weapons", w.start, w.end)
        if "missile" in kinds and "rocket" in kinds:  # "صاروخ باليستي" names one munition, not two
            rocket = kinds.pop("rocket")
            if kinds["missile"] is None:
                kinds["missile"] = rocket
        launch_countries = {self.res.entries[p.entry_id].country for s, p in self.launch_points
                            if s == view.sentence.index}
        launch_countries |= {c.entry_id for c in view.get("country") if self.ctx.tok(c.tok_start - 1) == "من"}
        if "rocket" in kinds and (launch_countries & MISSILE_ORIGINS or any(
                w.entry_id == "rocket" and self.ctx.tok(w.tok_end).startswith(MISSILE_ORIGIN_ADJECTIVES)
                for w in weapons)):  # "22 صاروخاً إيرانياً": launched from Iran
            kinds["missile"] = kinds.pop("rocket")
        frame.weapons = sorted(kinds)
        counts = list(kinds.values())
        if len(counts) == 1:
            frame.count = counts[0]
        elif counts and all(c is not None for c in counts):
            frame.count = sum(c for c in counts if c is not None)
        if frame.count is None:
            frame.evidence.pop("count", None)

    def _casualties(self, frame: Frame, view: SentenceView, locs: list[Mention] | None = None) -> None:
        def mine(m: Mention) -> bool:
            if not locs or len(locs) < 2 or frame.loc is None:
                return True
            return self._nearest(locs, m.tok_start) is frame.loc

        for m in view.get("casualty", "none"):
            if not mine(m):
                continue
            frame.killed = frame.killed if frame.killed is not None else 0
            frame.injured = frame.injured if frame.injured is not None else 0
            frame.cite("killed", m.start, m.end)
            frame.cite("injured", m.start, m.end)
        for neg in view.get("cue", "toll_negator"):
            if mine(neg):
                self._negated_toll(frame, view, neg)
        for kind, name in (("killed_noun", "killed"), ("injured_noun", "injured")):
            for m in view.get("casualty", kind):
                if not mine(m):
                    continue
                value = self._toll_number(m)
                if value is None:
                    continue
                if getattr(frame, name) in (None, 0):
                    setattr(frame, name, value[0])
                    frame.cite(name, *self.ctx.span_of(min(m.tok_start, value[1]), max(m.tok_end, value[2])))

    def _negated_toll(self, frame: Frame, view: SentenceView, neg: Mention) -> None:
        """"لم يسفر عن سقوط قتلى أو جرحى" -> 0 and 0; "دون وقوع قتلى" -> killed 0; "لم يصب أحد بأذى",
        "دون خسائر بشرية", "لم يسفر عن ضحايا" -> 0 and 0.  The casualty word must follow within 7 words."""
        end = min(neg.tok_end + 7, view.sentence.tok_end)
        killed = any(neg.tok_end <= m.tok_start < end for m in view.get("casualty", "killed_noun"))
        injured = any(neg.tok_end <= m.tok_start < end for m in view.get("casualty", "injured_noun"))
        if any(w in self.ctx.tok(j) for j in range(neg.tok_end, end) for w in TOLL_WORDS):
            killed = injured = True
        for name, hit in (("killed", killed), ("injured", injured)):
            if hit and getattr(frame, name) is None:
                setattr(frame, name, 0)
                frame.cite(name, neg.start, self.doc.tokens[end - 1].end if end > neg.tok_end else neg.end)

    def _toll_number(self, m: Mention) -> tuple[int, int, int] | None:
        """The number of people a casualty word states: "مقتل 5 مسلحين", "3 قتلى", "مقتل مقاول" (1)."""
        after = self.ctx.number_after(m.tok_end)
        if after is not None and after[0] is not None:
            return after[0], after[1], after[2]
        before = self.ctx.number_before(m.tok_start)
        if before is not None and before[0] is not None:
            return before[0], before[1], before[2]
        # "25 مقاتلا قتلوا", "أربعة مقاتلين على الأقل قتلوا": the number before the people word
        # "ثلاثة جنود أميركيين قد قتلوا": up to three words (adjective, قد) between the people and the verb
        j = m.tok_start
        if self.ctx.tok(j - 1) == "الاقل" and self.ctx.tok(j - 2) == "علي":
            j -= 2
        for end in range(j, max(j - 3, 0), -1):
            for people in self.ctx.people_ending(end):
                before = self.ctx.number_before(people.tok_start)
                if before is not None and before[0] is not None:
                    return before[0], before[1], before[2]
        for j in range(m.tok_end, m.tok_end + 5):  # "عدد المصابين في الهجوم ارتفع إلى 40 عسكريا"
            if self.ctx.tok(j).startswith(REACH_VERBS):
                k = j + 2 if self.ctx.tok(j + 1) in ("الي", "حوالي", "نحو") else j + 1
                reached = self.ctx.number_after(k)
                if reached is not None and reached[0] is not None:
                    return reached[0], reached[1], reached[2]
                break
        for people in self.ctx.people_at(m.tok_end):
            value = {"people_one": 1, "people_two": 2}.get(people.entry_id)
            if value is not None:
                return value, people.tok_start, people.tok_end
        return None

    def _intercepted(self, frame: Frame, view: SentenceView) -> None:
        for m in view.get("cue", "intercept"):
            frame.intercepted = True
            frame.cite("intercepted", m.start, m.end)

    def _perpetrators(self, view: SentenceView) -> list[Mention]:
        out = [a for a in view.get("actor")
               if (self.res.entries[a.entry_id].kind in PERPETRATOR_KINDS
                   and self.res.entries[a.entry_id].role_hint == "perpetrator") or a.entry_id in ("irgc", "iran")]
        # "الحوثيون المدعومون من إيران": the group named before its backer is the actor, not the backer
        return [a for a in out if not (a.entry_id == "iran" and self._actor_id(a) != "iran" and any(
            b is not a and 0 <= a.tok_start - b.tok_end <= 3 for b in out))]

    def _striker_speaks(self, actor: str, country: str | None = None) -> bool:
        """The striking side's own statement is in the text ("قالت القيادة المركزية إن...", "أعلن البنتاغون"):
        a US strike is then claimed; told only by monitors, media or the other side, it is attributed."""
        key = (actor, country)
        if key in self.speaks:
            return self.speaks[key]
        self.speaks[key] = found = self._find_speaker(actor, country)
        return found

    def _find_speaker(self, actor: str, country: str | None = None) -> bool:
        own = SPEAKERS.get(actor, frozenset({actor}))
        elsewhere = {f.country for f in self.frames if f.type == "strike" and f.actor == actor
                     and f.country not in (None, country)} if country is not None else set()
        us = actor in ("us-forces", "coalition")
        for v in self.ctx.views:
            cues = v.get("cue", "confirm")
            if not cues:
                continue
            if elsewhere:
                # a statement about its strike elsewhere ("قضت على مخربين في جنوب لبنان") does not speak for this one
                here = {self._country_code(m) for m in v.mentions if m.category in ("country", "site", "place")}
                if here & elsewhere and country not in here:
                    continue
            spots = [a.tok_start for a in v.get("actor") if a.entry_id in own
                     and not (" " not in a.surface and a.surface.startswith(US_ADJECTIVES))  # not "أمريكية"
                     and not a.surface.startswith(HOSTILE_STEMS)]  # "العدو الإسرائيلي" is the other side's voice
            if us:  # "مسؤول أميركي", "المتحدث الأمريكي"
                spots += [j for j in range(v.sentence.tok_start, v.sentence.tok_end - 1)
                          if self.ctx.tok(j).startswith(OFFICIAL_STEMS)
                          and self.ctx.tok(j + 1).startswith(US_ADJECTIVES)]
            if any(abs(t - c.tok_start) <= 6 for t in spots for c in cues):
                return True
        return False

    def _actor_id(self, m: Mention) -> str:
        """"فصائل مدعومة من إيران", "جماعات موالية لإيران": Iran named as the backer means the militias."""
        if m.entry_id == "iran" and any(self.ctx.tok(j).startswith(BACKING_STEMS)
                                        for j in (m.tok_start - 1, m.tok_start - 2)):
            return "iran-backed-militias"
        return m.entry_id

    def _actor_for_attack(self, frame: Frame, view: SentenceView) -> None:
        """The perpetrator: named in the event's clause or with a claim/attribution in its sentence, or
        named with a strong claim ("تبنت", "أعلنت مسؤوليتها") in one of the next two sentences."""
        if view.get("cue", "no_claim"):
            return
        idx = view.sentence.index
        for k in range(idx, min(idx + 3, len(self.ctx.views))):
            v = self.ctx.views[k]
            actors = self._perpetrators(v)
            if not actors:
                continue
            claims = v.get("cue", "claim") + (v.get("cue", "claim_weak") if k == idx else [])
            attributions = v.get("cue", "attribution")
            if k > idx:
                other_sites = [s for s in v.get("site") if frame.loc is None or s.entry_id != frame.loc.entry_id]
                if not v.get("cue", "claim") or other_sites or v.get("cue", "no_claim"):
                    continue
            elif not claims and not attributions:
                clause = v.clause_of(frame.anchor)
                # the subject right after the attack verb ("استهدفت الميليشيات الموالية لإيران، مساء أمس، ...")
                verbs = [t.tok_end for t in v.get("trigger", "attack") if t.tok_start < frame.anchor]
                actors = [a for a in actors if v.clause_of(a.tok_start) == clause
                          or any(0 <= a.tok_start - e <= 1 for e in verbs)]
                if not actors:
                    continue
            ref = frame.anchor if k == idx else v.sentence.tok_start
            actor = min(actors, key=lambda a: abs(a.tok_start - ref))
            frame.actor = self._actor_id(actor)
            frame.cite("actor", actor.start, actor.end)
            near_claim = min((abs(c.tok_start - actor.tok_start) for c in claims), default=None)
            near_attr = min((abs(c.tok_start - actor.tok_start) for c in attributions), default=None)
            if near_claim is not None and (near_attr is None or near_claim <= near_attr) \
                    and frame.actor not in DESCRIPTIVE_ACTORS:
                frame.actor_basis = "claimed"
                c = min(claims, key=lambda c: abs(c.tok_start - actor.tok_start))
                frame.cite("actor_basis", c.start, c.end)
            else:
                frame.actor_basis = "attributed"
                cue = min(attributions, key=lambda c: abs(c.tok_start - actor.tok_start)) if attributions else actor
                frame.cite("actor_basis", cue.start, cue.end)
            return
        if self._group_anaphor(frame, view):
            return
        if view.get("cue", "claim"):
            # "كما دك المجاهدون ...", "استهدف مجاهدونا ...": the group whose claim the text told before
            for prev in reversed(self.frames):
                if prev.type == "attack" and prev.actor_basis == "claimed" and prev.actor is not None:
                    frame.actor, frame.actor_basis = prev.actor, "claimed"
                    c = view.get("cue", "claim")[0]
                    frame.cite("actor", c.start, c.end)
                    frame.cite("actor_basis", c.start, c.end)
                    return

    def _group_anaphor(self, frame: Frame, view: SentenceView) -> bool:
        """"أعلنت المقاومة أنها استهدفت ...", "استهدفت الميليشيات بقذائف صاروخية ...": a bare group word in
        the event's clause (or right after its verb) is the armed group last named before the sentence."""
        clause = view.clause_of(frame.anchor)
        verbs = [t.tok_end for t in view.get("trigger", "attack")]
        word = None
        for j in range(view.sentence.tok_start, view.sentence.tok_end):
            tok = self.ctx.tok(j)
            if (tok in GROUP_WORDS or (tok[:1] == "و" and tok[1:] in GROUP_WORDS)) \
                    and (view.clause_of(j) == clause or any(0 <= j - e <= 1 for e in verbs)):
                word = j
                break
        if word is None:
            return False
        named = [m for m in self.doc.mentions if m.category == "actor" and m.tok_start < view.sentence.tok_start
                 and self.res.entries[m.entry_id].kind in PERPETRATOR_KINDS
                 and self.res.entries[m.entry_id].role_hint == "perpetrator"]
        if not named:
            return False
        group = named[-1]
        frame.actor = self._actor_id(group)
        claims = view.get("cue", "claim") + view.get("cue", "claim_weak")
        claimed = any(abs(c.tok_start - word) <= 3 for c in claims) and frame.actor not in DESCRIPTIVE_ACTORS
        frame.actor_basis = "claimed" if claimed else "attributed"
        start, end = self.ctx.span_of(word, word + 1)
        frame.cite("actor", group.start, group.end)
        frame.cite("actor_basis", start, end)
        return True

    def _target(self, frame: Frame, view: SentenceView) -> None:
        cands = [a for a in view.get("actor") if a.entry_id in TARGET_ACTORS]
        cands += [c for c in view.get("cue", "coalition_target")]
        if cands:
            best = min(cands, key=lambda a: abs(a.tok_start - frame.anchor))
            frame.target = "coalition" if best.category == "cue" or best.entry_id == "coalition" else "us-forces"
            frame.cite("target", best.start, best.end)
            return
        if frame.loc is not None and frame.loc.category == "site":
            # the site's recorded hosts say whose forces are there
            frame.target = "us-forces"
            frame.cite("target", frame.loc.start, frame.loc.end)

    # --- sentence --------------------------------------------------------------------------------------
    def sentence(self, view: SentenceView) -> None:
        sites, places = self._locations(view)
        if not (view.get("trigger") or view.get("weapon") or view.get("cue")):
            # nothing that could make, complete or deny an event: only the last place told is kept
            for loc in [*sites, *places]:
                self.last_location = loc
            return
        collective = view.get("cue", "collective")
        attack_trigs = [t for t in _valid_triggers(view, "attack")
                        if not any(c.tok_start <= t.tok_start < c.tok_end for c in collective)
                        and not self._us_subject(view, t)]
        # "وفي أول رد على العدوان، أعلنت المقاومة ...": what is responded to was told before, not a new strike
        strike_trigs = [t for t in _valid_triggers(view, "strike")
                        if not (self.ctx.tok(t.tok_start - 1) == "علي" and self.ctx.tok(t.tok_start - 2) in RESPONSE_WORDS)]
        weapons = [w for w in view.get("weapon") if "س" not in w.prefix]
        all_reinf = _valid_triggers(view, "reinforcement")
        reinf_trigs = [t for t in all_reinf if t.surface.startswith(STRONG_REINFORCEMENT)]
        arrivals = [t for t in all_reinf if t.surface.startswith(ARRIVAL_VERBS)]
        if not reinf_trigs and arrivals and not attack_trigs and not strike_trigs:
            # aircraft that arrive at a base ("12 مقاتلة من طراز إف-15 وصلت إلى قاعدة موفق السلطي")
            aircraft = [w for w in weapons if w.entry_id == "aircraft"]
            reinf_trigs = [*aircraft, *arrivals] if aircraft else []
        attack_weapons = [w for w in weapons if w.entry_id != "aircraft"]
        if not attack_weapons and not view.get("cue", "claim"):
            # "عملية" is any operation ("عملية الإفراج عن المحتجزين"): an attack word only with a weapon or a claim
            attack_trigs = [t for t in attack_trigs if not t.surface.startswith("عمليه")]
        if reinf_trigs and attack_trigs and all(t.surface.startswith(HABITUAL_TRIGGERS) for t in attack_trigs):
            # "رتل ... دخل قاعدة عين الأسد ... لتعزيز حمايتها من هجمات المسيرات": the convoy is the event
            attack_trigs, attack_weapons = [], []
        negated = _sentence_negated(view) and not attack_trigs
        history = bool(attack_trigs or strike_trigs or attack_weapons or reinf_trigs) and self._past_year(view)
        if history:
            attack_trigs, strike_trigs, attack_weapons, reinf_trigs, negated = [], [], [], [], True
        striker = self._striker(view, strike_trigs)
        carried = False
        if striker is None:
            striker = self._carried_striker(view, strike_trigs, attack_trigs, sites)
            carried = striker is not None
        elif striker[1].category != "trigger":
            self.recent_striker = (striker[0], view.sentence.index)
        made: list[Frame] = []

        strike_path = not history and striker is not None and (strike_trigs or carried or striker[1].category == "cue") and not (
            _sentence_negated(view) and not strike_trigs)
        if strike_path and not strike_trigs and attack_trigs and attack_weapons and sites:
            strike_path = False  # "استهداف ... قاعدة كونيكو بطائرتين مسيرتين ... أعقبهما تحليق لطائرات التحالف"
        if strike_path:
            assert striker is not None
            made += self._strikes(view, striker, sites, places, attack_trigs, weapons)
        elif (attack_trigs or attack_weapons) and not negated:
            made += self._attacks(view, sites, places, attack_trigs, attack_weapons)
            drones = [w for w in attack_weapons if w.entry_id == "drone"]
            if not made and drones and attack_trigs and not sites and self._names_vehicle(view):
                self.vehicle_hits.append((view, drones, places))
        counted = self.ctx.tally_sentences.get(view.sentence.index, set())
        if reinf_trigs and not made and not view.get("cue", "civilian") \
                and not counted & {"trucks", "flights", "troops"}:
            made += self._reinforcements(view, sites, places, reinf_trigs, arrivals)
        for f in made:
            if f.type == "attack":
                self._lead_in(f, view)
            self._status(f, view)
        if not made:
            self._follow_up(view)
            self._denied(view, sites)
        for loc in [*sites, *places]:
            self.last_location = loc
        self.frames.extend(made)

    # --- status: whose account the text gives -----------------------------------------------------------
    def _status(self, frame: Frame, view: SentenceView) -> None:
        """"confirmed" when an official of the side that was hit (or, for a strike, the striker's or Iraqi
        officials) states it in the sentence or the next one ("أكد البنتاغون", "قالت القيادة المركزية");
        "claimed" when the perpetrator's own statement gives the actor; else "reported"."""
        sources = CONFIRMING_SOURCES | (STRIKE_CONFIRMING if frame.type == "strike" else frozenset())
        for k in range(view.sentence.index, min(view.sentence.index + 2, len(self.ctx.views))):
            v = self.ctx.views[k]
            officials = [a for a in v.get("actor") if a.entry_id in sources]
            for cue in v.get("cue", "confirm"):
                near = [a for a in officials if abs(a.tok_start - cue.tok_start) <= 6]
                if near and frame.type != "reinforcement":
                    frame.status = "confirmed"
                    frame.cite("status", cue.start, cue.end)
                    frame.cite("status", near[0].start, near[0].end)
                    return
        if frame.type == "attack" and frame.actor_basis == "claimed":
            frame.status = "claimed"
            for span in frame.evidence.get("actor_basis", []):
                frame.cite("status", *span)
            return
        media = [a for a in view.get("actor") if self.res.entries[a.entry_id].kind in ("monitor", "media")]
        for m in media[:1] or []:
            frame.cite("status", m.start, m.end)
        for span in ([] if media else frame.evidence.get("type", [])[:1]):
            frame.cite("status", *span)

    def _denied(self, view: SentenceView, sites: list[Mention]) -> None:
        """"نفت وزارة الدفاع تعرض قاعدة عين الأسد لأي هجوم": a denial that names the place of an event told
        before (or follows it at once without a place) marks that event denied, unless an official
        confirmed it."""
        denials = [c for c in view.get("cue", "denial") if c.surface.startswith(DENIAL_VERBS)]
        if not denials or not self.frames:
            return
        named = {s.entry_id for s in sites}
        for f in reversed(self.frames):
            if f.type == "reinforcement" or f.status == "confirmed":
                continue
            # what is denied is the event itself: its word follows the denial ("نفى تعرض القاعدة لهجوم")
            denied_event = any(0 <= t.tok_start - d.tok_end <= 6 for d in denials
                               for t in view.get("trigger", f.type) + view.get("trigger", "attack"))
            same = f.loc is not None and f.loc.entry_id in named
            right_after = not named and view.sentence.index - f.sentence <= 1
            if denied_event and (same or right_after):
                f.status = "denied"
                f.evidence.pop("status", None)
                f.cite("status", denials[0].start, denials[0].end)
                return

    def _toll_hedged(self, view: SentenceView) -> bool:
        """A threat or denial word before the sentence's first toll word ("حذر من أن الهجمات قد تؤدي إلى
        سقوط قتلى"); one after it ("لم يسفر عن خسائر، مشيرين إلى أن القوات تلقت تحذيرا") does not count."""
        tolls = [m.tok_start for m in view.get("casualty") + view.get("cue", "toll_negator")
                 + view.get("cue", "intercept")]
        first = min(tolls, default=view.sentence.tok_end)
        return any(c.tok_start < first for kind in NEGATING_CUES for c in view.get("cue", kind))

    def _lead_in(self, frame: Frame, view: SentenceView) -> None:
        """An interception told just before the place is named: "أسقطت المدمرة 3 صواريخ وعدة طائرات مسيرة
        أطلقتها حركة أنصار الله" then "هذه الصواريخ انطلقت من اليمن ... على طول البحر الأحمر".  The first
        sentence (no place, no event of its own, an interception of the same kind of munition) gives
        interception, its munitions and the actor."""
        k = view.sentence.index - 1
        if k < 0 or any(f.sentence == k for f in self.frames):
            return
        prev = self.ctx.views[k]
        if prev.get("site") or prev.get("place") or not prev.get("cue", "intercept") or _sentence_negated(prev):
            return
        kinds = {w.entry_id for w in prev.get("weapon") if w.entry_id != "aircraft"}
        family = {"missile": "rocket"}
        if not {family.get(w, w) for w in kinds} & {family.get(w, w) for w in frame.weapons}:
            return
        if frame.intercepted is None:
            self._intercepted(frame, prev)
        for w in prev.get("weapon"):
            if w.entry_id not in ("aircraft", "rocket", "missile") and w.entry_id not in frame.weapons:
                frame.weapons.append(w.entry_id)
                frame.cite("weapons", w.start, w.end)
        actors = self._perpetrators(prev)
        if frame.actor is None and actors:
            frame.actor = self._actor_id(actors[0])
            claimed = prev.get("cue", "claim") and frame.actor not in DESCRIPTIVE_ACTORS
            frame.actor_basis = "claimed" if claimed else "attributed"
            frame.cite("actor", actors[0].start, actors[0].end)
            frame.cite("actor_basis", actors[0].start, actors[0].end)

    def _follow_up(self, view: SentenceView) -> None:
        """A sentence with no event of its own that gives the toll or the interception of the event told
        just before ("وأسفر الهجوم عن ...", "اعترضت الدفاعات معظم الصواريخ") completes that event."""
        if not self.frames or self._toll_hedged(view):
            return
        last = self.frames[-1]
        if view.sentence.index - last.sentence > 2 or view.get("site") or view.get("place"):
            return
        if last.type == "attack" and view.get("cue", "intercept") and (view.get("weapon") or view.get("trigger")):
            self._intercepted(last, view)
        if last.type != "reinforcement" and (last.killed is None or last.injured is None) \
                and (view.get("trigger") or view.get("weapon") or view.get("cue", "intercept")) and \
                (view.get("casualty") or view.get("cue", "toll_negator")):
            self._casualties(last, view)
        if last.type == "reinforcement" and last.count is None and view.sentence.index - last.sentence <= 1 \
                and not self.ctx.tally_sentences.get(view.sentence.index):
            # "وصل رتل ... إلى قاعدة قسرك" then "ويتألف الرتل من 45 شاحنة"
            self._reinforcement_count(last, view, view.get("trigger", "reinforcement"))

    def _names_vehicle(self, view: SentenceView) -> bool:
        return any(self.ctx.tok(j).startswith(VEHICLE_STEMS) for j in range(view.sentence.tok_start,
                                                                            view.sentence.tok_end))

    def vehicle_strikes(self, merged: list[Frame]) -> None:
        """"طائرة مسيرة استهدفت عجلة في منطقة المشتل شرقي بغداد" with no striker named, then "حمّلت فصائل
        القوات الأمريكية مسؤولية الاعتداء": a strike of the state the text blames (attributed)."""
        if not self.vehicle_hits or any(f.type == "strike" for f in merged):
            return
        blamed = None
        for v in self.ctx.views:
            cues = v.get("cue", "attribution")
            if not cues or _sentence_negated(v):
                continue
            named = [a for a in v.get("actor") if a.entry_id in STRIKERS
                     and any(abs(a.tok_start - c.tok_start) <= 6 for c in cues)]
            if named:
                blamed = named[0]
                break
        if blamed is None:
            return
        made = []
        for view, drones, places in self.vehicle_hits:  # the headline and the body: one record per place/day
            locs = self._best_place([p for p in places if not self._is_origin(p)])
            loc = locs[0] if locs else None
            anchor = loc.tok_start if loc is not None else drones[0].tok_start
            frame = self._new("strike", view, loc, anchor, drones[0])
            if frame.country is None:
                continue
            self._date(frame, view)
            self._weapons(frame, drones, view)
            frame.actor, frame.actor_basis = STRIKERS[blamed.entry_id], "attributed"
            frame.cite("actor", blamed.start, blamed.end)
            frame.cite("actor_basis", blamed.start, blamed.end)
            self._casualties(frame, view)
            frame.vehicle = True
            made.append(frame)
        merged.extend(merge(made))

    def lone_event_tolls(self, merged: list[Frame]) -> None:
        """When a document tells of one attack (or one strike) only, a toll stated anywhere with a word of
        that event ("الهجوم الذي أودى بحياة ثلاثة جنود", "ارتفعت حصيلة شهداء العدوان إلى 17") is its toll,
        unless the sentence names another place of a different country."""
        for type_ in ("attack", "strike"):
            frames = [f for f in merged if f.type == type_]
            if len(frames) != 1:
                continue
            frame = frames[0]
            if frame.killed is not None and frame.injured is not None:
                continue
            for view in self.ctx.views:
                if view.sentence.index == frame.sentence \
                        or not (view.get("casualty") or view.get("cue", "toll_negator")) \
                        or not (view.get("trigger", type_) or (frame.vehicle and self._names_vehicle(view))) \
                        or self._toll_hedged(view):
                    continue
                if self.ctx.tally_sentences.get(view.sentence.index):
                    continue
                other = [m for m in view.mentions if m.category in ("site", "place", "country")
                         and self._country_code(m) not in (None, frame.country)]
                if other:
                    continue
                before = (frame.killed, frame.injured)
                self._casualties(frame, view)
                if (frame.killed, frame.injured) != before and frame.killed is not None and frame.injured is not None:
                    break

    def lone_event_actor(self, merged: list[Frame]) -> None:
        """When a document tells of one attack only, a claim ("تبنت ... الهجوم") or an accusation ("اتهمت
        واشنطن كتائب حزب الله بتنفيذ الهجوم") anywhere in it names its actor; the sentence nearest the event
        wins, a claim before an accusation in the same sentence."""
        attacks = [f for f in merged if f.type == "attack"]
        if len(attacks) != 1 or attacks[0].actor is not None:
            return
        frame = attacks[0]
        if self.ctx.views[frame.sentence].get("cue", "no_claim"):
            return  # "ولم تتبن أي جهة الهجوم"
        order = sorted(range(len(self.ctx.views)), key=lambda k: abs(k - frame.sentence))
        for k in order:
            v = self.ctx.views[k]
            actors = self._perpetrators(v)
            if not actors or not v.get("trigger", "attack") or _sentence_negated(v):
                continue
            other = [m for m in v.get("site") if frame.loc is None or m.entry_id != frame.loc.entry_id]
            if other:
                continue
            for kind, basis in (("claim", "claimed"), ("attribution", "attributed")):
                cues = v.get("cue", kind)
                if not cues or (kind == "claim" and v.get("cue", "no_claim")):
                    continue  # "لم تعلن أي جهة مسؤوليتها، لكن فصائل ... تبنت عشرات الهجمات": no claim of this one
                actor = min(actors, key=lambda a: min(abs(a.tok_start - c.tok_start) for c in cues))
                frame.actor = self._actor_id(actor)
                frame.actor_basis = "attributed" if frame.actor in DESCRIPTIVE_ACTORS else basis
                cue = min(cues, key=lambda c: abs(c.tok_start - actor.tok_start))
                frame.cite("actor", actor.start, actor.end)
                frame.cite("actor_basis", cue.start, cue.end)
                return

    def _country_code(self, m: Mention) -> str | None:
        return m.entry_id if m.category == "country" else self.res.entries[m.entry_id].country

    def _striker(self, view: SentenceView, strike_trigs: list[Mention]) -> tuple[str, Mention] | None:
        """Who strikes: a state-striker phrase ("غارة أمريكية", "ردت بغارة") or a strike word with a
        state actor near it; a named actor next to the phrase (قوات التحالف ردت بغارة) decides between
        US, coalition and Israel."""
        named = [a for a in view.get("actor") if a.entry_id in STRIKERS]
        if view.get("cue", "other_striker") or (self.arab_coalition_doc and any(
                a.entry_id == "coalition" and a.surface in ("التحالف", "تحالف") for a in named)):
            # "طيران التحالف العربي", "الطائرات الروسية": only a striker named outright stays ours
            named = [a for a in named if a.entry_id not in ("coalition", "us-forces")
                     or a.surface not in ("التحالف", "تحالف")]
            if not [a for a in named if a.entry_id != "coalition"]:
                self.recent_striker = None
                return None
        for cue in view.get("cue", "state_striker"):
            near = [a for a in named if abs(a.tok_start - cue.tok_start) <= 4]
            if near:
                a = min(near, key=lambda a: abs(a.tok_start - cue.tok_start))
                return STRIKERS[a.entry_id], cue
            text = cue.surface
            if "اسراييل" in text:
                return "israel", cue
            if "تركي" in text:
                return "turkey", cue
            if "اردني" in text:
                return "jordan-government", cue
            if "تحالف" in text:
                return "coalition", cue
            return "us-forces", cue
        if strike_trigs:
            for a in named:
                if any(abs(a.tok_start - t.tok_start) <= 8 for t in strike_trigs):
                    return STRIKERS[a.entry_id], a
            recent = [f for f in self.frames if f.type == "strike" and view.sentence.index - f.sentence <= 2]
            if recent and recent[-1].actor is not None:
                return recent[-1].actor, strike_trigs[0]
        return None

    def _carried_striker(self, view: SentenceView, strike_trigs: list[Mention], attack_trigs: list[Mention],
                         sites: list[Mention]) -> tuple[str, Mention] | None:
        """A strike told over several sentences: "شنت القوات الأمريكية ضربات ..." then "وطالت الغارات
        مواقع في البوكمال" or "قصفت منشأتين يستخدمهما الحرس الثوري".  The striker named up to two sentences
        before carries over to a strike word, or to an attack word aimed at an armed group's site."""
        if self.recent_striker is None:
            return None
        if view.sentence.index - self.recent_striker[1] > 2:
            # further on, only a definite strike word refers back to the strikes told ("الضربات طالت ...")
            definite = [t for t in strike_trigs if "ال" in t.prefix or t.surface.startswith("ال")]
            return (self.recent_striker[0], definite[0]) if definite else None
        actor = self.recent_striker[0]
        if strike_trigs:
            return actor, strike_trigs[0]
        groups = [a for a in view.get("actor") if a.entry_id in ("irgc", "pmf", "kataib-hezbollah",
                                                                  "iran-backed-militias", "harakat-al-nujaba")]
        # "طائرات حربية من طراز إف-15 قصفت ثلاثة مواقع": warplanes are the striker's, never the attackers'
        warplanes = [w for w in view.get("weapon") if w.entry_id == "aircraft"]
        if attack_trigs and (groups or warplanes) and not sites:
            return actor, attack_trigs[0]
        return None

    def _new(self, type_: str, view: SentenceView, loc: Mention | None, anchor: int, trig: Mention | None) -> Frame:
        country = None
        country_ev = None
        if loc is not None:
            country = self.res.entries[loc.entry_id].country
        else:
            country, country_ev = self._country_of(view, anchor)
        f = Frame(type=type_, sentence=view.sentence.index, loc=loc, country=country, country_ev=country_ev,
                  anchor=anchor)
        if trig is not None:
            f.cite("type", trig.start, trig.end)
        if loc is not None:
            f.cite("location", loc.start, loc.end)
            f.cite("country", loc.start, loc.end)
        elif country_ev is not None:
            f.cite("country", country_ev.start, country_ev.end)
        return f

    def _next_country(self, frame: Frame, view: SentenceView) -> None:
        """"استهدفت مسيرة إسرائيلية دراجة نارية في بلدة عيترون" then "... في جنوب لبنان": a strike whose
        sentence names no place or country takes the one country the next sentence names."""
        k = view.sentence.index + 1
        if k >= len(self.ctx.views):
            return
        nxt = self.ctx.views[k]
        codes = {c.entry_id for c in nxt.get("country")}
        if len(codes) == 1 and not nxt.get("site") and not nxt.get("place"):
            c = nxt.get("country")[0]
            frame.country, frame.country_ev = c.entry_id, c
            frame.cite("country", c.start, c.end)

    def _nearest(self, items: list[Mention], tok: int) -> Mention | None:
        return min(items, key=lambda m: abs(m.tok_start - tok)) if items else None

    def _assign(self, weapons: list[Mention], locs: list[Mention], loc: Mention, view: SentenceView) -> list[Mention]:
        """The weapons of one location: its clause's if it has any, else the nearest location's."""
        clause = view.clause_of(loc.tok_start)
        own = [w for w in weapons if view.clause_of(w.tok_start) == clause]
        if own and len(locs) <= 1:
            # "هجوم صاروخي على قاعدة كي وان، أطلق فيه 30 صاروخا": the same munition counted in the next clause
            kinds = {w.entry_id for w in own}
            return own + [w for w in weapons if w not in own and w.entry_id in kinds]
        if own:
            return own
        if len(locs) <= 1:
            return weapons
        return [w for w in weapons if self._nearest(locs, w.tok_start) is loc]

    def _same_clause(self, view: SentenceView, a: Mention, others: list[Mention]) -> bool:
        clause = view.clause_of(a.tok_start)
        return any(view.clause_of(o.tok_start) == clause for o in others)

    def _attacks(self, view: SentenceView, sites: list[Mention], places: list[Mention],
                 trigs: list[Mention], weapons: list[Mention]) -> list[Frame]:
        frames = []
        anchors = trigs + weapons
        us_context = self._us_context(view)
        # a site whose name is also a common word needs a weapon, a base word ("قاعدة ..."), a US/coalition
        # word or a claim with it: "أصيب محمد الشدادي في كمين" is no attack on Shaddadi
        sites = [s for s in sites if s.entry_id not in self.res.common_word_names or weapons or us_context
                 or view.get("cue", "claim") or self._facility(s)]
        # an airport or the Green Zone anywhere in the sentence ("سقطت ... في محيط معسكر للتحالف، يضم قوات
        # أمريكية قرب مطار بغداد"); other places only in a clause with the attack's words
        hosts = [p for p in places if not self._is_origin(p) and weapons
                 and (self.res.entries[p.entry_id].kind == "airport" or p.entry_id in HOST_PLACES)]
        places = [p for p in places if not self._is_origin(p) and self._same_clause(view, p, anchors)]
        locs = sites or hosts[:1] or self._best_place(places)  # "المنطقة الخضراء وسط بغداد": the Green Zone
        airport = bool(hosts) and not sites
        if not sites and locs and not (airport and weapons) and not (us_context and (weapons or any(
                a.entry_id in TARGET_ACTORS and view.clause_of(a.tok_start) == view.clause_of(locs[0].tok_start)
                for a in view.get("actor")))):
            locs = []  # an attack in a town is in scope only when US/coalition forces are its target
        # a clause that refers back to an earlier place ("هذا الحقل") with a weapon of its own
        for anaphor in view.get("cue", "anaphora"):
            clause = view.clause_of(anaphor.tok_start)
            if self.last_location is None or any(view.clause_of(x.tok_start) == clause for x in locs):
                continue
            own = [w for w in weapons if view.clause_of(w.tok_start) == clause]
            if not own and not locs:
                own = weapons
            if own or not locs:
                prev = self.last_location
                ref = Mention(prev.category, prev.entry_id, anaphor.start, anaphor.end, prev.surface,
                              anaphor.tok_start, anaphor.tok_end)
                frame = self._new("attack", view, ref, anaphor.tok_start, self._nearest(anchors, anaphor.tok_start))
                self._fill_attack(frame, view, own, [ref, *locs])
                frames.append(frame)
                weapons = [w for w in weapons if w not in own]
        if not locs:
            if not frames and weapons and trigs and self._country_of(view, trigs[0].tok_start)[0] and \
                    any(d.precision == "day" for _t, d in view.dates) and \
                    (view.get("cue", "coalition_target") or any(a.entry_id in TARGET_ACTORS for a in view.get("actor"))):
                frame = self._new("attack", view, None, trigs[0].tok_start, trigs[0])
                self._fill_attack(frame, view, weapons, [])
                frames.append(frame)
            return frames
        for loc in locs:
            trig = self._nearest(trigs, loc.tok_start) or self._nearest(weapons, loc.tok_start)
            frame = self._new("attack", view, loc, loc.tok_start, trig)
            self._fill_attack(frame, view, self._assign(weapons, locs, loc, view), locs)
            if not self._summary(view, frame, trigs):
                frames.append(frame)
        return frames

    def _summary(self, view: SentenceView, frame: Frame, trigs: list[Mention]) -> bool:
        """"توزعت تلك الهجمات على حقلي العمر وكونيكو", "الهجمات المتكررة التي تستهدف قواعد ...": bases named
        in a summary (a sentence with a count of attacks) or in habitual talk, with no day of their own
        ("منذ 19 تشرين الأول" starts a period) and no weapon or toll, are no event."""
        own_day = any(d.precision == "day" and self.ctx.tok(t - 1) != "منذ" and not self.ctx.tok(t).startswith("منذ")
                      for t, d in view.dates)
        if own_day:
            return False
        if "attacks" in self.ctx.tally_sentences.get(view.sentence.index, set()):
            return True
        weak = all(t.surface.startswith(HABITUAL_TRIGGERS) for t in trigs)
        return weak and not (frame.weapons or frame.killed or frame.injured or frame.intercepted)

    def _fill_attack(self, frame: Frame, view: SentenceView, weapons: list[Mention], locs: list[Mention]) -> None:
        self._date(frame, view)
        self._weapons(frame, weapons, view)
        self._casualties(frame, view, locs)
        self._intercepted(frame, view)
        self._actor_for_attack(frame, view)
        if frame.actor in MISSILE_ACTORS and "rocket" in frame.weapons and "missile" not in frame.weapons:
            frame.weapons = sorted({"missile", *frame.weapons} - {"rocket"})  # launched from Yemen or Iran
        self._target(frame, view)

    def _strikes(self, view: SentenceView, striker: tuple[str, Mention], sites: list[Mention],
                 places: list[Mention], attack_trigs: list[Mention], weapons: list[Mention]) -> list[Frame]:
        frames: list[Frame] = []
        actor, cue = striker
        # a US site in a strike sentence is an attack only if an attack trigger shares its clause
        for site in sites:
            clause = view.clause_of(site.tok_start)
            if any(view.clause_of(t.tok_start) == clause for t in attack_trigs) and \
                    self.res.entries[site.entry_id].kind != "city":
                f = self._new("attack", view, site, site.tok_start, self._nearest(attack_trigs, site.tok_start))
                own = [w for w in weapons if w.entry_id != "aircraft" and view.clause_of(w.tok_start) == clause]
                if len(sites) == 1:  # "هجوم صاروخي على قاعدة كي وان، أطلق فيه 30 صاروخا"
                    own += [w for w in weapons if w not in own and w.entry_id in {o.entry_id for o in own}]
                self._fill_attack(f, view, own, sites)
                if not self._summary(view, f, attack_trigs):
                    frames.append(f)
        anchors = [cue, *view.get("trigger", "strike"), *view.get("cue", "state_striker")]
        # "قاعدة كي وان قرب كركوك": a place that locates a named site belongs to the site's attack
        places = [p for p in places if not any(0 <= p.tok_start - s.tok_end <= 3 for s in sites)]
        near = [p for p in places if not self._is_origin(p) and not self._toward(p)
                and (min(abs(p.tok_start - a.tok_start) for a in anchors) <= 12
                     or self._same_clause(view, p, anchors))]
        targets = self._best_place(near, every=True)
        if not targets:
            recent = [p for s, p in self.launch_points if view.sentence.index - s <= 2]
            if recent:
                p = recent[-1]
                targets = [Mention(p.category, p.entry_id, p.start, p.end, p.surface, p.tok_start, p.tok_end)]
        dated = any(d.precision == "day" for _t, d in view.dates) or bool(view.get("cue", "same_day"))
        if (not targets and not dated) or (actor not in ("us-forces", "coalition") and not dated):
            return frames
        for loc in targets or [None]:
            frame = self._new("strike", view, loc, loc.tok_start if loc is not None else cue.tok_start, cue)
            if loc is None and frame.country is None and not view.get("country"):
                self._next_country(frame, view)
            if loc is None and (frame.country is None or len({c.entry_id for c in view.get("country")}) > 1):
                continue
            if actor == "coalition" and frame.country in SAUDI_COALITION_THEATRES:
                continue  # in Yemen "التحالف" is the Saudi-led coalition, not the US-led one
            self._date(frame, view)
            strike_words = [cue, *view.get("trigger", "strike")]
            drones = [w for w in weapons if w.entry_id == "drone"  # "غارة بطائرة مسيرة أمريكية"
                      and any(0 <= w.tok_start - t.tok_end <= 3 for t in strike_words)]
            artillery = [w for w in weapons if w.entry_id == "artillery"]
            chosen = drones or artillery or [w for w in weapons if w.entry_id == "aircraft"]
            frame.weapons = sorted({w.entry_id for w in chosen}) or ["aircraft"]
            for w in chosen or [cue]:
                frame.cite("weapons", w.start, w.end)
            if not chosen and cue.surface.startswith(DRONE_STRIKER_STEMS):
                # "مسيرة إسرائيلية", "طائرة مسيرة أمريكية": one drone, named in the striker phrase
                frame.weapons, frame.count = ["drone"], 1
                frame.cite("count", cue.start, cue.end)
            frame.actor = actor
            frame.actor_basis = "claimed" if view.get("cue", "claim") or self._striker_speaks(actor, frame.country) \
                else "attributed"
            frame.cite("actor", cue.start, cue.end)
            frame.cite("actor_basis", cue.start, cue.end)
            groups = [a for a in view.get("actor") if self.res.entries[a.entry_id].kind in PERPETRATOR_KINDS
                      or a.entry_id in ("irgc", "pmf")]
            if groups:
                g = self._nearest(groups, frame.anchor)
                assert g is not None
                frame.target = g.entry_id
                frame.cite("target", g.start, g.end)
            self._casualties(frame, view, targets)
            frames.append(frame)
        return frames

    def _reinforcements(self, view: SentenceView, sites: list[Mention], places: list[Mention],
                        trigs: list[Mention], arrivals: list[Mention]) -> list[Frame]:
        """A convoy, cargo flight or aircraft arriving at a base.  Needs a base (or, for a town or no place,
        US/coalition forces named) and a told occasion: a date in the sentence or a past-tense arrival verb
        ("دخل", "هبطت"); habitual talk ("طائرات الشحن التي تهبط في ...") is no event.  A month-level date
        ("الشهر الماضي") leaves the date null."""
        dests = [s for s in sites if not self._is_origin(s)]
        us_context = self._us_context(view)
        if not dests and us_context:
            dests = self._best_place([p for p in places if not self._is_origin(p)])
        day = any(d.precision == "day" for _t, d in view.dates)
        coarse = any(d.precision in ("week", "month") for _t, d in view.dates)
        if not (day or coarse or arrivals):
            return []
        if not dests and not (day and us_context):
            return []
        frames = []
        for loc in dests or [None]:
            anchor = loc.tok_start if loc is not None else trigs[0].tok_start
            frame = self._new("reinforcement", view, loc, anchor, trigs[0])
            if loc is None and frame.country is None:
                continue
            if day or not coarse:
                self._date(frame, view)
            self._reinforcement_count(frame, view, trigs)
            frames.append(frame)
        return frames

    def _reinforcement_count(self, frame: Frame, view: SentenceView, trigs: list[Mention]) -> None:
        """Vehicles or aircraft: a number before a convoy/truck/aircraft word ("رتل مؤلف من 25 شاحنة",
        "يضم 45 آلية", "12 مقاتلة"), else the number a dual or singular form states ("طائرتا شحن")."""
        nouns = sorted([*trigs, *view.get("tally", "trucks"), *view.get("tally", "flights")],
                       key=lambda m: m.tok_start)
        for t in nouns:
            num = self.ctx.number_before(t.tok_start)
            if num is not None and num[0] is not None:
                frame.count = num[0]
                frame.cite("count", *self.ctx.span_of(num[1], num[2]))
                return
        for t in trigs:
            count = t.attrs.get("count")
            if isinstance(count, int):
                frame.count = count
                frame.cite("count", t.start, t.end)
                return


# --- merging and output ----------------------------------------------------------------------------------

def _key(f: Frame) -> tuple[str, str | None, str | None]:
    return f.type, f.loc.entry_id if f.loc else None, None if f.loc else f.country


def _absorb(into: Frame, other: Frame) -> None:
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
        if target is None and f.loc is None:
            # an unnamed place told again right after a named one of the same type and country
            for g in reversed(out):
                if g.type == f.type and g.country == f.country and 0 <= f.sentence - g.sentence <= 2 \
                        and (f.date is None or g.date is None or f.date == g.date):
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
    # a strike or reinforcement told at country level ("ضربات أمريكية في سوريا") on the day the text names
    # its places is those events, not another one: it completes the first of them
    for f in [f for f in out if f.loc is None and f.type != "attack"]:
        named = [g for g in out if g.loc is not None and g.type == f.type and g.country == f.country
                 and f.date is not None and g.date == f.date]
        if named:
            _absorb(named[0], f)
            out.remove(f)
    return out


def _fold_areas(frames: list[Frame], res: Resources) -> list[Frame]:
    """One event told at two precisions of place ("قاعدة حرير" in one sentence, "أربيل" in the next): a
    record at a city or governorate joins a record of the same type and day (or an undated one) at a base
    in the same governorate."""
    out = list(frames)
    for f in frames:
        if f.loc is None or f.loc.category != "place":
            continue
        area = res.entries[f.loc.entry_id]
        if area.kind not in AREA_KINDS or area.admin1 is None:
            continue
        for g in out:
            if g is f or g.type != f.type or g.loc is None or g.loc.category != "site":
                continue
            site = res.entries[g.loc.entry_id]
            if site.admin1 == area.admin1 and site.country == area.country \
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


def run(doc: Document, res: Resources, ctx: DocContext) -> Document:
    builder = FrameBuilder(doc, res, ctx)
    for view in ctx.views:
        builder.sentence(view)
    merged = merge(builder.frames)
    # an undated headline record at a place the body tells of as another type of event is a misreading of
    # the headline's compressed wording ("التحالف يرد بقصف مدفعي على الميادين" is the strike, not an attack)
    merged = [f for f in merged if not (ctx.views[f.sentence].sentence.paragraph == 0 and f.date is None and f.loc is not None and any(
        g.loc is not None and g.loc.entry_id == f.loc.entry_id and g.type != f.type for g in merged))]
    merged = _fold_areas(merged, res)
    builder.vehicle_strikes(merged)
    builder.lone_event_tolls(merged)
    builder.lone_event_actor(merged)
    doc.events = [to_event(doc, res, f) for f in merged]
    return doc

