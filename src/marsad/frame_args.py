"""Frame arguments other than the actor: the date (the sentence's, else inherited), weapons and counts,
casualties (numbers, negations), interception, and the follow-up sentences that complete an event.
"""

from __future__ import annotations

from marsad.context import SentenceView
from marsad.frame_base import (
    DESCRIPTIVE_ACTORS,
    MISSILE_ORIGINS,
    BuilderBase,
    Frame,
    sentence_negated,
)
from marsad.model import DateMention, Mention


class ArgumentRules(BuilderBase):
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

    def _of_many_attacks(self, w: Mention, weapons: list[Mention]) -> bool:
        """"وتعرض المعسكر في الأسابيع الأخيرة لعدة هجمات بالصواريخ والطائرات المسيرة": munitions of many
        attacks (a plural attack noun right before "بـ", and the words joined to it by "و"), not of the event."""
        j = w.tok_start
        while True:
            prev = self.ctx.tok(j - 1)
            prev = prev[1:] if prev[:1] in ("ل", "و") and len(prev) > 4 else prev  # "لعدة هجمات", "لهجمات"
            prev = prev.removeprefix("ال")  # "لعشرات الهجمات"
            if prev.startswith(self.res.words.habitual_triggers) and "ب" in w.prefix:
                return True
            joined = [x for x in weapons if x.tok_end == j and w.prefix.startswith("و")]
            if not joined:
                return False
            w, j = joined[0], joined[0].tok_start

    def _bound_site(self, w: Mention, sites: list[Mention]) -> Mention | None:
        """The site a weapon is told with: one that follows it within three words ("مسيرتان تستهدفان
        كونيكو", "قذائف صاروخية على حقل العمر") or one it follows as "بـ" ("قاعدة التنف بطائرتين")."""
        # not across a comma: "استهدفوا قاعدة حرير بطائرة مسيرة، فيما استهدفوا قاعدة الشدادي بأربعة صواريخ"
        after = [s for s in sites if 0 <= s.tok_start - w.tok_end <= 3
                 and not any(not any(ch.isalnum() for ch in self.ctx.tok(j)) for j in range(w.tok_end, s.tok_start))]
        if after:
            return min(after, key=lambda s: s.tok_start)
        if "ب" in w.prefix:
            before = [s for s in sites if 0 <= w.tok_start - s.tok_end <= 1]
            if before:
                return before[0]
        return None

    def _own_weapons(self, frame: Frame, weapons: list[Mention], view: SentenceView) -> list[Mention]:
        """Two sites each told with its own munition in one clause ("مسيرتان تستهدفان كونيكو وقذائف
        صاروخية على حقل العمر"): a weapon bound to another site is that site's, not this frame's."""
        if frame.loc is None or frame.loc.category != "site" or not weapons:
            return weapons
        sites = view.get("site")
        bound = {id(w): self._bound_site(w, sites) for w in weapons}
        if len({b.entry_id for b in bound.values() if b is not None}) < 2:
            # "وجاء الهجوم على عين الأسد بعد ساعات من استهداف مطار أربيل بطائرة مسيرة": a munition told with
            # another site that is not listed with this one ("قاعدتي عين الأسد وحرير بالصواريخ") is that site's
            mine = [s for s in sites if s.entry_id == frame.loc.entry_id]
            return [w for w in weapons if bound[id(w)] is None or bound[id(w)].entry_id == frame.loc.entry_id
                    or any(self._listed_with(s, bound[id(w)]) for s in mine)]
        return [w for w in weapons if bound[id(w)] is None or bound[id(w)].entry_id == frame.loc.entry_id]

    def _subject_of_another_hit(self, frame: Frame, w: Mention, view: SentenceView) -> bool:
        """"14 صاروخا تستهدف قاعدة عين الأسد وعبوة ناسفة تضرب رتلا": a munition joined by "و" after the
        place, with a verb of its own right after it, opens another hit (not "... بصاروخين وعبوة ناسفة")."""
        if frame.loc is None or not w.prefix.startswith("و") or w.tok_start < frame.loc.tok_end:
            return False
        if any(m.tok_start < w.tok_start and m.entry_id != w.entry_id and 0 <= w.tok_start - m.tok_end <= 1
               for m in view.get("weapon")):
            return False  # "بصاروخين وعبوة ناسفة": one list of munitions
        return any(0 <= t.tok_start - w.tok_end <= 1 and not t.prefix for t in view.get("trigger", "attack"))

    def _listed_with(self, a: Mention, b: Mention) -> bool:
        """Two sites named in one list: "عين الأسد وحرير", "قاعدتي حرير والشدادي", "الشدادي والتنف"."""
        first, second = (a, b) if a.tok_start < b.tok_start else (b, a)
        return (0 <= second.tok_start - first.tok_end <= 1 and second.prefix.startswith("و")) \
            or (0 <= second.tok_start - first.tok_end <= 2 and self.ctx.tok(second.tok_start - 1) in ("و", "او"))

    def _weapons(self, frame: Frame, weapons: list[Mention], view: SentenceView) -> None:
        kinds: dict[str, int | None] = {}
        weapons = self._own_weapons(frame, weapons, view)
        weapons = [w for w in weapons if not self._subject_of_another_hit(frame, w, view)]
        if not any(d.precision == "day" for _t, d in view.dates):  # background talk has no day of its own
            weapons = [w for w in weapons if not self._of_many_attacks(w, weapons)]
        if frame.type == "attack":  # "... وواشنطن ترد بقصف مدفعي على خشام": the answer's munitions
            answers = self._answers(view)
            answered = {w.entry_id for w in weapons if any(j < w.tok_start and view.clause_of(j) == view.clause_of(w.tok_start)
                                                           for j in answers)}
            # and the same munitions told again later in the sentence ("... حيث سقطت أكثر من 10 قذائف مدفعية")
            weapons = [w for w in weapons if not (w.entry_id in answered and any(j < w.tok_start for j in answers))]
        for w in weapons:
            wid = w.entry_id
            count: int | None = w.attrs.get("count")  # type: ignore[assignment]
            num = self.ctx.number_before(w.tok_start)
            if num is not None and "ب" in w.prefix:
                num = None  # "وإصابة سبعة بهجوم صاروخي": a number before "بـ" counts something else
            if num is not None:
                count = num[0]
                if num[0] is not None:
                    frame.cite("count", *self.ctx.span_of(num[1], num[2]))
            elif count is not None:
                frame.cite("count", w.start, w.end)
            whole = self._out_of(w)  # "أسقطت خمس طائرات مسيرة من أصل سبع": seven in all
            if whole is not None:
                count = whole
            if kinds.get(wid) is None:  # the first stated count of a kind wins
                kinds[wid] = count
            elif count is not None and w.prefix.startswith("و") and w is not weapons[0]:
                # "صاروخين من طراز كروز وصاروخا باليستيا واحدا": a second group of the same word adds up
                kinds[wid] = (kinds[wid] or 0) + count
            frame.cite("weapons", w.start, w.end)
        # "صواريخ باليستية وصواريخ أخرى": a rocket word of its own after the missiles, with no missile word
        # describing it ("وصاروخا باليستيا واحدا" is one more missile)
        distinct = [w for w in weapons if w.entry_id == "rocket" and (
            self.ctx.tok(w.tok_end) in self.res.words.other_words
            or (w.prefix.startswith("و") and any(m.entry_id == "missile" and 0 <= w.tok_start - m.tok_end <= 1
                                                 for m in weapons)))
            and not any(m.entry_id == "missile" and 0 <= m.tok_start - w.tok_end <= 3 for m in weapons)]
        if "missile" in kinds and "rocket" in kinds and not distinct:  # "صاروخ باليستي" names one munition
            rocket = kinds.pop("rocket")
            if kinds["missile"] is None:
                kinds["missile"] = rocket
        launch_countries = {self.res.entries[p.entry_id].country for s, p in self.launch_points
                            if s == view.sentence.index}
        launch_countries |= {c.entry_id for c in view.get("country") if self.ctx.tok(c.tok_start - 1) == "من"}
        # "أطلقت من إيران", "أطلقت من الأراضي الإيرانية / اليمنية": launched from a missile origin
        from_origin = False
        for cue in view.get("cue", "launch_from"):
            after = range(cue.tok_end - 1, min(cue.tok_end + 3, view.sentence.tok_end))
            from_origin |= any(self.ctx.tok(j).removeprefix("ال").startswith(self.res.words.missile_origin_adjectives)
                               for j in after)
            from_origin |= any(a.entry_id == "iran" and 0 <= a.tok_start - cue.tok_end <= 2 for a in view.get("actor"))
        if "rocket" in kinds and (launch_countries & MISSILE_ORIGINS or from_origin or any(
                w.entry_id == "rocket"
                and self.ctx.tok(w.tok_end).removeprefix("ال").startswith(self.res.words.missile_origin_adjectives)
                for w in weapons)):  # "22 صاروخاً إيرانياً", "الهجوم الصاروخي الإيراني": launched from Iran
            kinds["missile"] = kinds.pop("rocket")
        rockets = [w for w in weapons if w.entry_id == "rocket"]
        if "rocket" in kinds and "missile" not in kinds and (
                (kinds["rocket"] is None and self._missiles_told(frame, rockets, view))
                or self._same_missiles(frame, rockets) or self._listed_after_missiles(rockets, view)
                or (frame.type == "attack" and self._launch_sentence(rockets, view) is not None)):
            kinds["missile"] = kinds.pop("rocket")  # the missiles told before, told again with a rocket word
        if len(kinds) == 1:  # "أسقطت طائرتين مسيرتين، فيما أصابت طائرة ثالثة الموقع": three in all
            (wid, told), = kinds.items()
            if told is not None and told + 1 in self._munition_ordinals(view):
                kinds[wid] = told + 1
        frame.weapons = sorted(kinds)
        counts = list(kinds.values())
        shared = self._number_of_list(weapons) if len(counts) > 1 else None
        if len(counts) == 1:
            frame.count = counts[0]
        elif shared is not None:
            frame.count = shared  # "أسقطت 21 طائرة مسيرة وصاروخا": 21 in all
        elif counts and all(c is not None for c in counts):
            frame.count = sum(c for c in counts if c is not None)
        if len(kinds) == 1 and frame.count is None:
            told = self._munitions_counted(view)  # "بقذائف هاون ... بسقوط نحو 10 قذائف داخل الحقل"
            if told is not None:
                frame.count = told[0]
                frame.cite("count", *self.ctx.span_of(told[1], told[2]))
        share = self._share(frame, view)
        if share is not None:
            value, total, num_start, num_end = share
            frame.evidence.pop("count", None)
            frame.count = value
            frame.cite("count", *self.ctx.span_of(num_start, num_end))
            if not frame.weapons:  # the salvo's munitions, read as one phrase ("22 صاروخا باليستيا")
                salvo = Frame(frame.type, frame.sentence, None, None)
                self._weapons(salvo, [w for w in view.get("weapon") if w.entry_id != "aircraft"
                                      and w.tok_start >= total.tok_start and w.tok_end <= num_start], view)
                frame.weapons = salvo.weapons
                for span in salvo.evidence.get("weapons", []):
                    frame.cite("weapons", *span)
        if frame.count is None:
            frame.evidence.pop("count", None)

    def _answers(self, view: SentenceView) -> list[int]:
        """The tokens of a verb of answering ("ترد", "ردت"), not "ردا على هجوم" (what is answered)."""
        memo = self._sentence_memo("answers")
        if view.sentence.index not in memo:
            memo[view.sentence.index] = [
                j for j in range(view.sentence.tok_start, view.sentence.tok_end)
                if self.ctx.tok(j).removeprefix("و").startswith(self.res.words.response_verbs)
                and self.ctx.tok(j + 1) != "علي"] if self.ctx.says(view, self.res.words.response_verbs) else []
        return memo[view.sentence.index]

    def _listed_after_missiles(self, rockets: list[Mention], view: SentenceView) -> bool:
        """"أطلقت عشرة صواريخ بالستية أصاب ثمانية منها عين الأسد، وصاروخ واحد قاعدة حرير": a bare rocket
        word joined by "و" to a sentence that already named the munitions ballistic or cruise missiles is one
        more of them, not a second kind ("وصواريخ كاتيوشا", "وصواريخ أخرى" stay rockets)."""
        if not rockets:
            return False
        first = min(w.tok_start for w in rockets)
        if not any(m.entry_id == "missile" and m.tok_end <= first for m in view.get("weapon")):
            return False
        others = [m for m in view.get("weapon") if m.entry_id != "rocket"]
        return all(w.prefix.startswith("و") and w.tok_end - w.tok_start == 1
                   and self.ctx.tok(w.tok_end) not in self.res.words.other_words
                   and not any(0 <= m.tok_start - w.tok_end <= 1 for m in others + rockets if m is not w)
                   for w in rockets)

    def _bare_rockets(self, rockets: list[Mention]) -> bool:
        """Rocket words that name no kind: "صاروخا", "الصواريخ" (not "صواريخ نوع غراد", "كاتيوشا", "قذائف
        صاروخية", "صواريخ أخرى")."""
        if not rockets:
            return False
        words = self.res.words
        return all(w.tok_end - w.tok_start == 1 and w.surface.removeprefix("ال").startswith(words.rocket_word_stems)
                   and self.ctx.tok(w.tok_end) not in words.kind_words
                   and self.ctx.tok(w.tok_end) not in words.other_words for w in rockets)

    def _launch_sentence(self, rockets: list[Mention], view: SentenceView) -> int | None:
        """"إن إيران أطلقت 16 صاروخا باليستيا من ثلاثة مواقع" (no place hit) and next "وأوضح أن 11 صاروخا
        سقطت على قاعدة عين الأسد": bare rocket words right after a sentence that told a launch of ballistic or
        cruise missiles with no site are those missiles.  The nearest earlier sentence (of two) that names
        a munition decides: one naming rockets of their own ("صواريخ كاتيوشا") or a site keeps them rockets."""
        if not self._bare_rockets(rockets):
            return None
        for k in range(view.sentence.index - 1, max(view.sentence.index - 3, -1), -1):
            v = self.ctx.views[k]
            named = v.get("weapon")
            if not named:
                continue
            missiles = [m for m in named if m.entry_id == "missile"]
            told = bool(missiles) and not v.get("site") and all(
                m.entry_id == "missile" or (m.entry_id == "rocket" and any(
                    0 <= x.tok_start - m.tok_end <= 1 for x in missiles)) for m in named)
            return k if told else None
        return None

    def _same_missiles(self, frame: Frame, rockets: list[Mention]) -> bool:
        """"وسقط 11 صاروخاً على عين الأسد" after "أعلن الحرس الثوري إطلاق صواريخ باليستية على قاعدة عين
        الأسد": a bare rocket word (no kind named: not "صواريخ نوع غراد", "كاتيوشا", "قذائف صاروخية") at a
        place and day already told with ballistic or cruise missiles only is those missiles again."""
        if frame.loc is None or frame.date is None or not self._bare_rockets(rockets):
            return False
        same = [f for f in self.frames if f.type == frame.type and f.loc is not None
                and f.loc.entry_id == frame.loc.entry_id and f.date == frame.date]
        return bool(same) and "missile" in same[-1].weapons and "rocket" not in same[-1].weapons

    def _missiles_told(self, frame: Frame, rockets: list[Mention], view: SentenceView) -> bool:
        """"الصواريخ" told again ("قبل سقوط الصواريخ", "موجة أخرى من الصواريخ") after the text named them
        ballistic or cruise missiles: a definite plural with no number is the missiles of the event told
        before at the same place or in the last three sentences, not a second kind of munition."""
        if not rockets or not all("ال" in w.prefix or w.surface.startswith("ال") for w in rockets):
            return False
        same = frame.loc.entry_id if frame.loc is not None else None
        recent = [f for f in self.frames if f.type == frame.type and (
            0 <= view.sentence.index - f.sentence <= 3 or (same is not None and f.loc is not None
                                                           and f.loc.entry_id == same))]
        return bool(recent) and "missile" in recent[-1].weapons and "rocket" not in recent[-1].weapons

    def _intercepted(self, frame: Frame, view: SentenceView) -> None:
        for m in view.get("cue", "intercept"):
            if self._intercept_elsewhere(frame, view, m):
                continue
            frame.intercepted = True
            frame.cite("intercepted", m.start, m.end)
        found = self._foiled(view)
        if found is not None:
            frame.intercepted = True
            frame.cite("intercepted", *self.ctx.span_of(*found))

    def _intercept_elsewhere(self, frame: Frame, view: SentenceView, cue: Mention) -> bool:
        """"أسقطت ثلاث مسيرات كانت تستهدف قاعدة عين الأسد، في حين أصاب هجوم آخر قاعدة التنف": the
        interception belongs to the place named in its own clause, not to a place of another clause."""
        if frame.loc is None or frame.loc.tok_start < view.sentence.tok_start \
                or frame.loc.tok_start >= view.sentence.tok_end:
            return False
        mine = view.clause_of(cue.tok_start)
        if view.clause_of(frame.loc.tok_start) == mine:
            return False
        return any(view.clause_of(p.tok_start) == mine and p.entry_id != frame.loc.entry_id
                   for p in [*view.get("site"), *view.get("place")])

    def _foiled(self, view: SentenceView) -> tuple[int, int] | None:
        """A launcher found still loaded: "عثرت على منصة إطلاق معدة للاستخدام تحمل ثلاثة صواريخ" (foiled);
        one found burnt after the launch ("عثرت على منصة الإطلاق محترقة") is not."""
        memo = self._sentence_memo("foiled")
        if view.sentence.index not in memo:
            memo[view.sentence.index] = self._find_foiled(view)
        return memo[view.sentence.index]

    def _find_foiled(self, view: SentenceView) -> tuple[int, int] | None:
        words = self.res.words
        if not self.ctx.says(view, words.found_stems):
            return None
        for j in range(view.sentence.tok_start, view.sentence.tok_end):
            if not self.ctx.tok(j).removeprefix("و").startswith(words.found_stems):
                continue
            near = range(j + 1, min(j + 15, view.sentence.tok_end))
            if any(self.ctx.tok(k).removeprefix("ل").startswith(words.launcher_stems) for k in near) \
                    and any(self.ctx.tok(k).startswith(words.loaded_stems) for k in near):
                return j, near[-1] + 1
        return None

    def _lead_in(self, frame: Frame, view: SentenceView) -> None:
        """An interception told just before the place is named: "أسقطت المدمرة 3 صواريخ وعدة طائرات مسيرة
        أطلقتها حركة أنصار الله" then "هذه الصواريخ انطلقت من اليمن ... على طول البحر الأحمر".  The first
        sentence (no place, no event of its own, an interception of the same kind of munition) gives
        interception, its munitions and the actor."""
        k = view.sentence.index - 1
        if k < 0 or any(f.sentence == k for f in self.frames):
            return
        prev = self.ctx.views[k]
        if prev.get("site") or prev.get("place") or not prev.get("cue", "intercept") or sentence_negated(prev):
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
        if not self.frames:
            return
        last = self.frames[-1]
        idx = view.sentence.index
        # the means of the operation may come after a dateline and a lead of no event of their own
        gap = idx - last.sentence
        if gap > 3 or (gap == 3 and not (last.type != "reinforcement" and self._means_phrase(view))) \
                or self._toll_hedged(view):
            return
        places = [*view.get("site"), *view.get("place")]
        if places:
            # a place the munitions came from ("أطلقت من منطقة تقع جنوب غربي أربيل") or a convoy heads for
            # ("الرتل ضم 35 شاحنة وتوجه نحو قاعدة قسرك") is no other event's place
            launched = {p.tok_start for k, p in self.launch_points if k == idx}
            aside = [p for p in places if p.tok_start in launched or self._is_origin(p) or self._toward(p)
                     or self._addressee_name(p)]
            if any(p not in aside and not any(0 <= p.tok_start - a.tok_end <= 3 for a in aside) for p in places):
                return
        if last.type == "attack" and view.get("cue", "intercept") and (view.get("weapon") or view.get("trigger")):
            self._intercepted(last, view)
        if last.type == "strike" and view.get("cue", "intercept") and view.get("trigger", "strike"):
            self._intercepted(last, view)  # "تصدت وسائط الدفاع الجوي لصواريخ العدوان وأسقطت بعضها"
        if last.type == "attack" and (not last.weapons or last.count is None):
            self._follow_up_weapons(last, view)
        if last.type != "reinforcement" and idx - last.sentence <= 3:
            self._means_told(last, view)
        # "لم تقع إصابات في صفوف القوات", "وأضاف البيان: لم ترد تقارير عن وقوع إصابات": a statement of no
        # casualties right after the event needs no word of the event
        nobody = bool(view.get("casualty", "none") or view.get("cue", "toll_negator") or self._toll_denials(view)
                      or self._negated_verbs(view))
        # "وأعلن البنتاغون لاحقا إصابة ثلاثة جنود": a toll in the very next sentence, of no other day
        told_toll = idx - last.sentence == 1 and not view.dates \
            and bool(view.get("casualty", "killed_noun") or view.get("casualty", "injured_noun"))
        if last.type != "reinforcement" and (last.killed is None or last.injured is None) \
                and (view.get("trigger") or view.get("weapon") or view.get("cue", "intercept") or nobody or told_toll) and \
                (view.get("casualty") or view.get("cue", "toll_negator") or nobody) \
                and not (last.type == "attack" and self._attackers_toll(view)):
            self._casualties(last, view)
            # "القصف على الموقعين لم يسفر عن أي إصابات": the toll of every place the last sentence told of
            # "11 صاروخا سقطت على عين الأسد، وصاروخ أصاب مطار أربيل" then "الهجوم لم يسفر عن سقوط قتلى أو
            # جرحى": nobody hurt in the attack told of is nobody hurt at any of its places
            if (nobody and last.killed == 0 and last.injured == 0) or any(
                    self.ctx.tok(j) in self.res.words.both_words
                    for j in range(view.sentence.tok_start, view.sentence.tok_end)):
                for f in self.frames[:-1]:
                    if f.sentence == last.sentence and f.type == last.type:
                        self._casualties(f, view)
        if last.type == "reinforcement" and last.count is None and view.sentence.index - last.sentence <= 1 \
                and not self.ctx.tally_sentences.get(view.sentence.index):
            # "وصل رتل ... إلى قاعدة قسرك" then "ويتألف الرتل من 45 شاحنة"
            self._reinforcement_count(last, view, view.get("trigger", "reinforcement"))

    def _addressee_name(self, p: Mention) -> bool:
        """A place word opening a bracketed or quoted name after "لـ" ("قال مصدر أمني لـ(بغداد اليوم)",
        'لـ"بغداد اليوم"'): an outlet the source spoke to, not a place of the event."""
        norm = self.doc.norm
        if norm is None or p.start < 2:
            return False
        text = norm.text
        return text[p.start - 1] in "(«\"" and text[p.start - 2] == "ل" and (p.start < 3 or text[p.start - 3].isspace())

    def _follow_up_weapons(self, last: Frame, view: SentenceView) -> None:
        """"وقال مسؤول إن صاروخين من نوع كاتيوشا أطلقا على القاعدة", "استهدفوا الدورية بقذيفة ورشاشات":
        the munitions (or their number) of the attack told just before, in a sentence of no other day and no
        habitual or collective talk."""
        weapons = [w for w in view.get("weapon") if w.entry_id != "aircraft" and "س" not in w.prefix]
        if not weapons or not view.get("trigger", "attack") or view.get("trigger", "strike") \
                or sentence_negated(view) or view.get("cue", "collective") \
                or any(d.value != last.date for _t, d in view.dates) \
                or any(t.surface.startswith(self.res.words.habitual_triggers) for t in view.get("trigger", "attack")):
            return
        told = Frame(last.type, view.sentence.index, None, None)
        self._weapons(told, weapons, view)
        family = {"missile": "rocket"}
        if not last.weapons:
            last.weapons = list(told.weapons)
            for span in told.evidence.get("weapons", []):
                last.cite("weapons", *span)
        elif not {family.get(w, w) for w in told.weapons} <= {family.get(w, w) for w in last.weapons}:
            return
        if last.count is None and told.count is not None:
            last.count = told.count
            for span in told.evidence.get("count", []):
                last.cite("count", *span)

    def _means_told(self, last: Frame, view: SentenceView) -> None:
        """"وأوضح البيان أن العملية نفذت بزورق مسير وعدد من الطائرات المسيرة وصاروخ باليستي", "وأفاد مسؤول
        بأن الضربات نفذت بطائرات مقاتلة وبصواريخ توماهوك": the operation just told (a noun of it next to a
        verb of carrying it out), and the munitions it was carried out with, all of them, after that verb in
        its clause; in a sentence of no other day and no denial."""
        j = self._means_phrase(view)
        if j is None or sentence_negated(view) or any(d.value != last.date for _t, d in view.dates):
            return
        weapons = [w for w in view.get("weapon") if w.tok_start > j and view.clause_of(w.tok_start) == view.clause_of(j)
                   and "س" not in w.prefix]
        if not weapons:
            return
        told = Frame(last.type, view.sentence.index, last.loc, last.country)
        self._weapons(told, weapons, view)
        added = [w for w in told.weapons if w not in last.weapons]
        if not added:
            return
        last.weapons = sorted({*last.weapons, *added})
        for span in told.evidence.get("weapons", []):
            last.cite("weapons", *span)

    def _means_phrase(self, view: SentenceView) -> int | None:
        """The token of a verb of carrying out next to a noun of the operation ("العملية نفذت", "الضربات
        نفذت"), if the sentence has one."""
        if not self.ctx.says(view, self.res.words.executed_stems):
            return None
        nouns, tok = self.res.words.operation_nouns, self.ctx.tok
        for j in range(view.sentence.tok_start, view.sentence.tok_end):
            if tok(j).removeprefix("و").startswith(self.res.words.executed_stems) and (any(
                    tok(k).removeprefix("و") in nouns for k in (j - 2, j - 1, j + 1))
                    # "وأسفرت الضربة، التي نفذت بطائرة مسيرة، عن مقتل ...": the noun, a comma, a relative
                    or (tok(j - 1) in self.res.words.relative_words and tok(j - 2) in ("،", ",")
                        and tok(j - 3).removeprefix("و") in nouns)):
                return j
        return None

    def _rockets_are_the_missiles(self, frame: Frame) -> bool:
        """A record told with missiles whose only rocket words are "الصواريخ" with no number ("إيران تطلق
        الصواريخ" in a headline, "صواريخ أرض-أرض" in the body): the same munitions."""
        cited = set(frame.evidence.get("weapons", []))
        rockets = [m for m in self.doc.mentions if m.category == "weapon" and m.entry_id == "rocket"
                   and (m.start, m.end) in cited]
        return bool(rockets) and all(
            ("ال" in m.prefix or m.surface.startswith("ال")) and m.attrs.get("count") is None
            and (self.ctx.number_before(m.tok_start) or (None,))[0] is None for m in rockets)  # "بعشرات الصواريخ"

    def _default_aircraft(self, f: Frame) -> bool:
        """The record's ``aircraft`` comes from its striker or a strike noun ("ضربة أمريكية", "غارة"), no
        manned aircraft named ("طائرات حربية", "مقاتلات")."""
        cited = set(f.evidence.get("weapons", []))
        return not any(m.category == "weapon" and m.entry_id == "aircraft" and (m.start, m.end) in cited
                       and not m.surface.startswith(self.res.words.strike_nouns) for m in self.doc.mentions)

    def drone_strikes(self, merged: list[Frame]) -> None:
        """A strike record told once by its striker ("ضربة أمريكية", "عدوان أمريكي", "غارة") and once with the
        drone that carried it out ("بطائرة مسيرة") is a drone strike: the striker's default ``aircraft`` gives
        way to the drone named (spec: an air strike is ``aircraft`` unless a drone is named).  A manned
        aircraft named in the record ("طائرات حربية", "مقاتلات") keeps both."""
        for f in merged:
            if f.type != "strike" or "drone" not in f.weapons or "aircraft" not in f.weapons:
                continue
            if not self._default_aircraft(f):
                continue
            cited = set(f.evidence.get("weapons", []))
            f.weapons = [w for w in f.weapons if w != "aircraft"]
            drones = {(m.start, m.end) for m in self.doc.mentions if m.category == "weapon"
                      and m.entry_id == "drone" and (m.start, m.end) in cited}
            if drones:
                f.evidence["weapons"] = [s for s in f.evidence["weapons"] if s in drones]

    def _lone_attack_weapons(self, frame: Frame, dated: bool = False, count_only: bool = False) -> None:
        """The text's only attack (or its only attack of a day, ``dated``), told with no munition, takes those
        of a sentence that says how it was carried out ("وقال الناطق إن الهجوم نُفذ بطائرة مسيّرة", "إن
        صاروخين أطلقا مساء الاثنين وسقطا داخل القاعدة"): a sentence of an attack word (no plural or habitual
        one) and munitions, with no other site, no other day (and, ``dated``, that day told) and no place of
        another country."""
        for view in sorted(self.ctx.views, key=lambda v: abs(v.sentence.index - frame.sentence)):
            if dated and not any(d.value == frame.date for _t, d in view.dates):
                continue
            weapons = [w for w in view.get("weapon") if w.entry_id != "aircraft" and "س" not in w.prefix]
            trigs = view.get("trigger", "attack")
            if not weapons or not trigs or sentence_negated(view) or view.get("cue", "collective") \
                    or view.get("trigger", "strike") or self.ctx.tally_sentences.get(view.sentence.index) \
                    or any(t.surface.startswith(self.res.words.habitual_triggers) for t in trigs) \
                    or any(d.value != frame.date for _t, d in view.dates) \
                    or any(frame.loc is None or s.entry_id != frame.loc.entry_id for s in view.get("site")) \
                    or any(self._country_code(m) not in (None, frame.country) for m in view.get("place")):
                continue
            told = Frame(frame.type, view.sentence.index, frame.loc, frame.country)
            self._weapons(told, weapons, view)
            if count_only:
                # "14 صاروخا استهدفت القاعدة ومحيطها": the number of the record's own munitions
                if told.count is not None and told.weapons == sorted(frame.weapons):
                    frame.count = told.count
                    for span in told.evidence.get("count", []):
                        frame.cite("count", *span)
                    return
                continue
            if told.weapons:
                frame.weapons = list(told.weapons)
                for span in told.evidence.get("weapons", []):
                    frame.cite("weapons", *span)
                if frame.count is None and told.count is not None:
                    frame.count = told.count
                    for span in told.evidence.get("count", []):
                        frame.cite("count", *span)
                return

    def _aircraft_of_clause(self, frame: Frame, view: SentenceView) -> None:
        """Aircraft told base by base with a bare plane word in the record's clause: "طائرتين من طراز C-130
        هبطتا في قاعدة حرير" (two), "فيما هبطت طائرة ثالثة من طراز C-17 في مطار أربيل" (one: a singular with
        an ordinal or a type after it)."""
        words, tok = self.res.words, self.ctx.tok
        if frame.count is not None or not self.ctx.says(view, words.plane_dual + words.plane_single):
            return
        clause = view.sentence.clauses[view.clause_of(frame.anchor)] if view.clause_of(frame.anchor) >= 0 else None
        if clause is None:
            return
        # the planes that land: near an arrival verb ("طائرتين ... هبطتا", "هبطت طائرة ثالثة"), not "إقلاع طائرتين"
        arrivals = [j for j in range(clause[0], clause[1]) if tok(j).removeprefix("و").removeprefix("ف")
                    .startswith(words.arrival_verbs)]
        found = []
        for j in range(clause[0], clause[1]):
            word = tok(j)
            if not any(-1 <= a - j <= 5 for a in arrivals):
                continue
            if word in words.plane_dual:
                found.append((2, j))
            elif word in words.plane_single and (tok(j + 1) in words.ordinals_feminine or (
                    tok(j + 1) == "من" and tok(j + 2) in words.kind_words)):
                found.append((1, j))
        if len(found) == 1:
            frame.count = found[0][0]
            frame.cite("count", *self.ctx.span_of(found[0][1], found[0][1] + 1))
