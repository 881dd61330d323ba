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

from marsad.context import PERPETRATOR_KINDS, DocContext, SentenceView
from marsad.frame_actors import ActorRules
from marsad.frame_args import ArgumentRules
from marsad.frame_attacks import AttackRules
from marsad.frame_base import (
    GROUP_TARGETS,
    PASSIVE_CUES,
    SAUDI_COALITION_THEATRES,
    STRIKER_HOMES,
    Frame,
    sentence_negated,
    valid_triggers,
)
from marsad.frame_claims import ClaimRules
from marsad.frame_convoys import ConvoyRules
from marsad.frame_counts import CountRules
from marsad.frame_days import DayRules
from marsad.frame_merge import fold_areas, fold_hosts, merge, to_event
from marsad.frame_people import PeopleRules
from marsad.frame_places import PlaceRules
from marsad.frame_strikers import StrikerRules
from marsad.frame_tolls import TollRules
from marsad.lexicon import Resources
from marsad.model import Document, Mention


class FrameBuilder(PlaceRules, ArgumentRules, CountRules, TollRules, PeopleRules, ActorRules, ClaimRules, DayRules,
                   StrikerRules, AttackRules, ConvoyRules):
    """One document's frames: :meth:`sentence` for each sentence in order, then the document-level rules."""

    def sentence(self, view: SentenceView) -> None:
        sites, places = self._locations(view)
        for c in view.get("cue", "capital"):  # "شرقي العاصمة بغداد"
            named = [p for p in view.get("place") if p.tok_start in (c.tok_start, c.tok_end)]
            if named and self.res.entries[named[0].entry_id].kind == "city":
                self.capital = named[0]
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
            attack_trigs = [t for t in attack_trigs if not self._anchored(t) or self._dated_relative(view, t)]
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
        split: Frame | None = None
        if not reinf_trigs and arrivals and not attack_trigs and not strike_trigs:
            # aircraft that arrive at a base ("12 مقاتلة من طراز إف-15 وصلت إلى قاعدة موفق السلطي")
            aircraft = [w for w in weapons if w.entry_id == "aircraft"]
            reinf_trigs = [*aircraft, *arrivals] if aircraft else []
            told = [f for f in self.frames if f.type == "reinforcement" and 0 < view.sentence.index - f.sentence <= 2
                    and (f.count or 0) >= 2 and (f.loc is None or f.loc.category != "site")]
            if not reinf_trigs and sites and told:
                # "أن طائرتين من طراز C-130 هبطتا في قاعدة حرير، فيما هبطت طائرة ثالثة في مطار أربيل" right
                # after "هبطت ثلاث طائرات شحن ... في قاعدتين للتحالف في محافظة أربيل" (several aircraft at no
                # named base): the same arrivals, told base by base (which replace the record told at large)
                reinf_trigs, split = arrivals, told[-1]
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
            if view.sentence.paragraph > 0:
                self.history_places.update(m.entry_id for m in [*sites, *places])
        elif view.sentence.paragraph > 0 and (view.get("trigger", "attack") or view.get("trigger", "strike")):
            # (a clause of history in a sentence with a day of its own: "عقدت المحكمة اليوم جلسة لمحاكمة متهمين
            # بالهجوم الذي استهدف مطار أربيل في أيلول من العام الماضي")
            past = {view.clause_of(c.tok_start) for c in view.get("cue", "history")}
            self.history_places.update(m.entry_id for m in [*sites, *places] if view.clause_of(m.tok_start) in past)
        striker = self._striker(view, strike_trigs) or self._announcing_striker(view, strike_trigs) \
            or self._ordering_head(view, strike_trigs)
        if striker is not None and striker[1].category == "cue" and (
                self._responded(striker[1]) or self._given_to(view, striker[1])
                or (self._anchored(striker[1]) and not self._dated_relative(view, striker[1]))
                or self._flying(view, striker[1])
                or any(0 <= striker[1].tok_start - c.tok_end <= 1 for c in told)  # "وتأتي الضربات ردا على هجمات"
                or self._described(view, striker[1]) or self._in_answer(view, striker[1])):
            # "جاءت ردا مباشرا على العدوان الأمريكي": the strike answered was told before
            striker = None
        if striker is not None and self._ship_object(view, striker[1], attack_trigs):
            striker = None  # "عملية استهدفت المدمرة الأمريكية": the state owns the ship hit
        # "وفي بغداد، وصف رئيس الجمهورية الغارات بأنها انتهاك", "أمام خيارات ... وبين توجيه ضربات": a reaction
        # or a hedge is talk about strikes told before (or not yet made), not one more
        hedges = [c for c in view.get("cue", "threat") if self.ctx.tok(c.tok_start - 1) != "ما"]  # "ما إذا": whether
        # (a reaction told after the strike's own words, "أن الضربات طالت مواقع في جرف الصخر ...، ووصف الضربات
        # بأنها عدوان", leaves the strike told first)
        first = min((t.tok_start for t in [*strike_trigs, *attack_trigs]), default=None)
        reaction = bool(hedges or any(first is None or r.tok_start < first for r in view.get("cue", "reaction")))
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
            made += self._prompting_attack(view, sites, places, attack_trigs, attack_weapons)
        elif (attack_trigs or attack_weapons) and not negated:
            made += self._attacks(view, sites, places, attack_trigs, attack_weapons)
            drones = [w for w in attack_weapons if w.entry_id == "drone"]
            if not made and drones and attack_trigs and not sites and self._names_vehicle(view):
                self.vehicle_hits.append((view, drones, places))
        counted = self.ctx.tally_sentences.get(view.sentence.index, set())
        # "تفجير عبوة ناسفة على رتل آخر": a convoy hit is the target of an attack, not a reinforcement
        hit: list[Mention] = []
        if reinf_trigs:
            hit = [w for w in [*view.get("trigger", "attack"), *weapons] if any(
                0 <= t.tok_start - w.tok_end <= 5 and self.ctx.tok(t.tok_start - 1) in ("علي", "استهداف")
                for t in reinf_trigs)]
        if reinf_trigs and not made and not hit and not view.get("cue", "civilian") \
                and not counted & {"trucks", "flights", "troops"}:
            made += self._reinforcements(view, sites, places, reinf_trigs, arrivals)
            if split is not None and any(f.type == "reinforcement" and f.loc is not None for f in made):
                self.frames.remove(split)
        made = [f for f in made if not self._since_only(f, view)]
        background = self._background(view) if made else None
        for f in made:
            f.separate = bool(view.get("cue", "separate") or view.get("cue", "another"))  # "مسيرة أخرى"
            if f.type == "attack":
                self._lead_in(f, view)
            self._status(f, view)
            self._governorate_back(f, view)
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
            if (background is not None and (not background or view.clause_of(
                    f.loc.tok_start if f.loc is not None else f.anchor) in background)) \
                    or (f.type == "attack" and self._answered_attack(view, f)):
                # "وكانت قاعدة عين الأسد قد تعرضت لهجوم صاروخي": earlier than the story, not on its day
                f.background, f.date, f.date_strategy = True, None, None
                f.evidence.pop("date", None)
        if not made:
            if arrivals and not (sites or places or attack_trigs or strike_trigs or negated or history):
                self._arrival_day(view, arrivals)  # "وقال المصدر إن الطائرتين هبطتا في القاعدة مساء الأحد"
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

    def _governorate_back(self, f: Frame, view: SentenceView) -> None:
        """"أفاد مصدر أمني في محافظة بابل بأن عبوة ناسفة انفجرت أمس على رتل ... شمالي المحافظة": a record with no
        place of its own, told "in the north of the governorate", is in the one governorate its sentence named
        before (even as where the source is)."""
        if f.loc is not None:
            return
        backs = [c for c in view.get("cue", "governorate_back") if c.tok_start > f.anchor]
        if not backs:
            return
        named = {p.entry_id: p for p in view.get("place") if p.tok_end <= backs[0].tok_start
                 and self.res.entries[p.entry_id].kind == "governorate"}
        if len(named) != 1:
            return
        (p,) = named.values()
        country = self.res.entries[p.entry_id].country
        if f.country is not None and f.country != country:
            return
        f.loc = Mention(p.category, p.entry_id, backs[0].start, backs[0].end, p.surface, backs[0].tok_start,
                        backs[0].tok_end)
        f.country, f.country_ev = country, None
        f.evidence["location"] = [(backs[0].start, backs[0].end)]
        f.evidence["country"] = [(backs[0].start, backs[0].end)]

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
        # "قوات التحالف ردت بقصف مدفعي": the verb of a striker named as its subject is a strike word too
        subject = self._state_subject(view) if cue.category == "actor" else None
        verb = subject[2] if subject is not None and subject[1] is cue else None
        # (and a striking verb joined to it by "و": "ردت بقصف مدفعي، فيما حلقت مروحيات وقصفت مواقع في ...")
        joined = [t for t in attack_trigs if verb is not None and "و" in t.prefix and t.tok_start > verb.tok_start
                  and any(c.tok_start == t.tok_start for c in view.get("cue", "striking_verb"))]
        anchors = [cue, *view.get("trigger", "strike"), *view.get("cue", "state_striker"), *manner,
                   *([verb] if verb is not None else []), *joined]
        # "جراء غارات جوية نفذتها طائرات إسرائيلية فجر اليوم، استهدفت مستودعا ... بمدينة البوكمال": a clause
        # opening with a striking verb and no subject of its own after it goes on telling the strike
        anchors += self._continued_strike(view, anchors)
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
                     or self._across_time_aside(view, p, anchors)
                     or (cue.entry_id == "target_list" and p.tok_start > cue.tok_start))]  # "..، وأخرى في ..."
        # "شنت خمس غارات، ثلاث منها على مقرات الحشد في القائم، واثنتان على موقعين في منطقة البوكمال": the strikes
        # shared out clause by clause, each share opening with its number
        clauses = view.sentence.clauses
        shares = {view.clause_of(n.tok_start) for n in view.get("number")
                  if "و" in n.prefix and n.tok_start == clauses[view.clause_of(n.tok_start)][0]
                  and view.clause_of(n.tok_start) > min(anchor_clauses)}
        if shares:
            near += [p for p in places if p not in near and view.clause_of(p.tok_start) in shares
                     and not self._is_origin(p)]
        # "قتلى الغارات ...، بينهم 18 في مدينة البوكمال ومحيطها و5 في مدينة الميادين": the toll told place by place
        near += [p for p in places if p not in near and not self._is_origin(p) and self._toll_place(p)]
        # "استهدفت مقرات في القائم، وأخرى في مدينتي البوكمال والميادين": more sites of the same strike
        more = view.get("cue", "more_sites")
        if near:
            near += [p for p in places if p not in near and not self._is_origin(p)
                     and any(0 <= p.tok_start - c.tok_end <= 2 and c.tok_start > near[0].tok_start for c in more)]
        else:
            # "شن طيران ... عدوانا جويا على مواقع في المنطقة الشرقية، ولا سيما في مدينة البوكمال": the places
            # singled out after the strike's own words
            near = [p for p in places if not self._is_origin(p) and any(
                0 <= p.tok_start - c.tok_end <= 2 and any(a.tok_start < c.tok_start for a in anchors) for c in more)]
        # "على مواقع الميليشيات في البوكمال والميادين": a place listed with a near one is near too
        # (also with its own locality word: "في مدينة البوكمال ومحيط مدينة الميادين")
        near += [p for p in places if p not in near and (
            ("و" in p.prefix and any(0 <= p.tok_start - n.tok_end <= 1 for n in near))
            or (self.ctx.tok(p.tok_start - 1)[:1] == "و" and self.ctx.tok(p.tok_start - 1)[1:] in self.res.locality_words
                and any(0 <= p.tok_start - n.tok_end <= 2 for n in near)))]
        targets = self._best_place(near, every=True)
        if not targets:
            recent = [p for s, p in self.launch_points if view.sentence.index - s <= 2]
            if recent:
                p = recent[-1]
                targets = [Mention(p.category, p.entry_id, p.start, p.end, p.surface, p.tok_start, p.tok_end)]
        bare = [c for c in view.get("cue", "capital")
                if not any(p.tok_start in (c.tok_start, c.tok_end) for p in view.get("place"))]
        if not targets and not places and not sites and bare:
            # "وهذه ثاني ضربة أمريكية داخل العاصمة خلال أسابيع، إذ استهدفت مسيرة ... مقرا": the capital named
            # before ("العاصمة بغداد"), told again by its word alone; with none named, the capital (gazetteer
            # metonyms) of the one country the document tells of ("في منطقة أبو غريب غربي العاصمة")
            c = bare[0]
            if self.capital is not None:
                targets = [Mention("place", self.capital.entry_id, c.start, c.end, c.surface, c.tok_start, c.tok_end)]
            else:
                countries = self.doc_countries()
                capitals = [m for m in sorted(self.res.metonyms) if countries == {self.res.entries[m].country}]
                if len(capitals) == 1:
                    targets = [Mention("place", capitals[0], c.start, c.end, c.surface, c.tok_start, c.tok_end)]
        dated = any(d.precision == "day" for _t, d in view.dates) or bool(view.get("cue", "same_day"))
        # "وردت القوات الأميركية بمروحيات هجومية ... فدمرت ثلاث مركبات": an answer with no day of its own answers
        # the attack told in the three sentences before, on its day and in its country
        answered = None
        # (so does one told right after that attack, "وعقب الهجوم، قصفت القوات الأمريكية بالمدفعية بلدة ...")
        after = any(self.ctx.tok(t.tok_start - 1) in self.res.words.anchor_words and t.tok_start < cue.tok_start
                    for t in view.get("trigger", "attack"))
        if not dated and ((verb or cue).surface.startswith(self.res.words.response_words) or after):
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
            if loc is None and frame.country_ev is not None and frame.country_ev.category == "country" \
                    and cue.surface.startswith(self.res.words.response_words) \
                    and frame.country_ev.tok_start > cue.tok_start and self._answered_place(view, frame.country_ev, anchors):
                continue  # "ردا على الهجمات الأخيرة ضد الأمريكيين في العراق": the answered attacks' country
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

    def _continued_strike(self, view: SentenceView, anchors: list[Mention]) -> list[Mention]:
        """Striking verbs (cues striking_verb) that open the clause right after a clause of the strike's own
        words, with no actor right after them (not "، استهدفت الفصائل بعدها قاعدة ...": a subject of its
        own tells another event)."""
        clauses = view.sentence.clauses
        told = {view.clause_of(a.tok_start) for a in anchors}
        actors = {a.tok_start for a in view.get("actor")}
        return [c for c in view.get("cue", "striking_verb")
                if c.tok_start == clauses[view.clause_of(c.tok_start)][0] and view.clause_of(c.tok_start) - 1 in told
                and c.tok_end not in actors and " " not in c.surface]


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
    # "محكمة تواصل محاكمة متهمين بالهجوم على مطار أربيل" over a body that dates that attack a year back: an
    # undated headline event is the history the body tells, no event of the story
    # (so is an undated event the body tells only in that clause of history: "بعد أيام من محاكمة متهمين بهجوم
    # استهدف مطار أربيل في آذار من العام الماضي")
    merged = [f for f in merged if not (f.date is None and f.loc is not None and f.loc.entry_id in builder.history_places
                                        and not any(g is not f and g.loc is not None and g.loc.entry_id == f.loc.entry_id
                                                    for g in merged))]
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


