"""Shared parts of the frame stage: the :class:`Frame` under construction, the builder's state, and the
fixed id sets the rules consult (word lists are language data: ``data/rule_words.yaml``).

The frame stage is one builder class assembled from rule mixins, one module each: places
(:mod:`marsad.frame_places`), days (:mod:`marsad.frame_days`), arguments such as date and weapons
(:mod:`marsad.frame_args`), counts (:mod:`marsad.frame_counts`), tolls (:mod:`marsad.frame_tolls`) and the
people they count (:mod:`marsad.frame_people`), actors (:mod:`marsad.frame_actors`), claims and status
(:mod:`marsad.frame_claims`), strikers (:mod:`marsad.frame_strikers`), attacks (:mod:`marsad.frame_attacks`),
reinforcements (:mod:`marsad.frame_convoys`), the sentence rules that make frames (:mod:`marsad.frames`), and
merging into records (:mod:`marsad.frame_merge`).  Every mixin reads and writes the state set up here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from marsad.context import DocContext, SentenceView
from marsad.lexicon import Resources
from marsad.model import Document, Mention

PLACE_RANK = {"city": 0, "town": 0, "airport": 0, "region": 2, "governorate": 3, "sea": 1}
NEGATING_CUES = ("threat", "denial")
# cue classes that only qualify other words (a direction, "اليوم التالي", an analyst, a reaction ...): a
# sentence with nothing else can neither make nor complete an event
PASSIVE_CUES = frozenset({"direction", "next_day", "analysis", "habitual", "reaction", "heading", "told_before",
                          "no_attack_words", "headline_only", "needs_weapon", "not_attack", "departure",
                          "strike_verb", "past_aux", "perfect_particle", "background", "relative",
                          "separate", "ship", "since", "similar", "toll_update",
                          "stationed", "another_convoy", "more_sites", "denied_truth", "convoy_destination", "aside",
                          "followed", "unknown_aircraft", "governorate_back", "flying",
                          "capital"})
MISSILE_ORIGINS = frozenset({"YE", "IR"})
MISSILE_ACTORS = frozenset({"ansar-allah"})  # launches from Yemen: its rockets are missiles (spec)
# who may confirm an event (the side that was hit, officials); for a strike also the Iraqi/Syrian side
CONFIRMING_SOURCES = frozenset({"us-forces", "us-dod", "us-centcom", "us-state-dept", "us-president", "coalition",
                                "iraqi-security-forces", "iraqi-government", "krg", "krg-counter-terrorism",
                                "jordan-government"})
STRIKE_CONFIRMING = frozenset({"iraqi-cts"})
STATUS_RANK = {"reported": 0, "claimed": 1, "denied": 2, "confirmed": 3}
HOST_PLACES = frozenset({"green-zone"})  # places (not sites) that host US facilities: rockets on them are in scope
SAUDI_COALITION_THEATRES = frozenset({"YE"})
# armed groups and state-backed forces whose sites state strikers hit ("مقرا لقوات الحشد الشعبي")
GROUP_TARGETS = frozenset({"pmf", "kataib-hezbollah", "harakat-al-nujaba", "kataib-sayyid-al-shuhada", "irgc",
                           "iran-backed-militias", "iraqi-armed-factions", "hezbollah", "ansar-allah", "isis"})
STRIKER_HOMES = {"israel": "IL", "jordan-government": "JO"}  # a striker does not strike at home
HEAD_STRIKERS = {"us-president": "us-forces"}  # a head of state ordering strikes: whose forces strike
# Iraqi armed groups whose attacks on Israel are in scope ("استهداف منشأة زفولون البحرية في حيفا المحتلة")
IRAQI_GROUPS = frozenset({"islamic-resistance-in-iraq", "kataib-hezbollah", "harakat-al-nujaba",
                          "kataib-sayyid-al-shuhada", "iraqi-armed-factions"})
DESCRIPTIVE_ACTORS = frozenset({"iran-backed-militias", "iraqi-armed-factions"})  # named by others, never claim
SPEAKERS = {"us-forces": frozenset({"us-forces", "us-dod", "us-centcom", "us-president", "us-state-dept"}),
            "coalition": frozenset({"coalition", "us-dod", "us-centcom"})}  # who speaks for a striker
# places that contain bases; of the regions only the hosts (a crossing or a camp is a point of its own:
# "دخل رتل عبر معبر الوليد" and "وصل رتل آخر إلى قاعدة الشدادي" are two convoys)
AREA_KINDS = frozenset({"city", "town", "governorate"})


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
    background: bool = False  # told as background with no date of its own: no record unless another completes
    separate: bool = False  # told as another incident ("وفي حادث آخر"): never the record of an earlier sentence
    several: bool = False  # a country-level record of several attacks ("في هجمات صاروخية استهدفت موقعين")

    def cite(self, name: str, start: int, end: int) -> None:
        spans = self.evidence.setdefault(name, [])
        if (start, end) not in spans:
            spans.append((start, end))


def valid_triggers(view: SentenceView, trig_type: str) -> list[Mention]:
    """Triggers not negated by a threat/denial cue earlier in the same clause, and not future tense."""
    triggers = view.get("trigger", trig_type)
    if not triggers:
        return []  # (the cues below only ever remove a trigger)
    out = []
    cues = [m for c in NEGATING_CUES for m in view.get("cue", c)]
    denials = view.get("cue", "denial")
    # "نفى مصدر عسكري، الاثنين، صحة ما تداولته المواقع حول تعرض القاعدة لهجوم": what a denial verb denies
    cues += [m for m in view.get("cue", "denied_truth") if any(d.tok_end <= m.tok_start for d in denials)]
    for t in triggers:
        if "س" in t.prefix:
            continue
        if cues:
            clause = view.clause_of(t.tok_start)
            if any(view.clause_of(c.tok_start) == clause and c.tok_start <= t.tok_start for c in cues):
                continue
        out.append(t)
    return out


def sentence_negated(view: SentenceView) -> bool:
    return bool(view.get("cue", "threat") or view.get("cue", "denial"))


class BuilderBase:
    """The state of one document's frame building, shared by the rule mixins."""

    def __init__(self, doc: Document, res: Resources, ctx: DocContext) -> None:
        self.doc, self.res, self.ctx = doc, res, ctx
        self.frames: list[Frame] = []
        self.launch_points: list[tuple[int, Mention]] = []  # (sentence index, place)
        self.last_location: Mention | None = None
        self.capital: Mention | None = None  # the city named right after "العاصمة" last
        self.recent_striker: tuple[str, int] | None = None  # (actor, sentence index) of the last striker named
        # (striker, country) -> its own statement is in the text (per document)
        self.speaks: dict[tuple[str, str | None], bool] = {}
        # drone hits on a vehicle with no striker named: a strike if the text later lays it at a state's door
        self.vehicle_hits: list[tuple[SentenceView, list[Mention], list[Mention]]] = []
        # places named with an explosion explained away or an attack denied ("لم تتعرض لأي هجوم"), and the
        # sentences of such statements that name no place
        self.debunked: set[str] = set()
        # places the body names in sentences of history ("الهجوم ... الذي استهدف مطار أربيل في أيلول من العام
        # الماضي"): a headline event there with no day of its own is that history
        self.history_places: set[str] = set()
        self.debunked_near: list[int] = []
        # an attack sentence ending with ":" and the list items after it that name its targets one by one
        # ("هاجم مجاهدو المقاومة ... ثلاث قواعد للعدو، وهي:" then "1- قاعدة الشدادي ..."): (last index, frames)
        self.list_lead: tuple[int, list[Frame]] | None = None
        # sentences with strike words and no striker (view, sites, places, attack words, weapons): a later
        # accusation may name the striker ("ونسب الأهالي الغارات إلى سلاح الجو الأردني")
        self.unattributed: list[tuple[SentenceView, list[Mention], list[Mention], list[Mention], list[Mention]]] = []
        # the document speaks of the Saudi-led coalition: a bare "التحالف" in it is that one
        words = res.words.arab_coalition_words
        self.arab_coalition_doc = any(m.category == "cue" and m.entry_id == "other_striker"
                                      and any(w in m.surface for w in words) for m in doc.mentions)

    def _sentence_memo(self, name: str) -> dict[int, Any]:
        """A per-sentence memo of one look-up (the rules ask the same sentence again for each frame)."""
        memo: dict[str, dict[int, Any]] = self.__dict__.setdefault("_memo", {})
        return memo.setdefault(name, {})
