"""Frame rules for claims and status: a group's claim of an attack (or none, or disowned), the claimant and
its statement told again, and the status of an event (claimed, confirmed, denied, reported)."""

from __future__ import annotations

from marsad.context import SentenceView
from marsad.frame_base import (
    CONFIRMING_SOURCES,
    DESCRIPTIVE_ACTORS,
    STRIKE_CONFIRMING,
    BuilderBase,
    Frame,
    sentence_negated,
)
from marsad.model import Mention
from marsad.normalize import normalize_key


class ClaimRules(BuilderBase):
    def _claims(self, view: SentenceView) -> list[Mention]:
        """The strong claim cues of a sentence but the responsibility laid on someone by another
        ("وحمّلت واشنطن مسؤوليته لكتائب حزب الله": an accusation, not the group's claim)."""
        claims = view.get("cue", "claim")
        if claims and self.ctx.says(view, self.res.words.share_objects):
            # "موجة هجمات ... تبنى معظمها ما يسمى المقاومة": a claim of some of many attacks, not of this one
            claims = [c for c in claims if self.ctx.tok(c.tok_end) not in self.res.words.share_objects]
        blames = view.get("cue", "attribution") if claims else []
        if not blames:
            return claims
        return [c for c in claims if not any(0 <= c.tok_start - b.tok_end <= 3 for b in blames)]

    def _no_claim(self, view: SentenceView) -> bool:
        """A sentence saying nobody claimed the attack: the lexicon's "لم تتبن أي جهة", or a claim word with a
        negation just before it ("بينما لم تعلن الجماعة مسؤوليتها عنه")."""
        if view.get("cue", "no_claim"):
            return True
        negations = self.res.words.negation_words
        return any(self.ctx.tok(k) in negations
                   for c in view.get("cue", "claim") + view.get("cue", "claim_weak")
                   for k in range(max(c.tok_start - 3, view.sentence.tok_start), c.tok_start))

    def _same_group_claims(self, view: SentenceView) -> tuple[Frame, Mention] | None:
        """The next sentence claims the attack for "the same" group ("وتبنت الفصائل ذاتها الهجوم في بيان"): the
        group of the last claimed attack."""
        k = view.sentence.index + 1
        if k >= len(self.ctx.views):
            return None
        v = self.ctx.views[k]
        claims = self._claims(v)
        if not claims or not self.ctx.says(v, self.res.words.same_words) or sentence_negated(v):
            return None
        tok = self.ctx.tok
        for c in claims:
            if self._group_words(v) and tok(c.tok_end).removeprefix("و") in self.res.words.group_words \
                    and tok(c.tok_end + 1) in self.res.words.same_words:
                prev = next((f for f in reversed(self.frames) if f.type == "attack" and f.actor_basis == "claimed"
                             and f.actor is not None and f.actor not in DESCRIPTIVE_ACTORS), None)
                return (prev, c) if prev is not None else None
        return None

    def _claim_goes_on(self, view: SentenceView) -> tuple[Frame, Mention] | None:
        """The sentence right after a group's claimed attack goes on with its statement, naming nobody: an
        attack verb with no subject opening it ("كما استهدفوا قاعدة عين الأسد برشقة صاروخية") or the statement
        itself ("وأضاف البيان أن موجة ثانية من الصواريخ استهدفت مقرا ..."): the same group's claim."""
        idx = view.sentence.index
        prev = next((f for f in reversed(self.frames) if f.type == "attack"), None)
        if prev is None or prev.sentence != idx - 1 or prev.actor_basis != "claimed" or prev.actor is None \
                or prev.actor in DESCRIPTIVE_ACTORS or self._perpetrators(view) or sentence_negated(view):
            return None
        start = view.sentence.tok_start
        opening = [t for t in view.get("trigger", "attack") if t.tok_start - start <= 1 and "ال" not in t.prefix
                   and not t.surface.startswith("ال")]
        if opening and not any(a.tok_start < opening[0].tok_start for a in view.get("actor")):
            return prev, opening[0]
        said = [c for c in view.get("cue", "claim_weak") if c.tok_start - start <= 1
                and c.surface.startswith(self.res.words.statement_stems)]
        if said and not any(a.tok_start <= said[0].tok_end for a in view.get("actor")):
            return prev, said[0]
        return None

    def _disowned(self, view: SentenceView) -> bool:
        """"قالت حركة النجباء إنها غير مسؤولة عن الهجوم", "ليست مسؤولة": a group disowns the attack."""
        cache: dict[int, bool] = self.__dict__.setdefault("_disowned_sentences", {})
        idx = view.sentence.index
        if idx not in cache and not self.ctx.says(view, self.res.words.responsible_stems):
            cache[idx] = False
        if idx not in cache:
            words, stems, tok = self.res.words.disown_words, self.res.words.responsible_stems, self.ctx.tok
            cache[idx] = any(tok(j) in words and tok(j + 1).startswith(stems)
                             for j in range(view.sentence.tok_start, view.sentence.tok_end))
        return cache[idx]

    def _claimant(self, view: SentenceView, cue: Mention) -> str | None:
        """Who makes a statement: the first actor named within five words after its verb ("أعلنت، مساء
        اليوم، المقاومة الإسلامية"), else the one named just before a statement noun ("الحركة في بيان");
        None when the subject is not named there ("في عملية قالت إنها حققت أهدافها")."""
        actors = view.get("actor")
        after = [a for a in actors if 0 <= a.tok_start - cue.tok_end <= 5]
        if after:
            return min(after, key=lambda a: a.tok_start).entry_id
        if not cue.surface.startswith(self.res.words.statement_stems):
            return None  # a verb's subject follows it: "الحرس الثوري، بحسب ما أعلنته وسائل إعلام"
        before = [a for a in actors if 0 <= cue.tok_start - a.tok_end <= 4]
        return max(before, key=lambda a: a.tok_end).entry_id if before else None

    def _own_claim(self, frame: Frame, lone: bool) -> None:
        if frame.actor is not None and frame.actor not in DESCRIPTIVE_ACTORS and frame.loc is not None:
            for k in self._place_sentences().get(frame.loc.entry_id, []):
                v = self.ctx.views[k]
                if v.get("actor") or not (v.get("trigger", "attack") or v.get("weapon")) or sentence_negated(v):
                    continue
                said = [c for c in v.get("cue", "claim_weak") if v.get("trigger", "attack")
                        and self._says_again(v, c, frame.actor)]
                if said:
                    frame.actor_basis = "claimed"
                    frame.evidence.pop("actor_basis", None)
                    frame.cite("actor_basis", said[0].start, said[0].end)
                    return
                # "وفجر اليوم، تمكن أبطالنا من تفجير عبوة ناسفة ... قرب سامراء": the group's own voice
                own = [j for j in range(v.sentence.tok_start, v.sentence.tok_end)
                       if self.ctx.tok(j).removeprefix("و") in self.res.words.own_fighters] \
                    if self.ctx.says(v, self.res.words.own_fighters) else []
                if own:
                    frame.actor_basis = "claimed"
                    frame.evidence.pop("actor_basis", None)
                    frame.cite("actor_basis", *self.ctx.span_of(own[0], own[0] + 1))
                    return
        distance = self._distances(frame)
        claiming: list[int] | None = self.__dict__.get("_claim_sentences")
        if claiming is None:
            claiming = self.__dict__["_claim_sentences"] = [
                k for k in self._actor_sentences()
                if self.ctx.views[k].get("cue", "claim") or self.ctx.views[k].get("cue", "claim_weak")]
        for k in sorted(claiming, key=lambda k: distance[k]):
            v = self.ctx.views[k]
            names = self._names_site(v, frame)  # a claim listing several bases names each of them
            if not (lone or distance[k] <= 3 or names) \
                    or not (names or self._about(v, frame)) or not v.get("trigger", "attack") \
                    or sentence_negated(v) or self._no_claim(v) or self._disowned(v):
                continue
            groups = [a for a in self._perpetrators(v) if self._actor_id(a) not in DESCRIPTIVE_ACTORS]
            cues = [c for c in self._claims(v) + v.get("cue", "claim_weak") if c.entry_id == "claim"
                    or ((names or lone) and self._claimant(v, c) in {a.entry_id for a in groups})]
            if not groups and names and frame.actor not in DESCRIPTIVE_ACTORS and frame.actor is not None:
                # "وقالت المقاومة في بيانين إن مجاهديها استهدفوا قاعدة ... في حرير": the group by its bare name
                said = [c for c in v.get("cue", "claim_weak") if self._bare_group(c.tok_end, frame.actor)]
                if said:
                    frame.actor_basis = "claimed"
                    frame.evidence.pop("actor_basis", None)
                    frame.cite("actor_basis", said[0].start, said[0].end)
                    return
            if not groups or not cues:
                continue
            group = min(groups, key=lambda a: min(abs(a.tok_start - c.tok_start) for c in cues))
            actor = self._actor_id(group)
            if actor != frame.actor and frame.actor not in DESCRIPTIVE_ACTORS:
                return
            cue = min(cues, key=lambda c: abs(c.tok_start - group.tok_start))
            frame.actor, frame.actor_basis = actor, "claimed"
            frame.evidence.pop("actor", None)
            frame.evidence.pop("actor_basis", None)
            frame.cite("actor", group.start, group.end)
            frame.cite("actor_basis", cue.start, cue.end)
            return

    def _says_again(self, view: SentenceView, cue: Mention, actor: str) -> bool:
        """A statement verb with no subject of its own opening the sentence ("كما أعلنت في بيان لاحق استهداف
        قاعدة الشدادي") right after the group's own statement ("أعلنت المقاومة الإسلامية في العراق أنها
        استهدفت ..."): the same group speaks again."""
        k = view.sentence.index
        if k == 0 or cue.surface.startswith(self.res.words.statement_stems) or self._claimant(view, cue) is not None \
                or cue.tok_start - view.sentence.tok_start > 1:
            return False
        before = self.ctx.views[k - 1]
        return any(self._claimant(before, c) == actor for c in before.get("cue", "claim_weak") + before.get("cue", "claim")) \
            and not sentence_negated(before)

    def _bare_group(self, tok: int, actor: str) -> bool:
        """The word at ``tok`` is a bare group word in the actor's name ("المقاومة" of the Islamic
        Resistance in Iraq)."""
        word = self.ctx.tok(tok)
        return word in self.res.words.group_words and word in normalize_key(self.res.entries[actor].name_ar).split()

    def _tells_operation(self, view: SentenceView) -> bool:
        """The sentence tells that operations were carried out ("تنفيذ عمليتين", "استهدفت"), not that they
        stop ("أعلنت الكتائب تعليق عملياتها")."""
        toks = [self.ctx.tok(j) for j in range(view.sentence.tok_start, view.sentence.tok_end)]
        if self.ctx.says(view, self.res.words.halt_stems) and any(
                t.removeprefix("و").startswith(self.res.words.halt_stems) for t in toks):
            return False
        return any(not t.surface.startswith(self.res.words.habitual_triggers) for t in view.get("trigger", "attack")) \
            or any(t.removeprefix("و").startswith(self.res.words.execute_stems) for t in toks)

    def _status(self, frame: Frame, view: SentenceView) -> None:
        """"confirmed" when an official of the side that was hit (or, for a strike, the striker's or Iraqi
        officials) states it in the sentence or the next one ("أكد البنتاغون", "قالت القيادة المركزية");
        "claimed" when the perpetrator's own statement gives the actor; else "reported"."""
        sources = CONFIRMING_SOURCES | (STRIKE_CONFIRMING if frame.type == "strike" else frozenset())
        for k in range(view.sentence.index, min(view.sentence.index + 2, len(self.ctx.views))):
            v = self.ctx.views[k]
            officials = [a for a in v.get("actor") if a.entry_id in sources]
            for cue in v.get("cue", "confirm"):
                near = [a for a in officials if abs(a.tok_start - cue.tok_start) <= 6]
                if near and frame.type != "reinforcement":
                    frame.status = "confirmed"
                    frame.cite("status", cue.start, cue.end)
                    frame.cite("status", near[0].start, near[0].end)
                    return
        if frame.type == "attack" and frame.actor_basis == "claimed":
            frame.status = "claimed"
            for span in frame.evidence.get("actor_basis", []):
                frame.cite("status", *span)
            return
        media = [a for a in view.get("actor") if self.res.entries[a.entry_id].kind in ("monitor", "media")]
        for m in media[:1] or []:
            frame.cite("status", m.start, m.end)
        for span in ([] if media else frame.evidence.get("type", [])[:1]):
            frame.cite("status", *span)

    def _denied(self, view: SentenceView, sites: list[Mention]) -> None:
        """"نفت وزارة الدفاع تعرض قاعدة عين الأسد لأي هجوم": a denial that names the place of an event told
        before (or follows it at once without a place) marks that event denied, unless an official
        confirmed it."""
        denials = [c for c in view.get("cue", "denial") if c.surface.startswith(self.res.words.denial_verbs)]
        if not denials or not self.frames:
            return
        named = {s.entry_id for s in sites}
        for f in reversed(self.frames):
            if f.type == "reinforcement" or f.status == "confirmed":
                continue
            # what is denied is the event itself: its word follows the denial ("نفى تعرض القاعدة لهجوم")
            denied_event = any(0 <= t.tok_start - d.tok_end <= 6 for d in denials
                               for t in view.get("trigger", f.type) + view.get("trigger", "attack"))
            same = f.loc is not None and f.loc.entry_id in named
            right_after = not named and view.sentence.index - f.sentence <= 1
            if denied_event and (same or right_after):
                f.status = "denied"
                f.evidence.pop("status", None)
                f.cite("status", denials[0].start, denials[0].end)
                return
