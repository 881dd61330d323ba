"""Frame rules about tolls: casualty numbers in digits or words before or after their noun, groups of people
that add up, negations ("لم يسفر عن إصابات", "دون خسائر بشرية") and their hedges, the attacker side's losses,
and the toll of a text's only attack or strike told anywhere in it.
"""

from __future__ import annotations

from functools import cached_property

from marsad.context import SentenceView
from marsad.frame_base import (
    NEGATING_CUES,
    BuilderBase,
    Frame,
    sentence_negated,
)
from marsad.model import Mention


class TollRules(BuilderBase):
    def _casualties(self, frame: Frame, view: SentenceView, locs: list[Mention] | None = None) -> None:
        answered = self._answered(view) if frame.type == "strike" else None
        # "..., وردت القوات الأمريكية بقصف مدفعي أسفر عن مقتل اثنين": the toll of the answer, not the attack's
        answers = self._answers(view) if frame.type == "attack" else []
        answers = [j for j in answers if j > frame.anchor]
        # "قتل 11 عنصرا جراء ضربات جوية ...، وذلك بعد ساعات من استهداف قاعدة ... بطائرة مسيرة": a toll told
        # before a strike word that comes before the attack is the strike's
        struck = [t.tok_start for t in view.get("trigger", "strike") if t.tok_start < frame.anchor] \
            if frame.type == "attack" else []

        def mine(m: Mention) -> bool:
            if struck and any(m.tok_start < j for j in struck):
                return False
            if answered is not None and answered[0] <= m.tok_start < answered[1]:
                return False  # "ردا على هجوم أسفر عن مقتل ثلاثة جنود": the toll of the attack answered
            if answers and any(j < m.tok_start for j in answers):
                return False
            if not locs or len(locs) < 2 or frame.loc is None:
                return True
            # the places of the toll's own clause first ("..., بينما قتل عنصران في استهداف نقطة قرب البوكمال")
            clause, ids = view.clause_of(m.tok_start), {p.entry_id for p in locs}
            own = [p for p in [*view.get("site"), *view.get("place")]
                   if p.entry_id in ids and view.clause_of(p.tok_start) == clause]
            if own:
                nearest = min(own, key=lambda p: abs(p.tok_start - m.tok_start))
                if any(p.entry_id != nearest.entry_id and self._listed_with(p, nearest) for p in own):
                    # "حصيلة الضربات على البوكمال والميادين ترتفع إلى 8 قتلى": the total of both places
                    return False
                return nearest.entry_id == frame.loc.entry_id
            return self._nearest(locs, m.tok_start) is frame.loc

        for m in view.get("casualty", "none"):
            if not mine(m):
                continue
            frame.killed = frame.killed if frame.killed is not None else 0
            frame.injured = frame.injured if frame.injured is not None else 0
            frame.cite("killed", m.start, m.end)
            frame.cite("injured", m.start, m.end)
        for neg in view.get("cue", "toll_negator") + self._toll_denials(view) + self._negated_verbs(view):
            if mine(neg):
                self._negated_toll(frame, view, neg)
        for kind, name in (("killed_noun", "killed"), ("injured_noun", "injured")):
            for m in view.get("casualty", kind):
                if not mine(m):
                    continue
                if self._negated_noun(m):
                    # "ولم يسقط أي قتيل أو جريح", "دون سقوط أي قتيل": none
                    if getattr(frame, name) is None:
                        setattr(frame, name, 0)
                        frame.cite(name, m.start, m.end)
                    continue
                before = self.ctx.tok(m.tok_start - 1)
                if name == "injured" and (before in self.res.words.death_words
                                          or (before[1:] in self.res.words.death_words and before[:1] in "وب")):
                    continue  # "بعد وفاة جريح متأثرا بجراحه": one more killed, no one wounded
                value = self._toll_number(m)
                if value is None:
                    continue
                if getattr(frame, name) in (None, 0):
                    setattr(frame, name, value[0])
                    frame.cite(name, *self.ctx.span_of(min(m.tok_start, value[1]), max(m.tok_end, value[2])))
                elif value[0] > getattr(frame, name) and (any(
                        self.ctx.tok(k).removeprefix("و").startswith(self.res.words.reach_verbs)
                        for k in (m.tok_start - 1, m.tok_start - 2)) or any(
                        self.ctx.tok(k) in self.res.words.toll_share_words for k in range(value[2], value[2] + 2))):
                    # "ما أدى إلى مقتل ثمانية أشخاص بينهم الرجلان": a total that counts those told before
                    # "مقتل جندية بريطانية في الهجوم، لترتفع حصيلة القتلى إلى ثلاثة": the toll risen to
                    setattr(frame, name, value[0])
                    frame.evidence[name] = [self.ctx.span_of(min(m.tok_start, value[1]), max(m.tok_end, value[2]))]
                elif self._one_more(frame, name, view, m, value[2]):
                    # "أسفرت عن مقتل قيادي في الحركة" then "وأسفرت الضربة أيضا عن مقتل عنصر آخر": two
                    setattr(frame, name, getattr(frame, name) + value[0])
                    frame.cite(name, *self.ctx.span_of(min(m.tok_start, value[1]), max(m.tok_end, value[2])))
        share = self._toll_share(frame, view)
        if share is not None:
            name, value, start, end = share
            setattr(frame, name, value)
            frame.evidence[name] = [self.ctx.span_of(start, end)]
        if frame.injured in (None, 0):
            # "فقتلت ثلاثة عسكريين وأصابت أكثر من 40 آخرين": the active verb hits people, not a target
            for t in view.get("trigger", "attack"):
                if not (t.surface.startswith(self.res.words.wounding_verbs) and mine(t)):
                    continue
                num = self.ctx.number_after(t.tok_end)
                if num is not None and num[0] is not None and self.ctx.people_at(num[2]):
                    frame.injured = num[0]
                    frame.cite("injured", *self.ctx.span_of(t.tok_start, num[2]))
                    break

    def _one_more(self, frame: Frame, name: str, view: SentenceView, m: Mention, end: int) -> bool:
        """The toll told is of others than those the record counted in an earlier sentence: "another" right
        after the people counted ("مقتل عنصر آخر", "إصابة جنديين آخرين")."""
        spans = frame.evidence.get(name, [])
        if not spans or any(view.sentence.start <= s < view.sentence.end for s, _e in spans):
            return False
        others = (*self.res.words.other_words, *self.res.words.unnumbered_others)
        return any(self.ctx.tok(j) in others for j in range(max(m.tok_end, end), max(m.tok_end, end) + 2)
                   if j < view.sentence.tok_end)

    def _toll_share(self, frame: Frame, view: SentenceView) -> tuple[str, int, int, int] | None:
        """"ارتفع إلى 23 عدد قتلى الغارات ...، بينهم 18 في مدينة البوكمال ومحيطها و5 في مدينة الميادين": the
        number right before "في" and the record's place, after a casualty noun and "بينهم", is that place's
        share of the toll -> (field, value, first token, last token + 1)."""
        if frame.loc is None or not self.ctx.says(view, self.res.words.toll_share_words):
            return None
        tok = self.ctx.tok
        for p in [*view.get("site"), *view.get("place")]:
            if p.entry_id != frame.loc.entry_id or tok(p.tok_start - 1) != "في":
                continue
            num = self.ctx.number_at(p.tok_start - 2)
            if num is None or num[0] is None:
                continue
            share = [j for j in range(view.sentence.tok_start, num[1]) if tok(j) in self.res.words.toll_share_words]
            if not share:
                continue
            nouns = [(m.tok_start, "killed" if kind == "killed_noun" else "injured")
                     for kind in ("killed_noun", "injured_noun") for m in view.get("casualty", kind)
                     if m.tok_start < share[-1]]
            if nouns:
                return max(nouns)[1], num[0], num[1], p.tok_end
        return None

    def _negated_noun(self, m: Mention) -> bool:
        """A casualty noun under "أي" after a negation: "لم يسقط أي قتيل أو جريح" (the second noun joined by
        "أو" shares it), "دون تسجيل أي إصابة"."""
        j = m.tok_start
        if self.ctx.tok(j - 1) in ("او", "ولا") and j >= 2:
            j -= 2  # "أي قتيل أو جريح": the noun before "أو"
        if self.ctx.tok(j - 1) != "اي":
            return False
        return any(self.ctx.tok(k) in self.res.words.negation_words for k in range(j - 5, j - 1))

    def _answered(self, view: SentenceView) -> tuple[int, int] | None:
        """The tokens of a strike sentence that tell what it answers ("ردا على هجوم أسفر عن مقتل ثلاثة
        جنود"): from "رد" to the end of its clause ("رداً على الهجمات ...، ما أسفر عن مقتل قائد" returns
        to the strike)."""
        if not self.ctx.says(view, self.res.words.response_phrases):
            return None
        for j in range(view.sentence.tok_start, view.sentence.tok_end - 1):
            if self.ctx.tok(j) in self.res.words.response_words and self.ctx.tok(j + 1) == "علي" \
                    and any(t.tok_start > j for t in view.get("trigger", "attack")):
                clause = view.clause_of(j)
                end = view.sentence.clauses[clause][1] if clause >= 0 else view.sentence.tok_end
                return j, end
        return None

    def _negated_verbs(self, view: SentenceView) -> list[Mention]:
        """A negation and a verb of causing in any person or number: "من دون أن تسفرا عن خسائر بشرية", "لم
        يوقع إصابات" (the lexicon lists the commonest forms; these are the others)."""
        memo = self._sentence_memo("negated_verbs")
        if view.sentence.index not in memo:
            memo[view.sentence.index] = self._find_negated_verbs(view)
        return memo[view.sentence.index]

    def _find_negated_verbs(self, view: SentenceView) -> list[Mention]:
        words = self.res.words
        if not self.ctx.says(view, words.causing_verbs):
            return []
        out = []
        tok = self.ctx.tok
        for j in range(view.sentence.tok_start + 1, view.sentence.tok_end):
            if not tok(j).startswith(words.causing_verbs):
                continue
            k = j - 1 if tok(j - 1) != "ان" else j - 2  # "دون أن تسفرا"
            if tok(k).removeprefix("و").removeprefix("من") in words.negation_words or tok(k) in words.negation_words:
                start, end = self.ctx.span_of(k, j + 1)
                out.append(Mention("cue", "toll_negator", start, end, tok(j), k, j + 1))
        return out

    def _toll_denials(self, view: SentenceView) -> list[Mention]:
        """Denial verbs whose object is a casualty word: "نفى المتحدث وقوع أي إصابات" (nobody was hurt)."""
        if not view.get("cue", "denial"):
            return []
        memo = self._sentence_memo("toll_denials")
        if view.sentence.index not in memo:
            memo[view.sentence.index] = self._find_toll_denials(view)
        return memo[view.sentence.index]

    def _find_toll_denials(self, view: SentenceView) -> list[Mention]:
        casualties = view.get("casualty", "killed_noun") + view.get("casualty", "injured_noun")
        if not casualties:
            return []
        return [d for d in view.get("cue", "denial") if d.surface.startswith(self.res.words.denial_verbs)
                and any(0 <= c.tok_start - d.tok_end <= 5 for c in casualties)]

    def _negated_toll(self, frame: Frame, view: SentenceView, neg: Mention) -> None:
        """"لم يسفر عن سقوط قتلى أو جرحى" -> 0 and 0; "دون وقوع قتلى" -> killed 0; "لم يصب أحد بأذى",
        "دون خسائر بشرية", "لم يسفر عن ضحايا" -> 0 and 0.  The casualty word must follow within 7 words."""
        end = min(neg.tok_end + 7, view.sentence.tok_end)
        killed = any(neg.tok_end <= m.tok_start < end for m in view.get("casualty", "killed_noun"))
        injured = any(neg.tok_end <= m.tok_start < end for m in view.get("casualty", "injured_noun"))
        if any(w in self.ctx.tok(j) for j in range(neg.tok_end, end) for w in self.res.words.toll_words):
            killed = injured = True
        if neg.surface.startswith(self.res.words.unhurt_negators):
            killed = injured = True  # "ولم يصب أي جندي أمريكي": nobody was hit
        if any(self.ctx.tok(j) in self.res.words.loss_words and self.ctx.tok(j + 1) not in self.res.words.material_words
               for j in range(neg.tok_end, min(neg.tok_end + 3, end))):
            killed = injured = True  # "لم يسفر عن خسائر", "دون أن يسفر عن أي خسائر" (not "خسائر مادية")
        # "لم يسفر عن إصابات", "دون أن يسفر الهجوم عن أي إصابات": the plural is any casualty, dead or hurt
        if injured and not killed and any(neg.tok_end <= m.tok_start < end and m.surface in self.res.words.any_casualty
                                          for m in view.get("casualty", "injured_noun")):
            killed = True
        for name, hit in (("killed", killed), ("injured", injured)):
            if hit and getattr(frame, name) is None:
                setattr(frame, name, 0)
                frame.cite(name, neg.start, self.doc.tokens[end - 1].end if end > neg.tok_end else neg.end)

    def _toll_hedged(self, view: SentenceView) -> bool:
        """A threat or denial word before the sentence's first toll word ("حذر من أن الهجمات قد تؤدي إلى
        سقوط قتلى"); one after it ("لم يسفر عن خسائر، مشيرين إلى أن القوات تلقت تحذيرا") does not count."""
        memo = self._sentence_memo("toll_hedged")
        idx = view.sentence.index
        if idx not in memo:
            memo[idx] = self._find_toll_hedged(view)
        return memo[idx]

    def _find_toll_hedged(self, view: SentenceView) -> bool:
        tolls = [m.tok_start for m in view.get("casualty") + view.get("cue", "toll_negator")
                 + view.get("cue", "intercept") + self._negated_verbs(view)]
        first = min(tolls, default=view.sentence.tok_end)
        denials = self._toll_denials(view)  # "نفى وقوع إصابات" states the toll, it does not hedge it
        return any(c.tok_start < first and c not in denials for kind in NEGATING_CUES for c in view.get("cue", kind))

    def _attackers_toll(self, view: SentenceView) -> bool:
        """"وردت القوات الأمريكية ... ما أسفر عن مقتل مسلحين اثنين", "وقتل اثنان من المهاجمين": a toll
        of the attackers (a strike back, or the attackers named), no toll of their attack; but a toll told
        in what a strike answers ("ضربات ردا على الهجوم الذي أودى بحياة ثلاثة جنود") is the attack's."""
        if self.ctx.says(view, self.res.words.attacker_stems) and any(
                self.ctx.tok(j).startswith(self.res.words.attacker_stems)
                for j in range(view.sentence.tok_start, view.sentence.tok_end)):
            return True
        if not (view.get("trigger", "strike") or view.get("cue", "state_striker")):
            return False
        if any(self.ctx.tok(m.tok_end).startswith(self.res.words.us_adjectives) for m in view.get("casualty")
               if m.entry_id.startswith("people")):
            return False  # "أن 80 عسكريا أمريكيا قتلوا في الضربة": the Americans hit are no attackers
        answered = self._answered(view)
        tolls = view.get("casualty", "killed_noun") + view.get("casualty", "injured_noun")
        return not (answered is not None and tolls and all(answered[0] <= c.tok_start < answered[1] for c in tolls))

    def lone_event_tolls(self, merged: list[Frame]) -> None:
        """When a document tells of one attack (or one strike) only, a toll stated anywhere with a word of
        that event ("الهجوم الذي أودى بحياة ثلاثة جنود", "ارتفعت حصيلة شهداء العدوان إلى 17") is its toll,
        unless the sentence names another place of a different country."""
        strikes = [f for f in merged if f.type == "strike"]
        for f in strikes:
            if "artillery" in f.weapons and "rocket" not in f.weapons:
                self._rockets_with_artillery(f)
            if f.count is None:
                self._strike_count(f, len(strikes) == 1)
            own = self.ctx.views[f.sentence]
            if f.intercepted is None and own.get("cue", "intercept") and own.get("trigger", "strike") \
                    and not sentence_negated(own):
                self._intercepted(f, own)  # "نفذ العدو عدوانا جويا ... وتصدت دفاعاتنا لصواريخ العدوان"
        for f in merged:
            if f.type != "reinforcement" and f.killed:
                self._body_toll(f)
        attacks = [f for f in merged if f.type == "attack"]
        for f in attacks:
            if f.count is not None and f.weapons:
                self._body_count(f)
        if any(not f.weapons for f in attacks):
            self._counted_bases_weapons(attacks)
        for f in attacks:
            if "missile" in f.weapons and "rocket" in f.weapons and self._rockets_are_the_missiles(f):
                f.weapons = [w for w in f.weapons if w != "rocket"]
        for f in attacks:
            same_day = [g for g in attacks if g.date == f.date]
            if not f.weapons and (len(attacks) == 1 or (f.date is not None and len(same_day) == 1)):
                self._lone_attack_weapons(f, dated=len(attacks) > 1)
            elif f.count is None and f.weapons and (len(attacks) == 1 or (f.date is not None and len(same_day) == 1)):
                self._lone_attack_weapons(f, dated=len(attacks) > 1, count_only=True)
        for type_ in ("attack", "strike"):
            frames = [f for f in merged if f.type == type_]
            # the sentences of the others and of their tolls
            told = {f.sentence for f in frames} | {
                k for f in frames for name in ("killed", "injured") for s in f.evidence.get(name, [])
                if (k := self._sentence_at(s)) is not None}
            lead = min(frames, key=lambda f: f.sentence) if frames else None
            if lead is not None and len(frames) > 1 and lead.date is not None and all(
                    f.date is not None and f.date != lead.date and f.sentence > lead.sentence
                    for f in frames if f is not lead):
                # "جاء هجوم مساء الاثنين على قاعدة عين الأسد" with "هجوم بطائرة مسيرة على القاعدة نفسها في 25
                # تموز" told as background: a toll with no day of its own is the lead record's
                frames = [lead]
            if len(frames) != 1:
                continue
            frame = frames[0]
            if frame.killed is not None and frame.injured is not None:
                continue
            after = self._told_after(frame)
            for view in self.ctx.views:
                if view.sentence.index in told \
                        or not (view.get("casualty") or view.get("cue", "toll_negator")) \
                        or not (view.get("trigger", type_) or (frame.vehicle and self._names_vehicle(view))
                                or (view.sentence.index in after and not view.dates)) \
                        or self._toll_hedged(view):
                    continue
                if self.ctx.tally_sentences.get(view.sentence.index) or (type_ == "attack" and self._attackers_toll(view)):
                    continue
                if self._elsewhere(view, frame):
                    continue
                before = (frame.killed, frame.injured)
                self._casualties(frame, view)
                if (frame.killed, frame.injured) != before and frame.killed is not None and frame.injured is not None:
                    break

    def _rockets_with_artillery(self, frame: Frame) -> None:
        """A strike of artillery told with rockets joined to it by "و" ("ردت بقصف مدفعي وصاروخي", "أطلقت
        أكثر من 15 صاروخا وقذيفة مدفعية"): both (the strike record keeps only the artillery)."""
        cited = set(frame.evidence.get("weapons", []))
        guns = [m for m in self.doc.mentions if m.category == "weapon" and m.entry_id == "artillery"
                and (m.start, m.end) in cited]
        for r in self.doc.mentions:
            if r.category != "weapon" or r.entry_id != "rocket":
                continue
            if any((r.tok_start == g.tok_end and r.prefix.startswith("و"))
                   or (g.tok_start == r.tok_end and g.prefix.startswith("و")) for g in guns):
                frame.weapons = sorted({*frame.weapons, "rocket"})
                frame.cite("weapons", r.start, r.end)
                return

    def _told_after(self, frame: Frame) -> set[int]:
        """The sentences right after one the record is told in (its own, or one of its evidence), and the
        one after those when the sentence between names no place, toll, munition or day ("سقطت صواريخ على
        مطار أربيل" / "وأفاد المراسل بأن دوي انفجارات قوية سمع في أنحاء المدينة" / "قتل شخص واحد وأصيب
        خمسة آخرون")."""
        own = {frame.sentence} | {k for spans in frame.evidence.values() for s in spans
                                  if (k := self._sentence_at(s)) is not None}
        out = {k + 1 for k in own}
        for k in own:
            if k + 2 < len(self.ctx.views):
                between = self.ctx.views[k + 1]
                if not (between.get("site") or between.get("place") or between.get("casualty")
                        or between.get("weapon") or between.dates):
                    out.add(k + 2)
        return out - own

    def _body_toll(self, frame: Frame) -> None:
        """A headline's toll ("مقتل قيادي في كتائب حزب الله بضربة أميركية") gives way to a larger one told
        in a body sentence of the same record ("قتل قيادي بارز ... واثنان من مرافقيه في ضربة نفذتها طائرات
        مسيرة"): the headline names the one who matters, the body counts them all."""
        views, head = self.ctx.views, self._head
        spans = frame.evidence.get("killed", [])
        if not spans or not all(self._sentence_at(s) in head for s in spans):
            return
        own = sorted({self._sentence_at(s) for name, got in frame.evidence.items()
                      if name not in ("killed", "injured", "status") for s in got} - head - {None})
        for k in own:
            view = views[k]
            if not view.get("casualty") or self.ctx.tally_sentences.get(k):
                continue
            told = Frame(frame.type, k, frame.loc, frame.country, anchor=view.sentence.tok_start)
            self._casualties(told, view)
            if told.killed is not None and frame.killed is not None and told.killed > frame.killed:
                frame.killed = told.killed
                frame.evidence["killed"] = list(told.evidence.get("killed", []))
                return

    def _body_count(self, frame: Frame) -> None:
        """A headline's count ("إسقاط مسيرتين استهدفتا قاعدة التنف": the ones shot down) gives way to a larger
        one of the same munitions told in a body sentence of the same record ("أسقطت طائرتين مسيرتين من أصل
        ثلاث", "بثلاث طائرات ... أسقطت الدفاعات اثنتين منها"): the body counts them all."""
        views, head = self.ctx.views, self._head
        spans = frame.evidence.get("count", [])
        if not spans or not all(self._sentence_at(s) in head for s in spans):
            return
        own = sorted({self._sentence_at(s) for name, got in frame.evidence.items()
                      if name in ("type", "weapons", "location") for s in got} - head - {None})
        for k in own:
            view = views[k]
            weapons = view.get("weapon")
            if not weapons or self.ctx.tally_sentences.get(k):
                continue
            here = [m.tok_start for m in view.get("site") + view.get("place") if frame.loc is not None
                    and m.entry_id == frame.loc.entry_id]
            told = Frame(frame.type, k, frame.loc, frame.country, anchor=here[0] if here else view.sentence.tok_start)
            self._weapons(told, weapons, view)
            if told.count is not None and frame.count is not None and told.count > frame.count \
                    and told.weapons == sorted(frame.weapons):
                frame.count = told.count
                frame.evidence["count"] = list(told.evidence.get("count", []))
                return

    def _counted_bases_weapons(self, attacks: list[Frame]) -> None:
        """A counted attack on several bases with one kind of munition ("استهدفوا بالطائرات المسيرة ثلاث قواعد",
        "قاعدتين") and the bases listed in that sentence or the next ("هي قاعدة الشدادي ...، وقاعدة الركبان ...،
        وقاعدة التنف، بالطائرات المسيرة"): each base listed, as many as counted, was hit with that munition."""
        words, tok = self.res.words, self.ctx.tok
        for k in sorted({f.sentence for f in attacks if not f.weapons}):
            listed = {m.entry_id for m in self.ctx.views[k].get("site")}
            for j in (k, k - 1):
                if j < 0 or (j < k and (self.ctx.views[j].get("site") or self.ctx.views[j].get("place"))):
                    continue
                view = self.ctx.views[j]
                if not self.ctx.says(view, words.base_plurals + words.base_duals) or not view.get("trigger", "attack") \
                        or sentence_negated(view):
                    continue
                counted = [n[0] for i in range(view.sentence.tok_start, view.sentence.tok_end)
                           if tok(i) in words.base_plurals and (n := self.ctx.number_before(i)) is not None]
                counted += [2 for i in range(view.sentence.tok_start, view.sentence.tok_end) if tok(i) in words.base_duals]
                kinds = {w.entry_id for w in view.get("weapon") if w.entry_id != "aircraft"}
                if len(counted) != 1 or counted[0] != len(listed) or len(kinds) != 1:
                    continue
                weapons = [w for w in view.get("weapon") if w.entry_id in kinds]
                for f in attacks:
                    if f.sentence == k and not f.weapons and f.loc is not None and f.loc.entry_id in listed:
                        f.weapons = sorted(kinds)
                        f.cite("weapons", weapons[0].start, weapons[0].end)
                break

    @cached_property
    def _head(self) -> set[int]:
        """The sentences of the headline (the first paragraph)."""
        return {v.sentence.index for v in self.ctx.views if v.sentence.paragraph == 0}

    def _sentence_at(self, span: tuple[int, int]) -> int | None:
        for v in self.ctx.views:
            if v.sentence.start <= span[0] < v.sentence.end:
                return v.sentence.index
        return None

    def _elsewhere(self, view: SentenceView, frame: Frame) -> bool:
        """The sentence names a place of another country than the record's; a country's adjective in a
        striker's phrase ("بغارات الطيران الأردني" of a strike in Syria) names who strikes, not where."""
        strikers = view.get("cue", "state_striker") if frame.type == "strike" else []
        # "... استهدف موقعا عسكريا في شمال شرق الأردن قرب الحدود مع سوريا": countries named after the record's
        # own (a border, the blamed groups' home) do not move the sentence elsewhere
        here = min((m.tok_start for m in view.mentions if m.category in ("site", "place", "country")
                    and self._country_code(m) == frame.country), default=None) if frame.country else None
        return any(m.category in ("site", "place", "country") and self._country_code(m) not in (None, frame.country)
                   and not (m.category == "country" and any(c.tok_start <= m.tok_start < c.tok_end for c in strikers))
                   and not (m.category == "country" and here is not None and here < m.tok_start)
                   for m in view.mentions)
