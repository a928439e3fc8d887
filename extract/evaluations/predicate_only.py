"""Named entities given a predicate with no score.

The shapes news uses, each read within one clause (`segments.clauses`):

1. a list after an introducing word, the group's predicate before it: "4 kementerian tergolong
   zona kuning, yaitu A, B dan C", "zona hijau ditempati A, B", "Predikat BB diraih oleh A";
   an item with its own label keeps it ("Pemkab Bandung (A), Pemkot Semarang (BB)");
2. an entity, an award word, then the predicate: "Kabupaten OKI meraih predikat zona hijau";
3. one line of a bulleted list under a header that names the predicate (`list_labels`);
4. entities each followed by their own label in a sentence about an award or a scheme:
   'Pemprov Sultra meraih "BB", Pemkot Kendari "A", dan Pemkab Konawe "B"'.

A predicate that is negated ("tak satu pun … meraih zona hijau"), that refers back to one
already given ("Predikat Baik ini …"), or that heads a list of kinds of bodies ("tujuh
kategori, yaitu Kementerian, LNS …") gives no record. Pure.
"""
from __future__ import annotations

from ..records import Evaluation
from .attachment import coordinated
from .attributes import local_region, scheme_at, scheme_of_labels, year_near
from .predicates import labels_of
from .quotes import char_span
from .segments import clauses, list_intro
from .spans import predicate_items

# the group's predicate stands at most this many tokens before the word that opens its list
LEAD_IN_REACH = 10
# the most tokens that may stand between two entities of one enumeration
ENUMERATION_GAP = 12


def predicate_only_records(vocab, reading, text, context, list_labels=None) -> list[Evaluation]:
    doc = reading.doc
    usable = reading.parties
    items = predicate_items(reading.found)
    assigned: dict[int, tuple] = {}   # mention's first token → (mention, labels, anchor token, rule)

    if list_labels:  # 3.
        for mention in usable:
            assigned[mention.start] = (mention, list(list_labels), None, "predicate_only.bulleted_list")
    for start, end in clauses(vocab, doc):
        in_clause = [m for m in usable if start <= m.start < end]
        own = [f for f in items if start <= f.start < end]
        intro = list_intro(vocab, doc, start, end)
        if intro is not None and not _lists_kinds(vocab, doc, own, intro):  # 1.
            lead = [f for f in own if f.end <= intro and intro - f.end <= LEAD_IN_REACH
                    and not _refers_back(vocab, doc, f, intro)]
            labels = labels_of(doc, lead)
            if not labels and context.category and context.sentence_no - context.category[1] <= 2 \
                    and not any(f.end <= intro for f in own):
                labels = list(context.category[0])
            listed = _enumerated(vocab, doc, [m for m in in_clause if m.start > intro], intro)
            if listed and (labels or any(_own_labels(doc, own, m) for m in listed)) \
                    and not _negated(vocab, doc, start, intro):
                for mention in listed:
                    mine = _own_labels(doc, own, mention) or labels
                    if mine:
                        assigned.setdefault(mention.start, (mention, mine, lead[0].start if lead else None,
                                                            "predicate_only.list_after_intro"))
        if any(t.lower_ in vocab.award_cues for t in doc[start:end]) or any(start <= c < end for c, _ in reading.cues):
            for mention in in_clause:  # 4.
                mine = _own_labels(doc, own, mention)
                if mine:
                    assigned.setdefault(mention.start, (mention, mine, None, "predicate_only.own_label"))
        for item in own:  # 2.
            cue = next((t.i for t in reversed(doc[max(start, item.start - 6):item.start + 1])
                        if t.lower_ in vocab.award_cues), None)
            if cue is None or _negated(vocab, doc, max(start, cue - 4), item.start):
                continue
            before = [m for m in in_clause if m.end <= cue and cue - m.end <= 8]
            if not before or any(m.start > before[-1].end and m.end <= item.start for m in usable):
                continue  # another party stands between: the label is its ("Kabupaten Badung, Bali, memperoleh" is not)
            if any(t.like_num or t.lower_ in vocab.anaphor_group_words for t in doc[before[-1].end:cue]):
                continue  # "Kanwil X berhasil mengantarkan lima satuan kerja meraih WBK": the group got it
            for mention in coordinated(vocab, doc, reading, before[-1]):
                if mention.start in assigned and assigned[mention.start][3] == "predicate_only.award_cue":
                    assigned[mention.start][1].extend(labels_of(doc, [item]))
                else:
                    assigned.setdefault(mention.start, (mention, labels_of(doc, [item]), item.start,
                                                        "predicate_only.award_cue"))
    records = []
    label_starts = [f.start for f in items]
    for mention, labels, anchor, rule in assigned.values():
        labels = list(dict.fromkeys(labels))
        scheme, scheme_rule = scheme_of_labels(vocab, labels), "scheme.predicate"
        if scheme is None:
            scheme, scheme_rule = scheme_at(vocab, reading, mention.start, text, context)
        name, region = mention.entity_name(local_region(context))
        lo = mention.start if anchor is None else min(mention.start, anchor)
        start_char, end_char = char_span(reading.sentence, doc, lo, mention.end)
        records.append(Evaluation(
            entity=name, entity_as_written=mention.written, region=region.name if region else None,
            scheme=scheme, score=None, scale_max=None, predicate=tuple(labels),
            year=year_near(vocab, doc, mention, reading.mentions, label_starts,
                           {f.start for f in items if labels_of(doc, [f])[0] in labels}, context), rank=None,
            quote=text[start_char:end_char], start=start_char, end=end_char,
            rule_ids=(rule, mention.rule, scheme_rule),
        ))
    return records


def _own_labels(doc, items, mention) -> list[str]:
    """"Pemprov Sulawesi Tengah (BB)": a label right after the name is the item's own."""
    return labels_of(doc, [f for f in items if mention.end <= f.start <= mention.end + 1])


def _refers_back(vocab, doc, item, intro: int) -> bool:
    """"Predikat Baik ini tak terlepas dari …": a predicate named again with a demonstrative
    points at a result already told; unless the demonstrative closes the list's own subject
    ("Ketiga kabupaten zona hijau itu ialah …")."""
    follower = doc[item.end].lower_ if item.end < len(doc) else ""
    return follower in vocab.demonstratives and not (item.end + 1 == intro and doc[intro].lower_ in vocab.copulas)


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


def _lists_kinds(vocab, doc, items, intro: int) -> bool:
    """"tujuh kategori BP, yaitu …" enumerates kinds; "masuk kategori informatif ialah …" does not:
    there the kind word introduces the predicate."""
    for token in doc[max(0, intro - 4):intro]:
        if token.lower_ in vocab.kind_words and not any(token.i < f.start < intro for f in items):
            return True
    return False


def _negated(vocab, doc, start: int, end: int) -> bool:
    return any(t.lower_ in vocab.negation_cues for t in doc[start:end])
