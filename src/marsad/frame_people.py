"""Frame rules that count people for tolls: the number of a casualty mention and groups of people told
before or after the verb (appositions, companions, partitives)."""

from __future__ import annotations

from marsad.frame_base import BuilderBase
from marsad.model import Mention


class PeopleRules(BuilderBase):
    def _toll_number(self, m: Mention) -> tuple[int, int, int] | None:
        """The number of people a casualty word states: "مقتل 5 مسلحين", "3 قتلى", "مقتل مقاول" (1),
        "قتل فيه متعاقد" (1), "واستشهد في الغارة 10 أشخاص"."""
        told = m.tok_end  # where the number or the person told comes
        if self.ctx.tok(told) in self.res.words.toll_fillers:
            told += 1
        elif self.ctx.tok(told) == "في" and self.ctx.tok(told + 1).startswith("ال"):
            told += 2
        after = self.ctx.number_after(told)
        if after is not None and after[0] is not None and not self.ctx.coordinated(after[1]):
            more = self._people_groups_after(after)  # "أصيب ثلاثة جنود وخمسة متعاقدين": 8
            return more if more is not None else (after[0], after[1], after[2])
        if self.ctx.tok(told) in self.res.words.unnumbered_others:
            return None  # "مقتل أربعة عناصر وإصابة آخرين": others, not counted (not the four before)
        if self.ctx.tok(told).removeprefix("ال") in self.res.words.vague_toll_words:
            return None  # "وأصيب عدد كبير آخرون", "وإصابة العشرات": no number (not the killed before)
        groups = self._people_groups_before(m.tok_start)
        if groups is not None:
            return groups
        before = self.ctx.number_before(m.tok_start)
        if before is not None and before[0] is not None and not self._bracketed(before[2], m.tok_start):
            return before[0], before[1], before[2]
        # "25 مقاتلا قتلوا", "أربعة مقاتلين على الأقل قتلوا": the number before the people word
        # "ثلاثة جنود أميركيين قد قتلوا": up to three words (adjective, قد) between the people and the verb
        # "22 مقاتلا على الأقل من الفصائل العراقية قتلوا": also before a partitive "من ..." of a few words
        apposed = self._before_apposition(m.tok_start)
        if apposed is not None:
            return apposed
        partitive = [k for k in range(m.tok_start - 2, max(m.tok_start - 6, 0), -1)
                     if self.ctx.tok(k) == "من" and all(any(ch.isalnum() for ch in self.ctx.tok(i))
                                                        for i in range(k, m.tok_start))]
        starts = [m.tok_start, *partitive[:1]]
        for j in starts:
            if j != m.tok_start:
                # "ثمانية من مجاهديها ارتقوا", "ثمانية من مجاهديها الذين ارتقوا": a bare number of the partitive
                bare = self.ctx.number_before(j, skip=0)
                if bare is not None and bare[0] is not None and bare[2] == j:
                    return bare[0], bare[1], bare[2]
            if self.ctx.tok(j - 1) == "الاقل" and self.ctx.tok(j - 2) == "علي":
                j -= 2
            groups = self._people_groups_before(j)
            if groups is not None:
                return groups
            for end in range(j, max(j - 3, 0), -1):
                if end < j and not any(ch.isalnum() for ch in self.ctx.tok(end)):
                    break  # "مقتل 3 عناصر، بينما قتل عنصران": the people of another clause
                for people in self.ctx.people_ending(end):
                    before = self.ctx.number_before(people.tok_start)
                    if before is not None and before[0] is not None:
                        return before[0], before[1], before[2]
                # "أن متعاقدا أميركيا قتل": one person named before the verb, with no number
                ones = [p for p in self.ctx.people_ending(end) if p.entry_id == "people_one"]
                if ones and self.ctx.tok(ones[0].tok_start - 1) in self.res.words.that_words:
                    return 1, ones[0].tok_start, ones[0].tok_end
        if any(self.ctx.tok(k).removeprefix("و").startswith(self.res.words.reach_verbs)
               for k in (m.tok_start - 1, m.tok_start - 2)):
            # "وارتفعت حصيلة قتلى الغارات إلى 25": the number after "إلى" within the next words
            for k in range(m.tok_end, m.tok_end + 5):
                if self.ctx.tok(k) == "الي":
                    reached = self.ctx.number_after(k + 1)
                    if reached is not None and reached[0] is not None:
                        return reached[0], reached[1], reached[2]
                    break
        # "عدد المصابين في الهجوم ارتفع إلى 40 عسكريا", "عدد المصابين في الهجوم على البرج 22 ارتفع إلى أكثر من 40"
        for j in range(m.tok_end, m.tok_end + 8):
            word = self.ctx.tok(j)
            if not any(ch.isalnum() for ch in word) or word in self.res.words.both_words \
                    or word.removeprefix("ال").startswith(self.res.words.habitual_triggers):
                break  # within the clause, and of one attack ("جراء تلك الهجمات ارتفع إلى 186": a total)
            if self.ctx.tok(j).startswith(self.res.words.reach_verbs):
                k = j + 2 if self.ctx.tok(j + 1) in ("الي", "حوالي", "نحو") else j + 1
                reached = self.ctx.number_after(k)
                if reached is not None and reached[0] is not None:
                    return reached[0], reached[1], reached[2]
                break
        if self.ctx.tok(told) in self.res.words.one_of_words and self.ctx.tok(told + 1).startswith("ال"):
            return 1, told, told + 2  # "إصابة أحد السائقين بجروح": one of them
        for people in self.ctx.people_at(told):
            two = self.ctx.number_at(people.tok_end)  # "مقتل مسلحين اثنين"
            if two is not None and two[0] == 2 and two[1] == people.tok_end:
                return 2, people.tok_start, two[2]
            value = {"people_one": 1, "people_two": 2}.get(people.entry_id)
            if value is not None:
                # "مقتل قيادي في الحركة ومرافقه": one more
                if value == 1 and self._companion_after(people.tok_end):
                    value = 2
                more = self._people_groups_after((value, people.tok_start, people.tok_end), named=True)
                return more if more is not None else (value, people.tok_start, people.tok_end)
        # "قتيل وتسعة جرحى", "سقوط قتيلين": a singular or dual casualty noun with no number states one or two
        word = m.surface
        if m.tok_end - m.tok_start == 1 and word in self.res.words.one_casualty:
            return 1, m.tok_start, m.tok_end
        if word in self.res.words.two_casualties:
            return 2, m.tok_start, m.tok_end
        return None

    def _before_apposition(self, verb: int) -> tuple[int, int, int] | None:
        """A counted people word, then their parts between commas, then the verb: "إن سبعة أشخاص، هم خمسة من
        أفراد الخدمة واثنان من المتعاقدين، أصيبوا": the number before the apposition."""
        tok = self.ctx.tok
        if tok(verb - 1) not in ("،", ",") or tok(verb + 1) in self.res.words.toll_share_words:
            return None  # "200 جندي، هم من قوات التحالف، أصيب منهم اثنان": a share of them, told after
        for k in range(verb - 3, max(verb - 16, 0), -1):
            word = tok(k)
            if word in ("،", ","):
                if tok(k + 1) not in self.res.words.apposition_words:
                    return None
                for people in self.ctx.people_ending(k):
                    before = self.ctx.number_before(people.tok_start)
                    if before is not None and before[0] is not None:
                        return before[0], before[1], people.tok_end
                # "أن سبعة من المستشارين العسكريين، بينهم العميد ...، استشهدوا": a partitive's bare number
                for j in range(k - 2, max(k - 5, 0), -1):
                    if tok(j) == "من":
                        bare = self.ctx.number_before(j, skip=0)
                        if bare is not None and bare[0] is not None and bare[2] == j:
                            return bare[0], bare[1], bare[2]
                        break
                return None
            if not any(ch.isalnum() for ch in word):
                return None
        return None

    def _bracketed(self, end: int, start: int) -> bool:
        """A closing bracket, a dash or a bar between a number and the casualty word after it ("أربيل (كوردستان 24)
        - قتل متعاقد"): the number belongs to another phrase (a dateline), not to the toll."""
        norm = self.doc.norm
        if norm is None or end < 1 or start <= end - 1:
            return False
        gap = norm.text[self.ctx.tok_ends[end - 1]:self.ctx.tok_starts[start]]
        return any(ch in gap for ch in ")-–—»|")

    def _companion_after(self, start: int) -> bool:
        """"ومرافقه" after one person and his title ("مقتل معاون قائد عمليات حزام بغداد في الحشد ومرافقه"):
        within eight words, in the same clause (no punctuation between); or after his name and a nickname set
        off by commas ("معاون قائد ... في الحشد الشعبي، القيادي في حركة النجباء مشتاق طالب السعيدي "أبو تقوى"،
        ومرافقه", "السعيدي، المعروف بـ«أبو تقوى»، ومرافقاً له"): within twenty words, up to two commas between."""
        commas = 0
        for j in range(start, start + 20):
            word = self.ctx.tok(j)
            if word in self.res.words.companion_words:
                # past a comma, the companion closes the phrase ("ومرافقه، في عدوان"), not opens a clause
                # ("، ومرافقه نجا من الضربة")
                after = self.ctx.tok(j + 2) if self.ctx.tok(j + 1) == "له" else self.ctx.tok(j + 1)
                return commas == 0 or not any(ch.isalnum() for ch in after)
            if word in ("،", ","):
                commas += 1
                if commas > 2:
                    return False
                continue
            if not any(ch.isalnum() for ch in word):
                return False
        return False

    def _people_groups_after(self, first: tuple[int | None, int, int],
                             named: bool = False) -> tuple[int, int, int] | None:
        """"ثلاثة جنود أمريكيين وخمسة متعاقدين": a counted group of people after a casualty word, and the
        groups joined to it by "و", add up.  ``named``: the first group is a people noun that states its
        number ("مقتل جنديين أمريكيين وجندية بريطانية": 3), already read up to ``first[2]``."""
        total, end = first[0] or 0, first[2]
        groups = 1
        while groups < 3:
            if not named:
                if self.ctx.tok(end) == "من" and self.ctx.people_at(end + 1):
                    end += 1  # "خمسة من أفراد الخدمة الأميركيين ومتعاقد آخر"
                people = self.ctx.people_at(end)
                if not people:
                    return None if groups == 1 else (total, first[1], end)
                end = people[0].tok_end
            named = False
            while self._people_adjective(self.ctx.tok(end)):
                end += 1
            # "قيادي بارز في كتائب حزب الله العراقية واثنان من مرافقيه": the unit the person belongs to
            at = end + 1 if self.ctx.tok(end + 1) == "في" and self.ctx.tok(end) != "في" else end
            if self.ctx.tok(at) == "في":
                unit = [a for a in self.ctx.doc.mentions if a.category == "actor" and a.tok_start == at + 1]
                if unit:
                    end = unit[0].tok_end
                    while self._people_adjective(self.ctx.tok(end)):
                        end += 1
                    # "القيادي في كتائب حزب الله أبو باقر الساعدي واثنين من مرافقيه": his name (up to four
                    # words, no punctuation) before the counted group joined by "و"
                    for k in range(end + 1, end + 5):
                        if not any(ch.isalnum() for ch in self.ctx.tok(k - 1)):
                            break
                        if self.ctx.coordinated(k) and self.ctx.tok(k + 1) == "من":
                            end = k
                            break
            nxt = self.ctx.number_at(end) if self.ctx.coordinated(end) else None
            if nxt is not None and nxt[0] is not None and nxt[1] == end and self.ctx.people_at(nxt[2]):
                total, end, groups = total + nxt[0], nxt[2], groups + 1  # "ثلاثة جنود وخمسة متعاقدين"
                continue
            if nxt is not None and nxt[0] is not None and nxt[1] == end and self.ctx.tok(nxt[2]) == "من" \
                    and (self.ctx.people_at(nxt[2] + 1) or ("و" + self.ctx.tok(nxt[2] + 1)).startswith(
                        tuple(w.removesuffix("ه") for w in self.res.words.companion_words))):
                # "متعاقد أمريكي آخر وخمسة من أفراد الخدمة"
                total, end, groups = total + nxt[0], nxt[2] + 1, groups + 1
                continue
            joined = [p for p in self.ctx.people_at(end) if p.prefix.startswith("و")]
            for p in joined:
                if p.entry_id == "people_two":  # "خمسة جنود ومتعاقدين اثنين"
                    return total + 2, first[1], p.tok_end
                two = self.ctx.number_at(p.tok_end)
                if two is not None and two[0] is not None and two[1] == p.tok_end:
                    return total + two[0], first[1], two[2]
            one = [p for p in joined if p.entry_id == "people_one"]
            if one:  # "جنديين أمريكيين وجندية بريطانية"
                total, end, groups, named = total + 1, one[0].tok_end, groups + 1, True
                continue
            return None if groups == 1 else (total, first[1], end)
        return None if groups == 1 else (total, first[1], end)

    def _people_adjective(self, word: str) -> bool:
        """An adjective after a people noun: "أمريكيين", "البريطانية", "آخر"."""
        return word.startswith(self.res.words.us_adjectives) \
            or word.removeprefix("ال").startswith(self.res.words.people_adjective_stems)

    def _people_groups_before(self, verb: int) -> tuple[int, int, int] | None:
        """"خمسة عسكريين أمريكيين ومتعاقدَين اثنين أصيبوا": counted groups of people joined by "و" just before
        the casualty verb add up (7)."""
        tok = self.ctx.tok
        groups: list[tuple[int, int, int]] = []  # (value, first token, last token + 1)
        k = verb
        while len(groups) < 3:
            while k > 0 and (tok(k - 1) == "قد" or self._people_adjective(tok(k - 1))):
                k -= 1  # "أمريكيين", "بريطانية", "قد"
            num = self.ctx.number_at(k - 1)
            if num is not None and num[0] is not None and self.ctx.people_ending(num[1]):
                people = self.ctx.people_ending(num[1])[0]  # "ومتعاقدين اثنين"
                value, start, joined = num[0], people.tok_start, people.prefix.startswith("و")
            elif self.ctx.people_ending(k) or (groups and self.ctx.people_ending(k - 1)):
                # "خمسة عسكريين", "خمسة من أفراد الخدمة" (a noun after the people word, in a second group)
                found = self.ctx.people_ending(k) or self.ctx.people_ending(k - 1)
                people = found[0]
                num = self.ctx.number_before(people.tok_start)
                bare = next((n for p in found if (n := {"people_one": 1, "people_two": 2}.get(p.entry_id))), None)
                if (num is None or num[0] is None) and bare is not None:
                    # "جنديين أميركيين ومجندة بريطانية قتلوا": nouns that state their number
                    value, start, joined = bare, people.tok_start, people.prefix.startswith("و")
                elif num is None or num[0] is None:
                    break
                else:
                    value, start, joined = num[0], num[1], self.ctx.coordinated(num[1])
            else:
                break
            groups.append((value, start, k))
            if not joined:
                break
            k = start
        if len(groups) < 2:
            return None
        return sum(g[0] for g in groups), min(g[1] for g in groups), max(g[2] for g in groups)
