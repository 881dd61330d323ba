"""Stage: event frames.  Trigger -> type; arguments from the sentence and its neighbours.

Reads ``doc.sentences``, ``doc.mentions``, ``doc.dates``; adds ``doc.events``.

Per sentence: locations are found (launch points such as "أطلقت من بلدة زمار" excluded), the sentence's
triggers and cues decide the event type (attack / strike / reinforcement) and each location gets a frame
whose arguments come from the nearest mentions: weapons and counts, the date (in the sentence, else the
paragraph's, else the story's), actor and basis (the sentence, or a claim statement up to two sentences
later), target, toll, interception.  Frames are then merged to one record per (type, location, date).
Threats, warnings, denials, exercises and future tense ("سـ") produce nothing; nor does history told in
passing (a past year or an anniversary cue and no day), a reporter's city or a statement's source ("تعليق من
السفارة"), or a strike word that is responded to ("ردا على العدوان").

Scope: an attack in a town needs US/coalition forces named (airports and the Green Zone excepted); a place
name that is also a common word ("حديثة", "الحرير", "القائم") needs a locality word; summaries ("توزعت تلك
الهجمات على ...") and habitual talk name bases without making events.  A document with one attack or one
strike takes its toll and actor from any sentence; a bare group word ("أعلنت المقاومة") is the group last
named; a drone hit on a car that the text lays on a state striker is that state's strike.  After merging, a
record at a city or governorate joins one at a base of the same governorate, and an undated headline record
gives way to the body's other type of event at the same place.  Every event gets a ``status``: claimed (the
perpetrator's statement), confirmed (an official of the side that was hit, or for a strike the striker's
or Iraqi officials), denied (a later denial of it) or reported.

Strikers are found in striker phrases (a strike noun or an air force with the state's adjective, "ضربة
صاروخية إسرائيلية", "مروحيات تابعة للبحرية الأميركية", data/lexicon.yaml cues.state_striker), as the subject
of a striking verb ("قصفت القوات الأمريكية", "قال الجيش الإسرائيلي إنه قصف"), or up to three sentences
later for strikes told with none ("ونسب الأهالي الغارات إلى سلاح الجو الأردني").  A striker's nationality or
home country is not where it struck.  No event comes of: weapons named in a body sentence without an attack
word (deployed, delivered), convoys leaving, exercises, wars of words, controlled detonations, attacks said
not to have happened (the unclaimed, harmless records at that place are dropped), strikes only condemned,
studied or weighed as options, analysts' views and history dated only "some days before".  An undated
headline record takes the day of the lead.

Background and days (issue 2, second round).  Events told as background with no day of their own (the
pluperfect "وكانت ... قد", a sentence opened by "وكان", "يذكر أن", "في وقت سابق", "في هجوم مماثل", a known
event after "بعد/منذ" or inside a relative clause) take no day from the story: they complete a record of
their place or are none.  Periods ("منذ/ومنذ", "لهجمات عدة", a month of a past year) make no event.  A
statement's day ("قال المتحدث يوم الثلاثاء إن ...", "أفاد مصدر، الثلاثاء، بسقوط ...", "أعلن ... اليوم
الأربعاء تنفيذ عملية" then "نفذت مساء أمس الثلاثاء") and a toll update's day give way to the event's own.
Merging keeps apart what is told as another incident ("وفي حادث آخر", "في سياق متصل") or with other
munitions; a country-level attack joins the placed attack(s) of its day, an airport record the site the text
places there, a governorate's strike the town's.  Ships at sea are in scope; strikes are found in listed
targets ("من بين الأهداف"), in their manner clauses, in an answer with no day ("وردت القوات الأميركية
بمروحيات") and in the other side's words ("الهجوم الصهيوني", "طائرات الاحتلال الأمريكي").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from marsad.context import PERPETRATOR_KINDS, STRIKERS, TARGET_ACTORS, DocContext, SentenceView
from marsad.frame_actors import ActorRules
from marsad.frame_args import ArgumentRules
from marsad.frame_base import (
    GROUP_TARGETS,
    HEAD_STRIKERS,
    HOST_PLACES,
    IRAQI_GROUPS,
    MISSILE_ACTORS,
    PASSIVE_CUES,
    SAUDI_COALITION_THEATRES,
    STRIKER_HOMES,
    Frame,
    sentence_negated,
    valid_triggers,
)
from marsad.frame_merge import fold_areas, fold_hosts, merge, to_event
from marsad.frame_places import PlaceRules
from marsad.lexicon import Resources
from marsad.model import Document, Mention

# a list item: "1- قاعدة الشدادي", "2) قاعدة التنف", "• قاعدة حرير"
LIST_ITEM = re.compile(r"\s*(?:\d{1,2}\s*[-.)]|[•*-])\s*")


class FrameBuilder(PlaceRules, ArgumentRules, ActorRules):
    """One document's frames: :meth:`sentence` for each sentence in order, then the document-level rules."""

    def sentence(self, view: SentenceView) -> None:
        sites, places = self._locations(view)
        if self.list_lead is not None and self._listed_target(view, sites, places):
            return
        if not (view.get("trigger") or view.get("weapon")
                or any(c.entry_id not in PASSIVE_CUES for c in view.get("cue"))):
            # nothing that could make, complete or deny an event: only the last place told is kept
            for loc in [*sites, *places]:
                self.last_location = loc
            return
        collective = view.get("cue", "collective") + view.get("cue", "no_attack_words")
        if view.sentence.paragraph != 0:
            collective = collective + view.get("cue", "headline_only")  # "تقصف": habitual outside a headline
        # (and the verb right after one: "تدين أي اعتداء يستهدف القواعد العراقية")
        attack_trigs = [t for t in valid_triggers(view, "attack")
                        if not any(c.tok_start <= t.tok_start < c.tok_end
                                   or (t.tok_start == c.tok_end and not t.prefix) for c in collective)
                        and not self._us_subject(view, t)]
        if any(f.type == "attack" for f in self.frames) and any(d.precision == "day" for _t, d in view.dates):
            # "وعلق مطار أربيل رحلاته عقب الهجوم قبل أن يستأنفها صباح اليوم": the attack told before, named
            # to tell the time of something else (whose day is not the attack's)
            attack_trigs = [t for t in attack_trigs if not self._anchored(t)]
        subject = None if sites else self._state_subject(view)
        if subject is not None:
            verb = subject[2]
            attack_trigs = [t for t in attack_trigs if not (verb.tok_start <= t.tok_start < verb.tok_end)]
        # "وفي أول رد على العدوان، أعلنت المقاومة ...": what is responded to was told before, not a new strike
        # "ونفذت عمليات تفتيش في القرى": what is carried out is no strike
        searches = view.get("cue", "no_attack_words")
        told = view.get("cue", "told_before")  # "وتأتي الضربات ردا على ...": the strikes told before
        strike_trigs = [t for t in valid_triggers(view, "strike") if not self._responded(t)
                        and not any(c.tok_start <= t.tok_start < c.tok_end or 0 <= c.tok_start - t.tok_end <= 1
                                    for c in searches)
                        and not any(c.tok_start <= t.tok_start < c.tok_end for c in told)]
        no_attack = view.get("cue", "no_attack_words")  # "وقف إطلاق النار"
        weapons = [w for w in view.get("weapon") if "س" not in w.prefix
                   and not any(c.tok_start <= w.tok_start < c.tok_end for c in no_attack)]
        all_reinf = valid_triggers(view, "reinforcement")  # "وتأتي هذه التعزيزات بعد ...": the convoys told before
        reinf_trigs = [t for t in all_reinf if t.surface.startswith(self.res.words.reinforcement_strong)
                       and not any(c.tok_start <= t.tok_start < c.tok_end for c in told)]
        arrivals = [t for t in all_reinf if t.surface.startswith(self.res.words.arrival_verbs)]
        if not reinf_trigs and arrivals and not attack_trigs and not strike_trigs:
            # aircraft that arrive at a base ("12 مقاتلة من طراز إف-15 وصلت إلى قاعدة موفق السلطي")
            aircraft = [w for w in weapons if w.entry_id == "aircraft"]
            reinf_trigs = [*aircraft, *arrivals] if aircraft else []
        # "قصفت المدفعية الأمريكية": a munition named in the striker's phrase is the striker's, not an attack's
        strikers = view.get("cue", "state_striker")
        attack_weapons = [w for w in weapons if w.entry_id != "aircraft"
                          and not any(c.tok_start <= w.tok_start < c.tok_end for c in strikers)]
        if not attack_weapons and not view.get("cue", "claim"):
            # "عملية" is any operation ("عملية الإفراج عن المحتجزين"): an attack word only with a weapon or a claim
            weak = view.get("cue", "needs_weapon")
            attack_trigs = [t for t in attack_trigs if not any(c.tok_start <= t.tok_start < c.tok_end for c in weak)]
        if reinf_trigs and attack_trigs and all(t.surface.startswith(self.res.words.habitual_triggers) for t in attack_trigs):
            # "رتل ... دخل قاعدة عين الأسد ... لتعزيز حمايتها من هجمات المسيرات": the convoy is the event
            attack_trigs, attack_weapons = [], []
        if view.get("cue", "debunk"):
            named = [m.entry_id for m in [*sites, *places]]
            self.debunked.update(named)
            if not named:
                self.debunked_near.append(view.sentence.index)
        if view.get("cue", "not_attack"):
            attack_trigs, attack_weapons = [], []  # "شن هجوما حادا على ...", "من الدفاع إلى الهجوم"
        elif not attack_trigs and attack_weapons and not self._weapon_event(view, attack_weapons):
            attack_weapons = []  # "نشرت منظومة باتريوت ... لحمايتها من الصواريخ": a weapon named, no attack told
        negated = sentence_negated(view) and not attack_trigs
        history = bool(attack_trigs or strike_trigs or attack_weapons or reinf_trigs) and self._past_year(view)
        # "وتأتي التعزيزات بعد أيام من هجمات استهدفت ...": an attack or strike dated only "some days before"
        # is history in passing (a month named, "نهاية كانون الثاني", still tells an event)
        passing = not history and (self._vague_past(view) or (
            bool(view.get("cue", "analysis")) and not any(d.precision == "day" for _t, d in view.dates)))
        if passing:
            attack_trigs, strike_trigs, attack_weapons = [], [], []
        if history:
            attack_trigs, strike_trigs, attack_weapons, reinf_trigs, negated = [], [], [], [], True
        striker = self._striker(view, strike_trigs) or self._announcing_striker(view, strike_trigs) \
            or self._ordering_head(view, strike_trigs)
        if striker is not None and striker[1].category == "cue" and (
                self._responded(striker[1]) or self._given_to(view, striker[1]) or self._anchored(striker[1])
                or any(0 <= striker[1].tok_start - c.tok_end <= 1 for c in told)  # "وتأتي الضربات ردا على هجمات"
                or self._described(view, striker[1]) or self._in_answer(view, striker[1])):
            # "جاءت ردا مباشرا على العدوان الأمريكي": the strike answered was told before
            striker = None
        if striker is not None and self._ship_object(view, striker[1], attack_trigs):
            striker = None  # "عملية استهدفت المدمرة الأمريكية": the state owns the ship hit
        # "وفي بغداد، وصف رئيس الجمهورية الغارات بأنها انتهاك", "أمام خيارات ... وبين توجيه ضربات": a reaction
        # or a hedge is talk about strikes told before (or not yet made), not one more
        hedges = [c for c in view.get("cue", "threat") if self.ctx.tok(c.tok_start - 1) != "ما"]  # "ما إذا": whether
        reaction = bool(view.get("cue", "reaction") or hedges)
        if reaction and striker is not None and striker[1].category == "trigger":
            striker = None
        carried = False
        if striker is None and subject is not None and not history:
            striker, carried = (subject[0], subject[1]), True
            self.recent_striker = (subject[0], view.sentence.index)
        if striker is None:
            if not reaction:
                striker = self._carried_striker(view, strike_trigs, attack_trigs, sites) or self._another(view, sites) \
                    or self._listed_targets(view, sites)
            carried = striker is not None
        elif striker[1].category != "trigger":
            self.recent_striker = (striker[0], view.sentence.index)
        made: list[Frame] = []

        if striker is not None and striker[1].category == "cue" and self._reaction_only(view, striker[1], attack_trigs):
            striker = None  # "دعا البرلمان اليوم إلى إدانة الضربات الأمريكية على جرف الصخر"
        strike_path = not history and not passing and not view.get("cue", "not_attack") and striker is not None and (strike_trigs or carried or striker[1].category == "cue") and not (
            sentence_negated(view) and not strike_trigs)
        if strike_path and not strike_trigs and view.get("cue", "intercept") and (attack_trigs or attack_weapons) \
                and striker is not None and striker[1].category == "cue":
            strike_path = False  # "أطلقوا صاروخ كروز باتجاه المدمرة الأميركية، أسقطته مقاتلة أميركية": an attack
        if strike_path and not strike_trigs and attack_trigs and attack_weapons and sites \
                and not (striker is not None and striker[1].surface.startswith(self.res.words.response_words)):
            # "استهداف ... قاعدة كونيكو بطائرتين مسيرتين ... أعقبهما تحليق لطائرات التحالف" (but "سقطت قذائف على
            # حقل العمر، فيما ردت القوات الأمريكية بقصف مدفعي على ..." tells both)
            strike_path = False
        if strike_path:
            assert striker is not None
            made += self._strikes(view, striker, sites, places, attack_trigs, weapons)
        elif (attack_trigs or attack_weapons) and not negated:
            made += self._attacks(view, sites, places, attack_trigs, attack_weapons)
            drones = [w for w in attack_weapons if w.entry_id == "drone"]
            if not made and drones and attack_trigs and not sites and self._names_vehicle(view):
                self.vehicle_hits.append((view, drones, places))
        counted = self.ctx.tally_sentences.get(view.sentence.index, set())
        # "تفجير عبوة ناسفة على رتل آخر": a convoy hit is the target of an attack, not a reinforcement
        hit = [w for w in [*view.get("trigger", "attack"), *weapons] if any(
            0 <= t.tok_start - w.tok_end <= 5 and self.ctx.tok(t.tok_start - 1) in ("علي", "استهداف") for t in reinf_trigs)]
        if reinf_trigs and not made and not hit and not view.get("cue", "civilian") \
                and not counted & {"trucks", "flights", "troops"}:
            made += self._reinforcements(view, sites, places, reinf_trigs, arrivals)
        made = [f for f in made if not self._since_only(f, view)]
        background = self._background(view) if made else None
        for f in made:
            f.separate = bool(view.get("cue", "separate") or view.get("cue", "another"))  # "مسيرة أخرى"
            if f.type == "attack":
                self._lead_in(f, view)
            self._status(f, view)
            self._reported_day(f, view)
            self._told_day(f)
            self._updated_toll_day(f, view)
            self._referred_back(f, view)
            if f.date is None and f.date_strategy == "vague":
                # "بعد أيام من استهداف مطار أربيل، حيث كانت طائرة مسيرة قد سقطت ... في 25 كانون الأول": the
                # sentence's one day, not the vague span nearest the place
                days = {d.value: d for t, d in view.dates if d.precision == "day" and d.value is not None
                        and not self._since(view, t)}
                if len(days) == 1:
                    (d,) = days.values()
                    f.date, f.date_strategy = d.value, d.strategy
                    f.evidence["date"] = [(d.start, d.end)]
            if background is not None and (not background or f.loc is None
                                           or view.clause_of(f.loc.tok_start) in background):
                # "وكانت قاعدة عين الأسد قد تعرضت لهجوم صاروخي": earlier than the story, not on its day
                f.background, f.date, f.date_strategy = True, None, None
                f.evidence.pop("date", None)
        if not made:
            self._announced_day(view, attack_trigs)
            self._follow_up(view)
            self._denied(view, sites)
            if striker is None and not (history or passing or sentence_negated(view)) and (strike_trigs or (
                    attack_trigs and not sites and any(a.entry_id in GROUP_TARGETS for a in view.get("actor")))):
                # "دانت الحكومة الاعتداء الذي استهدف فجر اليوم مقرا للحشد الشعبي في جرف النصر": whose strike
                # may be told in the next sentences
                self.unattributed.append((view, sites, places, attack_trigs, weapons))
        for loc in [*sites, *places]:
            self.last_location = loc
        self.frames.extend(made)
        text = self.doc.norm.text[view.sentence.start:view.sentence.end].rstrip() if self.doc.norm else ""
        if made or text.endswith(":"):
            attacks = [f for f in made if f.type == "attack"]
            if not made and attack_trigs and not (negated or history or passing or sites or places):
                # "استهدفوا بالطائرات المسيرة قاعدتين للاحتلال، وهما:": the targets follow one by one
                lead = self._new("attack", view, None, attack_trigs[0].tok_start, attack_trigs[0])
                self._fill_attack(lead, view, attack_weapons, [])
                self._status(lead, view)
                attacks = [lead]
            self.list_lead = (view.sentence.index, attacks) if text.endswith(":") and attacks else None

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

    def attributed_strikes(self) -> None:
        """"قتل عشرة مدنيين فجر اليوم جراء غارات جوية استهدفت منازل في بلدة عرمان" and, up to three sentences
        on, "ونسب الأهالي الغارات إلى سلاح الجو الأردني": strikes told with no striker are that state's
        when a later sentence lays them at its door (an accusation, or the strikes named again with "ال").
        So are attack words aimed at an armed group's site ("الاعتداء الذي استهدف مقرا للحشد الشعبي") when
        the next sentences name a state striker as their doer ("الاعتداء الذي نفذته القوات الأمريكية")."""
        for view, sites, places, attack_trigs, weapons in self.unattributed:
            own = view.get("trigger", "strike") + attack_trigs
            for k in range(view.sentence.index + 1, min(view.sentence.index + 4, len(self.ctx.views))):
                later = self.ctx.views[k]
                striker = self._later_striker(later)
                if striker is None:
                    continue
                actor, named = striker
                made = self._strikes(view, (actor, own[0]), sites, places, attack_trigs, weapons)
                for f in made:
                    self._told_day(f)
                    f.actor_basis = "attributed"
                    f.evidence["actor"] = [(named.start, named.end)]
                    f.evidence["actor_basis"] = [(named.start, named.end)]
                    self._status(f, view)
                self.frames.extend(made)
                break

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
        return None

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

    def _announced_day(self, view: SentenceView, attack_trigs: list[Mention]) -> None:
        """"أعلن المتحدث العسكري اليوم الأربعاء تنفيذ عملية استهدفت المدمرة الأمريكية في البحر الأحمر" then
        "وأوضح في بيان أن القوات نفذت مساء أمس الثلاثاء عملية استهدفت المدمرة": the attack announced took
        place on the day the next sentences tell (a day or two before the announcement), not on the
        announcement's."""
        if not self.frames or not attack_trigs or view.get("site") or view.get("place") or sentence_negated(view):
            return
        last = self.frames[-1]
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
        if f.type != "attack" or f.loc is None or f.date_strategy != "inherited" \
                or any(d.precision == "day" for _t, d in view.dates):
            return
        trigs = view.get("trigger", "attack")
        if not trigs or not all(t.surface.startswith("ال") or "ال" in t.prefix for t in trigs):
            return
        if any(g.type == "attack" and g.loc is not None and g.loc.entry_id == f.loc.entry_id for g in self.frames):
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
        that = [j for j in range(mine[0] + 1, min(mine[0] + 5, f.anchor))
                if self.ctx.tok(j) in self.res.words.that_words]
        later = [(t, d) for t, d in days if that and t > that[0] and d.value != f.date]
        if not that and mine[0] < f.anchor and self._statement_day(view, mine[0]):
            # "أفاد مصدر أمني، الثلاثاء، بسقوط صاروخ قرب السفارة الأمريكية ... مساء أمس الاثنين"
            later = [(t, d) for t, d in days if t > mine[0] and d.value != f.date and not self._statement_day(view, t)]
        if not later and that:
            # "أعلن المتحدث، اليوم السبت، أن الضربات الجوية الأمريكية التي طالت القائم ...": the statement's day,
            # which gives way to the event's own day told elsewhere (merging)
            f.date_strategy = "statement"
        if later:
            _t, d = min(later, key=lambda td: abs(td[0] - f.anchor))
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
            0 <= t.tok_start - k.tok_end <= 1 or any(0 <= t.tok_start - r.tok_end <= 1 and 0 <= r.tok_start - k.tok_end <= 2
                                                     for r in relatives) for k in known)]
        told = {view.clause_of(t.tok_start) for t in words if t not in known and not (
            self.ctx.tok(t.tok_start - 1) == "في" and any(
                0 <= t.tok_start - r.tok_end <= 6 and view.clause_of(r.tok_start) == view.clause_of(t.tok_start)
                for r in relatives))}
        clauses = {view.clause_of(t.tok_start) for t in words} - told
        if not clauses:
            return None
        return set() if not told else clauses
        if not view.dates:  # "وكان المرصد قد رصد الشهر الماضي دخول رتل": a month told is no background
            if view.get("cue", "background"):
                return set()
            aux = view.get("cue", "past_aux")
            particles = [q for q in view.get("cue", "perfect_particle")
                         if not q.prefix and any(1 <= q.tok_start - a.tok_end <= 5 for a in aux)]
            if particles:
                return {view.clause_of(q.tok_start) for q in particles}
        relatives = view.get("cue", "relative")
        words = view.get("trigger", "attack") + view.get("trigger", "strike")
        known = [t for t in words if self._anchored(t)]
        # "بعد الهجوم الذي استهدف": the verb of the known event's relative clause
        known += [t for t in words if any(0 <= t.tok_start - r.tok_end <= 1 and 0 <= r.tok_start - k.tok_end <= 2
                                          for r in relatives for k in known)]
        if words and all(t in known or (self.ctx.tok(t.tok_start - 1) == "في" and any(
                0 <= t.tok_start - r.tok_end <= 6 and view.clause_of(r.tok_start) == view.clause_of(t.tok_start)
                for r in relatives)) for t in words):
            return set()
        return None

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
        return any(self.ctx.tok(j) == "علي" and (self.ctx.tok(j - 1) in words or self.ctx.tok(j - 2) in words)
                   and not any(j < a.tok_start < p.tok_start for a in anchors)
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

    def _responded(self, m: Mention) -> bool:
        """"ردا على العدوان", "ردا مباشرا على العدوان الأمريكي": what is answered was told before."""
        words = self.res.words.response_words
        return self.ctx.tok(m.tok_start - 1) == "علي" and (
            self.ctx.tok(m.tok_start - 2) in words or self.ctx.tok(m.tok_start - 3) in words)

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

    def _weapon_event(self, view: SentenceView, weapons: list[Mention]) -> bool:
        """A weapon with no attack word tells an attack only in a headline ("صاروخان على قاعدة عين الأسد"),
        with an interception ("تصدت الدفاعات الجوية لطائرة مسيرة"), a hit ("إصابة مباشرة") or a claim of
        it, or when it is a bomb ("تفجير عبوة ناسفة على رتل")."""
        return view.sentence.paragraph == 0 or any(w.entry_id == "ied" for w in weapons) or bool(
            view.get("cue", "intercept") or view.get("cue", "not_intercepted") or view.get("cue", "claim"))

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
                after = (a.tok_start == verb.tok_end or armed) and " " not in verb.surface and verb.prefix in ("", "و", "ف")
                before = (a.tok_end == verb.tok_start or self._own_forces(a, verb)) \
                    and self.ctx.tok(a.tok_start - 1) not in ("علي", "ضد")
                if after or before:
                    return STRIKERS[a.entry_id], a, verb
        return None

    def _new(self, type_: str, view: SentenceView, loc: Mention | None, anchor: int, trig: Mention | None) -> Frame:
        country = None
        country_ev = None
        if loc is not None:
            country = self.res.entries[loc.entry_id].country
        else:
            country, country_ev = self._country_of(view, anchor)
        f = Frame(type=type_, sentence=view.sentence.index, loc=loc, country=country, country_ev=country_ev,
                  anchor=anchor)
        if trig is not None:
            f.cite("type", trig.start, trig.end)
        if loc is not None:
            f.cite("location", loc.start, loc.end)
            f.cite("country", loc.start, loc.end)
        elif country_ev is not None:
            f.cite("country", country_ev.start, country_ev.end)
        return f

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
                    (view.get("cue", "coalition_target") or any(a.entry_id in TARGET_ACTORS for a in view.get("actor"))
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

    def _strikes(self, view: SentenceView, striker: tuple[str, Mention], sites: list[Mention],
                 places: list[Mention], attack_trigs: list[Mention], weapons: list[Mention]) -> list[Frame]:
        frames: list[Frame] = []
        actor, cue = striker
        # a US site in a strike sentence is an attack only if an attack trigger shares its clause (and the
        # striking forces are not stationed there: "المدفعية الأمريكية المتمركزة في حقل العمر")
        stationed = view.get("cue", "stationed")
        sites = [s for s in sites if not any(0 <= s.tok_start - c.tok_end <= 1 for c in stationed)]
        for site in sites:
            clause = view.clause_of(site.tok_start)
            if any(view.clause_of(t.tok_start) == clause for t in attack_trigs) and \
                    self.res.entries[site.entry_id].kind != "city":
                f = self._new("attack", view, site, site.tok_start, self._nearest(attack_trigs, site.tok_start))
                own = [w for w in weapons if w.entry_id != "aircraft" and view.clause_of(w.tok_start) == clause]
                if len(sites) == 1:  # "هجوم صاروخي على قاعدة كي وان، أطلق فيه 30 صاروخا"
                    own += [w for w in weapons if w not in own and w.entry_id in {o.entry_id for o in own}]
                self._fill_attack(f, view, own, sites)
                if not self._summary(view, f, attack_trigs):
                    frames.append(f)
        # "قتلت غارة بطائرة مسيرة أميركية القيادي ...، باستهداف سيارتهما قرب مقر ... شرق بغداد": the manner of
        # the strike ("بـ" and an attack noun) places it too
        manner = [t for t in attack_trigs if t.prefix.endswith("ب") and not sites]
        if cue.category == "trigger" and not sites and not view.get("cue", "told_before") and not view.get("cue", "ship"):
            # a strike carried from the sentences before, told over several clauses: "فإن الضربات استهدفت مستودعا
            # ...، كما طالت مواقع في بادية الميادين ...، بينما قتل عنصران في استهداف نقطة قرب مدينة البوكمال"
            manner += [t for t in attack_trigs if not self._responded(t) and self.ctx.tok(t.tok_start - 1) != "علي"]
        anchors = [cue, *view.get("trigger", "strike"), *view.get("cue", "state_striker"), *manner]
        # "قاعدة كي وان قرب كركوك": a place that locates a named site belongs to the site's attack
        places = [p for p in places if not any(0 <= p.tok_start - s.tok_end <= 3 for s in sites)]
        anchor_clauses = {view.clause_of(a.tok_start) for a in anchors}
        # "الضربات الأميركية الأولى على اليمن، لكن الهجمات على السفن في البحر الأحمر لم تتوقف": a place in
        # another clause with an attack word of its own is that attack's
        # (the attacks named as such; a verb there, "استهدفهم في محافظتي الأنبار ونينوى", tells the strike)
        others = {view.clause_of(t.tok_start) for t in view.get("cue", "collective")} - anchor_clauses
        near = [p for p in places if not self._is_origin(p) and not self._toward(p)
                and view.clause_of(p.tok_start) not in others and not self._answered_place(view, p, anchors)
                and (min(abs(p.tok_start - a.tok_start) for a in anchors) <= 12
                     or self._same_clause(view, p, anchors)
                     or (cue.entry_id == "target_list" and p.tok_start > cue.tok_start))]  # "..، وأخرى في ..."
        # "استهدفت مقرات في القائم، وأخرى في مدينتي البوكمال والميادين": more sites of the same strike
        if near:
            more = view.get("cue", "more_sites")
            near += [p for p in places if p not in near and not self._is_origin(p)
                     and any(0 <= p.tok_start - c.tok_end <= 2 and c.tok_start > near[0].tok_start for c in more)]
        # "على مواقع الميليشيات في البوكمال والميادين": a place listed with a near one is near too
        near += [p for p in places if p not in near and "و" in p.prefix
                 and any(0 <= p.tok_start - n.tok_end <= 1 for n in near)]
        targets = self._best_place(near, every=True)
        if not targets:
            recent = [p for s, p in self.launch_points if view.sentence.index - s <= 2]
            if recent:
                p = recent[-1]
                targets = [Mention(p.category, p.entry_id, p.start, p.end, p.surface, p.tok_start, p.tok_end)]
        dated = any(d.precision == "day" for _t, d in view.dates) or bool(view.get("cue", "same_day"))
        # "وردت القوات الأميركية بمروحيات هجومية ... فدمرت ثلاث مركبات": an answer with no day of its own answers
        # the attack told in the three sentences before, on its day and in its country
        answered = None
        if not dated and cue.surface.startswith(self.res.words.response_words):
            answered = next((f for f in reversed(self.frames) if f.type == "attack" and f.date is not None
                             and view.sentence.index - f.sentence <= 3), None)
            dated = answered is not None
        if (not targets and not dated) or (actor not in ("us-forces", "coalition") and not dated):
            return frames
        for loc in targets or [None]:
            frame = self._new("strike", view, loc, loc.tok_start if loc is not None else cue.tok_start, cue)
            if loc is None and frame.country is None and answered is not None and answered.country is not None:
                frame.country, frame.country_ev = answered.country, answered.country_ev
                for span in answered.evidence.get("country", []):
                    frame.cite("country", *span)
            if loc is None and frame.country is None and not view.get("country"):
                self._next_country(frame, view)
            if loc is None and (frame.country is None or len({c.entry_id for c in self._event_countries(view)}) > 1):
                continue
            if loc is None and frame.country == STRIKER_HOMES.get(actor) and not self._abroad(frame):
                continue
            if actor == "coalition" and (frame.country in SAUDI_COALITION_THEATRES or (frame.country is None and any(
                    c in SAUDI_COALITION_THEATRES for c in self.doc_countries()))):
                continue  # in Yemen (and off its coast) "التحالف" is the Saudi-led coalition, not the US-led one
            if frame.country in SAUDI_COALITION_THEATRES and view.get("cue", "other_striker"):
                continue  # "غارات جوية تقودها السعودية وتدعمها الولايات المتحدة": the Saudi-led coalition's
            self._date(frame, view)
            strike_words = [cue, *view.get("trigger", "strike")]
            self._strike_day(frame, view, cue, strike_words)
            drones = [w for w in weapons if w.entry_id == "drone"  # "غارة بطائرة مسيرة أمريكية"
                      and any(0 <= w.tok_start - t.tok_end <= 3 for t in strike_words)]
            artillery = [w for w in weapons if w.entry_id == "artillery"]
            chosen = drones or artillery or [w for w in weapons if w.entry_id == "aircraft"]
            frame.weapons = sorted({w.entry_id for w in chosen}) or ["aircraft"]
            for w in chosen or [cue]:
                frame.cite("weapons", w.start, w.end)
            if not chosen and cue.surface.startswith(self.res.words.drone_striker_stems):
                # "مسيرة إسرائيلية", "طائرة مسيرة أمريكية": one drone, named in the striker phrase
                frame.weapons, frame.count = ["drone"], 1
                frame.cite("count", cue.start, cue.end)
            frame.actor = actor
            frame.actor_basis = "claimed" if view.get("cue", "claim") or self._striker_speaks(actor, frame.country) \
                else "attributed"
            frame.cite("actor", cue.start, cue.end)
            frame.cite("actor_basis", cue.start, cue.end)
            groups = [a for a in view.get("actor") if self.res.entries[a.entry_id].kind in PERPETRATOR_KINDS
                      or a.entry_id in ("irgc", "pmf")]
            if groups:
                g = self._nearest(groups, frame.anchor)
                assert g is not None
                frame.target = g.entry_id
                frame.cite("target", g.start, g.end)
            self._casualties(frame, view, targets)
            frames.append(frame)
        return frames

    def _abroad(self, frame: Frame) -> bool:
        """"ولم يعلن الأردن مسؤوليته عن غارات الخميس": a striker's own country named in the sentence is not
        where it struck; the one other country the document names is, if there is one."""
        others = self.doc_countries() - {frame.country}
        if len(others) != 1:
            return False
        code = others.pop()
        for m in self.doc.mentions:
            if m.category in ("country", "site", "place") and self._country_code(m) == code:
                frame.country, frame.country_ev = code, m
                frame.evidence.pop("country", None)
                frame.cite("country", m.start, m.end)
                return True
        return False

    def _reinforcements(self, view: SentenceView, sites: list[Mention], places: list[Mention],
                        trigs: list[Mention], arrivals: list[Mention]) -> list[Frame]:
        """A convoy, cargo flight or aircraft arriving at a base.  Needs a base (or, for a town or no place,
        US/coalition forces named) and a told occasion: a date in the sentence or a past-tense arrival verb
        ("دخل", "هبطت"); habitual talk ("طائرات الشحن التي تهبط في ...") is no event.  A month-level date
        ("الشهر الماضي") leaves the date null."""
        departures = view.get("cue", "departure")
        if departures and not arrivals:
            return []  # "انسحب رتل للقوات الأمريكية من قاعدة التنف": leaving, not arriving
        # "غادر رتل قاعدة الشدادي ووصل إلى ...": the base left is no destination
        dests = [s for s in sites if not self._is_origin(s)
                 and not any(0 <= s.tok_start - d.tok_end <= 3 for d in departures)]
        us_context = self._us_context(view)
        if not dests and us_context:
            dests = self._best_place([p for p in places if not self._is_origin(p)])
        day = any(d.precision == "day" for _t, d in view.dates)
        coarse = any(d.precision in ("week", "month") for _t, d in view.dates)
        if not (day or coarse or arrivals):
            return []
        if not dests and not (day and us_context and not self.arab_coalition_doc):
            return []  # in a text on the Saudi-led coalition, "التحالف" reinforcing is not ours
        frames = []
        for loc in dests or [None]:
            anchor = loc.tok_start if loc is not None else trigs[0].tok_start
            frame = self._new("reinforcement", view, loc, anchor, trigs[0])
            if loc is None and frame.country is None:
                continue
            if day or not coarse:
                self._date(frame, view)
            self._reinforcement_count(frame, view, trigs)
            frames.append(frame)
        return frames


def run(doc: Document, res: Resources, ctx: DocContext) -> Document:
    builder = FrameBuilder(doc, res, ctx)
    for view in ctx.views:
        builder.sentence(view)
    builder.attributed_strikes()
    merged = merge(builder.frames)
    # an undated headline record at a place the body tells of as another type of event is a misreading of
    # the headline's compressed wording ("التحالف يرد بقصف مدفعي على الميادين" is the strike, not an attack)
    merged = [f for f in merged if not (ctx.views[f.sentence].sentence.paragraph == 0 and f.date is None and f.loc is not None and any(
        g.loc is not None and g.loc.entry_id == f.loc.entry_id and g.type != f.type for g in merged))]
    merged = fold_areas(merged, res)
    merged = fold_hosts(merged, builder.hosted())
    merged = [f for f in merged if not (f.background and f.date is None)]  # background that completes nothing
    merged = [f for f in merged if not builder.explained_away(f)]
    builder.headline_day(merged)
    builder.vehicle_strikes(merged)
    builder.lone_event_tolls(merged)
    builder.lone_event_actor(merged)
    doc.events = [to_event(doc, res, f) for f in merged]
    return doc


