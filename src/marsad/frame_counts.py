"""Frame rules for counts: how many munitions or strikes (lists, 'out of', ordinals, shares at a place) and the
size of a reinforcement."""

from __future__ import annotations

from itertools import pairwise

from marsad.context import SentenceView
from marsad.frame_base import BuilderBase, Frame, sentence_negated
from marsad.model import Mention


class CountRules(BuilderBase):
    def _number_of_list(self, weapons: list[Mention]) -> int | None:
        """A number before the first of munitions joined one after another by "و", the later ones with no
        number of their own ("21 طائرة مسيرة وصاروخا"): the number of them all."""
        ordered = sorted(weapons, key=lambda w: w.tok_start)
        num = self.ctx.number_before(ordered[0].tok_start)
        if num is None or num[0] is None or "ب" in ordered[0].prefix:
            return None
        for prev, w in pairwise(ordered):
            if w.tok_start != prev.tok_end or not w.prefix.startswith("و") or self.ctx.number_before(w.tok_start) is not None \
                    or w.attrs.get("count") not in (None, 1):  # "وصاروخين": two more
                return None
        return num[0]

    def _out_of(self, w: Mention) -> int | None:
        """"خمس طائرات مسيرة من أصل سبع": the whole the counted munitions are part of."""
        for k in (w.tok_end, w.tok_end + 1):  # "مسيّرات حوثية من أصل 7": an adjective may come between
            if self.ctx.tok(k) == "من" and self.ctx.tok(k + 1) in self.res.words.whole_words:
                num = self.ctx.number_after(k + 2)
                if num is not None and num[0] is not None:
                    return num[0]
        return None

    def _munitions_counted(self, view: SentenceView) -> tuple[int, int, int] | None:
        """A number before a bare munition noun ("نحو 10 قذائف"): how many of the one kind named."""
        memo = self._sentence_memo("munitions_counted")
        if view.sentence.index not in memo:
            memo[view.sentence.index] = self._find_munitions_counted(view)
        return memo[view.sentence.index]

    def _find_munitions_counted(self, view: SentenceView) -> tuple[int, int, int] | None:
        if not self.ctx.says(view, self.res.words.munition_nouns):
            return None
        for j in range(view.sentence.tok_start + 1, view.sentence.tok_end):
            if self.ctx.tok(j).removeprefix("و") in self.res.words.munition_nouns:
                num = self.ctx.number_before(j)
                if num is not None and num[0] is not None:
                    return num[0], num[1], j + 1
        return None

    def _munition_ordinals(self, view: SentenceView) -> set[int]:
        """The ordinals told after a munition noun in the sentence ("طائرة ثالثة" -> 3)."""
        memo = self._sentence_memo("ordinals")
        idx = view.sentence.index
        if idx not in memo:
            stems, tok = self.res.words.munition_stems, self.ctx.tok
            ordinals = self.res.words.ordinals_feminine + self.res.words.ordinals_masculine
            memo[idx] = {n for j in range(view.sentence.tok_start + 1, view.sentence.tok_end)
                         if tok(j - 1).startswith(stems) and (n := self._ordinal(tok(j))) is not None} \
                if self.ctx.says(view, ordinals) else set()
        return memo[idx]

    def _ordinal(self, word: str) -> int | None:
        """"ثالثة", "ثالثا" -> 3: the rule words list the ordinals from the second on, feminine and masculine."""
        for forms in (self.res.words.ordinals_feminine, self.res.words.ordinals_masculine):
            for w in (word, word[:-1] if word.endswith("ا") else word):
                if w in forms:
                    return forms.index(w) + 2
        return None

    def _share(self, frame: Frame, view: SentenceView) -> tuple[int, Mention, int, int] | None:
        """"أطلقت 22 صاروخا ... سقط 17 منها على قاعدة عين الأسد، و5 على قاعدة ... أربيل": the part of a
        counted salvo that fell on this place (a number, then "منها" or a preposition, then the place)."""
        if frame.loc is None or not view.get("weapon") or not self.ctx.says(view, self.res.words.part_words):
            return None  # a share is told with "منها": "سقط 17 منها على ..."
        memo = self._sentence_memo("shares")
        if view.sentence.index not in memo:
            found = {p.entry_id: self._share_at(p, view) for p in [*view.get("site"), *view.get("place")]}
            memo[view.sentence.index] = {k: v for k, v in found.items() if v is not None}
        shares = memo[view.sentence.index]
        # shares of two places: "أطلقت 14 صاروخا على أربيل، سقط ثلاثة منها داخل القاعدة" is one attack of 14
        # one share is enough when the salvo was split between bases: "أطلقت 16 صاروخا، أصاب أحد عشر منها
        # قاعدة عين الأسد، وصاروخ واحد قاعدة أربيل" (two bases, not a city and its airport: "أطلقت 14 صاروخا
        # على أربيل، سقط ثلاثة منها داخل قاعدة ... مطار أربيل" is one attack of 14)
        bases = {p.entry_id for p in view.get("site")}
        region = self.res.entries[frame.loc.entry_id].admin1
        # or a place of another province ("سقط 11 منها على قاعدة عين الأسد وواحد قرب أربيل")
        far = any(self.res.entries[p.entry_id].admin1 not in (None, region) for p in view.get("place"))
        return shares.get(frame.loc.entry_id) if len(shares) >= 2 or (shares and (len(bases) >= 2 or far)) else None

    def _share_at(self, place: Mention, view: SentenceView) -> tuple[int, Mention, int, int] | None:
        loc = place.tok_start
        lo = max(view.sentence.tok_start, loc - 6)
        for j in range(loc - 1, lo - 1, -1):
            if any(m.tok_start == j for m in view.mentions if m.category in ("site", "place", "weapon")):
                return None
            num = self.ctx.number_at(j)
            if num is None or num[0] is None:
                continue
            follow = [self.ctx.tok(k) for k in range(j + 1, min(j + 3, loc))]
            if not any(t in self.res.words.share_words for t in follow):
                return None
            totals = [(w, self.ctx.number_before(w.tok_start)) for w in view.get("weapon")
                      if w.entry_id != "aircraft" and w.tok_end <= num[1]]
            totals = [(w, n) for w, n in totals if n is not None and n[0] is not None and n[0] > num[0]]
            if not totals:
                return None
            return num[0], totals[-1][0], num[1], num[2]
        return None

    def _strike_count(self, frame: Frame, lone: bool) -> None:
        """How many air strikes a strike record is: "استهدف العدو الجمهورية اليمنية بـ73 غارة", "شن الطيران
        3 غارات على ..." (a number before a strike noun), in the record's sentence or, for the text's only
        strike, in any sentence of a strike word that names no place of another country and counts nothing
        over a period."""
        if frame.loc is not None and self._strike_share(frame):
            return
        order = [frame.sentence] + ([k for k in range(len(self.ctx.views)) if k != frame.sentence] if lone else [])
        for k in order:
            view = self.ctx.views[k]
            if self.ctx.tally_sentences.get(k) or sentence_negated(view) \
                    or not (view.get("weapon", "aircraft") or view.get("trigger", "strike")
                            or view.get("cue", "state_striker") or view.get("weapon", "artillery")):
                continue
            if k != frame.sentence and self._elsewhere(view, frame):
                continue
            nouns = [w for w in view.get("weapon", "aircraft") if w.surface.startswith(self.res.words.strike_nouns)]
            if "artillery" in frame.weapons:  # "سقطت أكثر من 10 قذائف مدفعية على أطراف البلدة"
                nouns += view.get("weapon", "artillery")
            for w in nouns:
                num = self.ctx.number_before(w.tok_start)
                if num is not None and num[0] is not None:
                    frame.count = num[0]
                    frame.cite("count", *self.ctx.span_of(num[1], w.tok_end))
                    return
            duals = self.res.words.dual_strikes
            for j in range(view.sentence.tok_start, view.sentence.tok_end) if self.ctx.says(view, duals) else ():
                # "شن العدوان غارتين على ..."
                if self.ctx.tok(j).removeprefix("ب") in self.res.words.dual_strikes:
                    frame.count = 2
                    frame.cite("count", *self.ctx.span_of(j, j + 1))
                    return
        for k in order:
            if self._strike_munitions(frame, k, lone):
                return
        if frame.weapons == ["drone"]:
            # "الغارة بطائرة مسيرة التي نفذتها القوات الأمريكية": the one drone the record is told with
            cited = set(frame.evidence.get("weapons", []))
            drones = [m for m in self.doc.mentions if m.category == "weapon" and m.entry_id == "drone"
                      and (m.start, m.end) in cited]
            counts = {m.attrs.get("count") for m in drones}
            if len(counts) == 1 and isinstance(next(iter(counts)), int):
                frame.count = next(iter(counts))  # type: ignore[assignment]
                frame.cite("count", drones[0].start, drones[0].end)

    def _strike_munitions(self, frame: Frame, k: int, lone: bool) -> bool:
        """A strike told with no number of strikes counts the munitions its aircraft fired or dropped
        ("استهدفت مقاتلات المبنى بستة صواريخ", "أطلقت طائرات 6 صواريخ على المبنى", "ألقتا سبع قنابل موجهة"),
        in the record's sentence (or, for the text's only strike, a sentence of aircraft) that tells no other
        place, no attack it answers and no period."""
        view = self.ctx.views[k]
        carriers = view.get("weapon", "aircraft") or view.get("weapon", "drone") or view.get("trigger", "strike") \
            or view.get("cue", "state_striker")
        if self.ctx.tally_sentences.get(k) or sentence_negated(view) or not carriers \
                or view.get("cue", "collective") or (k != frame.sentence and self._elsewhere(view, frame)):
            return False
        if k != frame.sentence and any(d.value != frame.date for _t, d in view.dates):
            return False
        munitions = [w for w in view.get("weapon") if w.entry_id in ("rocket", "missile", "aircraft")]
        # (the sentence's words of a response are looked for only when it names a munition)
        answered = [j for j in range(view.sentence.tok_start, view.sentence.tok_end)
                    if self.ctx.tok(j).removeprefix("و") in self.res.words.response_words] if munitions else []
        found: list[tuple[int, Mention, int, int]] = []
        for w in munitions:
            if any(j < w.tok_start for j in answered):
                continue
            if w.entry_id == "aircraft" and not w.surface.startswith(self.res.words.bomb_stems):
                continue
            num = self.ctx.number_before(w.tok_start)
            if num is not None and num[0] is not None:
                found.append((num[0], w, num[1], num[2]))
            elif isinstance(w.attrs.get("count"), int) and "ب" in w.prefix:  # "قصفت الموقع بصاروخين"
                found.append((w.attrs["count"], w, w.tok_start, w.tok_end))  # type: ignore[arg-type]
        if len(found) != 1:
            return False
        value, w, start, end = found[0]
        frame.count = value
        frame.cite("count", *self.ctx.span_of(start, end))
        return True

    def _strike_share(self, frame: Frame) -> bool:
        """"شنت خمس غارات متزامنة، ثلاث منها على مقرات الحشد في القائم، واثنتان على موقعين في منطقة البوكمال":
        counted strikes split by place ("N منها" and the numbers joined after it by "و"): the share told
        before the record's place is its count."""
        loc = frame.loc
        assert loc is not None
        tok = self.ctx.tok
        for view in self.ctx.views:
            if not view.get("weapon", "aircraft") or not self.ctx.says(view, self.res.words.part_words):
                continue
            places = [p for p in [*view.get("site"), *view.get("place")]]
            for j in range(view.sentence.tok_start + 1, view.sentence.tok_end):
                if tok(j) not in self.res.words.part_words:
                    continue
                first = self.ctx.number_at(j - 1)
                if first is None or first[0] is None or not any(
                        w.surface.startswith(self.res.words.strike_nouns) and w.tok_end <= first[1]
                        for w in view.get("weapon", "aircraft")):
                    continue
                shares = [(first[0], first[1])]
                for k in range(j + 1, view.sentence.tok_end):
                    num = self.ctx.number_at(k) if self.ctx.coordinated(k) else None
                    if num is not None and num[0] is not None and num[1] == k:
                        shares.append((num[0], k))
                for i, (value, start) in enumerate(shares):
                    end = shares[i + 1][1] if i + 1 < len(shares) else view.sentence.tok_end
                    if any(p.entry_id == loc.entry_id and start < p.tok_start < end for p in places):
                        frame.count = value
                        frame.cite("count", *self.ctx.span_of(start, start + 1))
                        return True
        return False

    def _reinforcement_count(self, frame: Frame, view: SentenceView, trigs: list[Mention]) -> None:
        """Vehicles or aircraft: a number before a convoy/truck/aircraft word ("رتل مؤلف من 25 شاحنة",
        "يضم 45 آلية", "12 مقاتلة"), else the number a dual or singular form states ("طائرتا شحن")."""
        # two convoys in one sentence ("الرتل الأول يضم 25 شاحنة ...، بينما ضم الرتل الثاني 15 شاحنة ودخل إلى
        # القاعدة في حقل كونيكو"): the number in the record's own clause first
        own = view.clause_of(frame.loc.tok_start if frame.loc is not None and frame.sentence == view.sentence.index
                             and view.sentence.tok_start <= frame.loc.tok_start < view.sentence.tok_end else frame.anchor)
        nouns = sorted([*trigs, *view.get("tally", "trucks"), *view.get("tally", "flights")],
                       key=lambda m: (view.clause_of(m.tok_start) != own, m.tok_start))
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
        self._aircraft_of_clause(frame, view)
