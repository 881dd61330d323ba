"""Frame rules for reinforcements: convoys, cargo flights and aircraft arriving at a base, their day and the
convoy told on in the next sentences."""

from __future__ import annotations

from marsad.context import SentenceView
from marsad.frame_base import BuilderBase, Frame
from marsad.model import Mention


class ConvoyRules(BuilderBase):
    def _reinforcements(self, view: SentenceView, sites: list[Mention], places: list[Mention],
                        trigs: list[Mention], arrivals: list[Mention]) -> list[Frame]:
        """A convoy, cargo flight or aircraft arriving at a base.  Needs a base (or, for a town or no place,
        US/coalition forces named) and a told occasion: a date in the sentence or a past-tense arrival verb
        ("دخل", "هبطت"); habitual talk ("طائرات الشحن التي تهبط في ...") is no event.  A month-level date
        ("الشهر الماضي") leaves the date null."""
        departures = view.get("cue", "departure")
        if departures and not arrivals:
            return []  # "انسحب رتل للقوات الأمريكية من قاعدة التنف": leaving, not arriving
        # "غادر رتل قاعدة الشدادي ووصل إلى ...": the base left is no destination
        dests = [s for s in sites if not self._is_origin(s)
                 and not any(0 <= s.tok_start - d.tok_end <= 3 for d in departures)]
        us_context = self._us_context(view)
        if not dests and us_context:
            # (nor a town passed on the way: "ثم مر بمدينة الحسكة وبلدة الشدادي قبل أن يصل إلى الحقل")
            dests = self._best_place([p for p in places if not self._is_origin(p)
                                      and not any(0 <= p.tok_start - d.tok_end <= 3 for d in departures)])
        anaphora = view.get("cue", "anaphora")
        told = next((f.loc for f in reversed(self.frames) if f.loc is not None and f.loc.category == "site"), None)
        if not dests and anaphora and told is not None:
            # "هبطت طائرة شحن صباح اليوم في القاعدة ذاتها": the base of the record told before
            here = anaphora[0]
            dests = [Mention(told.category, told.entry_id, here.start, here.end, told.surface, here.tok_start,
                             here.tok_end)]
        day = any(d.precision == "day" for _t, d in view.dates)
        coarse = any(d.precision in ("week", "month") for _t, d in view.dates)
        first = min(trigs, key=lambda t: t.tok_start)
        if not view.dates and not any(d.category == "site" for d in dests) and first.prefix.endswith("ال") and any(
                f.type == "reinforcement" and f.loc is not None and 0 < view.sentence.index - f.sentence <= 3
                for f in self.frames):
            # "وذكرت مصادر أن الرتل الذي ضم شاحنات ... دخل من معبر الوليد وسلك الطريق المؤدي إلى قواعد الاحتلال
            # في ريف الحسكة": the convoy told before (placed), told again with no day or base of its own, is no
            # new record
            self._convoy_told_on(view, sites, trigs)
            return []
        if not (day or coarse or arrivals):
            self._convoy_told_on(view, sites, trigs)
            return []
        if not dests and not (day and us_context and not self.arab_coalition_doc):
            self._convoy_told_on(view, sites, trigs)
            if day and not places:
                self._arrival_day(view, trigs)
            return []  # in a text on the Saudi-led coalition, "التحالف" reinforcing is not ours
        frames = []
        for loc in dests or [None]:
            anchor = loc.tok_start if loc is not None else trigs[0].tok_start
            frame = self._new("reinforcement", view, loc, anchor, trigs[0])
            if loc is None and frame.country is None:
                continue
            if day or not coarse:
                self._date(frame, view)
                self._clause_day(frame, view, loc)
            self._reinforcement_count(frame, view, trigs)
            frames.append(frame)
        return frames

    def _clause_day(self, frame: Frame, view: SentenceView, loc: Mention | None) -> None:
        """"ففي 5/1/2024 دخل رتل ... إلى قاعدة خراب الجير، وفي 8/1/2024 وصل رتل آخر ... إلى قاعدة الشدادي":
        convoys told clause by clause, each with its own day; a destination takes the one day of its own
        clause over a nearer day told in the next."""
        spans = frame.evidence.get("date")
        if loc is None or not spans:
            return
        clause = view.clause_of(loc.tok_start)
        own = {d.value: d for t, d in view.dates if d.precision == "day" and d.value is not None
               and view.clause_of(t) == clause and not self._since(view, t)}
        if len(own) != 1 or any((d.start, d.end) == spans[0] for d in own.values()):
            return
        (d,) = own.values()
        frame.date, frame.date_strategy = d.value, d.strategy
        frame.evidence["date"] = [(d.start, d.end)]

    def _arrival_day(self, view: SentenceView, trigs: list[Mention]) -> None:
        """"أفاد مصدر، اليوم الاثنين، بهبوط طائرتي شحن في قاعدة عين الأسد" then "وقال المصدر إن الطائرتين
        هبطتا في القاعدة مساء الأحد": an arrival told again with no place of its own, within two sentences of
        a reinforcement dated only by the statement, took place on the one day it tells (up to three days
        before the statement's)."""
        prev = next((f for f in reversed(self.frames) if f.type == "reinforcement"), None)
        if prev is None or prev.date is None or prev.date_strategy != "statement" \
                or not 0 < view.sentence.index - prev.sentence <= 2:
            return
        days = {d.value: d for t, d in view.dates if d.precision == "day" and d.value is not None
                and not self._since(view, t) and not self._statement_day(view, t)}
        if len(days) != 1:
            return
        (d,) = days.values()
        if not 0 < (prev.date - d.value).days <= 3:
            return
        prev.date, prev.date_strategy = d.value, d.strategy
        prev.evidence["date"] = [(d.start, d.end)]
        if prev.count is None:
            self._reinforcement_count(prev, view, trigs)

    def _convoy_told_on(self, view: SentenceView, sites: list[Mention], trigs: list[Mention]) -> None:
        """"ووفقا للمصادر، يتألف الرتل من 45 شاحنة ... قبل أن يصل إلى قاعدة الشدادي": the convoy of the record
        told just before ("الرتل", with no day of its own) gets its size and, when it was placed only at a
        crossing or a town, the base it went on to.  ("إن رتلاً مؤلفاً من 45 شاحنة دخل من إقليم كردستان", with
        no place it went to, right after "أدخلت قوات التحالف تعزيزات عسكرية ... إلى قواعدها": that record's convoy
        too.)"""
        prev = next((f for f in reversed(self.frames) if f.type == "reinforcement"), None)
        if prev is None or not 0 < view.sentence.index - prev.sentence <= 3:
            return
        if not any(t.prefix.endswith("ال") for t in trigs) and not (
                view.sentence.index - prev.sentence == 1 and prev.count is None and not view.dates and not sites):
            return
        if prev.count is None:
            self._reinforcement_count(prev, view, trigs)
        reached = view.get("cue", "convoy_destination")
        dest = [s for s in sites if any(0 <= s.tok_start - c.tok_end <= 1 for c in reached)]
        if len(dest) != 1 or (prev.loc is not None and prev.loc.category == "site"):
            return
        loc = dest[0]
        if prev.country is not None and self.res.entries[loc.entry_id].country != prev.country:
            return
        prev.loc, prev.country, prev.country_ev = loc, self.res.entries[loc.entry_id].country, None
        prev.evidence["location"] = [(loc.start, loc.end)]
        prev.evidence["country"] = [(loc.start, loc.end)]
