"""Frame rules about which day an event had: a statement's day giving way to the event's own, the day of a
strike as first told, a headline's day from the lead, toll updates, periods ("منذ"), and events told as
background with no day of their own (which complete a record of their place or are none).
"""

from __future__ import annotations

import datetime as dt

from marsad.context import SentenceView
from marsad.frame_base import (
    BuilderBase,
    Frame,
    sentence_negated,
)
from marsad.model import Mention


class DayRules(BuilderBase):
    def headline_day(self, merged: list[Frame]) -> None:
        """"خلية الإعلام الأمني: انفجار عبوة ناسفة على رتل ... في بابل" then "أعلنت الخلية، اليوم الأربعاء،
        انفجار ...": a headline event the body never dates otherwise is the story of the lead, on its day (the
        first day told in the first three sentences of the body; a statement's day before "أن", "في بيان نشرته
        صباح اليوم الأربعاء، أن ... مساء الثلاثاء", only when no other is told)."""
        undated = [f for f in merged if f.date is None and self.ctx.views[f.sentence].sentence.paragraph == 0]
        if not undated:
            return
        body = [v for v in self.ctx.views if v.sentence.paragraph > 0][:3]
        days = [(v, t, d) for v in body for t, d in v.dates if d.precision == "day" and d.value is not None
                and not self._since(v, t)]
        told = [(v, t, d) for v, t, d in days if not self._statement_day(v, t)]
        if days:
            d = (told or days)[0][2]
            for f in undated:
                f.date, f.date_strategy = d.value, "lead"
                f.cite("date", d.start, d.end)
        elif self.doc.published is not None and self._live_updates():
            # "تحديثات مباشرة | هجوم صاروخي على معسكر التاجي" then "20:40 - خلية الإعلام الأمني: ...": updates
            # stamped with the hour and no day are the news of the day the page was published
            for f in undated:
                f.date, f.date_strategy = self.doc.published, "live"

    def _live_updates(self) -> bool:
        """Two or more body paragraphs that open with a clock time ("20:40 - ..."): a live blog."""
        stamped, seen = 0, set()
        for v in self.ctx.views:
            p, i = v.sentence.paragraph, v.sentence.tok_start
            if p == 0 or p in seen:
                continue
            seen.add(p)
            if self.ctx.tok(i).isdigit() and self.ctx.tok(i + 1) == ":" and self.ctx.tok(i + 2).isdigit():
                stamped += 1
                if stamped >= 2:
                    return True
        return False

    def _announced_day(self, view: SentenceView, attack_trigs: list[Mention]) -> None:
        """"أعلن المتحدث العسكري اليوم الأربعاء تنفيذ عملية استهدفت المدمرة الأمريكية في البحر الأحمر" then
        "وأوضح في بيان أن القوات نفذت مساء أمس الثلاثاء عملية استهدفت المدمرة": the attack announced took
        place on the day the next sentences tell (a day or two before the announcement), not on the
        announcement's.  (An interception announced, "أعلن الجهاز اليوم الجمعة إسقاط طائرة مسيرة ...", then
        "وقال في بيان إن الطائرة أسقطت ليلة الخميس الجمعة": the downing told again is that attack too.)"""
        if not self.frames or view.get("site") or view.get("place"):
            return
        last = self.frames[-1]
        if not attack_trigs and last.intercepted:
            attack_trigs = view.get("cue", "intercept")
        if not attack_trigs or sentence_negated(view):
            return
        if last.type != "attack" or last.date is None or not 1 <= view.sentence.index - last.sentence <= 2:
            return
        announced = self.ctx.views[last.sentence]
        if not (announced.get("cue", "claim_weak") or announced.get("cue", "claim")):
            return
        aux = view.get("cue", "past_aux")
        if any(1 <= q.tok_start - a.tok_end <= 5 for q in view.get("cue", "perfect_particle") for a in aux):
            return  # "وكانت القوات قد استهدفت أمس ...": an earlier attack
        days = {d.value: d for t, d in view.dates if d.precision == "day" and d.value is not None
                and not self._since(view, t)}
        if len(days) != 1:
            return
        (d,) = days.values()
        if 1 <= (last.date - d.value).days <= 2:
            last.date, last.date_strategy = d.value, d.strategy
            last.evidence["date"] = [(d.start, d.end)]

    def _referred_back(self, f: Frame, view: SentenceView) -> None:
        """"وتبنت جماعة ... الهجوم الصاروخي على عين الأسد": an attack named again with "ال" in a sentence with no
        day of its own is the one told before at that place, whatever day the sentences before give."""
        if f.type not in ("attack", "strike") or f.loc is None or f.date_strategy != "inherited" \
                or any(d.precision == "day" for _t, d in view.dates):
            return
        # (a strike too: "وقال المتحدث إن الضربة اغتيال سافر في قلب حي سكني ببغداد")
        trigs = view.get("trigger", f.type)
        # (or in construct with the place, definite by it: "مسؤوليته عن هجوم عين الأسد")
        if not trigs or not all(t.surface.startswith("ال") or "ال" in t.prefix or t.tok_end == f.loc.tok_start
                                for t in trigs):
            return
        if any(g.type == f.type and g.loc is not None and g.loc.entry_id == f.loc.entry_id
               and (f.type == "attack" or g.date is not None) for g in self.frames):
            f.date, f.date_strategy = None, None
            f.evidence.pop("date", None)

    def _updated_toll_day(self, f: Frame, view: SentenceView) -> None:
        """"ارتفعت حصيلة الهجوم على قاعدة حقل العمر ... بعد وفاة جريح صباح اليوم" then "وضربت ساحة تدريب داخل
        الحقل ليل الأحد - الاثنين": the day of a toll update is not the attack's; the attack takes the one day
        the next two sentences tell (else none)."""
        if f.type != "attack" or not view.get("cue", "toll_update"):
            return
        f.date, f.date_strategy = None, None
        f.evidence.pop("date", None)
        for k in range(view.sentence.index + 1, min(view.sentence.index + 3, len(self.ctx.views))):
            nxt = self.ctx.views[k]
            days = {d.value: d for t, d in nxt.dates if d.precision == "day" and d.value is not None
                    and not self._since(nxt, t) and not self._statement_day(nxt, t)}
            if days:
                if len(days) == 1:
                    (d,) = days.values()
                    f.date, f.date_strategy = d.value, d.strategy
                    f.evidence["date"] = [(d.start, d.end)]
                return

    def _since_only(self, f: Frame, view: SentenceView) -> bool:
        """"ومنذ السابع من أكتوبر، استهدفت الفصائل قاعدة عين الأسد أكثر من 40 مرة": an event dated only by the
        start of a period is the period's count, no event; with another day told, it takes that one."""
        spans = f.evidence.get("date")
        if f.date is None or not spans:
            return False
        if not any((d.start, d.end) == spans[0] and self._since(view, t) for t, d in view.dates):
            return False
        days = [(t, d) for t, d in view.dates if d.precision == "day" and d.value is not None
                and not self._since(view, t)]
        if not days:
            return True
        _t, d = min(days, key=lambda td: abs(td[0] - f.anchor))
        f.date, f.date_strategy = d.value, d.strategy
        f.evidence["date"] = [(d.start, d.end)]
        return False

    def _since(self, view: SentenceView, t: int) -> bool:
        """The date at token ``t`` starts a period: "منذ 17 تشرين الأول", "ومنذ السابع من أكتوبر"."""
        return any(c.tok_end == t or c.tok_start == t for c in view.get("cue", "since"))

    def _statement_day(self, view: SentenceView, t: int) -> bool:
        """The day at token ``t`` is a statement's: "أن" follows it ("في بيان نشرته صباح اليوم الأربعاء، أن"),
        or it closes the speaker's words with no event word between ("أفادت مصادر أمنية لوكالة شفق نيوز، يوم
        الأربعاء، بمقتل")."""
        if any(self.ctx.tok(j) in self.res.words.that_words for j in range(t + 1, t + 5)):
            return True
        speech = [c for c in view.get("cue", "confirm") + view.get("cue", "claim_weak") if 0 <= t - c.tok_end <= 8]
        # (not a day inside the words reported: "قالت القيادة في بيان إن قواتها عثرت صباح الأحد على منصة")
        return any(not any(c.tok_end <= w.tok_start < t for w in view.get("trigger") + view.get("weapon"))
                   and not any(self.ctx.tok(j) in self.res.words.that_words for j in range(c.tok_end, t))
                   for c in speech)

    def _told_day(self, f: Frame) -> None:
        """A day inherited from an earlier sentence where it is the statement's ("أفادت مصادر، يوم الأربعاء،
        بمقتل أربعة ... جراء غارة ... مساء أمس الثلاثاء") gives way to the one other day that sentence tells."""
        spans = f.evidence.get("date")
        if f.date_strategy != "inherited" or not spans or len(spans) != 1:
            return
        for v in self.ctx.views:
            for t, d in v.dates:
                if (d.start, d.end) != spans[0]:
                    continue
                if not self._statement_day(v, t):
                    return
                others = {d2.value: d2 for t2, d2 in v.dates if d2.precision == "day" and d2.value is not None
                          and d2.value != d.value and not self._since(v, t2)
                          and not self._statement_day(v, t2)}
                if len(others) == 1:
                    (d2,) = others.values()
                    f.date = d2.value
                    f.evidence["date"] = [(d2.start, d2.end)]
                return

    def _reported_day(self, f: Frame, view: SentenceView) -> None:
        """"قال المتحدث باسم التحالف يوم الثلاثاء إن خمسة صواريخ أطلقت على قاعدة عين الأسد يوم الاثنين": a
        day right before "إن/أن" (or closing the source's words, "أفاد مصدر أمني، الثلاثاء، بسقوط ...") is the
        statement's; the event takes the day told after it (nearest its place)."""
        spans = f.evidence.get("date")
        if f.date is None or not spans or len(spans) != 1:
            return
        days = [(t, d) for t, d in view.dates if d.precision == "day" and d.value is not None
                and not self._since(view, t)]
        mine = [t for t, d in days if (d.start, d.end) == spans[0]]
        if not mine:
            return
        # the frame's anchor may stand before the day when it is the speaker ("أعلنت القيادة المركزية (سنتكوم)،
        # السبت، أن قواتها نفذت مساء الجمعة ضربات"): the "أن" still marks the statement's day when an event word
        # of the frame's type follows it
        end = f.anchor if f.anchor > mine[0] else mine[0] + 5
        that = [j for j in range(mine[0] + 1, min(mine[0] + 5, end))
                if self.ctx.tok(j) in self.res.words.that_words]
        if that and f.anchor < mine[0] and not any(w.tok_start > that[0] for w in view.get("trigger", f.type)):
            that = []
        later = [(t, d) for t, d in days if that and t > that[0] and d.value != f.date]
        if not that and mine[0] < f.anchor and self._statement_day(view, mine[0]):
            # "أفاد مصدر أمني، الثلاثاء، بسقوط صاروخ قرب السفارة الأمريكية ... مساء أمس الاثنين"
            later = [(t, d) for t, d in days if t > mine[0] and d.value != f.date and not self._statement_day(view, t)]
            if not later and f.type == "reinforcement":
                # "كشف مصدر محلي، اليوم الاثنين، عن وصول تعزيزات ...": the statement's day, which gives way to
                # the arrival's own day told in the next sentences (an attack's day is most often the
                # statement's: "أعلنت الخلية، اليوم الاثنين، سقوط ثلاثة صواريخ ... مساء اليوم")
                f.date_strategy = "statement"
        if not later and that:
            # "أعلن المتحدث، اليوم السبت، أن الضربات الجوية الأمريكية التي طالت القائم ...": the statement's day,
            # which gives way to the event's own day told elsewhere (merging)
            f.date_strategy = "statement"
            self._lead_day(f, view)
        if later:
            _t, d = min(later, key=lambda td: abs(td[0] - f.anchor))
            f.date, f.date_strategy = d.value, d.strategy
            f.evidence["date"] = [(d.start, d.end)]

    def _lead_day(self, f: Frame, view: SentenceView) -> None:
        """"أعلن البنتاغون أن 21 عسكريا أصيبوا في هجومين استهدفا قاعدتين في 18 أكتوبر" then "وقال المتحدث في
        إيجاز اليوم الأربعاء إن 19 منهم كانوا في قاعدة التنف": a place told with only the statement's day takes
        the one day of the sentence just before that told events of its type without a place of their own."""
        k = view.sentence.index - 1
        if k < 0:
            return
        prev = self.ctx.views[k]
        if not prev.get("trigger", f.type) or any(g.sentence == k for g in self.frames):
            return
        days = {d.value: d for t, d in prev.dates if d.precision == "day" and d.value is not None
                and not self._since(prev, t) and not self._statement_day(prev, t)}
        if len(days) != 1:
            return
        (d,) = days.values()
        if f.date is not None and d.value > f.date:
            return
        f.date, f.date_strategy = d.value, d.strategy
        f.evidence["date"] = [(d.start, d.end)]

    def _background(self, view: SentenceView) -> set[int] | None:
        """A sentence with no day of its own that tells events as background: the clauses (an empty set: all
        of them) whose events are earlier than the story.  With no date at all (a month told is no background),
        "يذكر أن", "في وقت سابق", "أعاد إلى الأذهان" and a like event ("في هجوم مماثل") cover the sentence, and
        the pluperfect covers the clause of its "قد" ("وكانت القاعدة قد تعرضت لهجوم"; "قد" up to five words
        after "كان"; a correction in a later clause,
        "قبل أن توضح مصادر أن المكان هو البرج 22", is not covered) or of a "وكان" that opens the sentence
        ("وكانت فصائل عراقية استهدفت ...", "وكان البنتاغون أعلن أن ...").  A clause is background when each of
        its attack and strike words tells a known event: after "بعد/عقب/إثر" ("بعد هجوم صاروخي استهدف قاعدة
        عين الأسد", "بعد الهجوم الذي استهدف قاعدة التنف") or inside a relative clause, after "في" ("عائلات
        الجنود الذين قتلوا في الهجوم على ...", "موقع البرج 22 الذي قتل فيه ثلاثة جنود في هجوم مطلع العام":
        also with a month or a season)."""
        if any(d.precision == "day" for _t, d in view.dates) or view.get("cue", "same_day"):
            return None
        if not view.dates:  # "وكان المرصد قد رصد الشهر الماضي دخول رتل", "وفي وقت سابق من الشهر، هبطت طائرة شحن
            # في قاعدة خراب الجير": a month told is no background
            if view.get("cue", "background") or view.get("cue", "similar"):
                return set()
            aux = view.get("cue", "past_aux")
            particles = [q for q in view.get("cue", "perfect_particle")
                         if not q.prefix and any(1 <= q.tok_start - a.tok_end <= 5 for a in aux)]
            if particles:
                return {view.clause_of(q.tok_start) for q in particles}
            opening = [a for a in aux if a.tok_start == view.sentence.tok_start and "و" in a.prefix]
            if opening:
                return {view.clause_of(opening[0].tok_start)}
        relatives = view.get("cue", "relative")
        collective = view.get("cue", "collective")  # "وتصاعدت الهجمات على ...": no event of its own
        words = [t for t in view.get("trigger", "attack") + view.get("trigger", "strike")
                 if not any(c.tok_start <= t.tok_start < c.tok_end for c in collective)]
        known = [t for t in words if self.ctx.tok(t.tok_start - 1) in self.res.words.anchor_words or any(
            c.tok_end <= t.tok_start and view.clause_of(c.tok_start) == view.clause_of(t.tok_start)
            for c in view.get("cue", "since"))]  # "منذ اغتيال قائد ... بغارة أمريكية في بغداد"
        # "بعد هجوم صاروخي استهدف", "بعد الهجوم الذي استهدف": the verb telling the known event
        known += [t for t in words if t not in known and any(
            (0 <= t.tok_start - k.tok_end <= 1 and view.clause_of(t.tok_start) == view.clause_of(k.tok_start)) or any(0 <= t.tok_start - r.tok_end <= 1 and 0 <= r.tok_start - k.tok_end <= 2
                                                     for r in relatives) for k in known)]
        told = {view.clause_of(t.tok_start) for t in words if t not in known and not (
            self.ctx.tok(t.tok_start - 1) == "في" and any(
                0 <= t.tok_start - r.tok_end <= 6 and view.clause_of(r.tok_start) == view.clause_of(t.tok_start)
                for r in relatives))}
        clauses = {view.clause_of(t.tok_start) for t in words} - told
        if not clauses:
            return None
        return set() if not told else clauses

    def _strike_day(self, frame: Frame, view: SentenceView, cue: Mention, strike_words: list[Mention]) -> None:
        """"شنت طائرتان أمريكيتان مساء الأحد غارات على ... الميادين، قبل أن ترد الميليشيات ... فجر اليوم
        الاثنين": of two days in the sentence, a strike takes the one nearest its strike word; "وردّت القوات
        الأمريكية بقصف ..." with no day of its own answers the attack told last, on its day."""
        nxt = view.get("cue", "next_day")
        earlier = [(t, d) for t, d in view.dates if d.precision == "day" and d.value is not None
                   and nxt and t < nxt[0].tok_start]
        if nxt and earlier and not any(t > nxt[0].tok_start for t, _d in view.dates) \
                and any(w.tok_start > nxt[0].tok_start - 4 for w in strike_words):
            # "ففي 25 ديسمبر أصيب ثلاثة جنود ..، وردت واشنطن في اليوم التالي بغارات": the day after
            _t, d = earlier[-1]
            frame.date, frame.date_strategy = d.value + dt.timedelta(days=1), "next_day"
            frame.evidence["date"] = [(d.start, d.end), (nxt[0].start, nxt[0].end)]
            return
        days = [(t, d) for t, d in view.dates if d.precision == "day" and d.value is not None]
        # "قال بيان للقيادة المشتركة اليوم الجمعة إن ... نفذوا 41 ضربة جوية ... أمس الخميس": not the statement's day
        told = [(t, d) for t, d in days if not any(0 <= t - c.tok_end <= 3 for c in view.get("cue", "confirm"))]
        days = told or days
        if len({d.value for _t, d in days}) > 1 and frame.loc is not None:
            word = self._nearest(strike_words, frame.loc.tok_start)
            assert word is not None
            _t, d = min(days, key=lambda td: abs(td[0] - word.tok_start))
            frame.date, frame.date_strategy = d.value, d.strategy
            frame.evidence["date"] = [(d.start, d.end)]
        elif not view.dates and cue.surface.startswith(self.res.words.response_words):
            attacks = [f for f in self.frames if f.type == "attack" and f.date is not None]
            if attacks and (frame.date is None or attacks[-1].date > frame.date):
                frame.date, frame.date_strategy = attacks[-1].date, "inherited"
                frame.evidence["date"] = list(attacks[-1].evidence.get("date", []))
