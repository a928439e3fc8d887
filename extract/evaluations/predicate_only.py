"""Stage 5: named entities given a predicate with no score."""
from __future__ import annotations

from ..records import Evaluation
from .attachment import coordinated
from .attributes import local_region, scheme_at, year_of
from .predicates import labels_of
from .quotes import char_span
from .spans import predicate_items


def predicate_only_records(vocab, doc, sentence, text, found, mentions, context, list_labels=None) -> list[Evaluation]:
    """Named entities given a predicate with no score, in the three shapes news uses:

    1. a list after an introducing word, the predicate before it or in the sentence before:
       "4 kementerian tergolong zona kuning, yaitu A, B dan C", "Predikat BB diraih oleh A, B",
       "(…kategori Informatif.) Mereka adalah A, B";
    2. an entity, an award word, then the predicate: "Kabupaten OKI meraih predikat zona hijau";
    3. one line of a bulleted list under a header that names the predicate (`list_labels`).
    """
    usable = [m for m in mentions if not m.comparison]
    items = predicate_items(found)
    assigned: dict[int, tuple] = {}   # mention's first token → (mention, labels, anchor token, rule)

    if list_labels:  # 3.
        for mention in usable:
            assigned[mention.start] = (mention, list(list_labels), None, "predicate_only.bulleted_list")
    intro = next((t.i for t in doc if t.lower_ in vocab.list_intro or t.text == ":"), None)
    if intro is not None:  # 1.
        listed = [m for m in usable if m.start > intro]
        before = [f for f in items if f.end <= intro]
        labels = labels_of(doc, before)
        if not labels and context.category and context.sentence_no - context.category[1] <= 2:
            labels = list(context.category[0])
        if listed and labels:
            for mention in listed:
                assigned.setdefault(mention.start, (mention, labels, before[0].start if before else None,
                                                  "predicate_only.list_after_intro"))
    award = vocab.award_cues  # 2.
    for item in items:
        cue = next((t.i for t in reversed(doc[max(0, item.start - 6):item.start + 1]) if t.lower_ in award), None)
        if cue is None:
            continue
        before = [m for m in usable if m.end <= cue and cue - m.end <= 8]
        if not before or any(m.start > before[-1].end and m.end <= item.start for m in mentions):
            continue
        for mention in coordinated(doc, usable, before[-1], []):
            if mention.start in assigned and assigned[mention.start][3] == "predicate_only.award_cue":
                assigned[mention.start][1].extend(labels_of(doc, [item]))
            else:
                assigned.setdefault(mention.start, (mention, labels_of(doc, [item]), item.start,
                                                  "predicate_only.award_cue"))
    records = []
    for mention, labels, anchor, rule in assigned.values():
        labels = list(dict.fromkeys(labels))
        scheme = next((s for s, spec in vocab.rules.schemes.items()
                       if any(label in (spec.get("predicates") or []) for label in labels)), None)
        scheme_rule = "scheme.predicate"
        if scheme is None or any(len(label) <= 3 for label in labels):
            scheme, scheme_rule = scheme_at(vocab, doc, mention.start, text, sentence, context)
        name, region = mention.entity_name(local_region(context))
        lo = mention.start if anchor is None else min(mention.start, anchor)
        hi = mention.end
        start_char, end_char = char_span(sentence, doc, lo, hi)
        records.append(Evaluation(
            entity=name, entity_as_written=mention.written, region=region.name if region else None,
            scheme=scheme, score=None, scale_max=None, predicate=tuple(labels),
            year=year_of(doc, 0, len(doc), None, context), rank=None,
            quote=text[start_char:end_char], start=start_char, end=end_char,
            rule_ids=(rule, mention.rule, scheme_rule),
        ))
    return records
