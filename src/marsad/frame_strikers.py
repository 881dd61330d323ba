"""Frame rules about who strikes: a state as the subject of a striking verb, a head of state ordering strikes,
an army announcing them, strikes laid at a state's door a few sentences later, a state's ship as the target of
an attack (not its striker), and strike words that only answer, describe or refer back to other events.
"""

from __future__ import annotations

from marsad.context import PERPETRATOR_KINDS, STRIKERS, SentenceView
from marsad.frame_base import (
    GROUP_TARGETS,
    HEAD_STRIKERS,
    STRIKER_HOMES,
    BuilderBase,
    Frame,
    valid_triggers,
)
from marsad.model import Mention


class StrikerRules(BuilderBase):
    def attributed_strikes(self) -> None:
        """"قتل عشرة مدنيين فجر اليوم جراء غارات جوية استهدفت منازل في بلدة عرمان" and, up to three sentences
        on, "ونسب الأهالي الغارات إلى سلاح الجو الأردني": strikes told with no striker are that state's
        when a later sentence lays them at its door (an accusation, or the strikes named again with "ال").
        So are attack words aimed at an armed group's site ("الاعتداء الذي استهدف مقرا للحشد الشعبي") when
        the next sentences name a state striker as their doer ("الاعتداء الذي نفذته القوات الأمريكية")."""
        for view, sites, places, attack_trigs, weapons in self.unattributed:
            own = view.get("trigger", "strike") + attack_trigs
            for k in range(view.sentence.index, min(view.sentence.index + 4, len(self.ctx.views))):
                later = self.ctx.views[k]
                striker = self._blamed(later) if k == view.sentence.index else self._later_striker(later)
                if striker is None:
                    continue
                actor, named = striker
                made = self._strikes(view, (actor, self._hit_word(view, own)), sites, places, attack_trigs, weapons)
                for f in made:
                    f.evidence["type"] = [(own[0].start, own[0].end)]
                    self._air_weapons(f, weapons)
                    self._told_day(f)
                    f.actor_basis = "attributed"
                    f.evidence["actor"] = [(named.start, named.end)]
                    f.evidence["actor_basis"] = [(named.start, named.end)]
                    self._status(f, view)
                self.frames.extend(made)
                break
            else:
                self._unknown_air_strike(view, sites, places, attack_trigs, weapons)

    def _air_weapons(self, f: Frame, weapons: list[Mention]) -> None:
        """"طائرة مسيرة أقدمت على استهداف مقر ...": the drone told apart from the strike word is the munition
        when no warplane is named."""
        air = [w for w in weapons if w.entry_id in ("drone", "aircraft")]
        if f.weapons == ["aircraft"] and air and all(w.entry_id == "drone" for w in air):
            f.weapons = ["drone"]
            f.evidence["weapons"] = [(w.start, w.end) for w in air]

    def _hit_word(self, view: SentenceView, own: list[Mention]) -> Mention:
        """The word that stands for an unattributed strike when its places are sought: the armed group hit, after
        the attack word ("استهدفت طائرتان مسيرتان، مساء أمس، عجلتين تابعتين لقوات الحشد الشعبي في قضاء القائم"),
        else the attack word itself."""
        places = view.get("place") + view.get("site")
        groups = [a for a in view.get("actor") if a.entry_id in GROUP_TARGETS and any(t.tok_end <= a.tok_start for t in own)
                  and any(a.tok_end <= p.tok_start for p in places)]  # (the site hit, then where it is)
        return groups[0] if groups else own[0]

    def _blamed(self, view: SentenceView) -> tuple[str, Mention] | None:
        """The state a sentence blames for its own strike: "..، محملة قوات التحالف الدولي مسؤولية الهجوم"."""
        for c in view.get("cue", "attribution"):
            for a in view.get("actor"):
                if a.entry_id in STRIKERS and 0 <= a.tok_start - c.tok_end <= 2 and not self._base_word(a):
                    return STRIKERS[a.entry_id], a
        return None

    def _unknown_air_strike(self, view: SentenceView, sites: list[Mention], places: list[Mention],
                            attack_trigs: list[Mention], weapons: list[Mention]) -> None:
        """"قصف بطائرة مسيرة مجهولة استهدف مقرا للحشد الشعبي", "تعرض المعسكر لقصف جوي مجهول": a hit from the
        air on an armed group's site that nobody is named for is a strike with no actor (armed groups do not
        strike from the air), on the day its sentence tells."""
        air = [w for w in weapons if w.entry_id in ("drone", "aircraft")]
        # "استهدفت طائرات مجهولة الهوية مواقع ...": warplanes nobody is named for (a cue, not a weapon word)
        unnamed = [] if air else view.get("cue", "unknown_aircraft")
        own = view.get("trigger", "strike") + attack_trigs
        # the group is what was hit (named after the attack word), not who launched ("أطلقها الحوثيون")
        groups = [a for a in view.get("actor") if a.entry_id in GROUP_TARGETS
                  and any(t.tok_end <= a.tok_start for t in own)]
        if sites or not (air or unnamed) or not groups or not any(d.precision == "day" for _t, d in view.dates):
            return
        if view.get("cue", "state_striker") or view.get("cue", "other_striker") or view.get("cue", "intercept"):
            return  # a striker named and set aside ("طائرات التحالف" in Yemen), munitions shot down: no such strike
        made = self._strikes(view, (None, self._hit_word(view, own)), sites, places,  # type: ignore[arg-type]
                             attack_trigs, weapons)
        for f in made:
            f.evidence["type"] = [(own[0].start, own[0].end)]
            f.weapons = sorted({w.entry_id for w in air}) if air else ["aircraft"]
            f.evidence["weapons"] = [(w.start, w.end) for w in air or unnamed]
            f.actor = f.actor_basis = None
            f.evidence.pop("actor", None)
            f.evidence.pop("actor_basis", None)
            self._status(f, view)
        self.frames.extend(made)

    def _later_striker(self, later: SentenceView) -> tuple[str, Mention] | None:
        """The striker a sentence names for strikes told before: with an accusation, or with the strike or
        attack word again with "ال" ("الغارات", "الاعتداء الذي نفذته القوات الأمريكية")."""
        trigs = [t for t in valid_triggers(later, "strike") if not self._responded(t)]
        back = [t for t in trigs + later.get("trigger", "attack") if "ال" in t.prefix or t.surface.startswith("ال")]
        if not (later.get("cue", "attribution") or back):
            return None
        striker = self._striker(later, trigs)
        if striker is not None and striker[1].category != "trigger":
            return striker
        for a in later.get("actor"):
            if a.entry_id in STRIKERS and not self._base_word(a) and any(0 < a.tok_start - t.tok_end <= 3 for t in back):
                return STRIKERS[a.entry_id], a
        # "الاستهداف تم بطائرتين مسيرتين تابعتين للكيان الصهيوني": the state that owns the aircraft
        for w in later.get("weapon"):
            if w.entry_id in ("drone", "aircraft") and self.ctx.tok(w.tok_end).startswith(("تابع", "التابع")):
                for a in later.get("actor"):
                    if a.entry_id in STRIKERS and 1 <= a.tok_start - w.tok_end <= 2:
                        return STRIKERS[a.entry_id], a
        return None

    def hosted(self) -> set[tuple[str, str]]:
        """(site, airport) pairs the text tells as one in the other: "قاعدة فكتوريا التي يتواجد فيها التحالف
        الدولي في مطار بغداد الدولي" (the airport up to eight words after the site, in its sentence)."""
        out: set[tuple[str, str]] = set()
        for view in self.ctx.views:
            for s in view.get("site"):
                for p in view.get("place"):
                    if 0 <= p.tok_start - s.tok_end <= 8 and self.res.entries[p.entry_id].kind == "airport":
                        out.add((s.entry_id, p.entry_id))
        return out

    def explained_away(self, f: Frame) -> bool:
        """"قيادة العمليات توضح حقيقة الانفجار ... تفجير مسيطر عليه", "مصدر أمني: لا هجوم": an attack at a
        place the text explains away (or told up to three sentences from an explanation that names no place)
        that nobody claims and that hurt nobody is no event."""
        if f.type != "attack" or f.actor_basis == "claimed" or f.killed or f.injured:
            return False
        return (f.loc is not None and f.loc.entry_id in self.debunked) or any(
            abs(k - f.sentence) <= 3 for k in self.debunked_near)

    def _reaction_only(self, view: SentenceView, cue: Mention, attack_trigs: list[Mention]) -> bool:
        """"احتجاجا على الضربات الأمريكية", "إلى إدانة الضربات الأمريكية على جرف الصخر": strikes told before,
        named only as what is condemned (definite, no attack verb, no one hurt in the sentence)."""
        reactions = view.get("cue", "reaction")
        definite = cue.surface.startswith("ال") or "ال" in cue.prefix
        verbs = [t for t in attack_trigs if not cue.tok_start <= t.tok_start < cue.tok_end]
        return bool(reactions) and definite and not verbs and not view.get("casualty") \
            and any(r.tok_end <= cue.tok_start for r in reactions)

    def _given_to(self, view: SentenceView, cue: Mention) -> bool:
        """"بعد منح قاعدة إنجرليك للمقاتلات الأميركية": a striker phrase with "لـ" is an object, unless a
        strike word owns it ("غارات للمقاتلات الأميركية", "قتلوا في قصف لطيران التحالف")."""
        if "ل" not in cue.prefix or any("ل" not in c.prefix for c in view.get("cue", "state_striker")):
            return False
        if any(cue.tok_start <= t.tok_start < cue.tok_end for t in view.get("trigger")):
            return False  # "تعرضت مقرات ... لغارات أمريكية", "تصدت الدفاعات لعدوان إسرائيلي": strikes still
        return not any(0 <= cue.tok_start - t.tok_end <= 1 for t in view.get("trigger"))

    def _another(self, view: SentenceView, sites: list[Mention]) -> tuple[str, Mention] | None:
        """"استهدفت مسيّرة أخرى موقعاً زراعياً ...": one more aircraft of the striker named up to three sentences
        before (not at a base: "مسيرة أخرى استهدفت قاعدة حرير" is one more attack)."""
        more = view.get("cue", "another")
        if not more or sites or self.recent_striker is None or view.sentence.index - self.recent_striker[1] > 3:
            return None
        return self.recent_striker[0], more[0]

    def _listed_targets(self, view: SentenceView, sites: list[Mention]) -> tuple[str, Mention] | None:
        """"قال مسؤول عسكري أمريكي إن من بين الأهداف منشآت قرب مدينة القائم": the targets of the strikes of
        the striker named up to two sentences before (not a base: that is no target of a state striker)."""
        listed = view.get("cue", "target_list")
        if not listed or sites or self.recent_striker is None or view.sentence.index - self.recent_striker[1] > 2:
            return None
        return self.recent_striker[0], listed[0]

    def _in_answer(self, view: SentenceView, cue: Mention) -> bool:
        """"وذلك رداً على مقتل قائد فيلق القدس قاسم سليماني بضربة أميركية في بغداد": a strike further on in
        what is answered ("ردا على" earlier in its clause, no day there) was told before or is known."""
        clause = view.clause_of(cue.tok_start)
        if any(d.precision == "day" and view.clause_of(t) == clause for t, d in view.dates):
            return False
        words = self.res.words.response_words
        return any(self.ctx.tok(j) == "علي" and self.ctx.tok(j - 1) in words and view.clause_of(j) == clause
                   for j in range(max(cue.tok_start - 10, view.sentence.tok_start + 1), cue.tok_start))

    def _ship_object(self, view: SentenceView, a: Mention, attack_trigs: list[Mention]) -> bool:
        """"عملية عسكرية استهدفت المدمرة الأمريكية في البحر الأحمر", "هاجمت سفينة حربية أمريكية": the state
        named with a ship that an attack word hits (up to two words before the ship) owns the target, it does
        not strike."""
        if a.category != "actor":
            return False
        return any(0 <= a.tok_start - c.tok_end <= 1 and any(0 <= c.tok_start - t.tok_end <= 2 for t in attack_trigs)
                   for c in view.get("cue", "ship"))

    def _answered_place(self, view: SentenceView, p: Mention, anchors: list[Mention]) -> bool:
        """"تشن واشنطن ضربات على مواقع للحوثيين، رداً على هجماتهم على السفن في البحر الأحمر": a place after
        "ردا على" with no strike word between is where the answered attacks were, not the strike."""
        words = self.res.words.response_words
        if any(self.ctx.tok(j) == "علي" and (self.ctx.tok(j - 1) in words or self.ctx.tok(j - 2) in words)
               and not any(j < a.tok_start < p.tok_start for a in anchors)
               for j in range(view.sentence.tok_start + 1, p.tok_start)):
            return True
        # "غارات أمريكية على ... في العراق وسوريا بعد مقتل متعاقد أمريكي في كركوك": a place after "بعد/إثر" and
        # the death or attack that prompted the strikes is that event's
        prompts = view.get("casualty", "killed_noun") + view.get("trigger", "attack")
        # "وكانت الضربات قد جاءت بعد ساعات من استهداف بطائرة مسيرة لقاعدة للتحالف في ريف الحسكة": after "بعد
        # ساعات من" and an attack word, the place is that attack's
        for c in view.get("cue", "same_day"):
            told = [t for t in view.get("trigger", "attack") if 0 <= t.tok_start - c.tok_end <= 1 and t.tok_end <= p.tok_start]
            if told and any(a.tok_start < c.tok_start for a in anchors) and not any(
                    c.tok_start < a.tok_start < p.tok_start and a.tok_start != told[0].tok_start for a in anchors):
                return True
        return any(self.ctx.tok(j) in self.res.words.anchor_words and any(a.tok_start < j for a in anchors)
                   and not any(j < a.tok_start < p.tok_start for a in anchors)
                   and any(0 < m.tok_start - j <= 2 and m.tok_end <= p.tok_start for m in prompts)
                   for j in range(view.sentence.tok_start + 1, p.tok_start))

    def _described(self, view: SentenceView, cue: Mention) -> bool:
        """"الثأر لدماء شهدائنا الذين ارتقوا بالعدوان الأمريكي الأخير": known strikes (definite) in a relative
        clause that describes someone (with no day in that clause), not a strike told."""
        definite = cue.surface.startswith("ال") or "ال" in cue.prefix
        clause = view.clause_of(cue.tok_start)
        if any(d.precision == "day" and view.clause_of(t) == clause for t, d in view.dates):
            return False  # "الهدوء الذي أعقب الغارات الأمريكية التي استهدفت في 2 شباط ...": told with its day
        return definite and any(1 <= cue.tok_start - r.tok_end <= 2 and view.clause_of(r.tok_start) == clause
                                for r in view.get("cue", "relative"))

    def _anchored(self, cue: Mention) -> bool:
        """"في أعقاب الضربات الأمريكية الواسعة على القائم", "بعد الغارات الأمريكية", "بعد أكثر من شهرين على
        الضربة الأميركية التي قتلت سليماني": strikes already known (definite) used to tell the time of
        something else."""
        definite = cue.surface.startswith("ال") or "ال" in cue.prefix
        if not definite:
            return False
        if self.ctx.tok(cue.tok_start - 1) in self.res.words.anchor_words:
            return True
        return self.ctx.tok(cue.tok_start - 1) in ("علي", "من") and any(
            self.ctx.tok(j) in self.res.words.anchor_words for j in range(cue.tok_start - 6, cue.tok_start - 1))

    def _flying(self, view: SentenceView, cue: Mention) -> bool:
        """"فيما حلق الطيران الأمريكي بكثافة فوق المنطقة", "وسط تحليق للطيران الأمريكي": aircraft named as what
        flies over (right after the flying word, or its "لـ") strike nothing by that."""
        return any(0 <= cue.tok_start - c.tok_end <= 1 and view.clause_of(c.tok_start) == view.clause_of(cue.tok_start)
                   for c in view.get("cue", "flying"))

    def _dated_relative(self, view: SentenceView, cue: Mention) -> bool:
        """"عقب الضربة الأمريكية التي استهدفت مساء أمس الأربعاء سيارة في بغداد": a known event named with its
        own day in the relative clause right after it (the relative up to two words on, the day up to four
        words after the relative, in its clause) is told here, not only used to tell a time."""
        clause = view.clause_of(cue.tok_start)
        return any(0 <= r.tok_start - cue.tok_end <= 2 and view.clause_of(r.tok_start) == clause and any(
            d.precision == "day" and 0 < t - r.tok_end <= 4 and view.clause_of(t) == clause for t, d in view.dates)
            for r in view.get("cue", "relative"))

    def _responded(self, m: Mention) -> bool:
        """"ردا على العدوان", "ردا مباشرا على العدوان الأمريكي": what is answered was told before."""
        words = self.res.words.response_words
        return self.ctx.tok(m.tok_start - 1) == "علي" and (
            self.ctx.tok(m.tok_start - 2) in words or self.ctx.tok(m.tok_start - 3) in words)

    def _base_word(self, m: Mention) -> bool:
        """An actor named by its bases ("القواعد الأمريكية", "قاعدة أمريكية")."""
        first = m.surface.split(" ", 1)[0]
        return first in self.res.locality_words or (first.startswith("ال") and first[2:] in self.res.locality_words)

    def _own_forces(self, a: Mention, verb: Mention) -> bool:
        """"أعلن الجيش الإسرائيلي أن طائراته الحربية قصفت ...": the speaker's own forces (a noun with its
        pronoun, "طائراته", "قواتها") after "أن/إن" are the subject of the verb."""
        gap = [self.ctx.tok(j) for j in range(a.tok_end, verb.tok_start)]
        return 2 <= len(gap) <= 3 and gap[0] in self.res.words.that_words and gap[1].endswith(("ته", "تها", "تهم"))

    def _announcing_striker(self, view: SentenceView, strike_trigs: list[Mention]) -> tuple[str, Mention] | None:
        """"أعلن الجيش الأردني اليوم تدمير مستودعات ... بضربات جوية": a state striker announcing, further on in
        its sentence, strikes (nouns, not "شن"/"نفذ") with no armed group named in between."""
        verbs = view.get("cue", "strike_verb")
        nouns = [t for t in strike_trigs if not any(v.tok_start <= t.tok_start < v.tok_end for v in verbs)]
        if not nouns:
            return None
        for speech in view.get("cue", "claim_weak"):
            for a in view.get("actor"):
                if a.entry_id not in STRIKERS or self._base_word(a) or a.tok_start - speech.tok_end not in (0, 1):
                    continue
                t = nouns[0]
                between = [g for g in view.get("actor") if a.tok_end <= g.tok_start < t.tok_start
                           and self.res.entries[g.entry_id].kind in PERPETRATOR_KINDS]
                if t.tok_start > a.tok_end and not between:
                    return STRIKERS[a.entry_id], a
        return None

    def _ordering_head(self, view: SentenceView, strike_trigs: list[Mention]) -> tuple[str, Mention] | None:
        """"أمر الرئيس جو بايدن بضربات على ثلاث منشآت", "وجه الرئيس الأميركي بشن غارات": a head of state
        named (not its object after "لـ") up to four words before a strike word with "بـ" (what is ordered)
        is his forces' strike (threats and reactions are dropped by the caller)."""
        heads = [a for a in view.get("actor") if a.entry_id in HEAD_STRIKERS and "ل" not in a.prefix]
        if not heads:
            return None
        for t in strike_trigs:
            # "بضربات", "بشن غارات" (not "بالضربات": strikes told before, praised or condemned)
            ordered = ("ب" in t.prefix or self.ctx.tok(t.tok_start - 1).startswith("ب")) \
                and "ال" not in t.prefix and not t.surface.startswith("ال")
            for a in heads:
                if ordered and 0 <= t.tok_start - a.tok_end <= 4:
                    return HEAD_STRIKERS[a.entry_id], t
        return None

    def _state_subject(self, view: SentenceView) -> tuple[str, Mention, Mention] | None:
        """"قصفت القوات الأمريكية مواقع ...", "استهدفت إسرائيل مبنى ...", "قال الجيش الإسرائيلي إنه قصف ...":
        a state striker as the subject of a striking verb (right after it, not its object after "على"/"لـ";
        or right before it, alone or as the speaker of "إنه قصف", data/lexicon.yaml cues.striking_verb) is
        that state's strike.  The caller
        asks only when no base is named: "استهدفت القوات الأمريكية في قاعدة عين الأسد" is passive."""
        verbs = view.get("cue", "striking_verb")
        if view.sentence.paragraph != 0:
            present = view.get("cue", "headline_only")
            verbs = [v for v in verbs if not any(p.tok_start == v.tok_start for p in present)]
        if not verbs:
            return None
        # "أطلق الجيش الإسرائيلي صواريخ أرض-أرض باتجاه ...": a launching verb (one that needs a weapon, cues
        # needs_weapon) strikes only with a munition right after its subject, and not when one is intercepted
        weak = {c.tok_start for c in view.get("cue", "needs_weapon")}
        munitions = [w.tok_start for w in view.get("weapon") if w.entry_id != "aircraft"] \
            if weak and not view.get("cue", "intercept") else []
        for verb in verbs:
            for a in view.get("actor"):
                clitics = a.prefix.removesuffix("ال")  # "الطائرات الأمريكية قصفت": the article is no "لـ"
                if a.entry_id not in STRIKERS or "ل" in clitics or "ب" in clitics or self._base_word(a):
                    continue  # "بقصف القواعد الأمريكية": bases are hit, they do not strike
                if verb.tok_start in weak and not any(0 <= t - a.tok_end <= 2 for t in munitions):
                    continue
                home = STRIKER_HOMES.get(a.entry_id)
                if home is not None and any(self._country_code(m) == home for m in view.mentions
                                            if m.category in ("site", "place")):
                    continue  # "استهدفت إسرائيل ... في حيفا": Israel is the target
                # "قصفت القوات الأمريكية": the subject right after a bare verb ("أنها استهدفت إسرائيل": its object)
                # "قصفت صواريخ أمريكية مواقع ...": a munition with the state's adjective is the subject too
                # (a model number between: "مقاتلات إف-16 أمريكية")
                armed = any(w.tok_start == verb.tok_end and all(
                    any(ch.isdigit() for ch in self.ctx.tok(j)) for j in range(w.tok_end, a.tok_start))
                    and a.tok_start - w.tok_end <= 1 for w in view.get("weapon"))
                # (a plural or dual verb agrees with a subject told before it: "قصفوا القوات الأمريكية" hits them)
                plural = verb.surface.endswith(("وا", "تا"))
                after = (a.tok_start == verb.tok_end or armed) and " " not in verb.surface \
                    and verb.prefix in ("", "و", "ف") and not plural
                # "إن القوات الأمريكية وحلفاءها قصفوا أهدافا": a subject with one conjunct before a plural or dual verb
                joined = plural and a.tok_end + 1 == verb.tok_start and self.ctx.tok(a.tok_end).startswith("و")
                before = (a.tok_end == verb.tok_start or joined or self._own_forces(a, verb)) \
                    and self.ctx.tok(a.tok_start - 1) not in ("علي", "ضد")
                if after or before:
                    return STRIKERS[a.entry_id], a, verb
        return None
