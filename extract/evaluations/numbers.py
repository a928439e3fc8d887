"""Numbers in a sentence, and why each one is or is not a reported score.

Reads decimal comma and point, "94, 62" (a space after the decimal comma) and numbers in words
after a score cue; then filters out counts, shares, amounts, band limits, ranks, ids, dates and
targets. Pure: a spaCy doc in, `Score` values out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import MONTHS
from .patterns import SPAN_KEY

SCORE_TOKEN = re.compile(r"^\d{1,3}(?:[.,]\d{1,3})?$")
YEAR_TOKEN = re.compile(r"^(19[89]\d|20\d\d)$")
MONTH_WORD = re.compile(rf"^({MONTHS})$", re.I)


@dataclass
class Score:
    start: int               # token span in the sentence doc
    end: int
    value: float
    text: str
    rule: str


def find_scores(vocab, doc, article_on_topic: bool = False) -> list[Score]:
    scores: list[Score] = []
    n = len(doc)
    i = 0
    while i < n:
        token = doc[i]
        value, end, rule = None, i + 1, "score.decimal"
        if SCORE_TOKEN.match(token.text):
            # "94, 62": a decimal comma followed by a space, then exactly two digits
            if (i + 2 < n and doc[i + 1].text == "," and re.fullmatch(r"\d{2}", doc[i + 2].text)
                    and "," not in token.text and "." not in token.text
                    and not (i + 4 < n and doc[i + 3].text == "," and doc[i + 4].text.isdigit())
                    and (has_cue(vocab, doc, i) or article_on_topic)):
                value = float(f"{token.text}.{doc[i + 2].text}")
                end, rule = i + 3, "score.split_decimal_comma"
            else:
                value = float(token.text.replace(",", "."))
                if not re.search(r"[.,]", token.text):
                    rule = "score.integer_after_cue"
                elif "." in token.text and len(token.text.split(".")[1]) == 3:
                    i += 1
                    continue  # "1.250": a thousands separator, not a decimal
        elif token.lower_ in vocab.lex["number_words"] and has_cue(vocab, doc, i, window=2):
            value, rule = float(vocab.lex["number_words"][token.lower_]), "score.number_word"
        if value is None or not _keeps(vocab, doc, i, end, value, rule, article_on_topic):
            i += 1
            continue
        scores.append(Score(i, end, value, doc[i:end].text, rule))
        i = end
    return scores


def has_cue(vocab, doc, i: int, window: int | None = None) -> bool:
    window = window or vocab.lex["score_cue_window"]
    return any(t.lower_ in vocab.score_cues for t in doc[max(0, i - window):i])


def _keeps(vocab, doc, start: int, end: int, value: float, rule: str, article_on_topic: bool = False) -> bool:
    """Filters that make a number not a score (counts, shares, bands, ranks, ids, dates)."""
    n = len(doc)
    text = doc[start].text
    if YEAR_TOKEN.match(text) or value > 100 or value < 0:
        return False
    after = doc[end].lower_ if end < n else ""
    after2 = doc[end + 1].lower_ if end + 1 < n else ""
    before = doc[start - 1].lower_ if start > 0 else ""
    if after in ("persen", "%") and any(t.lower_ in vocab.lex["percent_scores_after"] for t in doc[max(0, start - 8):start]):
        return True  # "IKM ... menyentuh 79,5 persen": the index, told in percent
    if after == "-" and after2 == "an":
        return False  # "80-an": a vague figure
    if after == "ke" and after2 in ("atas", "bawah"):
        return False  # "nilai 91 ke atas": a threshold
    if after == "(" and (after2 in vocab.lex["number_words"] or after2.endswith(("belas", "puluh"))):
        return False  # "17 (tujuh belas) unsur": a count spelled out twice
    before_window = [t.lower_ for t in doc[max(0, start - 5):start]]
    for k, word in enumerate(before_window):
        if word in vocab.average_cues and vocab.group_words.intersection(before_window[k + 1:k + 4]):
            return False  # "rata-rata kabupaten dan kota 56,53": an average over a group
    if MONTH_WORD.match(after):
        return False  # "20 Desember 2021": a day
    exceptions = vocab.lex["unit_word_exceptions"].get(after, [])
    if (after in vocab.unit_words and after2 not in exceptions) or (
            after == "," and after2 in vocab.unit_words and rule != "score.decimal"):
        return False
    if before in vocab.blocking or before.rstrip("-") in vocab.blocking or (start > 1 and doc[start - 2].lower_ == "ke" and before == "-"):
        return False
    if before in ("/", ".") or after in ("/",) or (after == "." and end + 1 < n and doc[end + 1].text.isdigit()):
        return False  # dates and times: 8/6/2023, 07.05
    if _band_limit(vocab, doc, start, end):
        return False  # "81,00 – 100", "80 s/d 89,9": the limits of a band
    preceding = " " + " ".join(t.lower_ for t in doc[max(0, start - 4):start]) + " "
    if before in ("antara",) or any(f" {cue} " in preceding for cue in vocab.lex["band_cues"]):
        return False
    if before == "(" and after in vocab.range_markers:
        return False
    if any(t.lower_ in vocab.target_cues for t in doc[max(0, start - 3):start]):
        return False  # "menargetkan nilai 90": a goal
    if rule == "score.integer_after_cue" and after in vocab.lex["count_words_for_integers"]:
        return False  # "42 kuning, dan 3 merah": counts of governments per zone
    window = doc[max(0, start - 10):start]
    if any(t.lower_ in vocab.component_cues for t in window) and not any(t.lower_ == "indeks" for t in window[-2:]):
        return False  # "domain kebijakan 4,10": a part of the evaluation, not the entity's result
    # "naik dari 75 (2024) menjadi 88": the earlier value of a change
    from_value = before == "dari" and any(t.lower_ in ("menjadi", "ke") for t in doc[end:end + 5])
    if rule == "score.integer_after_cue" and not (has_cue(vocab, doc, start) or from_value):
        return False
    # a bare decimal ("2,5 ton" got past the units) needs some sign that results are being
    # told: a cue before it, a scheme or predicate in its sentence, or an article on the topic
    if not (has_cue(vocab, doc, start) or from_value or article_on_topic or _sentence_has_scheme_signal(vocab, doc)):
        return False
    return True


def _band_limit(vocab, doc, start: int, end: int) -> bool:
    """A number joined to another by a range marker, which may be several tokens ("s/d")."""
    markers = vocab.range_markers
    for width in (1, 2, 3):
        joined_after = "".join(t.text.lower() for t in doc[end:end + width])
        if joined_after in markers and end + width < len(doc) and SCORE_TOKEN.match(doc[end + width].text):
            return True
        joined_before = "".join(t.text.lower() for t in doc[max(0, start - width):start])
        if joined_before in markers and start - width > 0 and SCORE_TOKEN.match(doc[start - width - 1].text):
            return True
    return False


def _sentence_has_scheme_signal(vocab, doc) -> bool:
    return any(s.label_ in ("PREDICATE", "GRADE") for s in doc.spans[SPAN_KEY]) or any(
        regex.search(doc.text) for regex in vocab.scheme_cue_res.values())
