"""Frame rules about places: which place mentions of a sentence can locate an event (not a launch point, a
speaker, a reporter's city, a threatened base, a metonym), the most precise place, the country.
"""

from __future__ import annotations

from marsad.context import US_SIDE, SentenceView
from marsad.frame_base import GROUP_TARGETS, PLACE_RANK, BuilderBase, Frame
from marsad.model import Mention
from marsad.normalize import normalize_key


class PlaceRules(BuilderBase):
    def _is_launch_point(self, view: SentenceView, loc: Mention) -> bool:
        for cue in view.get("cue", "launch_from"):
            if 0 <= loc.tok_start - cue.tok_end <= 2:
                return True
        if self.ctx.tok(loc.tok_start - 1) in ("من",) and self.ctx.tok(loc.tok_start - 2).startswith("انطلق"):
            return True
        # "انطلاقاً من قاعدتها غير الشرعية في حقل العمر النفطي": the base it was fired from, named further on
        clause = view.clause_of(loc.tok_start)
        # (one phrase: not "انطلقت من اليمن وكانت تتحرك على طول البحر الأحمر")
        return any(self.ctx.tok(j).startswith(("انطلق", "انطلاق")) and self.ctx.tok(j + 1) == "من"
                   and view.clause_of(j) == clause
                   and not any(self.ctx.tok(k).startswith("و") for k in range(j + 2, loc.tok_start))
                   for j in range(max(loc.tok_start - 8, view.sentence.tok_start), loc.tok_start - 2))

    def _is_origin(self, loc: Mention) -> bool:
        """"من X" / "من مدينة X" names where something came from, unless it is "بالقرب من X"."""
        i = loc.tok_start - 1
        if self.ctx.tok(i) in self.res.words.origin_place_nouns:
            i -= 1
        if self.ctx.tok(i) != "من":
            return False
        return self.ctx.tok(i - 1) not in self.res.words.proximity_words

    def _named_as_place(self, view: SentenceView, m: Mention) -> bool:
        """A name that is also a common word ("حديثه", "الحرير", "القائم") is a place only after a locality
        word, inside an alias that starts with one, after في/ب (unless it ends in ه: "في حديثه" is "in his
        talk"; "بالشدادة" is fine), or listed with another location ("عين الأسد وحرير")."""
        if m.entry_id not in self.res.common_word_names:
            return True
        words = self.res.locality_words
        first = m.surface.split(" ", 1)[0]
        prev = self.ctx.tok(m.tok_start - 1)
        bare = prev[1:] if prev[:1] in ("و", "ف") else prev
        if (" " in m.surface and first in words) or bare in words or (bare[:1] == "ب" and bare[1:] in words):
            return True  # "قضاء حديثة", "وبادية الميادين", "بريف الميادين", "بمدينة القائم"
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
        threats = view.get("cue", "threat")
        if not threats:
            return False
        clause = view.clause_of(m.tok_start)
        return any(view.clause_of(c.tok_start) == clause and c.tok_end <= m.tok_start for c in threats)

    def _us_subject(self, view: SentenceView, trig: Mention) -> bool:
        """"استهدفت مقاتلات التحالف الدولي ...", "قصفت طائرات أمريكية ...": US or coalition forces are the
        subject right after the verb (not its object: "على"/"لـ" before them), so it is their strike."""
        for a in view.get("actor"):
            if a.entry_id in US_SIDE and 1 <= a.tok_start - trig.tok_end <= 2 and "ل" not in a.prefix \
                    and self.ctx.tok(a.tok_start - 1) not in ("علي", "ضد") \
                    and not trig.surface.startswith(("تعرض", "يتعرض", "تتعرض")):  # "تعرضت قوات التحالف لهجوم"
                if " " not in a.surface and a.tok_start - trig.tok_end == 2 and not any(
                        w.tok_start == trig.tok_end and w.tok_end == a.tok_start for w in view.get("weapon")):
                    continue  # "استهدفت الفصائل دورية أمريكية": the adjective of the object (not "طائرات حربية أمريكية")
                if self.ctx.tok(a.tok_start - 1) in self.res.locality_words:
                    continue  # "استهدفوا قاعدة الاحتلال الأمريكي": the owner of the base hit, the object
                return True
        return False

    def _facility(self, m: Mention) -> bool:
        """The site is named with a base word: "قاعدة عين الأسد", "معسكر التاجي", "مطار أربيل"."""
        words = self.res.locality_words
        return (" " in m.surface and m.surface.split(" ", 1)[0] in words) or self.ctx.tok(m.tok_start - 1) in words

    def _coalition_cues(self, view: SentenceView) -> list[Mention]:
        """The words that name the coalition as a target, but for one an armed group owns: "مقر للدعم اللوجستي
        تابع لهيئة الحشد الشعبي" is the logistics of the group, not the coalition's convoys."""
        def owned(c: Mention) -> bool:
            return any(0 <= a.tok_start - c.tok_end <= 2 and a.entry_id in GROUP_TARGETS
                       and (self.ctx.tok(c.tok_end).startswith(("تابع", "التابع"))
                            or (a.tok_start == c.tok_end and "ل" in a.prefix)) for a in view.get("actor"))

        return [c for c in view.get("cue", "coalition_target") if not owned(c) and not self._blamed_side(view, c)]

    def _blamed_side(self, view: SentenceView, m: Mention) -> bool:
        """"..، محملة قوات التحالف الدولي مسؤولية الهجوم": the side named right after a word of blame is the
        one blamed for the attack, not the one hit."""
        return any(0 <= m.tok_start - c.tok_end <= 1 for c in view.get("cue", "attribution"))

    def _us_context(self, view: SentenceView) -> bool:
        """The sentence names US or coalition forces (or their statement), or a coalition base, other than
        as the striker ("غارات التحالف", "الطائرات الأمريكية" are the ones who strike, not the target)."""
        striking = [m for m in view.get("cue", "state_striker") + view.get("weapon", "aircraft")]

        def attacker(m: Mention) -> bool:
            return any(s.tok_start <= m.tok_start < s.tok_end or s.tok_start < m.tok_end <= s.tok_end
                       or 0 <= m.tok_start - s.tok_end <= 1 for s in striking)

        return any(not attacker(c) for c in self._coalition_cues(view)) or \
            any(a.entry_id in US_SIDE and not attacker(a) and not self._blamed_side(view, a) for a in view.get("actor"))

    def _country_supported(self, m: Mention) -> bool:
        """An embassy named without its city ("السفارة الأمريكية") is the one in the gazetteer only when the
        document speaks of that country (a country word or another of its places)."""
        entry = self.res.entries[m.entry_id]
        if entry.kind != "embassy" or entry.country is None:
            return True
        city = normalize_key(entry.name_ar).split(" ")[-1]
        if m.surface.endswith((" " + city, " ب" + city)):
            return True  # "السفارة الأمريكية في بغداد": named with its city
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
                                                        self._locative(self.ctx.tok(m.tok_start - 1))):
                continue  # "طالبت واشنطن بغداد": the government, not the place
            if self._is_launch_point(view, m):
                self.launch_points.append((view.sentence.index, m))
                continue
            if self._speaker(m) or self._outlet_name(m):
                continue
            if self._reference_point(view, m):
                continue  # "في محافظة بابل جنوبي بغداد": Baghdad only places Babil
            (sites if m.category == "site" else places).append(m)
        # "قاعدة قسرك بريف تل تمر", "قاعدة قسرك شمال تل تمر": a site right after another (with "بـ" or a
        # direction) only places the first
        directions = {d.tok_start for d in view.get("cue", "direction")}
        sites = [s for s in sites if not any(
            (s.tok_start == o.tok_end and s.prefix.endswith("ب")) or (s.tok_start - o.tok_end == 1 and o.tok_end in directions)
            for o in sites if o is not s)]
        return sites, places

    def _locative(self, word: str) -> bool:
        """A locative word, also with a clitic: "في", "قرب", "بمدينة", "وسط"."""
        words = self.res.locative_words
        return word in words or any(word.startswith(p) and word[len(p):] in words for p in ("وب", "فب", "و", "ف", "ب"))

    def _reference_point(self, view: SentenceView, m: Mention) -> bool:
        """A place after a direction that follows another place ("محافظة بابل جنوبي بغداد", "القائم غربي
        الأنبار") tells where the first one lies."""
        for d in view.get("cue", "direction"):
            # (also a town the gazetteer only knows the country of, "في منطقة المسيب جنوب بغداد", unless the
            # place after it is its governorate: "في ناحية المسيب شمالي محافظة بابل")
            kinds = ("site", "place", "country") if self.res.entries[m.entry_id].kind != "governorate" else ("site", "place")
            if d.tok_end == m.tok_start and any(n.tok_end == d.tok_start and n.category in kinds
                                                for n in view.mentions if n is not m):
                return True
        return False

    def _setting(self, view: SentenceView, m: Mention) -> bool:
        """"وفي البحر الأحمر، قالت سنتكوم إن مدمرة أمريكية أسقطت صاروخا ...": a place fronted at the start of
        the sentence sets the scene for all its clauses."""
        return m.tok_start - view.sentence.tok_start <= 2 and self._locative(self.ctx.tok(m.tok_start - 1))

    def _headed_elsewhere(self, view: SentenceView) -> bool:
        """Munitions headed toward Israel ("متجهة نحو إسرائيل", "باتجاه إيلات") are no attack where they
        were shot down."""
        for m in view.mentions:
            if self.ctx.tok(m.tok_start - 1) not in self.res.words.toward_words:
                continue
            if m.category in ("country", "place", "site", "actor") and (
                    m.entry_id in ("IL", "israel") or (m.category in ("place", "site")
                                                        and self.res.entries[m.entry_id].country == "IL")):
                return True
        return False

    def _toward(self, m: Mention) -> bool:
        """"صاروخ كان موجها نحو البحر الأحمر": where a munition was headed, not where a strike hit."""
        prev = self.ctx.tok(m.tok_start - 1)
        if prev not in self.res.words.toward_words and prev in self.res.locality_words:  # "نحو مدينة ..."
            prev = self.ctx.tok(m.tok_start - 2)
        return prev in self.res.words.toward_words

    def _speaker(self, m: Mention) -> bool:
        """"تعليق فوري من السفارة الأمريكية", "بيان صادر عن التحالف": the source of a statement; "مراسل
        الميادين في بغداد": where the reporter is."""
        if self.ctx.tok(m.tok_start - 1) in ("في", "ب") or m.prefix.endswith("ب"):
            return any(self.ctx.tok(j).startswith(self.res.words.reporter_stems) for j in range(m.tok_start - 4, m.tok_start - 1))
        if self.ctx.tok(m.tok_start - 1) not in ("من", "عن"):
            return False
        return any(self.ctx.tok(j).startswith(self.res.words.statement_stems) for j in (m.tok_start - 2, m.tok_start - 3))

    def _outlet_name(self, m: Mention) -> bool:
        """"دير الزور 24 – شنت طائرات ...": a place and a number before a dash, bar or colon is an outlet's name
        in a dateline, not where anything happened (so is one after a reporter or before what is said: "وقال
        مراسل دير الزور 24 إن ...")."""
        j = m.tok_end
        if not self.ctx.tok(j).isdigit() or self.doc.norm is None:
            return False
        if self.ctx.tok(m.tok_start - 1).startswith(self.res.words.reporter_stems) \
                or self.ctx.tok(j + 1) in self.res.words.that_words:
            return True
        starts, ends = self.ctx.tok_starts, self.ctx.tok_ends
        gap = self.doc.norm.text[ends[j]:starts[j + 1] if j + 1 < len(starts) else None]
        return any(ch in gap for ch in "-\u2013\u2014|:")

    def _past_year(self, view: SentenceView) -> bool:
        """The sentence names a year before the story's ("في عام 2020") or an anniversary, and no day: history
        told in passing."""
        if any(d.precision == "day" for _t, d in view.dates):
            return False
        if view.get("cue", "history") or view.get("cue", "habitual"):
            return True  # "في مثل هذه الأيام من العام الماضي", "عام على هجوم ...", "تتعرض باستمرار لهجمات"
        if self.doc.published is None:
            return False
        for t, d in view.dates:  # "في يناير 2020", "في كانون الثاني 2020": a month of a past year
            if d.precision in ("month", "year") and any(
                    self._past_year_number(self.ctx.tok(j)) for j in range(t, min(t + 4, view.sentence.tok_end))):
                return True
        texts, year_words = self.ctx.tok_texts, self.res.words.year_words  # (a sentence's tokens are the document's)
        for j in range(view.sentence.tok_start, view.sentence.tok_end - 1):
            if texts[j] in year_words:
                nxt = texts[j + 1]
                if len(nxt) == 4 and nxt.isdigit() and 1950 <= int(nxt) < self.doc.published.year:
                    return True
        return False

    def _past_year_number(self, tok: str) -> bool:
        assert self.doc.published is not None
        return len(tok) == 4 and tok.isdigit() and 1950 <= int(tok) < self.doc.published.year

    def _vague_past(self, view: SentenceView) -> bool:
        """The sentence dates itself only by a vague span back ("قبل أيام", "بعد أيام من هجمات"), no day."""
        return any(d.strategy == "vague" for _t, d in view.dates) and not any(d.precision == "day" for _t, d in view.dates)

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

    def _event_countries(self, view: SentenceView) -> list[Mention]:
        """Country words that may say where an event happened: not a place's adjective ("دير الزور
        السورية"), not an origin ("من سوريا"), not a striker's nationality ("شن سلاح الجو الأردني غارات
        ... في جنوب سوريا")."""
        places_end = {m.tok_end for m in view.mentions if m.category in ("site", "place")}
        strikers = view.get("cue", "state_striker")
        # "قرب الحدود مع الأردن", "المتاخم للحدود الإيرانية", "قرب الحدود السورية – الأردنية": a neighbour, not
        # where it happened
        border = ("الحدود", "للحدود", "حدود")
        return [c for c in view.get("country") if c.tok_start not in places_end
                and self.ctx.tok(c.tok_start - 1) not in ("من", "مع", *border)
                and not any(self.ctx.tok(j) in border and "في" not in [self.ctx.tok(k) for k in range(j + 1, c.tok_start)]
                            for j in range(c.tok_start - 3, c.tok_start - 1))  # (but "قرب الحدود في ريف درعا")
                and not any(s.tok_start <= c.tok_start < s.tok_end for s in strikers)]

    def _country_of(self, view: SentenceView, anchor: int) -> tuple[str | None, Mention | None]:
        countries = self._event_countries(view)
        if not countries or len({c.entry_id for c in countries}) > 1:
            return None, None
        best = min(countries, key=lambda m: abs(m.tok_start - anchor))
        return best.entry_id, best

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

    def _country_code(self, m: Mention) -> str | None:
        return m.entry_id if m.category == "country" else self.res.entries[m.entry_id].country

    def _nearest(self, items: list[Mention], tok: int) -> Mention | None:
        return min(items, key=lambda m: abs(m.tok_start - tok)) if items else None

    def _same_clause(self, view: SentenceView, a: Mention, others: list[Mention]) -> bool:
        clause = view.clause_of(a.tok_start)
        return any(view.clause_of(o.tok_start) == clause for o in others)

    def _locates_site(self, view: SentenceView, s: Mention, sites: list[Mention]) -> bool:
        """"قاعدة القرية الخضراء قرب حقل العمر", "... بالقرب من حقل العمر": the site named right after another
        site and a word of nearness."""
        i = s.tok_start - 1
        # "قاعدة القرية الخضراء التابعة للتحالف، الواقعة في محيط حقل العمر": the site the base lies by
        lying = [k for k in range(max(s.tok_start - 4, 0), s.tok_start) if self.ctx.tok(k) in ("الواقعه", "الواقع")]
        if lying and any(g is not s and 0 <= lying[0] - g.tok_end <= 6 for g in sites):
            return True
        if s.surface.startswith("ريف "):
            i = s.tok_start  # (the gazetteer's "ريف تل تمر")
        if self.ctx.tok(i) in ("بريف", "ريف"):
            # "قاعدة قسرك التابعة للتحالف الدولي بريف تل تمر": the countryside the base lies in
            return any(g is not s and 0 <= i - g.tok_end <= 5 and view.clause_of(g.tok_start) == view.clause_of(i)
                       for g in sites)
        if self.ctx.tok(i) == "من" and self.ctx.tok(i - 1) in self.res.words.proximity_words:
            i -= 1
        elif self.ctx.tok(i) != "قرب":
            return False
        return any(g is not s and 0 <= i - g.tok_end <= 1 for g in sites)

    def _time_asides(self, view: SentenceView) -> frozenset[int]:
        """The clauses told aside between commas, no clause boundary of the sentence's own: one that holds only
        a day ("استهدفت، مساء أمس الأحد، مواقع ...") or one that opens with a word singling out members of
        what was just named ("منشآت تستخدمها ميليشيات، بينها كتائب حزب الله، عند نقطة عبور قرب البوكمال")."""
        memo = self._sentence_memo("time_asides")
        key = view.sentence.index
        if key not in memo:
            clauses = view.sentence.clauses
            found: set[int] = set()
            openers = view.get("cue", "aside")
            if (view.dates or openers) and len(clauses) >= 3:
                spans = [(d.start, d.end) for _, d in view.dates]
                starts, ends = self.ctx.tok_starts, self.ctx.tok_ends
                for i in range(1, len(clauses) - 1):
                    a, b = clauses[i]
                    words = [j for j in range(a, b) if self.ctx.tok(j)[:1].isalnum()]
                    if not words:
                        continue
                    if any(o.tok_start == words[0] for o in openers):
                        # (members only: "بينهم 9 في مدينة البوكمال و3 في الميادين" tells places of its own)
                        if not any(a <= m.tok_start < b for m in [*view.get("place"), *view.get("site")]):
                            found.add(i)
                    elif all(any(s <= starts[j] and ends[j] <= e for s, e in spans) for j in words):
                        found.add(i)
            memo[key] = frozenset(found)
        return memo[key]

    def _across_time_aside(self, view: SentenceView, a: Mention, others: list[Mention]) -> bool:
        """A place in the clause right after a clause told aside, and a word of the frame right before it."""
        asides = self._time_asides(view)
        if not asides:
            return False
        clause = view.clause_of(a.tok_start)
        return clause - 1 in asides and any(view.clause_of(o.tok_start) == clause - 2 for o in others)

    def _names_vehicle(self, view: SentenceView) -> bool:
        return any(self.ctx.tok(j).startswith(self.res.words.vehicle_stems) for j in range(view.sentence.tok_start,
                                                                            view.sentence.tok_end))
