"""Predicate labels: which labels a stretch of a sentence carries, and which sentences head a list."""
from __future__ import annotations

import re

from .spans import Found, predicate_items


def labels_of(doc, items: list[Found]) -> list[str]:
    """Predicate labels of PREDICATE/GRADE spans, in order, once each."""
    return list(dict.fromkeys(f.value if f.label == "PREDICATE" else _grade_label(doc, f) for f in items))


def labels_in(vocab, reading, seg_start, seg_end, scheme) -> list[str]:
    """Labels inside a stretch of the sentence; word labels only if the scheme uses them."""
    allowed = vocab.scheme_predicates.get(scheme) or set()
    return labels_of(reading.doc, [f for f in reading.labels_between(seg_start, seg_end)
                                   if not (f.label == "PREDICATE" and allowed and f.value not in allowed)])


def is_list_header(vocab, doc, found: list[Found]) -> bool:
    """"Perangkat daerah berpredikat A (Memuaskan), di antaranya:" — a predicate, then a colon
    or an introducing word at the end: the next lines are the list."""
    if not predicate_items(found):
        return False
    return opens_a_list(vocab, doc) or _label_line(vocab, doc, found)


def opens_a_list(vocab, doc) -> bool:
    """The line ends on a colon or an introducing word: the next lines are its list."""
    words = [t.lower_ for t in doc if not t.is_punct]
    return doc.text.rstrip().endswith(":") or bool(words and words[-1] in vocab.list_intro)


def _label_line(vocab, doc, found: list[Found]) -> bool:
    """"Kategori Pelayanan Prima" on a line of its own, names on the lines below."""
    inside = {i for f in predicate_items(found) for i in range(f.start, f.end)}
    return all(t.i in inside or t.is_punct or t.lower_ in vocab.grade_cues or t.lower_ in vocab.award_cues for t in doc)


def conflicting(vocab, labels: list[str]) -> bool:
    """"lima daerah berpredikat Baik, enam lainnya Cukup", "A dan B meraih predikat WBK dan WBBM":
    two different labels of one kind name two groups; a label and its long form are one."""
    families = vocab.lex["label_families"]

    def kind_and_band(label: str) -> tuple[str, str]:
        if label in families:  # "wbk", "wilayah bebas dari korupsi": one band of the integrity zone
            family, band = families[label]
            return family, band
        first = label.split()[0]
        if first in vocab.predicate_families:
            return first, label
        if len(label) <= 3:
            return "grade", label
        return ("generic" if label in vocab.generic_predicates else label), label
    seen: dict[str, str] = {}
    for label in labels:
        kind, band = kind_and_band(label)
        if seen.get(kind, band) != band:
            return True
        seen[kind] = band
    return False


def _grade_label(doc, item: Found) -> str:
    """"predikat A-" → "a-"; "predikat B." (sentence end) → "b"; "predikat ‘BB’" → "bb";
    "predikat SAKIP BB" → "bb": the letter is the span's last word."""
    match = re.search(r"\b(?:AA|BB|CC|A|B|C|D)\s?[-+]?(?=\W*$)", doc[item.start:item.end].text)
    return match.group(0).replace(" ", "").lower() if match else ""
