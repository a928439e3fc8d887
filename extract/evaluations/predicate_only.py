"""Named entities given a predicate with no score.

The shapes news uses, each read within one clause (`segments.clauses`):

1. a list after an introducing word, the group's predicate before it: "4 kementerian tergolong
   zona kuning, yaitu A, B dan C", "zona hijau ditempati A, B", "Predikat BB diraih oleh A";
   an item with its own label keeps it ("Pemkab Bandung (A), Pemkot Semarang (BB)");
2. an entity, an award word, then the predicate: "Kabupaten OKI meraih predikat zona hijau"; or
   an entity said to be one of the group a relative clause labels: "Kabupaten X menjadi
   satu-satunya daerah di NTT yang meraih zona hijau";
3. one line of a bulleted list under a header that names the predicate (`list_labels`);
4. entities each followed by their own label in a sentence about an award or a scheme:
   'Pemprov Sultra meraih "BB", Pemkot Kendari "A", dan Pemkab Konawe "B"';
5. a clause that names no one continues the entity of the clause before: 'Pemkab Bombana
   meraih predikat SAKIP "B" sedangkan indeks RB "CC"';
6. a list named before its predicate, which a later sentence gives to the group: "Kelima
   provinsi itu ialah A, B … . … kelima provinsi tersebut tergolong kategori kurang inovatif",
   "… menilai A, B dan C. Ketiganya meraih zona hijau" (the count must agree);
7. one entity's history, a label per time: "dua tahun lalu masih di kategori Cukup, lalu pada
   tahun 2019 naik dengan predikat Baik, dan tahun 2020 berubah menjadi Sangat Baik";
8. a sentence headed by a label, then only names: "Untuk zona merah, Kabupaten Bone dan
   Kabupaten Wajo.";
9. an entity given the label of the one before: "…, disusul Kabupaten Pinrang dengan predikat
   yang sama";
10. bodies of a sentence opening on "likewise": "Begitu pula Kabupaten Takalar dan Kota Makassar.",
    or said to get the same: "Kabupaten Takalar juga mendapatkan predikat yang sama.", "Kota
    Makassar pun demikian.";
11. bodies together with one given a label: "Kabupaten X masuk zona hijau bersama Kabupaten Y";
12. a body named as what its label makes it: "Komisi Informasi menetapkan Pemkab Poso sebagai
    badan publik Informatif", "Pemkab Poso dinobatkan oleh Komisi Informasi sebagai …";
13. a group given a label by its number, then named: "Dua OPD Pemkot Kendari Raih Zona Hijau" —
    "Dinas Sosial dan Dinas Kesehatan Kota Kendari menerima penghargaan …" (the count must agree);
14. a group's members in brackets after its label: "tiga daerah masuk zona merah (Kabupaten
    Ende, Kabupaten Sikka dan Kota Kupang)";
15. the label a change started from, as the body's earlier state: "naik dari zona kuning ke
    zona hijau" gives zona hijau for the round and zona kuning with no year, as "naik dari 72
    menjadi 85" gives both values;
16. what the one who speaks says "we" got: '"Tahun ini kita kembali meraih zona hijau," kata
    Bupati Lembata' (the speaker's office, the only body the sentence names, after the speech verb);
17. the next body after a continuation word, with only its own year: "Pengadilan Negeri X meraih
    predikat WBK tahun 2021, disusul Pengadilan Agama X pada 2022".

A predicate that is negated ("tak satu pun … meraih zona hijau"), that refers back to one
already given ("Predikat Baik ini …"), or that heads a list of kinds of bodies ("tujuh
kategori, yaitu Kementerian, LNS …") gives no record. Pure.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..records import Evaluation
from .attachment import coordinated
from .attributes import (compared_time, local_region, only_year_said, opens_on_earlier_time, scheme_of_record_labels,
                         year_at, year_near)
from .context import round_of_list
from .numbers import YEAR_TOKEN, count_of
from .predicates import conflicting, labels_of
from .quotes import char_span
from .segments import is_list_line, list_intro, opens_on_told_result

SEPARATORS = ("–", "-", "—", ":", "=")   # between a list line's name and its label

# the group's predicate stands at most this many tokens before the word that opens its list
LEAD_IN_REACH = 10
# the most tokens from a body's name to the award word that gives it its label
SUBJECT_REACH = 8
# the most tokens that may stand between two entities of one enumeration
ENUMERATION_GAP = 12
# how many sentences a list named without its predicate waits for one ("Kelima provinsi tersebut …")
PENDING_LIST_REACH = 2


def predicate_only_records(vocab, reading, text, context, list_labels=None) -> list[Evaluation]:
    doc = reading.doc
    if not reading.labels and doc.user_data.get("talks_about_a_label"):
        return []  # "memberikan sosialisasi tentang zona kuning kepada Kabupaten X": about a label, given none
    # (each label, the label a change starting from it went to, or None)
    changes = [(f, _changed_to(vocab, doc, f, reading.labels)) for f in reading.labels]
    items = [f for f, changed_to in changes if changed_to is None and not _left(vocab, doc, f)]
    # (mention, labels, anchor token, rule, clause no.): one assignment per entity and clause
    assigned: dict[tuple, tuple] = {}

    def give(mention, labels, anchor, rule, clause):
        key = (mention.start, clause)
        if key in assigned and assigned[key][3] == rule == "predicate_only.award_cue":
            if conflicting(vocab, [*assigned[key][1], *labels]):
                # "yang meraih WBK pada 2021 kini meraih predikat WBBM …": two awards of one
                # body, each its own record with its own year
                assigned.setdefault((mention.start, clause, anchor), (mention, list(labels), anchor, rule, clause))
            else:
                assigned[key][1].extend(labels)
        elif labels:
            assigned.setdefault(key, (mention, list(labels), anchor, rule, clause))

    history = _history(vocab, reading)  # 7.
    if history:
        for mention, item in history:
            give(mention, labels_of(doc, [item]), item.start, "predicate_only.history", item.start)
        return _records(vocab, reading, text, context, assigned)
    if list_labels:  # 3.
        for mention in reading.parties:
            give(mention, list(list_labels), None, "predicate_only.bulleted_list", 0)
    for number, (start, end) in enumerate(reading.clauses):
        in_clause = [m for m in reading.parties if start <= m.start < end]
        own = [f for f in items if start <= f.start < end]
        _listed(vocab, reading, context, start, end, in_clause, own, number, give)  # 1.
        if any(t.lower_ in vocab.award_cues for t in doc[start:end]) or any(start <= c < end for c, _ in reading.cues) \
                or _elides_award(vocab, doc, start) or (any(context.schemes.values()) and (
                    is_list_line(reading.sentence.of(text)) or _names_and_labels_only(vocab, reading))):
            for mention in in_clause:  # 4.
                mine = _own_label_run(vocab, doc, own, mention)
                give(mention, labels_of(doc, mine), mine[0].start if mine else None, "predicate_only.own_label", number)
        runs = _label_runs(vocab, doc, own)
        for item in own:  # 2.
            run = next((r for r in runs if item in r), None)
            mention = _awarded(vocab, reading, start, in_clause, run[0] if run else item)
            group = coordinated(vocab, doc, reading, mention) if mention else []
            if run and len(group) > 1:
                # "A, B dan C masing-masing meraih predikat A, A- dan B": in order, or not at all
                if len(group) == len(run):
                    each = group[run.index(item)]
                    give(each, labels_of(doc, [item]), item.start, "predicate_only.respectively", number)
                continue
            # "Wilayah Bebas dari Korupsi (WBK)": the label and its short form said together
            restated = [f for f in own if f.start == item.end + 1 and doc[item.end].text == "("]
            for each in coordinated(vocab, doc, reading, mention) if mention else ():
                give(each, labels_of(doc, [item, *restated]), item.start, "predicate_only.award_cue", number)
        if own and not in_clause and number and list_intro(vocab, doc, start, end) is None:  # 5.
            before = {assigned[key][0].entity_name(None)[0]: assigned[key][0] for key in assigned if key[1] == number - 1}
            if len(before) == 1 and not _negated(vocab, doc, start, own[0].start):
                give(next(iter(before.values())), labels_of(doc, own), own[0].start, "predicate_only.clause_ellipsis", number)
    _fronted_award(vocab, reading, items, give)  # 2b.
    _group_back_reference(vocab, reading, context, items, give)  # 6.
    _headed(vocab, reading, items, give)  # 8.
    _same_as_before(vocab, reading, assigned, give)  # 9.
    _named_as(vocab, reading, items, give)  # 12.
    _bracketed_list(vocab, reading, items, give)  # 14.
    if not items:
        _counted_group_named(vocab, reading, context, give)  # 13.
    if not assigned:
        _likewise(vocab, reading, context, give)  # 10.
    else:
        _likewise_after_comma(vocab, reading, assigned, give)  # 10.
        _together_with(vocab, reading, assigned, give)  # 11.
    if not assigned:
        _the_speakers_own(vocab, reading, items, give)  # 16.
    _changed_from(reading, changes, assigned, give)  # 15.
    _continued_with_its_year(vocab, reading, assigned, give)  # 17.
    return _records(vocab, reading, text, context, assigned)


def _records(vocab, reading, text, context, assigned) -> list[Evaluation]:
    doc = reading.doc
    records = []
    given_at = Counter(anchor for _, _, anchor, _, _ in assigned.values())  # how many bodies each label went to
    for mention, labels, anchor, rule, _ in assigned.values():
        labels = list(dict.fromkeys(labels))
        scheme, scheme_rule = scheme_of_record_labels(vocab, labels, reading,
                                                      anchor if anchor is not None else mention.start, text, context)
        name, region = mention.entity_name(local_region(context))
        label_end = next((f.end for f in reading.labels if f.start == anchor), (anchor or 0) + 1)
        if mention.foreign:  # named in an earlier sentence: the quote is this sentence's label
            lo, hi = anchor, label_end
        else:
            lo, hi = (mention.start, mention.end) if anchor is None else (min(mention.start, anchor), max(mention.end, label_end))
        start_char, end_char = char_span(reading.sentence, doc, lo, hi)
        own = {f.start for f in reading.labels if labels_of(doc, [f])[0] in labels}
        if rule == "predicate_only.history":
            year = _history_year(vocab, reading, anchor, context)
        elif rule == "predicate_only.respectively":
            # the year after the run is said of every pair
            year = only_year_said(vocab, doc) or year_near(vocab, doc, mention, reading.mentions,
                                                           list(reading.label_starts), own, context)
        elif rule == "predicate_only.changed_from":
            year = None  # the round before, which the change does not name
        else:
            year = year_near(vocab, doc, mention, reading.mentions, list(reading.label_starts), own, context)
        told = context.last_result
        if told is not None and told.entity == name and opens_on_told_result(vocab, doc):
            compared = compared_time(vocab, doc)
            if compared is not None and compared[0] < (anchor if anchor is not None else mention.start):
                # "Nilai itu naik dibanding tahun 2021, ketika Pemprov X masih tergolong zona
                # merah": the state of the time compared with, not of that result's round
                year = compared[1]
            else:
                year = told.year  # "Dengan capaian itu, Pemkab X masuk zona merah": that result's round
        context.last_labels = (tuple(labels), reading.number)
        record = Evaluation(
            entity=name, entity_as_written=mention.written, region=region.name if region else None,
            scheme=scheme, score=None, scale_max=None, predicate=tuple(labels), year=year, rank=None,
            quote=text[start_char:end_char], start=start_char, end=end_char,
            rule_ids=(rule, mention.rule, scheme_rule) + (
                ("predicate_only.earlier_time",) if opens_on_earlier_time(vocab, doc) else ()),
        )
        # "A dan B meraih predikat Informatif pada 2022 dan 2023": both, or one each? No run is read
        shared = given_at[anchor] > 1
        years = _years_held(vocab, doc, label_end) if rule != "predicate_only.changed_from" and not shared else []
        records.extend([replace(record, year=held, rule_ids=record.rule_ids + ("year.each_of_a_run",))
                        for held in years] or [record])
    return records


YEARS_HELD_GAP = 8  # tokens between a label and the run of years it was held in ("zona hijau tiga kali berturut-turut, yakni pada 2021, …")


def _before_years_held(vocab, token) -> bool:
    """What may stand between a label and the years it was held in: "pada", "yakni", "(", how often
    ("tiga kali berturut-turut")."""
    word = token.lower_
    return word in vocab.year_lead_words or word in vocab.copulas or token.text in ",(-" \
        or word in vocab.lex["frequency_words"] or word in vocab.lex["time_nouns"] or count_of(vocab, token) is not None \
        or any(word.startswith(w) or word == "turut" for w in vocab.lex["respective_words"])


def _years_held(vocab, doc, label_end: int) -> list[int]:
    """"meraih zona hijau pada 2021, 2022 dan 2023", "predikat WBK (2022 dan 2023)": a label held
    in each of a run of years right after it is a record per year; one year alone is the
    record's own, read as any other."""
    first = next((t.i for t in doc[label_end:label_end + YEARS_HELD_GAP + 1] if YEAR_TOKEN.match(t.text)), None)
    if first is None or not all(_before_years_held(vocab, t) for t in doc[label_end:first]):
        return []
    run = [doc[first]]
    k = first + 1
    while k + 1 < len(doc) and (doc[k].text == "," or doc[k].lower_ in vocab.coordinators):
        step = k + 1 if doc[k + 1].lower_ not in vocab.coordinators else k + 2  # ", dan 2023"
        if step >= len(doc) or not YEAR_TOKEN.match(doc[step].text):
            break
        run.append(doc[step])
        k = step + 1
    return [int(t.text) for t in run] if len(run) > 1 else []


# ---------------------------------------------------------------------------------------------
# The shapes

def _listed(vocab, reading, context, start, end, in_clause, own, number, give) -> None:
    """1. A list after an introducing word, with the group's label before the intro or an
    item's own label after its name; a list with no label waits for one (shape 6)."""
    doc = reading.doc
    heads = _labelled_intros(vocab, doc, own, end)
    if len(heads) > 1:
        # "zona hijau yakni A dan B, zona kuning yakni C dan D, dan zona merah yakni E": a group
        # per label and its introducer, each read as a list of its own
        bounds = [*heads, end]
        for k, head in enumerate(heads):
            lo, hi = head, bounds[k + 1]
            _listed(vocab, reading, context, lo, hi, [m for m in in_clause if lo <= m.start < hi],
                    [f for f in own if lo <= f.start < hi], number, give)
        return
    intro = list_intro(vocab, doc, start, end)
    if intro is not None and not any(f.end <= intro for f in own):
        # "Penilaian kepatuhan 2018: zona hijau diraih A, B …": the colon named the topic, the
        # list opens at the next introducer, after its label
        after_label = next((f.end for f in own if f.start > intro), None)
        restated = next((f for f in own if after_label is not None and f.start == after_label + 1), None)
        if restated is not None and doc[after_label].text == "(" and restated.end < len(doc) \
                and doc[restated.end].text == ")":
            after_label = restated.end + 1  # "zona hijau (kualitas tertinggi) diraih …"
        later = list_intro(vocab, doc, after_label, end) if after_label is not None else None
        intro = later if later is not None and later - after_label <= 2 else intro
    if intro is None or _lists_kinds(vocab, doc, own, intro):
        return
    lead = [f for f in own if f.end <= intro and intro - f.end <= LEAD_IN_REACH and not _refers_back(vocab, doc, f, intro)]
    labels = labels_of(doc, lead)
    listed = _enumerated(vocab, doc, [m for m in in_clause if m.start > intro], intro)
    # a clause with labels of its own borrows none ("PRESTASI : Pj Gubernur X menerima penghargaan
    # predikat hijau kategori A …" under a headline of other labels)
    if not labels and context.category and context.sentence_no - context.category[1] <= 2 \
            and not own and not _assessed_only(vocab, doc, start, intro, context, listed):
        labels = list(context.category[0])
    # "…, yaitu A, B, dan C, tidak ikut dinilai": a list the clause then says was not given it
    if not listed or _negated(vocab, doc, start, intro) or _negated(vocab, doc, listed[-1].end, min(end, listed[-1].end + 4)):
        return
    if not labels and not any(_own_labels(vocab, doc, own, m) for m in listed):
        if len(listed) > 1:
            context.pending_list = (tuple(listed), reading.number)
        return
    for mention in listed:
        give(mention, _own_labels(vocab, doc, own, mention) or labels, lead[0].start if lead else None,
             "predicate_only.list_after_intro", number)


def _assessed_only(vocab, doc, start: int, intro: int, context, listed) -> bool:
    """"Ombudsman juga menilai tiga kabupaten lain, yakni A, B dan C": a list of the bodies assessed
    is no list of the category an earlier sentence named, unless that sentence counted as many or
    gave it to all ("Empat pemerintah daerah … seluruhnya mendapat predikat X. Adapun yang dinilai
    ialah A, B, C, D")."""
    if not any(t.lower_ in vocab.lex["assessing_verbs"] for t in doc[start:intro]):
        return False
    counted = context.counted_label
    return not (counted and counted[0] == context.category[0] and (counted[1] == len(listed) or counted[3]))


def _labelled_intros(vocab, doc, own, end: int) -> list[int]:
    """Starts of the labels right followed by a list introducer ("zona kuning yakni …")."""
    return [f.start for f in own if list_intro(vocab, doc, f.end, min(end, f.end + 2)) is not None]


def _awarded(vocab, reading, start, in_clause, item):
    """2. The entity an award word ties a label to: "Kabupaten OKI meraih predikat zona hijau"."""
    doc = reading.doc
    cue = _award_cue(vocab, doc, start, item)
    if cue is None:
        return None
    member = [m for m in in_clause if m.end <= cue and _one_of_the_group(vocab, doc, m.end, cue)]
    if member:
        between = any(m.start > member[-1].end and m.end <= item.start for m in reading.parties)
        return None if between else member[-1]
    before = [m for m in in_clause if m.end <= cue and _subject_reach(doc, m.end, cue) <= SUBJECT_REACH]
    if not before or any(m.start > before[-1].end and m.end <= item.start for m in reading.parties):
        return None  # another party stands between: the label is its ("Kabupaten Badung, Bali, memperoleh" is not)
    if any(((t.like_num and not YEAR_TOKEN.match(t.text)) or t.lower_ in vocab.anaphor_group_words)
           and not (t.i and doc[t.i - 1].lower_ in vocab.rank_cues)  # "meraih peringkat kedua, kategori …": a rank
           and not _how_often(vocab, doc, t.i)
           for t in doc[before[-1].end:cue]):
        return None  # "Kanwil X berhasil mengantarkan lima satuan kerja meraih WBK": the group got it (a year is no count)
    return before[-1]


def _continued_with_its_year(vocab, reading, assigned, give) -> None:
    """17. "X meraih predikat WBK tahun 2021, disusul Y pada 2022.": the sentence ends on a comma, a
    continuation word, one body and its year, nothing else; the body takes the label the one
    award of the sentence gave, with that year."""
    doc = reading.doc
    given = list(assigned.values())
    if len(given) != 1 or not reading.parties:
        return
    last = reading.parties[-1]
    k = last.start
    if last is given[0][0] or k < 2 or doc[k - 1].lower_ not in vocab.lex["continuation_words"] or doc[k - 2].text != ",":
        return
    words = [t for t in doc[last.end:] if not t.is_punct]
    if not (words and YEAR_TOKEN.match(words[-1].text) and all(w.lower_ in vocab.year_lead_words for w in words[:-1])):
        return
    give(last, list(given[0][1]), given[0][2], "predicate_only.continued_with_its_year", -5)


def _how_often(vocab, doc, k: int) -> bool:
    """"Pemkab X tiga kali berturut-turut meraih …", "selama dua tahun meraih …": a number of times
    or years, not of bodies."""
    return k + 1 < len(doc) and (doc[k + 1].lower_ in vocab.lex["frequency_words"] or doc[k + 1].lower_ in vocab.lex["time_nouns"])


def _award_cue(vocab, doc, floor: int, item) -> int | None:
    """The award word nearest before a label (or the label's own cue), from `floor` on, unless
    the award is denied ("belum meraih zona hijau")."""
    cue = next((t.i for t in reversed(doc[max(floor, item.start - 6):item.start + 1]) if t.lower_ in vocab.award_cues),
               None)
    if cue is None or _negated(vocab, doc, max(floor, cue - 4), item.start):
        return None
    return cue


MEMBERSHIP_REACH = 14  # tokens from a name to the award word of the group it is said to be one of


def _one_of_the_group(vocab, doc, name_end: int, cue: int) -> bool:
    """"Kabupaten X menjadi satu-satunya daerah di NTT yang meraih …", "… termasuk dalam 12 daerah
    yang meraih …": the name is said to be one of a group, and a relative clause gives the group
    the label."""
    which = next((t.i for t in reversed(doc[name_end:cue]) if t.lower_ == "yang"), None)
    if which is None or cue - name_end > MEMBERSHIP_REACH \
            or any(t.is_punct and t.text != "-" for t in doc[name_end:cue]) \
            or not all(t.lower_ in vocab.award_cues for t in doc[which + 1:cue]):
        return False
    said = " " + doc[name_end:which].text.lower().replace(" - ", "-") + " "
    return any(said.startswith(f" {opener} ") for opener in vocab.lex["membership_openers"])


def _subject_reach(doc, name_end: int, cue: int) -> int:
    """Tokens from a name to its award word, a relative clause set off by commas aside: in "Kota
    Kupang, yang tahun lalu berada di zona kuning, kini meraih zona hijau" the city is the subject."""
    if name_end + 1 < cue and doc[name_end].text == "," and doc[name_end + 1].lower_ == "yang":
        close = next((k for k in range(cue - 1, name_end + 1, -1) if doc[k].text == ","), None)
        if close is not None:
            return cue - close
    return cue - name_end


def _names_and_labels_only(vocab, reading) -> bool:
    """"Polres Batang: A- (Sangat Baik)": a line of a list that holds nothing but names and labels."""
    held = {i for span in (*reading.parties, *reading.labels) for i in range(span.start, span.end)}
    return bool(reading.parties) and bool(reading.labels) and all(
        t.i in held or t.is_punct or t.text in SEPARATORS or t.lower_ in vocab.coordinators for t in reading.doc)


def _label_runs(vocab, doc, items) -> list[list]:
    """Labels one after another with only list separators between ("predikat A, A- dan B")."""
    runs, current = [], []
    for item in items:
        if current and all(t.lower_ in vocab.coordinators for t in doc[current[-1].end:item.start]) \
                and item.start > current[-1].end and conflicting(vocab, labels_of(doc, [current[-1], item])):
            current.append(item)
        else:
            if len(current) > 1:
                runs.append(current)
            current = [item]
    if len(current) > 1:
        runs.append(current)
    return runs


def _elides_award(vocab, doc, start: int) -> bool:
    """"…, sedangkan Kabupaten Bone masih rapor merah": a contrasting clause leaves out the award
    word of the clause before it."""
    return start > 0 and doc[start].lower_ in vocab.clause_connectors \
        and any(t.lower_ in vocab.award_cues for t in doc[:start])


def _group_back_reference(vocab, reading, context, items, give) -> None:
    """6. "… kelima provinsi tersebut tergolong kategori kurang inovatif": a group pointed back
    at with its number takes the label for the list an earlier sentence named without one."""
    pending = context.pending_list
    if not pending or reading.parties or not items or reading.number - pending[1] > PENDING_LIST_REACH:
        return
    doc = reading.doc
    pointer = next((t.i for t in doc[:items[0].start] if group_pointer(vocab, doc, t) in (len(pending[0]), ALL)), None)
    if pointer is None or not any(t.lower_ in vocab.award_cues for t in doc[pointer:items[0].start + 1]):
        return
    for mention in pending[0]:
        give(replace(mention, foreign=True), labels_of(doc, items[:1]), items[0].start,
             "predicate_only.group_back_reference", 0)
    context.pending_list = None


def _headed(vocab, reading, items, give) -> None:
    """8. "Untuk zona merah, Kabupaten Bone dan Kabupaten Wajo.": a sentence that opens on a
    label and a comma, then only names, lists the label's group."""
    doc = reading.doc
    if not items or items[0].start > 2 or items[0].end >= len(doc) or doc[items[0].end].text != ",":
        return
    if any(t.lower_ not in vocab.lex["lead_in_words"] for t in doc[:items[0].start]):
        return
    rest = doc[items[0].end + 1:]
    names = [m for m in reading.parties if m.start > items[0].end]
    named = {i for m in names for i in range(m.start, m.end)}
    if names and all(t.i in named or t.lower_ in vocab.coordinators or t.is_punct for t in rest):
        for mention in names:
            give(mention, labels_of(doc, items[:1]), items[0].start, "predicate_only.headed_list", 0)


def _same_as_before(vocab, reading, assigned, give) -> None:
    """9. "…, disusul Kabupaten Pinrang dengan predikat yang sama": an entity said to share the
    label of the one before it in the sentence."""
    doc, said = reading.doc, " ".join(t.lower_ for t in reading.doc)
    if not any(phrase in said for phrase in vocab.lex["same_label_phrases"]):
        return
    given = sorted(assigned.values(), key=lambda a: a[0].start)
    for mention in reading.parties:
        before = [a for a in given if a[0].end <= mention.start]
        after = " ".join(t.lower_ for t in doc[mention.end:mention.end + 5])
        if before and any(after.startswith(p) or after.startswith("dengan " + p) for p in vocab.lex["same_label_phrases"]):
            give(mention, before[-1][1], before[-1][2], "predicate_only.same_as_before", before[-1][4])


def counted_pronoun(vocab, word: str) -> int | None:
    """"keduanya", "ketiganya": the N of them (an ordinal and "-nya")."""
    return vocab.lex["ordinals"].get(word[:-3]) if word.endswith("nya") else None


ALL = -1  # a group pointed back at whole, with no count ("semuanya", "para kepala daerah tersebut")


def group_pointer(vocab, doc, token) -> int | None:
    """How many bodies told before the token points back at: "keduanya" 2; "ketiga daerah
    tersebut", "ke-3 kabupaten tersebut", "3 kabupaten itu", "tiga daerah tersebut" 3;
    "semuanya", "seluruh daerah tersebut" ALL; None if it points at no group."""
    word = token.lower_
    if word in vocab.lex["all_of_them"]:
        return ALL
    counted = counted_pronoun(vocab, word)
    if counted is not None:
        return counted
    demonstrated = any(t.lower_ in vocab.demonstratives for t in doc[token.i + 1:token.i + 4])
    if not demonstrated:
        return None
    if word in vocab.lex["ordinals"]:
        return vocab.lex["ordinals"][word]
    if word in vocab.lex["number_words"]:
        return vocab.lex["number_words"][word]
    if word.isdigit():  # "ke-3 kabupaten tersebut", "3 kabupaten itu"
        return int(word)
    return ALL if word in vocab.anaphor_group_words else None


def _likewise(vocab, reading, context, give) -> None:
    """10. "… Kabupaten Gowa meraih zona hijau. Begitu pula Kabupaten Takalar dan Kota Makassar.":
    the bodies of a sentence that opens on "likewise" share the label the sentence before gave."""
    said = " ".join(t.lower_ for t in reading.doc[:3])
    told = context.last_labels
    # "… Kabupaten Ende dan Kabupaten Sikka juga mendapatkan predikat yang sama.": said after them
    after = " " + " ".join(t.lower_ for t in reading.doc[reading.parties[-1].end:]) + " " if reading.parties else ""
    if told and reading.number - told[1] <= 1 and reading.parties and not reading.labels \
            and (any(said.startswith(phrase) for phrase in vocab.lex["likewise_phrases"])
                 or any(f" {phrase} " in after
                        for phrase in [*vocab.lex["same_label_phrases"], *vocab.lex["likewise_after"]])) \
            and not _negated(vocab, reading.doc, 0, len(reading.doc)):
        for mention in reading.parties:
            give(mention, list(told[0]), None, "predicate_only.likewise", 0)


def _fronted_award(vocab, reading, items, give) -> None:
    """2b. "Setelah meraih WBK tahun 2021, Polres X tahun 2023 berhasil meraih WBBM.": a
    sentence opening on a time word and an award names its receiver after the comma."""
    doc = reading.doc
    if not len(doc) or doc[0].lower_ not in vocab.lex["fronted_time_words"]:
        return
    comma = next((t.i for t in doc if t.text == ","), None)
    if comma is None or not any(t.lower_ in vocab.lex["receiving_verbs"] for t in doc[1:comma]):
        return
    fronted = [f for f in items if f.end <= comma]
    receiver = next((m for m in reading.parties if m.start > comma), None)
    if fronted and receiver is not None and not any(m.start < comma for m in reading.parties):
        give(receiver, labels_of(doc, fronted), fronted[0].start, "predicate_only.fronted_award", -2)


def _likewise_after_comma(vocab, reading, assigned, give) -> None:
    """10. "Kabupaten Buton meraih zona hijau, begitu pula Kabupaten Muna.": the bodies after a
    "likewise" in the sentence share the one label given before it."""
    doc = reading.doc
    words = [t.lower_ for t in doc]
    for phrase in vocab.lex["likewise_phrases"]:
        parts = phrase.split()
        at = next((i for i in range(1, len(doc) - len(parts) + 1)
                   if words[i:i + len(parts)] == parts and doc[i - 1].text == ","), None)
        if at is None:
            continue
        after = [m for m in reading.parties if m.start >= at + len(parts)]
        if not after or any(f.start >= at for f in reading.labels):
            return
        before = {tuple(labels) for mention, labels, *_ in assigned.values() if mention.end <= at}
        if len(before) == 1:
            for mention in after:
                give(mention, list(next(iter(before))), None, "predicate_only.likewise", -1)
        return


def _together_with(vocab, reading, assigned, give) -> None:
    """11. "Kabupaten Bone masuk zona hijau bersama Kabupaten Wajo dan Kota Parepare", "Kabupaten
    Bone, bersama Kabupaten Wajo, masuk zona hijau": bodies said to be together with one given a
    label by an award word share that label."""
    doc, together = reading.doc, vocab.lex["together_words"]
    for mention, labels, anchor, rule, clause in list(assigned.values()):
        if rule not in ("predicate_only.award_cue", "predicate_only.own_label") or anchor is None:
            continue
        label_end = max((f.end for f in reading.labels if f.start >= anchor and labels_of(doc, [f])[0] in labels),
                        default=len(doc))
        # the label, "bersama", the others
        if label_end < len(doc) and doc[label_end].lower_ in together:
            first = next((m for m in reading.parties if m.start in (label_end + 1, label_end + 2)), None)
            for other in coordinated(vocab, doc, reading, first) if first is not None else ():
                give(other, list(labels), anchor, "predicate_only.together_with", clause)
        # the one given it, ", bersama" the other, "," before the verb: the subject shares it
        k = mention.start
        if k > 2 and doc[k - 1].lower_ in together and doc[k - 2].text == ",":
            subject = reading.mention_ending.get(k - 2)
            if subject is not None and not subject.comparison:
                give(subject, list(labels), anchor, "predicate_only.together_with", clause)


def counted_group(vocab, doc, end: int) -> int | None:
    """"Dua OPD Pemkot Kendari raih zona hijau", "Sebanyak tiga puskesmas meraih WBK": the number of
    a group of bodies of a kind, said before `end`; a year is no count."""
    for token in doc[:end]:
        count = count_of(vocab, token)
        if count and count > 1 and any(t.lower_ in vocab.count_nouns for t in doc[token.i + 1:token.i + 3]):
            return count
    return None


def _bracketed_list(vocab, reading, items, give) -> None:
    """14. "tiga daerah masuk zona merah (Kabupaten Ende, Kabupaten Sikka dan Kota Kupang)": the
    names in a bracket right after a label that an award word gave a group are its members; the
    bracket holds nothing but names and separators."""
    doc = reading.doc
    for item in items:
        if item.end >= len(doc) or doc[item.end].text != "(":
            continue
        close = next((t.i for t in doc[item.end + 1:] if t.text == ")"), None)
        inside = [m for m in reading.parties if close is not None and item.end < m.start and m.end <= close]
        held = {i for m in inside for i in range(m.start, m.end)}
        cued = any(t.lower_ in vocab.award_cues for t in doc[max(0, item.start - 4):item.start + 1])
        if not inside or not cued or not all(
                t.i in held or t.text == "," or t.lower_ in vocab.coordinators for t in doc[item.end + 1:close]):
            continue
        for mention in inside:
            give(mention, labels_of(doc, [item]), item.start, "predicate_only.bracketed_list", -4)


def _counted_group_named(vocab, reading, context, give) -> None:
    """13. The bodies of a group given a label by its number only, named by a later sentence that
    tells of their award but names no label of its own: as many as the number said, or none."""
    told = context.counted_label
    if not told or reading.number - told[2] > PENDING_LIST_REACH or not reading.parties:
        return
    doc = reading.doc
    group = coordinated(vocab, doc, reading, reading.parties[0])
    if len(group) != told[1] or len(reading.parties) != told[1] or _negated(vocab, doc, 0, len(doc)) \
            or not any(t.lower_ in vocab.award_cues or t.lower_ in vocab.lex["award_nouns"]
                       for t in doc[group[-1].end:]):
        return
    for mention in group:
        give(mention, list(told[0]), None, "predicate_only.counted_group_named", 0)
    context.counted_label = None


# at most this many words (a kind of body: "badan publik", "daerah") between "sebagai" and its label
NAMED_AS_REACH = 3


def _named_as(vocab, reading, items, give) -> None:
    """12. "Komisi Informasi menetapkan Pemkab Poso sebagai badan publik Informatif": the one
    body between a naming verb and "sebagai" is named by the label after it; after a passive
    one ("Pemkab Poso ditetapkan oleh Komisi Informasi sebagai …") the body before the verb."""
    doc, naming = reading.doc, vocab.lex["naming_verbs"]
    for item in items:
        as_word = next((t.i for t in reversed(doc[max(0, item.start - NAMED_AS_REACH - 1):item.start])
                        if t.lower_ in vocab.lex["as_words"]), None)
        if as_word is None or any(as_word < m.start < item.start for m in reading.parties) \
                or _negated(vocab, doc, max(0, as_word - 6), item.start):
            continue
        clause = next((c for c in reading.clauses if c[0] <= as_word < c[1]), (0, len(doc)))
        verb = next((t for t in reversed(doc[clause[0]:as_word])
                     if t.lower_ in naming["active"] or t.lower_ in naming["passive"]), None)
        if verb is None:
            continue
        if verb.lower_ in naming["active"]:
            named = [m for m in reading.parties if verb.i < m.start and m.end <= as_word]
        else:
            named = [m for m in reading.parties if m.end <= verb.i and verb.i - m.end <= 3][-1:]
        if len(named) == 1:
            give(named[0], labels_of(doc, [item]), item.start, "predicate_only.named_as", -3)


SPEAKER_REACH = 4  # tokens from the speech verb to the speaker's office ("kata Kepala Dinas Kesehatan X")


def _the_speakers_own(vocab, reading, items, give) -> None:
    """16. '"Alhamdulillah, tahun ini kami kembali meraih zona hijau," ujar Kepala Dinas X': the
    first person who got the label before the speech verb is the speaker's office after it."""
    doc = reading.doc
    verb = next((t.i for t in doc if t.lower_ in vocab.lex["speech_verbs"]), None)
    if verb is None or len(reading.parties) != 1:
        return
    speaker = reading.parties[0]
    if not verb < speaker.start <= verb + SPEAKER_REACH:
        return
    said = [f for f in items if f.end <= verb]
    if not said:
        return
    cue = _award_cue(vocab, doc, 0, said[0])
    if cue is None:
        return
    we = next((t for t in reversed(doc[max(0, cue - SUBJECT_REACH):cue])
               if t.lower_ in vocab.lex["first_person"]), None)
    # "kita kembali meraih …", not "Kita harus belajar dari daerah yang meraih …"
    if we is not None and all(t.lower_ in vocab.lex["subject_adverbs"] or t.lower_ in vocab.award_cues
                              for t in doc[we.i + 1:cue]):
        give(speaker, labels_of(doc, said[:1]), said[0].start, "predicate_only.speakers_own", -4)


def _changed_from(reading, changes, assigned, give) -> None:
    """15. The label a change started from goes to the body given the label it changed to, as
    a record of its own; none if that label went to no one body."""
    for item, changed_to in changes:
        if changed_to is None:
            continue
        bodies = {a[0].start: a[0] for a in list(assigned.values()) if a[2] == changed_to.start}
        if len(bodies) == 1:
            mention = next(iter(bodies.values()))
            give(mention, labels_of(reading.doc, [item]), item.start, "predicate_only.changed_from",
                 ("from", item.start))


def _history(vocab, reading) -> list[tuple]:
    """7. One entity, then two or more labels each said with its own time (a year, or "dua
    tahun lalu"): the entity's history, a record per label."""
    if len(reading.parties) != 1 or len(reading.labels) < 2:
        return []
    mention = reading.parties[0]
    later = [f for f in reading.labels if f.start >= mention.end]
    if len(later) < 2 or _history_times(vocab, reading, later) is None:
        return []
    return [(mention, f) for f in later]


def _history_times(vocab, reading, labels) -> list | None:
    """The time of each label of a history, all said before their labels ("pada 2021 zona
    kuning, tahun ini zona hijau"), all right after them ("WBK pada 2021 dan WBBM pada 2023"),
    or each on one side; None unless each label has its own."""
    # a time said before the body's name is the sentence's, not its first label's
    before = [_history_time(vocab, reading, f.start, reading.parties[0].end) for f in labels]
    doc = reading.doc
    bounds = [f.start for f in labels[1:]] + [len(doc)]
    after = [next((int(t.text) for t in doc[f.end:min(f.end + 3, bound)] if YEAR_TOKEN.match(t.text)), None)
             for f, bound in zip(labels, bounds)]
    if None not in before and len(set(before)) == len(before):
        # "sebelumnya meraih Menuju Informatif pada 2022, dan tahun ini menjadi Informatif": the
        # year written right after a label said of an earlier time or of now is that label's
        dated = [a if a is not None and not isinstance(b, int) else b for b, a in zip(before, after)]
        return dated if len(set(dated)) == len(dated) else before
    if None not in after and len(set(after)) == len(after):
        return after
    # "meraih WBK pada 2022 dan tahun ini naik ke WBBM": one said after its label, one before
    mixed = [b if b is not None else a for b, a in zip(before, after)]
    return mixed if None not in mixed and len(set(mixed)) == len(mixed) else None


def _history_time(vocab, reading, position: int, floor: int = 0):
    """The time said nearest before a label in a history, from `floor` on: a year; a word for
    now ("kini" → "now"); or an earlier time ("dua tahun lalu", "sebelumnya" → "relative:…")."""
    doc = reading.doc
    for token in reversed(doc[max(floor, position - 8):position]):
        if token.like_num and len(token.text) == 4 and token.text.startswith(("19", "20")):
            if token.i and doc[token.i - 1].lower_ in vocab.range_markers | {"sampai", "hingga"}:
                return f"range:{doc[token.i - 3:token.i + 1].text}"  # "tahun 2012 sampai 2015": no one round
            return int(token.text)
        said = " ".join(t.lower_ for t in doc[max(0, token.i - 2):token.i + 1])
        if any(said == w or said.endswith(" " + w) for w in vocab.lex["now_words"]):
            return "now"  # "… yang tahun lalu masih zona merah kini naik ke zona kuning"
        earlier = next((p for p in [*vocab.earlier_phrases, *vocab.lex["history_earlier_words"]]
                        if said == p or said.endswith(" " + p)), None)
        if earlier:
            return f"relative:{earlier}"
    return None


def _history_year(vocab, reading, position: int, context) -> int | None:
    labels = [f for f in reading.labels if f.start >= reading.parties[0].end]
    times = _history_times(vocab, reading, labels) or []
    time = next((t for f, t in zip(labels, times) if f.start == position), None)
    if time == "now":  # the sentence's round, which no other label of the history holds
        stated = [y for t in reading.doc if (y := year_at(vocab, reading.doc, t)) and y not in times]
        round_ = stated[0] if stated else round_of_list(vocab, context, reading.doc)
        return None if round_ in times else round_  # no later round told: now has no year
    return time if isinstance(time, int) else None


# ---------------------------------------------------------------------------------------------
# Helpers

def _changed_to(vocab, doc, item, labels):
    """"naik dari zona kuning ke zona hijau": the label a change starts from is no longer the
    body's for the round. The label the change went to, or None where `item` starts no change."""
    if _left(vocab, doc, item):  # "keluar dari zona merah dan kini berada di zona kuning"
        return next((f for f in labels if f.start >= item.end), None)
    start = item.start - (1 if item.start and doc[item.start - 1].lower_ in vocab.predicate_cues else 0)
    if not start or doc[start - 1].lower_ not in vocab.change_from_words:  # "dari (kategori) Cukup Informatif"
        return None
    after = next((f for f in labels if f.start >= item.end), None)
    if after is not None and after.start - item.end <= 2 \
            and any(t.lower_ in vocab.change_to_words for t in doc[item.end:after.start + 1]):
        return after  # "… menjadi BB": the cue opens the label
    return None


def _left(vocab, doc, item) -> bool:
    """"berhasil keluar dari zona merah", "meninggalkan zona kuning", "naik dari zona merah": a
    state the body left."""
    k = item.start - 1
    k -= k >= 0 and doc[k].lower_ in vocab.predicate_cues  # "keluar dari predikat zona merah"
    if k >= 0 and doc[k].lower_ in vocab.change_from_words:
        return k > 0 and (doc[k - 1].lower_ in vocab.lex["leave_words"] or doc[k - 1].lower_ in vocab.change_words)
    return k >= 0 and doc[k].lower_ in vocab.lex["leave_words"]


def _own_label_run(vocab, doc, items, mention) -> list:
    """The labels written onto a name, one after another: "Dinas X – Pelayanan Prima (A)";
    a later one may be joined by a restating phrase ("zona hijau dengan kategori kualitas
    tertinggi", "zona hijau atau kualitas tertinggi")."""
    run, end = [], mention.end + (1 if mention.end < len(doc) and doc[mention.end].text in SEPARATORS else 0)
    for item in items:
        if run and item.start > end + 1:
            between = [t.lower_ for t in doc[end:item.start]]
            if not (len(between) <= 2 and all(w in vocab.lex["label_joiners"] or w in vocab.predicate_cues
                                              for w in between)):
                break
        elif not end <= item.start <= end + 1:
            continue
        run.append(item)
        end = item.end
    return run


def _own_labels(vocab, doc, items, mention) -> list[str]:
    """"Pemprov Sulawesi Tengah (BB)": a label right after the name is the item's own; one after
    "dan" opens the next item ("… kepada A dan opini kualitas tinggi kepada B")."""
    joined = mention.end < len(doc) and doc[mention.end].lower_ in vocab.coordinators
    return labels_of(doc, [f for f in items if f.start == mention.end or (f.start == mention.end + 1 and not joined)])


def _enumerated(vocab, doc, mentions, intro: int) -> list:
    """The entities the list after `intro` enumerates, up to a clause on who represents an
    entity: "kepada Pemkab Bojonegoro, yang diwakili Asisten III Sekretariat Daerah" lists one body."""
    listed, end = [], intro + 1
    for mention in mentions:
        gap = doc[end:mention.start]
        if len(gap) > ENUMERATION_GAP or (listed and any(
                t.lower_ == "yang" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in vocab.representation_words
                for t in gap)):
            break
        listed.append(mention)
        end = mention.end
    return listed


def _refers_back(vocab, doc, item, intro: int) -> bool:
    """"Predikat Baik ini tak terlepas dari …": a predicate named again with a demonstrative
    points at a result already told; unless the demonstrative closes the list's own subject
    ("Ketiga kabupaten zona hijau itu ialah …")."""
    follower = doc[item.end].lower_ if item.end < len(doc) else ""
    return follower in vocab.demonstratives and not (item.end + 1 == intro and doc[intro].lower_ in vocab.copulas)


def _lists_kinds(vocab, doc, items, intro: int) -> bool:
    """"tujuh kategori BP, yaitu …" enumerates kinds; "masuk kategori informatif ialah …" does not:
    there the kind word introduces the predicate."""
    for token in doc[max(0, intro - 4):intro]:
        if token.lower_ in vocab.kind_words and not any(token.i < f.start < intro for f in items):
            return True
    return False


def _negated(vocab, doc, start: int, end: int) -> bool:
    return any(t.lower_ in vocab.negation_cues for t in doc[start:end])
