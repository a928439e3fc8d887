"""Numbers in a sentence, and why each one is or is not a reported score.

Reads decimal comma and point ("89,94", "88,35913", "2.98"), "94, 62" (a space after the decimal
comma) and numbers in words after a score cue; then each filter below may say why a number is
not a score: a count, a share, an amount, a band limit, a threshold, a rank, an id, a date or a
target. Pure: a spaCy doc in, `Score` values out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..dates import MONTHS
from .patterns import LETTER_GRADE
from .segments import aimed_at, doc_words

SCORE_TOKEN = re.compile(r"^\d{1,3}(?:[.,]\d{1,5})?$")
YEAR_TOKEN = re.compile(r"^(19[89]\d|20\d\d)$")
MONTH_WORD = re.compile(rf"^({MONTHS})$", re.I)
COUNT_ABBREVIATION = re.compile(r"^[A-Z]{2,4}$")   # "84 BP", "12 OPD": a count of bodies


@dataclass(frozen=True)
class Score:
    start: int               # token span in the sentence doc
    end: int
    value: float
    text: str
    rule: str


@dataclass(frozen=True)
class NumberSetting:
    """What the article and sentence say about their numbers."""
    article_on_topic: bool = False   # the article names a scheme more than once
    sentence_signal: bool = False    # the sentence names a scheme or a predicate
    percent_index: bool = False      # the article is about a satisfaction index, often told in percent
    stated_scale: float | None = None  # "dari skala 110": the sentence says what its scores are out of


def find_scores(vocab, doc, setting: NumberSetting = NumberSetting()) -> list[Score]:
    scores = _read_scores(vocab, doc, setting)
    if not setting.sentence_signal and any(has_cue(vocab, doc, s.start) for s in scores):
        # "… diraih Kabupaten A dengan nilai 4,75, disusul Kabupaten B (4,70)": a result told with
        # its cue makes the bare numbers of the same list results too
        scores = _read_scores(vocab, doc, replace(setting, sentence_signal=True))
    return scores


def _read_scores(vocab, doc, setting: NumberSetting) -> list[Score]:
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
                    and (has_cue(vocab, doc, i) or setting.article_on_topic)):
                value = float(f"{token.text}.{doc[i + 2].text}")
                end, rule = i + 3, "score.split_decimal_comma"
            elif i + 2 < n and token.text.isdigit() and doc[i + 1].lower_ == "koma" and doc[i + 2].text.isdigit():
                # "88 koma 40": the decimal comma spelled out, as a speaker is quoted
                value = float(f"{token.text}.{doc[i + 2].text}")
                end, rule = i + 3, "score.spelled_decimal_comma"
            else:
                value = float(token.text.replace(",", "."))
                if not re.search(r"[.,]", token.text):
                    rule = "score.integer_after_cue"
                elif "." in token.text and len(token.text.split(".")[1]) == 3:
                    i += 1
                    continue  # "1.250": a thousands separator, not a decimal
        elif token.lower_ in vocab.lex["number_words"] and has_cue(vocab, doc, i, window=2) \
                and not _compound_number_word(vocab, doc, i):
            value, rule = float(vocab.lex["number_words"][token.lower_]), "score.number_word"
        if value is None or rejection(vocab, doc, i, end, value, rule, setting):
            i += 1
            continue
        scores.append(Score(i, end, value, doc[i:end].text, rule))
        i = end
    return scores


def count_of(vocab, token) -> int | None:
    """The number a token counts by: a number word ("tiga") or whole digits that are no year."""
    word = token.lower_
    if word in vocab.lex["number_words"]:
        return vocab.lex["number_words"][word]
    return int(word) if word.isdigit() and not YEAR_TOKEN.match(word) else None


def has_cue(vocab, doc, i: int, window: int | None = None) -> bool:
    window = window or vocab.lex["score_cue_window"]
    return any(t.lower_ in vocab.score_cues for t in doc[max(0, i - window):i])


def rejection(vocab, doc, start: int, end: int, value: float, rule: str, setting: NumberSetting) -> str | None:
    """Why the number at doc[start:end] is not a score (a rule slug), or None if it is one."""
    n = len(doc)
    after = doc[end].lower_ if end < n else ""
    after2 = doc[end + 1].lower_ if end + 1 < n else ""
    before = doc[start - 1].lower_ if start > 0 else ""
    if YEAR_TOKEN.match(doc[start].text) or value < 0 or value > max(100, setting.stated_scale or 0):
        return "not_score.year_or_out_of_range"  # above 100 only on a scale the sentence states ("dari skala 110")
    words_before = [t.lower_ for t in doc[max(0, start - APPROVAL_REACH):start]]  # read once: numbers are many
    said_before = _between_spaces(words_before[-6:])
    if any(f" {words} " in said_before for words in vocab.lex["survey_method_words"]):
        return "not_score.survey_method"   # "dengan margin of error 5 persen": how the survey was made
    if any(f" {words} " in _between_spaces(words_before) for words in vocab.lex["approval_objects"]):
        return "not_score.approval"        # "kepuasan masyarakat terhadap kinerja Bupati X 78,4 persen": a poll of a person
    if after in ("persen", "%"):
        verdict = _percent(vocab, doc, start, end, after2, setting)
        if verdict:
            return verdict
        return None if not _target(vocab, doc, start) else "not_score.target"
    if after == "-" and after2 == "an":
        return "not_score.vague"           # "80-an"
    if after == "ke" and after2 in vocab.threshold_after:
        return "not_score.threshold"       # "nilai 91 ke atas"
    if after == "(" and (after2 in vocab.lex["number_words"] or after2.endswith(tuple(vocab.number_word_endings))
                         or after2 in vocab.count_nouns):
        return "not_score.count"           # "17 (tujuh belas) unsur", "24 (kementerian …)"
    before_window = doc[max(0, start - 8):start]
    for k, token in enumerate(before_window):
        # "rata-rata nilai kabupaten/kota di Sultra 65,40"; but "rata-rata IPP Pemerintah Kota
        # Madiun 4,61" is one government's own figure
        if token.lower_ in vocab.average_cues and any(
                t.text in vocab.group_words for t in before_window[k + 1:]):
            return "not_score.group_average"
    if MONTH_WORD.match(after):
        return "not_score.date"            # "20 Desember 2021"
    exceptions = vocab.lex["unit_word_exceptions"].get(after, [])
    # "nilai IKM 85,10 tahun 2023", "85,10 bulan Desember 2023": the time the value is of, not "85 years"
    of_a_year = after in vocab.lex["time_nouns"] and (YEAR_TOKEN.match(after2) or MONTH_WORD.match(after2))
    if (after in vocab.count_nouns and after2 not in exceptions and not of_a_year) or (
            after == "," and after2 in vocab.count_nouns and rule != "score.decimal"):
        return "not_score.unit"
    if rule == "score.integer_after_cue" and end < n and COUNT_ABBREVIATION.match(doc[end].text) \
            and doc[end].text.lower() not in vocab.score_cues and not _grade_word(doc[end].text):
        return "not_score.count"           # "84 BP Informatif", "12 OPD"
    change_target = before == "ke" and re.search(r"[.,]", doc[start].text)  # "naik ke 95,50", not "ke 5"
    if (before in vocab.blocking or before.rstrip("-") in vocab.blocking or (
            start > 1 and doc[start - 2].lower_ == "ke" and before == "-")) and not change_target:
        return "not_score.blocked_prefix"  # ids, amounts, ranks, changes, thresholds ("< 39,9")
    over_its_scale = after == "/" and after2 in vocab.scale_tops and re.search(r"[.,]", doc[start].text)
    if before in ("/", ".") or (after == "/" and after2[:1].isdigit() and not over_its_scale) or (
            after == "." and end + 1 < n and doc[end + 1].text.isdigit()):
        return "not_score.date"            # 8/6/2023, 07.05; not "88,40/100" nor "88,40 / Zona Hijau"
    if _band_limit(vocab, doc, start, end):
        return "not_score.band_limit"      # "81,00 – 100", "80 s/d 89,9"
    preceding = _between_spaces(words_before[-4:])
    if before in ("antara",) or any(f" {cue} " in preceding for cue in vocab.lex["band_cues"]):
        return "not_score.band_limit"
    if before == "(" and after in vocab.range_markers:
        return "not_score.band_limit"
    if _named_a_band_edge(vocab, doc, end):
        return "not_score.band_limit"      # "Nilai 4,51 itu batas bawah Pelayanan Prima"
    if _target(vocab, doc, start):
        return "not_score.target"          # "menargetkan nilai 90", "targetnya dipasang pada poin 2,41"
    if _change_amount(vocab, doc, start):
        return "not_score.change_amount"   # "Kenaikan nilai SPBE Kabupaten X sebesar 0,45"
    if before == "dari" and start > 1 and doc[start - 2].like_num and doc[start].text in vocab.scale_tops:
        return "not_score.scale_top"       # "88,40 dari 100", "4,12 dari 5": the top of the scale
    if _of_another_index(vocab, doc, start):
        return "not_score.other_index"     # "Indeks Pembangunan Manusia (IPM) Kabupaten X mencapai 66,12"
    if _of_another_map(vocab, doc, start):
        return "not_score.other_map"       # "skor zonasi Sidoarjo tercatat 1,79": the pandemic map's score
    if rule in ("score.integer_after_cue", "score.number_word") and after in vocab.lex["count_words_for_integers"]:
        return "not_score.count"           # "42 kuning, dan 3 merah": governments per zone; "lima kategori"
    if rule == "score.integer_after_cue" and end < n and LETTER_GRADE.fullmatch(doc[end].text) and _counts_bodies(vocab, doc, start):
        return "not_score.count"           # "Sebanyak 4 perangkat daerah meraih predikat A, 21 BB, 15 B, dan 2 CC"
    if any(f" {cue} " in said_before for cue in vocab.lex["interim_cues"]):
        return "not_score.interim"         # "nilai SAQ-nya mencapai 86,5": the body's own questionnaire, before the visit
    window = doc[max(0, start - 10):start]
    if any(t.lower_ in vocab.component_cues for t in window) and not any(t.lower_ == "indeks" for t in window[-2:]):
        return "not_score.component"       # "domain kebijakan 4,10": a part, not the entity's result
    following = [t.lower_ for t in doc[end:end + 2]]
    if following and (following[0] in vocab.component_cues or (
            following[0] in vocab.lex["component_joiners"] and following[1:2] and following[1] in vocab.component_cues)):
        return "not_score.component"       # "nilai 35,5 untuk komponen pengungkit": said of a part after it
    # "naik dari 75 (2024) menjadi 88": the earlier value of a change
    from_value = before in vocab.change_from_words and any(t.lower_ in vocab.change_to_words for t in doc[end:end + 5])
    if rule == "score.integer_after_cue" and not (has_cue(vocab, doc, start) or from_value):
        return "not_score.integer_without_cue"
    # a bare decimal ("2,5 ton" got past the units) needs some sign that results are being
    # told: a cue before it, a scheme or predicate in its sentence, or an article on the topic
    if not (has_cue(vocab, doc, start) or from_value or setting.article_on_topic or setting.sentence_signal):
        return "not_score.no_sign_of_results"
    return None


APPROVAL_REACH = 12  # words before a number in which an office holder's rating makes it a poll


def _between_spaces(words: list[str]) -> str:
    """Lowercased words between spaces, for phrase lookups."""
    return " " + " ".join(words) + " "


def _percent(vocab, doc, start: int, end: int, after2: str, setting: NumberSetting) -> str | None:
    """A number in percent is a share of a group, unless it is an index told in percent:
    "IKM ... menyentuh 79,5 persen", "dengan angka 45,31 %", "realisasi IKM menjadi 89,24 persen"."""
    if after2 in vocab.count_nouns or after2 in vocab.share_markers:
        return "not_score.share"           # "24,63 persen dari 337 badan publik", "100% responden"
    if any(t.lower_ in vocab.lex["percent_scores_after"] for t in doc[max(0, start - 8):start]):
        return None
    if start and doc[start - 1].lower_ in vocab.percent_direct_cues:
        return None                        # "dengan angka 45,31 %", "nilai 79,5 persen"
    if _tells_shares(vocab, doc):
        return "not_score.share"           # "62 persen responden menilai …, namun 18 persen masih mengeluhkan …"
    if setting.percent_index:
        return None                        # "terealisasi di angka 91,75 persen", "tahun sebelumnya 91,20 persen"
    return "not_score.share"


def _tells_shares(vocab, doc) -> bool:
    """The sentence gives a share of respondents ("62 persen responden"): its other bare percents
    are shares too. Read once per sentence."""
    if "tells_shares" not in doc.user_data:
        doc.user_data["tells_shares"] = any(
            t.lower_ in ("persen", "%") and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in vocab.share_markers
            for t in doc)
    return doc.user_data["tells_shares"]


def _target(vocab, doc, start: int) -> bool:
    """A target cue earlier in the clause, with no result word after it: "target 82,60 persen"
    is a goal, but in "target 82,60 persen berhasil direalisasikan menjadi 89,24 persen" the
    second number is the result."""
    for k in range(start - 1, max(-1, start - 8), -1):
        word = doc[k].lower_
        if word in vocab.result_markers and aimed_at(vocab, doc, k):
            return True                    # "bertekad meraih nilai 90"
        if word in vocab.result_markers or word in (";", ".") or doc[k].like_num and k < start - 1:
            return False
        if word in vocab.target_cues:
            return True
    return False


CHANGE_AMOUNT_REACH = 16  # tokens back from a value to the noun of change it may be the size of (a long name between)


def _change_amount(vocab, doc, start: int) -> bool:
    """"Kenaikan nilai SPBE Kabupaten X sebesar 0,45": the size of a change, said by a noun of
    change before a score's cue or right before the number. A result word, a verb of receiving
    or the earlier value's "dari" between them ("peningkatan nilai IKM dari 80,12 menjadi 85,20")
    makes the number a value again; "peningkatan pelayanan" names no change of a value."""
    for k in range(start - 1, max(-1, start - CHANGE_AMOUNT_REACH), -1):
        word = doc[k].lower_
        if word in vocab.result_markers or word in vocab.lex["receiving_verbs"] or word in vocab.change_from_words \
                or word in (";", ".") or (doc[k].like_num and not doc[k].is_title):  # "Satu Pintu" is a name's
            return False
        if word in vocab.lex["change_amount_nouns"]:
            return k + 1 == start or doc[k + 1].lower_ in vocab.score_cues
    return False


OTHER_INDEX_REACH = 12  # tokens back from a value to the name of the index it is a value of


BAND_EDGE_REACH = 3  # tokens after a value in which a word of a band's edge says the value is one


def _named_a_band_edge(vocab, doc, end: int) -> bool:
    """"4,51 itu batas bawah …", "88 merupakan ambang …": the value is said to be a band's edge,
    only a demonstrative or a copula between; "90,12 atau melewati batas …" is no edge."""
    for token in doc[end:end + BAND_EDGE_REACH]:
        if token.lower_ in vocab.lex["band_edge_words"]:
            return True
        if token.lower_ not in vocab.demonstratives and token.lower_ not in vocab.lex["copulas"]:
            return False
    return False


def _of_another_map(vocab, doc, start: int) -> bool:
    """A score word a word or two before a word of another map's domain, a few words before the
    value: "skor risiko penularan Sidoarjo tercatat 1,79", "nilai kerawanan pemilu 3,20"."""
    if doc_words(doc).isdisjoint(vocab.other_zoning_words):
        return False
    window = doc[max(0, start - OTHER_INDEX_REACH):start]
    return any(t.lower_ in vocab.score_cues and any(
        w.lower_ in vocab.other_zoning_words and w.is_lower for w in doc[t.i + 1:min(start, t.i + 3)]) for t in window)


def _of_another_index(vocab, doc, start: int) -> bool:
    """"Indeks Pembangunan Manusia (IPM) Kabupaten X 2023 mencapai 66,12": a value of an index the
    sentence names in capitals, no cue of any scheme standing in that name or between it and the
    value, is a statistic of another kind, not an evaluation's result."""
    if "indeks" not in doc_words(doc):
        return False
    for k in range(start - 1, max(-1, start - OTHER_INDEX_REACH), -1):
        if doc[k].text in (".", ";") or doc[k].like_num and not YEAR_TOKEN.match(doc[k].text):
            return False  # the sentence's end, or the value before this one
        if doc[k].text != "Indeks":
            continue
        name_end = k + 1
        while name_end < start and doc[name_end].is_title and doc[name_end].is_alpha:
            name_end += 1
        if name_end - k < 3:
            return False  # "Indeks SPBE", "Indeks IKM": a scheme's own short name
        said = doc[k:start].text.lower()
        return not any(regex.search(said) for regex in vocab.scheme_cue_res.values())
    return False


def _compound_number_word(vocab, doc, i: int) -> bool:
    """"sembilanpuluh delapan", "seratus duapuluh dua": a count spelled out, not a score."""
    neighbours = [doc[k].lower_ for k in (i - 1, i + 1) if 0 <= k < len(doc)]
    return any(w.endswith(tuple(vocab.number_word_endings)) for w in neighbours)


def _counts_bodies(vocab, doc, start: int) -> bool:
    """A whole number before a noun of bodies earlier in the sentence ("4 perangkat daerah");
    where the sentence first counts bodies is read once."""
    if "first_body_count" not in doc.user_data:
        doc.user_data["first_body_count"] = next(
            (t.i for t in doc[:-1] if t.is_digit and not YEAR_TOKEN.match(t.text) and doc[t.i + 1].lower_ in vocab.count_nouns),
            len(doc))
    return doc.user_data["first_body_count"] + 1 < start


def _grade_word(text: str) -> bool:
    return text in ("AA", "BB", "CC", "WBK")


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
