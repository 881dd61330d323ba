"""Frame rules about who: the perpetrator of an attack and its basis (claimed or attributed), the striker
of a strike, the target, and each event's status (claimed, confirmed, denied, reported).
"""

from __future__ import annotations

from marsad.context import PERPETRATOR_KINDS, STRIKERS, TARGET_ACTORS, SentenceView
from marsad.frame_base import (
    DESCRIPTIVE_ACTORS,
    NEGATING_CUES,
    SPEAKERS,
    BuilderBase,
    Frame,
    sentence_negated,
)
from marsad.frame_merge import merge
from marsad.model import Mention
from marsad.normalize import normalize_key

IRAN_LAUNCHERS = frozenset({"iran", "irgc"})  # rockets they claim are launched from Iran: missiles (spec)


class ActorRules(BuilderBase):
    def _perpetrators(self, view: SentenceView) -> list[Mention]:
        if not view.get("actor"):
            return []
        memo: dict[int, list[Mention]] = self.__dict__.setdefault("_perpetrator_sentences", {})
        found = memo.get(view.sentence.index)
        if found is None:
            found = memo[view.sentence.index] = self._find_perpetrators(view)
        return found

    def _find_perpetrators(self, view: SentenceView) -> list[Mention]:
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

    def _find_speaker(self, actor: str, country: str | None = None, views: list[SentenceView] | None = None) -> bool:
        own = SPEAKERS.get(actor, frozenset({actor}))
        elsewhere = {f.country for f in self.frames if f.type == "strike" and f.actor == actor
                     and f.country not in (None, country)} if country is not None else set()
        us = actor in ("us-forces", "coalition")
        negations = self.res.words.negation_words
        for v in self.ctx.views if views is None else views:
            # "ورغم عدم صدور أي بيان رسمي عن الجيش الأردني": a statement said not to exist
            cues = [c for c in v.get("cue", "confirm")
                    if not any(self.ctx.tok(k) in negations for k in range(max(c.tok_start - 3, v.sentence.tok_start), c.tok_start))]
            if not cues:
                continue
            if elsewhere:
                # a statement about its strike elsewhere ("قضت على مخربين في جنوب لبنان") does not speak for this one
                here = {self._country_code(m) for m in v.mentions if m.category in ("country", "site", "place")}
                if here & elsewhere and country not in here:
                    continue
            spots = [a.tok_start for a in v.get("actor") if a.entry_id in own
                     and not (" " not in a.surface and a.surface.startswith(self.res.words.us_adjectives))  # not "أمريكية"
                     and not a.surface.startswith(self.res.words.hostile_stems)]  # "العدو الإسرائيلي" is the other side's voice
            if us and self.ctx.says(v, self.res.words.official_stems):  # "مسؤول أميركي", "المتحدث الأمريكي"
                spots += [j for j in range(v.sentence.tok_start, v.sentence.tok_end - 1)
                          if self.ctx.tok(j).startswith(self.res.words.official_stems)
                          and self.ctx.tok(j + 1).startswith(self.res.words.us_adjectives)]
            if any(any(abs(t - c.tok_start) <= 6 for c in cues) and not self._reported(cues, t, v, own, us)
                   for t in spots):
                return True
        return False

    def ground_responses(self, merged: list[Frame]) -> None:
        """A strike of guns with no aircraft, answering an attack ("وردت القوات الأمريكية بقصف مدفعي على مصادر
        الإطلاق، بحسب ما أفاد الأهالي"), is claimed only when the striker's statement tells of it: in its own
        sentence, or a statement that names guns or the answer and its means ("ما دفع القوات الأميركية إلى
        الرد بمروحيات هجومية"); the striker's statement about its air strikes ("الضربات جاءت ردا على
        هجمات") does not speak for it."""
        words = self.res.words
        for f in merged:
            if f.type != "strike" or f.actor_basis != "claimed" or "artillery" not in f.weapons \
                    or "aircraft" in f.weapons or f.actor not in ("us-forces", "coalition"):
                continue
            own = self.ctx.views[f.sentence]
            if own.get("cue", "claim"):
                continue
            views = [own] + [v for v in self.ctx.views if v is not own and (v.get("weapon", "artillery") or any(
                self.ctx.tok(j).removeprefix("و").removeprefix("ال") in (*words.response_words, *words.response_verbs)
                and self.ctx.tok(j + 1).startswith("ب") for j in range(v.sentence.tok_start, v.sentence.tok_end - 1)))]
            if not self._find_speaker(f.actor, f.country, views):
                f.actor_basis = "attributed"

    def _reported(self, cues: list[Mention], tok: int, view: SentenceView, own: frozenset[str], us: bool) -> bool:
        """A name inside the reported clause of a statement whose speaker is named between the nearest
        statement verb before it (not the noun "بيان") and "أن/إن" ("وأكدت الخارجية في بيانها أن احتلال
        القوات الأمريكية ..."): spoken about, not the speaker.  A statement with no speaker of its own ("وجاء
        في البيان أن الولايات المتحدة ستواصل") or with one of the side's own may be the named side's."""
        words = self.res.words
        verbs = [c for c in cues if c.tok_start < tok
                 and not c.surface.removeprefix("و").removeprefix("ال").startswith(words.statement_stems)]
        if not verbs:
            return False
        cue = max(verbs, key=lambda c: c.tok_start)
        that = next((j for j in range(cue.tok_end, tok) if self.ctx.tok(j) in self.res.words.that_words), None)
        if that is None:
            return False
        if any(cue.tok_end <= a.tok_start < that and a.entry_id in own for a in view.get("actor")) or (
                us and any(self.ctx.tok(j).removeprefix("ال").startswith(words.us_adjectives) for j in range(cue.tok_end, that))):
            return False  # "أعلن وزير الدفاع الأمريكي أن القوات الأمريكية شنت": the side's own speaker
        return any(not (self.ctx.tok(j) in ("في", "عن") or self.ctx.tok(j).removeprefix("ال").removeprefix("و")
                        .startswith(words.statement_stems)) for j in range(cue.tok_end, that))

    def _actor_id(self, m: Mention) -> str:
        """"فصائل مدعومة من إيران", "جماعات موالية لإيران": Iran named as the backer means the militias."""
        if m.entry_id == "iran" and any(self.ctx.tok(j).startswith(self.res.words.backing_stems)
                                        for j in (m.tok_start - 1, m.tok_start - 2)):
            return "iran-backed-militias"
        return m.entry_id

    def _actor_for_attack(self, frame: Frame, view: SentenceView) -> None:
        """The perpetrator: named in the event's clause or with a claim/attribution in its sentence, or
        named with a strong claim ("تبنت", "أعلنت مسؤوليتها") in one of the next two sentences."""
        if self._no_claim(view):
            return
        idx = view.sentence.index
        for k in range(idx, min(idx + 3, len(self.ctx.views))):
            v = self.ctx.views[k]
            if self._disowned(v):
                return
            actors = self._perpetrators(v)
            if not actors:
                continue
            claims = self._claims(v) + (v.get("cue", "claim_weak") if k == idx else [])
            attributions = v.get("cue", "attribution")
            if k > idx:
                other_sites = [s for s in v.get("site") if frame.loc is None or s.entry_id != frame.loc.entry_id]
                if not self._claims(v) or other_sites or self._no_claim(v):
                    continue
            elif not claims and not attributions:
                clause = v.clause_of(frame.anchor)
                # the subject right after the attack verb ("استهدفت الميليشيات الموالية لإيران، مساء أمس، ...")
                verbs = [t.tok_end for t in v.get("trigger", "attack") if t.tok_start < frame.anchor]
                actors = [a for a in actors if v.clause_of(a.tok_start) == clause
                          or any(0 <= a.tok_start - e <= 1 for e in verbs)] or self._launch_ground(v, actors)
                if not actors:
                    continue
            ref = frame.anchor if k == idx else v.sentence.tok_start
            actor = min(actors, key=lambda a: abs(a.tok_start - ref))
            frame.actor = self._actor_id(actor)
            frame.cite("actor", actor.start, actor.end)
            # a weak claim ("قالت", "بيان") is the actor's only when the actor is who speaks: "قالت القيادة
            # المركزية إن قواتها أسقطت مسيرتين أطلقهما الحوثيون" is the Americans' account, not a claim
            claims = [c for c in claims if c.entry_id != "claim_weak" or self._claimant(v, c) == actor.entry_id
                      or (self._claimant(v, c) is None  # "بحسب ما أعلنته وسائل إعلام": someone else's account
                          and self.ctx.tok(c.tok_start - 1) not in self.res.words.source_openers)]
            if k == idx and frame.actor not in DESCRIPTIVE_ACTORS:
                # "وأضاف الحرس الثوري أن موجة ثانية من الصواريخ استهدفت ...": the group's own statement
                claims += [c for c in v.get("cue", "confirm") if c.tok_start < frame.anchor
                           and c.surface.removeprefix("و").startswith(self.res.words.add_verbs)
                           and 0 <= actor.tok_start - c.tok_end <= 1]
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
        went_on = self._claim_goes_on(view) or self._same_group_claims(view)
        if went_on is not None:
            prev, cue = went_on
            frame.actor, frame.actor_basis = prev.actor, "claimed"
            frame.cite("actor", cue.start, cue.end)
            frame.cite("actor_basis", cue.start, cue.end)
            return
        if "missile" in frame.weapons:
            self._launcher(frame, view)

    def _launch_ground(self, view: SentenceView, actors: list[Mention]) -> list[Mention]:
        """The armed group whose ground the munitions were launched from ("بطائرة مسيرة انطلقت من مناطق نفوذ
        الميليشيات الموالية لإيران", "انطلقت من بلدة محكان الخاضعة لسيطرة ميليشيا حزب الله العراقي"): named
        right after the word of control (one group word may stand between), so ground shared with another
        side ("مناطق سيطرة القوات الحكومية والميليشيات") names nobody."""
        words, tok = self.res.words, self.ctx.tok
        if not self.ctx.says(view, words.control_words):
            return []
        launches = [j + 2 for j in range(view.sentence.tok_start, view.sentence.tok_end - 1) if tok(j + 1) == "من"
                    and tok(j).removeprefix("و").removeprefix("ف").startswith(words.launch_stems)]
        for start in launches:
            for j in range(start, min(start + 4, view.sentence.tok_end)):
                if tok(j).removeprefix("ل") not in words.control_words:
                    continue
                after = [a for a in actors if a.tok_start > j]
                if not after:
                    return []
                first = min(after, key=lambda a: a.tok_start)
                gap = range(j + 1, first.tok_start)
                if len(gap) <= 1 and all(tok(k).startswith(words.backing_stems) for k in gap):
                    return [first]
                return []
        return []

    def _launcher(self, frame: Frame, view: SentenceView) -> None:
        """"إن إيران أطلقت 16 صاروخا باليستيا من ثلاثة مواقع" and next "11 صاروخا سقطت على قاعدة عين الأسد": the
        missiles' launcher named right before the launch verb is the actor (attributed, unless its own claim)."""
        k = self._launch_sentence([w for w in view.get("weapon") if w.entry_id == "rocket"], view)
        if k is None:
            return
        v = self.ctx.views[k]
        verbs = v.get("trigger", "attack")
        named = [a for a in self._perpetrators(v) if any(0 <= t.tok_start - a.tok_end <= 1 for t in verbs)]
        if not named:
            return
        frame.actor = self._actor_id(named[0])
        frame.actor_basis = "claimed" if self._claims(v) and frame.actor not in DESCRIPTIVE_ACTORS else "attributed"
        frame.cite("actor", named[0].start, named[0].end)
        frame.cite("actor_basis", named[0].start, named[0].end)

    def _group_anaphor(self, frame: Frame, view: SentenceView) -> bool:
        """"أعلنت المقاومة أنها استهدفت ...", "استهدفت الميليشيات بقذائف صاروخية ...": a bare group word in
        the event's clause (or right after its verb) is the armed group last named before the sentence."""
        clause = view.clause_of(frame.anchor)
        verbs = [t.tok_end for t in view.get("trigger", "attack")]
        word = None
        for j in self._group_words(view):
            if view.clause_of(j) == clause or any(0 <= j - e <= 1 for e in verbs):
                word = j
                break
        if word is None:
            return False
        named = [m for m in self._named_groups() if m.tok_start < view.sentence.tok_start]
        # the group whose name has the word ("وأوضح الحرس": the Revolutionary Guard), else the last named
        bare = self.ctx.tok(word).removeprefix("و")
        named = [m for m in named if bare in normalize_key(self.res.entries[m.entry_id].name_ar).split()] or [
            m for m in named if m.entry_id != "irgc"]
        if not named:
            return False
        group = named[-1]
        frame.actor = self._actor_id(group)
        claims = self._claims(view) + view.get("cue", "claim_weak")
        # "وأشار البيان إلى أن صواريخ الحرس استهدفت أيضا مقرا ...": the statement told before, opening the sentence
        opening = [c for c in view.get("cue", "claim_weak") if c.tok_start - view.sentence.tok_start <= 1
                   and c.tok_start < word and c.surface.removeprefix("ال").startswith(self.res.words.statement_stems)
                   and "ال" in (c.prefix + c.surface[:2])]
        claimed = (any(abs(c.tok_start - word) <= 3 for c in claims) or bool(opening)) \
            and frame.actor not in DESCRIPTIVE_ACTORS
        frame.actor_basis = "claimed" if claimed else "attributed"
        start, end = self.ctx.span_of(word, word + 1)
        frame.cite("actor", group.start, group.end)
        frame.cite("actor_basis", start, end)
        return True

    def _named_groups(self) -> list[Mention]:
        """The document's mentions of armed groups that attack (and of the IRGC), in mention order."""
        found: list[Mention] | None = self.__dict__.get("_groups_named")
        if found is None:
            entries = self.res.entries
            found = self.__dict__["_groups_named"] = [
                m for m in self.doc.mentions if m.category == "actor"
                and ((entries[m.entry_id].kind in PERPETRATOR_KINDS and entries[m.entry_id].role_hint == "perpetrator")
                     or m.entry_id == "irgc")]
        return found

    def _group_words(self, view: SentenceView) -> list[int]:
        """The tokens of the sentence that are a bare group word ("المقاومة", "والميليشيات"), in order."""
        memo: dict[int, list[int]] = self.__dict__.setdefault("_group_word_sentences", {})
        found = memo.get(view.sentence.index)
        if found is None:
            words, tok = self.res.words.group_words, self.ctx.tok
            found = memo[view.sentence.index] = [
                j for j in range(view.sentence.tok_start, view.sentence.tok_end)
                if tok(j) in words or (tok(j)[:1] == "و" and tok(j)[1:] in words)] if self.ctx.says(view, words) else []
        return found

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

    def lone_event_actor(self, merged: list[Frame]) -> None:
        """Document-level actors of attacks.  A group's own claim of an attack anywhere in the text makes the
        attack claimed (a headline "المقاومة تدك قاعدة ..." or another side's "فصائل مدعومة من إيران" gives
        way to "أعلنت المقاومة الإسلامية مسؤوليتها عن الهجوم").  An attack with no actor takes one from a
        claim or accusation elsewhere: anywhere in a text of one attack ("اتهمت واشنطن كتائب حزب الله بتنفيذ
        الهجوم"), within three sentences when the text tells of several ("نفذ مجاهدو المقاومة عمليتين:",
        "نحمّل المسؤولية لجماعات تدعمها إيران").  The sentence nearest the event wins, a claim before an
        accusation in the same sentence; a sentence naming another site speaks of that one."""
        self.drone_strikes(merged)  # (weapons of the merged records: frame_args)
        self.ground_responses(merged)
        attacks = [f for f in merged if f.type == "attack"]
        for frame in attacks:
            if frame.actor is None:
                self._document_actor(frame, len(attacks) == 1)
            if frame.actor is not None and (frame.actor_basis != "claimed" or frame.actor in DESCRIPTIVE_ACTORS):
                self._own_claim(frame, len(attacks) == 1)
            if frame.actor in IRAN_LAUNCHERS and frame.actor_basis == "claimed" and "rocket" in frame.weapons \
                    and "missile" not in frame.weapons:
                # "أعلن الحرس الثوري استهداف قاعدة حرير بالصواريخ": Iran's own launch, so missiles (spec); told
                # by others ("إيران تقف وراء الهجوم") the launchers may be its allies nearby
                frame.weapons = sorted({"missile", *frame.weapons} - {"rocket"})

    def _actor_sentences(self) -> list[int]:
        """The sentences that name an actor (the only ones a document-level actor rule can use)."""
        found: list[int] | None = self.__dict__.get("_with_actors")
        if found is None:
            found = self.__dict__["_with_actors"] = [k for k, v in enumerate(self.ctx.views) if v.get("actor")]
        return found

    def _distances(self, frame: Frame) -> dict[int, int]:
        """For each sentence that names an actor, how far it is from the nearest one that tells of the frame
        (its first sentence, or any that names its place: a merged record was told in several)."""
        told = [frame.sentence]
        if frame.loc is not None:
            told += self._place_sentences().get(frame.loc.entry_id, [])
        return {k: min(abs(k - t) for t in told) for k in self._actor_sentences()}

    def _place_sentences(self) -> dict[str, list[int]]:
        """Place id -> the sentences that name it (sites and places)."""
        found: dict[str, list[int]] | None = self.__dict__.get("_named_places")
        if found is None:
            found = self.__dict__["_named_places"] = {}
            for v in self.ctx.views:
                for m in [*v.get("site"), *v.get("place")]:
                    found.setdefault(m.entry_id, []).append(v.sentence.index)
        return found

    def _names_site(self, view: SentenceView, frame: Frame) -> bool:
        return frame.loc is not None and any(m.entry_id == frame.loc.entry_id for m in view.get(frame.loc.category))

    def _about(self, view: SentenceView, frame: Frame) -> bool:
        """The sentence names no site other than the frame's."""
        return not any(frame.loc is None or m.entry_id != frame.loc.entry_id for m in view.get("site"))

    def _blames(self, view: SentenceView) -> list[tuple[Mention, str]]:
        """A sentence's claims and accusations: the lexicon's cues, and words of blame that take a person
        or a plural ("نحمّل المسؤولية لجماعات ...", "متهماً الميليشيات بالوقوف وراء الهجوم")."""
        memo: dict[int, list[tuple[Mention, str]]] = self.__dict__.setdefault("_blame_sentences", {})
        if view.sentence.index not in memo:
            memo[view.sentence.index] = self._find_blames(view)
        return memo[view.sentence.index]

    def _find_blames(self, view: SentenceView) -> list[tuple[Mention, str]]:
        out = [] if self._no_claim(view) else [(c, "claimed") for c in self._claims(view)]
        # "أعلنت القوات المسلحة اليمنية تنفيذ عمليتين": a statement whose speaker is the group itself
        groups = {a.entry_id for a in self._perpetrators(view) if self._actor_id(a) not in DESCRIPTIVE_ACTORS}
        if groups and not self._no_claim(view) and self._tells_operation(view):
            out += [(c, "claimed") for c in view.get("cue", "claim_weak") if self._claimant(view, c) in groups]
        out += [(c, "attributed") for c in view.get("cue", "attribution")]
        out += [(c, "attributed") for c in self._executors(view)]
        stems = self.res.words.blame_stems
        for j in range(view.sentence.tok_start, view.sentence.tok_end) if self.ctx.says(view, stems) else ():
            tok = self.ctx.tok(j)
            if tok.startswith(stems) or (tok[:1] in ("و", "ف") and tok[1:].startswith(stems)):
                start, end = self.ctx.span_of(j, j + 1)
                out.append((Mention("cue", "attribution", start, end, tok, j, j + 1), "attributed"))
        return out

    def _clause_between(self, start: int, end: int) -> bool:
        """A "that" word ("أن", "وأن", "بأن") opens a new reported clause between the two tokens."""
        that = self.res.words.that_words
        return any(self.ctx.tok(j) in that or (self.ctx.tok(j)[:1] == "و" and self.ctx.tok(j)[1:] in that)
                   for j in range(start + 1, end))

    def _points_back(self, cue: Mention) -> bool:
        """The cue's last word carries an object pronoun the lexicon form lacks ("تقف وراءه", "تقف خلفها"):
        it points back at the attack told before."""
        last = cue.surface.split()[-1]
        word = self.ctx.tok(cue.tok_end - 1)
        return word.startswith(last) and word[len(last):] in self.res.words.object_pronouns

    def _executors(self, view: SentenceView) -> list[Mention]:
        """Words telling who carried the attack out, next to a named group: "جماعات مدعومة من إيران نفذت
        الهجوم", "الهجوم نفذته مرتزقة تابعة لإيران", "نُفذ من قبل مجموعات مدعومة من إيران", "إطلاق قذائف من
        قبل الميليشيات" (as cues of attribution; a group's own word is a claim, found before them)."""
        words, tok = self.res.words, self.ctx.tok
        if not self.ctx.says(view, words.executed_stems + words.agent_words):
            return []
        groups = self._perpetrators(view)
        if not groups:
            return []
        attacks = [t.tok_start for t in view.get("trigger", "attack")]
        out = []
        for j in range(view.sentence.tok_start, view.sentence.tok_end):
            word = tok(j).removeprefix("و")
            if word == "من" and tok(j + 1) in words.agent_words:
                # "من قبل الميليشيات", "من قبل مجموعات مدعومة من إيران"
                hit = any(2 <= g.tok_start - j <= 5 for g in groups)
                end = j + 2
            elif word.startswith(words.executed_stems):
                back = any(word.endswith(p) and len(word) > len(p) + 2 for p in words.object_pronouns)
                # the group just after the verb, or its subject before it ("جماعات ... مدعومة من إيران وتعمل
                # في سوريا والعراق نفذت الهجوم")
                hit = (back or any(0 < abs(t - j) <= 2 for t in attacks)) and any(
                    1 <= g.tok_start - j <= 3 or 0 <= j - g.tok_end <= 5 for g in groups)
                end = j + 1
            else:
                continue
            if hit:
                start, stop = self.ctx.span_of(j, end)
                out.append(Mention("cue", "attribution", start, stop, tok(j), j, end))
        return out

    def _document_actor(self, frame: Frame, lone: bool) -> None:
        if self._no_claim(self.ctx.views[frame.sentence]):
            return  # "ولم تتبن أي جهة الهجوم"
        distance = self._distances(frame)
        near = [k for k in self._actor_sentences() if lone or distance[k] <= 3]
        subject: Mention | None = None
        for k in sorted(near, key=lambda k: distance[k]):
            v = self.ctx.views[k]
            actors = self._perpetrators(v)
            if not actors or self._disowned(v):
                continue
            # a sentence that names another site speaks of that one, unless it names this one too; a threat
            # after the blame ("أن المهاجمين ينتمون إلى ...، مؤكدة أن القوات ستواصل ...") does not hedge it
            blames = self._blames(v) if self._about(v, frame) else []
            if blames:
                hedges = [c.tok_start for kind in NEGATING_CUES for c in v.get("cue", kind)]
                # ... unless a new reported clause opens between them ("مؤكدة أن الولايات المتحدة سترد ...
                # وأن الهجوم يحمل بصمات كتائب حزب الله": the threat is one statement, the blame another)
                blames = [b for b in blames if not any(h < b[0].tok_start and not self._clause_between(h, b[0].tok_start)
                                                       for h in hedges)] if hedges else blames
            if sentence_negated(v) and not blames:
                continue
            if lone and distance[k] > 3 and not v.get("trigger", "attack"):
                # far from the event only a word of blame, or an accusation pointing back at the attack by a
                # pronoun ("إن واشنطن تعتقد أن كتائب حزب الله تقف وراءه"), speaks of it
                blames = [b for b in blames if b[0].category == "cue" and b[0].entry_id == "attribution"
                          and (b[0].surface.startswith(self.res.words.blame_stems) or self._points_back(b[0]))]
            for basis in ("claimed", "attributed"):
                cues = [c for c, b in blames if b == basis]
                if not cues:
                    continue  # "لم تعلن أي جهة مسؤوليتها، لكن فصائل ... تبنت عشرات الهجمات": no claim of this one
                named = [a for a in actors if self._actor_id(a) not in DESCRIPTIVE_ACTORS] if basis == "claimed" \
                    else actors
                actor = min(named or actors, key=lambda a: min(abs(a.tok_start - c.tok_start) for c in cues))
                frame.actor = self._actor_id(actor)
                frame.actor_basis = "attributed" if frame.actor in DESCRIPTIVE_ACTORS else basis
                cue = min(cues, key=lambda c: abs(c.tok_start - actor.tok_start))
                frame.cite("actor", actor.start, actor.end)
                frame.cite("actor_basis", cue.start, cue.end)
                return
            if subject is None and self._names_site(v, frame):
                # "الميليشيات الإيرانية تقصف حقل العمر وكونيكو": the subject of an attack verb on this site, if
                # no sentence has a claim or an accusation
                verbs = v.get("trigger", "attack")
                sites = v.get("site")
                subjects = [a for a in actors if any(0 <= t.tok_start - a.tok_end <= 1 or 0 <= a.tok_start - t.tok_end <= 1
                                                     for t in verbs)
                            or any(s.tok_start - a.tok_end == 1 for s in sites)]  # "X تقصف Y" (one verb between)
                subject = subjects[0] if subjects else None
            if subject is None and distance[k] <= 1 and self._about(v, frame):
                # "وبحسب مصادر محلية، فإن المسيرات انطلقت من بلدة ... الخاضعة لسيطرة ميليشيا حزب الله العراقي"
                ground = self._launch_ground(v, actors)
                subject = ground[0] if ground else None
        if subject is not None:
            frame.actor, frame.actor_basis = self._actor_id(subject), "attributed"
            frame.cite("actor", subject.start, subject.end)
            frame.cite("actor_basis", subject.start, subject.end)

    def vehicle_strikes(self, merged: list[Frame]) -> None:
        """"طائرة مسيرة استهدفت عجلة في منطقة المشتل شرقي بغداد" with no striker named, then "حمّلت فصائل
        القوات الأمريكية مسؤولية الاعتداء": a strike of the state the text blames (attributed)."""
        if not self.vehicle_hits:
            return
        if any(f.type == "strike" for f in merged):
            self._vehicle_hits_of_strikes(merged)
            return
        blamed = None
        for v in self.ctx.views:
            cues = v.get("cue", "attribution")
            if not cues or sentence_negated(v):
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

    def _vehicle_hits_of_strikes(self, merged: list[Frame]) -> None:
        """"أعلنت سنتكوم أن قواتها نفذت ضربة ... أسفرت عن مقتل قيادي" and "طائرة مسيرة استهدفت عجلة مدنية
        في منطقة المشتل شرقي بغداد، ما أدى إلى مقتل ثلاثة أشخاص": a drone hit on a vehicle with no striker
        named, at the place and day of the only strike record there, is that strike told by another source:
        its drone replaces the striker's default ``aircraft`` and its larger toll counts."""
        strikes = [f for f in merged if f.type == "strike"]
        for view, drones, places in self.vehicle_hits:
            locs = self._best_place([p for p in places if not self._is_origin(p)])
            if not locs:
                # "وقال المصدر إن طائرة مسيرة أطلقت صاروخين على عجلة داخل المقر، ما أدى إلى مقتل شخصين": no place
                # of its own, right after the only strike record's sentence: that strike
                if len(strikes) == 1 and 0 < view.sentence.index - strikes[0].sentence <= 1:
                    hit = self._new("strike", view, strikes[0].loc, drones[0].tok_start, drones[0])
                    self._casualties(hit, view)
                    f = strikes[0]
                    if hit.killed and (f.killed is None or hit.killed > f.killed):
                        f.killed = hit.killed
                        f.evidence["killed"] = list(hit.evidence.get("killed", []))
                continue
            hit = self._new("strike", view, locs[0], locs[0].tok_start, drones[0])
            self._date(hit, view)
            same = [f for f in merged if f.type == "strike" and f.loc is not None
                    and f.loc.entry_id == locs[0].entry_id and (f.date is None or hit.date is None or f.date == hit.date)]
            if len(same) != 1:
                continue
            f = same[0]
            if f.weapons == ["aircraft"] and self._default_aircraft(f):
                f.weapons = []
                f.evidence.pop("weapons", None)
                self._weapons(f, drones, view)
            self._casualties(hit, view)
            if hit.killed and (f.killed is None or hit.killed > f.killed):
                f.killed = hit.killed
                f.evidence["killed"] = list(hit.evidence.get("killed", []))
