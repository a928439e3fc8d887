"""Named entities given a predicate with no score.

The shapes news uses, each read within one clause (`segments.clauses`):

1. a list after an introducing word, the group's predicate before it: "4 kementerian tergolong
   zona kuning, yaitu A, B dan C", "zona hijau ditempati A, B", "Predikat BB diraih oleh A";
   an item with its own label keeps it ("Pemkab Bandung (A), Pemkot Semarang (BB)");
2. an entity, an award word, then the predicate: "Kabupaten OKI meraih predikat zona hijau";
3. one line of a bulleted list under a header that names the predicate (`list_labels`);
4. entities each followed by their own label in a sentence about an award or a scheme:
   'Pemprov Sultra meraih "BB", Pemkot Kendari "A", dan Pemkab Konawe "B"';
5. a clause that names no one continues the entity of the clause before: 'Pemkab Bombana
   meraih predikat SAKIP "B" sedangkan indeks RB "CC"';
6. a list named before its predicate, which a later sentence gives to the group: "Kelima
   provinsi itu ialah A, B … . … kelima provinsi tersebut tergolong kategori kurang inovatif";
7. one entity's history, a label per time: "dua tahun lalu masih di kategori Cukup, lalu pada
   tahun 2019 naik dengan predikat Baik, dan tahun 2020 berubah menjadi Sangat Baik".

A predicate that is negated ("tak satu pun … meraih zona hijau"), that refers back to one
already given ("Predikat Baik ini …"), or that heads a list of kinds of bodies ("tujuh
kategori, yaitu Kementerian, LNS …") gives no record. Pure.
"""
from __future__ import annotations

from dataclasses import replace

from ..records import Evaluation
from .attachment import coordinated
from .attributes import local_region, scheme_at, scheme_of_labels, year_near
from .predicates import labels_of
from .quotes import char_span
from .segments import list_intro

# the group's predicate stands at most this many tokens before the word that opens its list
LEAD_IN_REACH = 10
# the most tokens that may stand between two entities of one enumeration
ENUMERATION_GAP = 12
# how many sentences a list named without its predicate waits for one ("Kelima provinsi tersebut …")
PENDING_LIST_REACH = 2


def predicate_only_records(vocab, reading, text, context, list_labels=None) -> list[Evaluation]:
    doc = reading.doc
    items = list(reading.labels)
    # (mention, labels, anchor token, rule, clause no.): one assignment per entity and clause
    assigned: dict[tuple, tuple] = {}

    def give(mention, labels, anchor, rule, clause):
        key = (mention.start, clause)
        if key in assigned and assigned[key][3] == rule == "predicate_only.award_cue":
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
        if any(t.lower_ in vocab.award_cues for t in doc[start:end]) or any(start <= c < end for c, _ in reading.cues):
            for mention in in_clause:  # 4.
                mine = [f for f in own if mention.end <= f.start <= mention.end + 1]
                give(mention, labels_of(doc, mine), mine[0].start if mine else None, "predicate_only.own_label", number)
        for item in own:  # 2.
            mention = _awarded(vocab, reading, start, in_clause, item)
            for each in coordinated(vocab, doc, reading, mention) if mention else ():
                give(each, labels_of(doc, [item]), item.start, "predicate_only.award_cue", number)
        if own and not in_clause and number and list_intro(vocab, doc, start, end) is None:  # 5.
            before = {assigned[key][0].entity_name(None)[0]: assigned[key][0] for key in assigned if key[1] == number - 1}
            if len(before) == 1 and not _negated(vocab, doc, start, own[0].start):
                give(next(iter(before.values())), labels_of(doc, own), own[0].start, "predicate_only.clause_ellipsis", number)
    _group_back_reference(vocab, reading, context, items, give)  # 6.
    return _records(vocab, reading, text, context, assigned)


def _records(vocab, reading, text, context, assigned) -> list[Evaluation]:
    doc = reading.doc
    records = []
    for mention, labels, anchor, rule, _ in assigned.values():
        labels = list(dict.fromkeys(labels))
        scheme, scheme_rule = scheme_of_labels(vocab, labels), "scheme.predicate"
        if scheme is None:
            scheme, scheme_rule = scheme_at(vocab, reading, anchor if anchor is not None else mention.start, text, context)
        name, region = mention.entity_name(local_region(context))
        label_end = next((f.end for f in reading.labels if f.start == anchor), (anchor or 0) + 1)
        if mention.foreign:  # named in an earlier sentence: the quote is this sentence's label
            lo, hi = anchor, label_end
        else:
            lo, hi = (mention.start, mention.end) if anchor is None else (min(mention.start, anchor), max(mention.end, label_end))
        start_char, end_char = char_span(reading.sentence, doc, lo, hi)
        own = {f.start for f in reading.labels if labels_of(doc, [f])[0] in labels}
        year = year_near(vocab, doc, mention, reading.mentions, list(reading.label_starts), own, context) \
            if not (rule == "predicate_only.history") else _history_year(vocab, reading, anchor)
        records.append(Evaluation(
            entity=name, entity_as_written=mention.written, region=region.name if region else None,
            scheme=scheme, score=None, scale_max=None, predicate=tuple(labels), year=year, rank=None,
            quote=text[start_char:end_char], start=start_char, end=end_char,
            rule_ids=(rule, mention.rule, scheme_rule),
        ))
    return records


# ---------------------------------------------------------------------------------------------
# The shapes

def _listed(vocab, reading, context, start, end, in_clause, own, number, give) -> None:
    """1. A list after an introducing word, with the group's label before the intro or an
    item's own label after its name; a list with no label waits for one (shape 6)."""
    doc = reading.doc
    intro = list_intro(vocab, doc, start, end)
    if intro is None or _lists_kinds(vocab, doc, own, intro):
        return
    lead = [f for f in own if f.end <= intro and intro - f.end <= LEAD_IN_REACH and not _refers_back(vocab, doc, f, intro)]
    labels = labels_of(doc, lead)
    if not labels and context.category and context.sentence_no - context.category[1] <= 2 \
            and not any(f.end <= intro for f in own):
        labels = list(context.category[0])
    listed = _enumerated(vocab, doc, [m for m in in_clause if m.start > intro], intro)
    if not listed or _negated(vocab, doc, start, intro):
        return
    if not labels and not any(_own_labels(doc, own, m) for m in listed):
        if len(listed) > 1:
            context.pending_list = (tuple(listed), reading.number)
        return
    for mention in listed:
        give(mention, _own_labels(doc, own, mention) or labels, lead[0].start if lead else None,
             "predicate_only.list_after_intro", number)


def _awarded(vocab, reading, start, in_clause, item):
    """2. The entity an award word ties a label to: "Kabupaten OKI meraih predikat zona hijau"."""
    doc = reading.doc
    cue = next((t.i for t in reversed(doc[max(start, item.start - 6):item.start + 1]) if t.lower_ in vocab.award_cues), None)
    if cue is None or _negated(vocab, doc, max(start, cue - 4), item.start):
        return None
    before = [m for m in in_clause if m.end <= cue and cue - m.end <= 8]
    if not before or any(m.start > before[-1].end and m.end <= item.start for m in reading.parties):
        return None  # another party stands between: the label is its ("Kabupaten Badung, Bali, memperoleh" is not)
    if any(t.like_num or t.lower_ in vocab.anaphor_group_words for t in doc[before[-1].end:cue]):
        return None  # "Kanwil X berhasil mengantarkan lima satuan kerja meraih WBK": the group got it
    return before[-1]


def _group_back_reference(vocab, reading, context, items, give) -> None:
    """6. "… kelima provinsi tersebut tergolong kategori kurang inovatif": a group pointed back
    at with its number takes the label for the list an earlier sentence named without one."""
    pending = context.pending_list
    if not pending or reading.parties or not items or reading.number - pending[1] > PENDING_LIST_REACH:
        return
    doc = reading.doc
    pointer = next((t.i for t in doc[:items[0].start] if t.lower_ in vocab.anaphor_group_words
                    and any(u.lower_ in vocab.demonstratives for u in doc[t.i + 1:t.i + 4])), None)
    if pointer is None or not any(t.lower_ in vocab.award_cues for t in doc[pointer:items[0].start + 1]):
        return
    for mention in pending[0]:
        give(replace(mention, foreign=True), labels_of(doc, items[:1]), items[0].start,
             "predicate_only.group_back_reference", 0)
    context.pending_list = None


def _history(vocab, reading) -> list[tuple]:
    """7. One entity, then two or more labels each said with its own time (a year, or "dua
    tahun lalu"): the entity's history, a record per label."""
    if len(reading.parties) != 1 or len(reading.labels) < 2:
        return []
    mention = reading.parties[0]
    later = [f for f in reading.labels if f.start >= mention.end]
    times = [_history_time(vocab, reading, f.start) for f in later]
    if len(later) < 2 or any(t is None for t in times) or len(set(times)) < len(times):
        return []
    return [(mention, f) for f in later]


def _history_time(vocab, reading, position: int):
    """The time said right before a label in a history: a year, or a relative one ("dua tahun
    lalu" → "relative:dua tahun lalu")."""
    doc = reading.doc
    window = doc[max(0, position - 8):position]
    for token in reversed(window):
        if token.like_num and len(token.text) == 4 and token.text.startswith(("19", "20")):
            return int(token.text)
    said = " ".join(t.lower_ for t in window)
    relative = next((phrase for phrase in vocab.earlier_phrases if phrase in said), None) or (
        "tahun lalu" if "tahun lalu" in said else None)
    return f"relative:{relative}" if relative else None


def _history_year(vocab, reading, position: int) -> int | None:
    time = _history_time(vocab, reading, position)
    return time if isinstance(time, int) else None


# ---------------------------------------------------------------------------------------------
# Helpers

def _own_labels(doc, items, mention) -> list[str]:
    """"Pemprov Sulawesi Tengah (BB)": a label right after the name is the item's own."""
    return labels_of(doc, [f for f in items if mention.end <= f.start <= mention.end + 1])


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
