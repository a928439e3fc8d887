"""A table copied one cell per line: "Kabupaten Bone\\n88,50\\nZona Hijau\\nKabupaten Wajo\\n…".

A page's table often reaches the text with each cell on a line of its own. A row is then a
name line, its score line, its label line; or a name line and its label line ("Polres Blora\\n
Pelayanan Prima\\nPolres Rembang\\nSangat Baik"). Read line by line, such a label looks like the
header of the lines after it and would go to the next row's name; here it is the cell of the
row it closes. A label line after a name that already has its label ("Zona Hijau:\\nKabupaten
A\\nKabupaten B\\nZona Kuning\\nKabupaten C") still heads what follows. Pure.
"""
from __future__ import annotations

import re

from ..records import Evaluation
from .attributes import local_region, scheme_of_record_labels
from .context import round_of_list
from .predicates import labels_of

MAX_CELL_CHARS = 80   # a cell is a short line; a line of prose is not one
ROW_NUMBER = re.compile(r"^\d{1,3}[.)]?\s+")
MAX_LOWER_WORDS_IN_NAME = 2  # "Dinas Kependudukan dan Pencatatan Sipil", "RSUD dr. Soeradji": joiners and titles
SCORE_CELL = re.compile(r"\s*\d{1,3}(?:[.,]\s?\d{1,5})?\s*(?:%|persen)?\s*")


def whole_line(text: str, sentence) -> bool:
    """The sentence is a line of its own, and a short one."""
    return (sentence.start == 0 or text[sentence.start - 1] == "\n") \
        and (sentence.end >= len(text) or text[sentence.end:sentence.end + 1] == "\n") \
        and len(text[sentence.start:sentence.end].strip()) <= MAX_CELL_CHARS


def name_and_score_line(reading, text: str, sentence) -> bool:
    """"Kota Mataram – 90,69", "2. Kabupaten Bima: 66,50": a line of one name and its score, only
    marks between them, the row of a list under a label line ("Zona hijau:")."""
    if len(reading.scores) != 1 or len(reading.parties) != 1 or not whole_line(text, sentence):
        return False
    doc, name, score = reading.doc, reading.parties[0], reading.scores[0]
    return name.end <= score.start and all(t.is_punct or t.like_num for t in doc[:name.start]) \
        and all(t.is_punct for t in doc[name.end:score.start]) and all(t.is_punct for t in doc[score.end:])


def opens_a_row(vocab, text: str, sentence, following) -> bool:
    """A short line whose next line is a score or a label alone: the first cell of a row,
    read though it holds no word of a result itself."""
    if following is None or not whole_line(text, sentence) or not whole_line(text, following):
        return False
    return is_score_cell(text, following) or bool(vocab.candidate_re.search(following.of(text)))


def is_score_cell(text: str, sentence) -> bool:
    """The line is a number alone: "88,50", "4,23"."""
    return whole_line(text, sentence) and bool(SCORE_CELL.fullmatch(sentence.of(text)))


def reads_as_a_name(vocab, text: str, sentence) -> bool:
    """A short line that can be a row's name, known or not ("Kankemenag Kota Salatiga",
    "1. Dinas Kependudukan dan Pencatatan Sipil"), and not a header ("Hasil penilaian 2023:")."""
    line = ROW_NUMBER.sub("", sentence.of(text).strip(), count=1)
    words = [w for w in line.split() if w.isalpha()]
    return whole_line(text, sentence) and bool(line) and line[0].isupper() and not line.endswith(":") \
        and not any(ch.isdigit() for ch in line) and sum(w.islower() for w in words) <= MAX_LOWER_WORDS_IN_NAME \
        and not any(regex.search(line) for regex in vocab.scheme_cue_res.values())


def label_cell(reading) -> bool:
    """The line is labels and marks only: "Zona Hijau", "A- (Pelayanan Prima)"."""
    if not reading.labels or reading.mentions or reading.scores:
        return False
    labelled = {i for f in reading.labels for i in range(f.start, f.end)}
    return all(t.is_punct or t.is_space or t.i in labelled for t in reading.doc)


def name_cell(reading) -> bool:
    """The line is one name, perhaps after its row number: "Polres Blora", "1. Kabupaten Bone"."""
    if len(reading.parties) != 1 or reading.scores or reading.labels:
        return False
    party = reading.parties[0]
    return all(t.is_punct or t.is_space or t.like_num or party.start <= t.i < party.end for t in reading.doc)


def score_cell(reading) -> bool:
    """The line is one score alone: "88,50"."""
    return len(reading.scores) == 1 and not reading.mentions and \
        all(t.is_punct or t.is_space or reading.scores[0].start <= t.i < reading.scores[0].end for t in reading.doc)


def row_label_record(vocab, name_reading, label_reading, text, context) -> Evaluation:
    """The record of a row whose name and label are on two lines; the quote runs from the name
    to the label."""
    mention = name_reading.parties[0]
    doc, labels = label_reading.doc, labels_of(label_reading.doc, list(label_reading.labels))
    scheme, scheme_rule = scheme_of_record_labels(vocab, labels, label_reading, 0, text, context)
    name, region = mention.entity_name(local_region(context))
    start = name_reading.sentence.start + name_reading.doc[mention.start].idx
    last = label_reading.labels[-1]
    end = label_reading.sentence.start + doc[last.end - 1].idx + len(doc[last.end - 1].text)
    return Evaluation(
        entity=name, entity_as_written=mention.written, region=region.name if region else None,
        scheme=scheme, score=None, scale_max=None, predicate=tuple(labels), year=round_of_list(vocab, context, doc),
        rank=None,
        quote=text[start:end], start=start, end=end,
        rule_ids=("predicate_only.row_cells", mention.rule, scheme_rule),
    )
