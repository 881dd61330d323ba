"""Frame rules that build attack frames: the attacks of a sentence and their arguments, listed targets,
summaries, answered and prompting attacks."""

from __future__ import annotations

import dataclasses
import re

from marsad.context import TARGET_ACTORS, SentenceView
from marsad.frame_base import HOST_PLACES, IRAQI_GROUPS, MISSILE_ACTORS, BuilderBase, Frame
from marsad.model import Mention

# a list item: "1- قاعدة الشدادي", "2) قاعدة التنف", "• قاعدة حرير"
LIST_ITEM = re.compile(r"\s*(?:\d{1,2}\s*[-.)]|[•*-])\s*")


class AttackRules(BuilderBase):
    def _answered_attack(self, view: SentenceView, f: Frame) -> bool:
        """"ضربات أمريكية في العراق وسوريا ردا على هجوم البرج 22", "في أول رد على الهجوم الذي أودى بحياة ...":
        an attack told only as what is answered ("رد/ردا على" right before its word, up to one word between)
        or as what something followed ("الضربات الواسعة التي أعقبت هجوم البرج 22") is an earlier event with no
        day of its own here, unless a day follows in its clause ("ردا على الهجوم الذي استهدف القاعدة فجر
        اليوم")."""
        spans = f.evidence.get("type", [])
        trigs = [t for t in view.get("trigger", "attack") if (t.start, t.end) in spans]
        followed = view.get("cue", "followed")
        attacks = view.get("trigger", "attack")

        def answered(t: Mention) -> bool:
            if self._responded(t) or any(0 <= t.tok_start - c.tok_end <= 1 for c in followed):
                return True
            # "ردا على الهجوم الذي استهدف قاعدة البرج 22": the verb of the relative clause tells the same one
            return any(r.tok_end == t.tok_start and any(a.tok_end == r.tok_start and answered(a) for a in attacks)
                       for r in view.get("cue", "relative"))

        if not trigs or not all(answered(t) for t in trigs):
            return False
        return not any(d.precision == "day" and tok > trigs[0].tok_start
                       and view.clause_of(tok) == view.clause_of(trigs[0].tok_start) for tok, d in view.dates)

    def _toll_place(self, p: Mention) -> bool:
        """A place right after a number and "في" ("18 في مدينة البوكمال", "و5 في مدينة الميادين"): a share of
        the toll, told where it fell."""
        if self.ctx.tok(p.tok_start - 1) != "في":
            return False
        num = self.ctx.tok(p.tok_start - 2)
        return num.removeprefix("و").isdigit()

    def _prompting_attack(self, view: SentenceView, sites: list[Mention], places: list[Mention],
                          attack_trigs: list[Mention], weapons: list[Mention]) -> list[Frame]:
        """"قتل 11 عنصرا جراء ضربات جوية أمريكية ليل الخميس، وذلك بعد ساعات من استهداف قاعدة للتحالف الدولي قرب
        مدينة الحسكة بطائرة مسيرة": the attack told hours before the strikes, at a place with no base name, is an
        event of that day too (a named base in the strike sentence already makes its attack)."""
        made: list[Frame] = []
        for c in view.get("cue", "same_day"):
            # (the attack word is set aside as a known event by the words before it: look at all of them)
            trigs = [t for t in view.get("trigger", "attack") if 0 <= t.tok_start - c.tok_end <= 1]
            if not trigs:
                continue
            clause = view.clause_of(trigs[0].tok_start)
            if any(view.clause_of(s.tok_start) == clause for s in sites) or not any(
                    view.clause_of(k.tok_start) == clause for k in self._coalition_cues(view)):
                continue
            here = [p for p in places if view.clause_of(p.tok_start) == clause and p.tok_start > c.tok_end]
            own = [w for w in weapons if view.clause_of(w.tok_start) == clause]
            if here:
                made += self._attacks(view, [], here, trigs, own)
        return made

    def _listed_target(self, view: SentenceView, sites: list[Mention], places: list[Mention]) -> bool:
        """"هاجم مجاهدو المقاومة ... بالطائرات المسيرة ثلاث قواعد للعدو، وهي:" then "1- قاعدة الشدادي في
        الأراضي السورية." and "2- قاعدة التنف.": each list item right after an attack sentence that ends
        with ":" names one more target of that attack (its day, weapons and actor); the country-level record
        of the lead sentence gives way to them."""
        assert self.list_lead is not None
        last, leads = self.list_lead
        text = self.doc.norm.text[view.sentence.start:view.sentence.end] if self.doc.norm else ""
        if view.sentence.index - last != 1 or not LIST_ITEM.match(text):
            self.list_lead = None
            return False
        targets = sites or [p for p in places if self._facility(p)]
        if not targets or view.get("trigger"):
            self.list_lead = None
            return False
        loc = targets[0]
        for lead in leads:
            f = dataclasses.replace(lead, sentence=view.sentence.index, loc=loc,
                                    country=self.res.entries[loc.entry_id].country, country_ev=None,
                                    anchor=loc.tok_start, weapons=list(lead.weapons),
                                    evidence={k: list(v) for k, v in lead.evidence.items()
                                              if k not in ("location", "country")})
            f.cite("location", loc.start, loc.end)
            f.cite("country", loc.start, loc.end)
            self.frames.append(f)
        self.frames = [f for f in self.frames if not (f.loc is None and any(f is lead for lead in leads))]
        self.list_lead = (view.sentence.index, leads)
        for p in [*sites, *places]:
            self.last_location = p
        return True

    def _weapon_event(self, view: SentenceView, weapons: list[Mention]) -> bool:
        """A weapon with no attack word tells an attack only in a headline ("صاروخان على قاعدة عين الأسد"),
        with an interception ("تصدت الدفاعات الجوية لطائرة مسيرة"), a hit ("إصابة مباشرة") or a claim of
        it, or when it is a bomb ("تفجير عبوة ناسفة على رتل")."""
        return view.sentence.paragraph == 0 or any(w.entry_id == "ied" for w in weapons) or bool(
            view.get("cue", "intercept") or view.get("cue", "not_intercepted") or view.get("cue", "claim"))

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

    def _attacks(self, view: SentenceView, sites: list[Mention], places: list[Mention],
                 trigs: list[Mention], weapons: list[Mention]) -> list[Frame]:
        frames = []
        # "قالت الحكومة إن الهجوم وقع في قاعدة التنف، وهو ما نفاه مسؤولون أمريكيون": a place told and denied at
        # once is no place of the attack
        denied = [d for d in view.get("cue", "denial") if self.ctx.tok(d.tok_start - 1) == "ما"
                  and self.ctx.tok(d.tok_start - 2) in ("وهو", "وهي", "هو", "هي")]
        if denied:
            sites = [s for s in sites if not any(0 < d.tok_start - s.tok_end <= 4 for d in denied)]
            places = [p for p in places if not any(0 < d.tok_start - p.tok_end <= 4 for d in denied)]
        # "في محيط قاعدة القرية الخضراء قرب حقل العمر": a site that locates the site just named is its
        # reference point, no target of its own
        sites = [s for s in sites if not self._locates_site(view, s, sites)]
        anchors = trigs + weapons
        us_context = self._us_context(view)
        # a site whose name is also a common word needs a weapon, a base word ("قاعدة ..."), a US/coalition
        # word or a claim with it: "أصيب محمد الشدادي في كمين" is no attack on Shaddadi
        sites = [s for s in sites if s.entry_id not in self.res.common_word_names or weapons or us_context
                 or view.get("cue", "claim") or self._facility(s)]
        heading = view.get("cue", "heading")
        bound = [s for s in sites if any(0 <= s.tok_start - h.tok_end <= 1 for h in heading)]
        if bound and [p for p in places if not self._is_origin(p)]:
            # "تفجير عبوة على رتل قرب سامراء أثناء توجهه إلى قاعدة بلد": where the convoy was going is not
            # where it was hit
            sites = [s for s in sites if s not in bound]
        # an airport or the Green Zone anywhere in the sentence ("سقطت ... في محيط معسكر للتحالف، يضم قوات
        # أمريكية قرب مطار بغداد"); other places only in a clause with the attack's words
        told = places
        hosts = [p for p in places if not self._is_origin(p) and weapons
                 and (self.res.entries[p.entry_id].kind == "airport" or p.entry_id in HOST_PLACES)]
        places = [p for p in places if not self._is_origin(p)
                  and (self._same_clause(view, p, anchors) or self._setting(view, p))]
        if not sites and self._headed_elsewhere(view):
            places = []  # "اعترضت المدمرة في البحر الأحمر صواريخ ... ربما كانت متجهة نحو إسرائيل"
        # "استهدفت الأولى سفينة في خليج عدن، والثانية مدمرة أمريكية في البحر الأحمر": each sea with a ship in
        # its clause (any ship: attacks on shipping are in scope)
        ships = view.get("cue", "ship")
        seas = [] if sites or hosts else self._best_place(
            [p for p in places if self.res.entries[p.entry_id].kind == "sea"
             and any(view.clause_of(s.tok_start) == view.clause_of(p.tok_start) for s in ships)], every=True)
        locs = sites or hosts[:1] or seas or self._best_place(places)  # "المنطقة الخضراء وسط بغداد": the Green Zone
        airport = bool(hosts) and not sites
        # "وفي محافظة بابل، انفجرت عبوة ثانية على رتل مماثل": a convoy like the coalition's hit just told
        us_context = us_context or bool(view.get("cue", "another_convoy") and locs and weapons and any(
            g.type == "attack" and g.target in TARGET_ACTORS for g in self.frames))
        if not sites and not seas and locs and not (airport and weapons) and not (us_context and (weapons or any(
                a.entry_id in TARGET_ACTORS and view.clause_of(a.tok_start) == view.clause_of(locs[0].tok_start)
                for a in view.get("actor")))):
            locs = []  # an attack in a town is in scope only when US/coalition forces are its target
        # "أعلنت المقاومة الإسلامية في العراق استهداف ... منشأة زفولون البحرية في حيفا المحتلة": an Iraqi group's
        # attack on Israel is in scope
        if any(a.entry_id in IRAQI_GROUPS for a in view.get("actor")) and (trigs or weapons):
            israeli = [p for p in told if self._country_code(p) == "IL" and not self._is_origin(p)
                       and not self._toward(p) and all(p.entry_id != x.entry_id for x in locs)]
            locs = [*locs, *israeli[:1]]
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
            # "تعرضت القوات الأمريكية في شرق سوريا لهجوم بعدة صواريخ يوم الخميس" (not "لـ 46 هجوماً منذ 17
            # تشرين الأول": a day that starts a period, a count of attacks)
            # "عبوة ناسفة انفجرت ... على رتل لشركة متعاقدة مع التحالف الدولي، ... في قضاء أبو غريب غربي بغداد":
            # a place outside the gazetteer, told by a known place's direction, is in that place's country
            country, near = self._country_of(view, trigs[0].tok_start) if trigs else (None, None)
            if country is None and not view.get("country"):
                codes = {self._country_code(p): p for p in told if self._country_code(p)}
                if len(codes) == 1:
                    ((country, near),) = codes.items()
            if not frames and weapons and trigs and not self.arab_coalition_doc and country and \
                    "attacks" not in self.ctx.tally_sentences.get(view.sentence.index, set()) and \
                    any(d.precision == "day" and not self._since(view, t) for t, d in view.dates) and \
                    (self._coalition_cues(view) or any(a.entry_id in TARGET_ACTORS and not self._blamed_side(view, a)
                                                       for a in view.get("actor"))
                     or (view.get("cue", "another_convoy") and any(  # "تعرض رتل آخر لإطلاق نار قرب الناصرية"
                         g.type == "attack" and g.target in TARGET_ACTORS for g in self.frames))):
                frame = self._new("attack", view, None, trigs[0].tok_start, trigs[0])
                if frame.country is None and near is not None:
                    frame.country, frame.country_ev = country, near
                    frame.cite("country", near.start, near.end)
                self._fill_attack(frame, view, weapons, [])
                # "في هجمات صاروخية استهدفت موقعين للقوات الأميركية في شمال شرقي سوريا": several attacks told at once
                frame.several = any(t.surface.startswith(self.res.words.habitual_triggers) for t in trigs)
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
        days = [t for t, d in view.dates
                if d.precision == "day" and not self._since(view, t)]
        if "attacks" in self.ctx.tally_sentences.get(view.sentence.index, set()):
            # "قال المرصد في حصيلة نشرها أمس إن عدد الهجمات ... وصل إلى 61 هجوما ..، توزعت بين حقل العمر
            # وكونيكو": the day of the statement is not the bases' own; a day in the place's clause is
            here = view.clause_of(frame.loc.tok_start if frame.loc is not None else frame.anchor)
            return not any(view.clause_of(t) == here for t in days)
        if days:
            return False
        since = any(self._since(view, t) for t, _d in view.dates)
        plural = [t for t in trigs if t.surface.startswith(self.res.words.habitual_triggers)]
        if since and plural:
            return True  # "وقد تعرضت منذ منتصف تشرين الأول لعدة هجمات بطائرات مسيرة": a period's attacks
        if any("ل" in t.prefix or self.ctx.tok(t.tok_start - 1).startswith("ل") for t in plural):
            return True  # "تعرضت خلالها قاعدة حرير ومطار أربيل لهجمات عدة بطائرات مسيرة": many attacks, no day
        weak = all(t.surface.startswith(self.res.words.habitual_triggers) for t in trigs)
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
