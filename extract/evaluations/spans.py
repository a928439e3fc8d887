"""The rule spans of one sentence, as the stages read them: longest span of a family wins,
everyday words are not predicates, aspirations are not awards.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import YEAR_TOKEN
from .patterns import LETTER_GRADE, SPAN_KEY
from .segments import aimed_at, doc_words
from .vocabulary import joined_key

JOINED_WINDOW = 3   # tokens a place name may spread over when the gazetteer writes it as one word
RESPECTIVE_GRADE_REACH = 40  # tokens after a cued grade in which a list's later items give theirs


@dataclass
class Found:
    label: str
    start: int
    end: int
    value: str


def find_spans(vocab, doc) -> list[Found]:
    aimed = _aimed_at_labels(vocab, doc)
    spans = [Found(s.label_, s.start, s.end, s.id_) for s in doc.spans[SPAN_KEY]
             if not (s.label_ == "PREDICATE" and _loose_word(vocab, doc, s))
             and not (s.label_ in ("PREDICATE", "GRADE") and ((s.start, s.end) in aimed or _counted(vocab, doc, s)))
             and not (s.label_ == "PREDICATE" and _zone_of_another_map(vocab, doc, s))
             and not (s.label_ in ("PREDICATE", "GRADE") and _talked_about(vocab, doc, s))
             and not (s.id_ == "bracket" and not _after_name_or_score(doc, s))
             and not (s.id_ == "row_end" and not _closes_a_scored_row(doc, s))
             and not (s.id_ == "after_verb" and s.end < len(doc) and doc[s.end].text[:1].isupper())
             and not (s.id_ == "quoted" and not (_after_grade_cue(vocab, doc, s) or _after_name_or_score(doc, s)))]
    spans.extend(_joined_regions(vocab, doc, spans))
    spans.extend(_grade_runs(vocab, doc, spans))
    spans.extend(_colours_after_scores(vocab, doc))
    # longest first, then drop spans of the same family inside a longer one: sorted by start,
    # a span lies inside an earlier one of its label exactly when that label reached past its end
    spans.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    reach: dict[str, int] = {}
    for item in spans:
        if reach.get(item.label, -1) >= item.end:
            continue
        kept.append(item)
        reach[item.label] = max(reach.get(item.label, -1), item.end)
    return kept


def _joined_regions(vocab, doc, spans: list[Found]) -> list[Found]:
    """Place names written with or without their spaces: "Kota Tebingtinggi" for the gazetteer's
    Tebing Tinggi, "Tanjung Balai" for its Tanjungbalai, "Pagaralam" for Pagar Alam."""
    known = {(f.start, f.end) for f in spans if f.label == "REGION"}
    found = []
    for i, token in enumerate(doc):
        if not token.text[:1].isupper() or not token.is_alpha:
            continue
        for width in range(1, JOINED_WINDOW + 1):
            window = doc[i:i + width]
            # every word capitalised: "Wali Kota baru" is a new mayor, not Kotabaru
            if len(window) < width or not all(t.is_alpha and t.text[:1].isupper() for t in window):
                break
            key = joined_key(window.text)
            if key in vocab.regions_by_joined and (i, i + width) not in known:
                found.append(Found("REGION", i, i + width, f"joined:{key}"))
    return found


def _grade_runs(vocab, doc, spans: list[Found]) -> list[Found]:
    """"predikat A, A- dan B": letters listed after a cued grade are grades too; so is the letter
    a list line gives its name after a colon or a dash."""
    found = []
    for grade in [f for f in spans if f.label == "GRADE" and f.value not in ("bracket", "quoted")]:
        k = grade.end
        while k + 1 < len(doc) and doc[k].lower_ in vocab.coordinators and LETTER_GRADE.match(doc[k + 1].text) \
                and doc[k + 1].text.isupper():
            end = _grade_end(doc, k + 1)
            found.append(Found("GRADE", k + 1, end, "run"))
            k = end
    # "Polres A meraih nilai B-, Polres B C dan Polres C D": after a cued grade, a letter right
    # after each later name of the list, before its separator, is that name's
    for grade in [f for f in spans if f.label == "GRADE" and f.value not in ("bracket", "quoted")]:
        for k in range(grade.end + 2, min(len(doc), grade.end + RESPECTIVE_GRADE_REACH)):
            token, previous = doc[k], doc[k - 1]
            if LETTER_GRADE.match(token.text) and token.text.isupper() and previous.is_alpha and previous.is_title \
                    and previous.text not in vocab.lex["class_words"] and _item_ends(vocab, doc, _grade_end(doc, k)):
                found.append(Found("GRADE", k, _grade_end(doc, k), "respective"))
    # "naik dari B menjadi BB": the letter a change started from, before a cued letter it became
    for grade in [f for f in spans if f.label == "GRADE" and doc[f.start].lower_ in vocab.change_to_words]:
        k = grade.start - 1
        if k >= 1 and doc[k].text.isupper() and LETTER_GRADE.match(doc[k].text) \
                and doc[k - 1].lower_ in vocab.change_from_words:
            found.append(Found("GRADE", k, k + 1, "changed_from"))
    # 'predikat "Pelayanan Prima" atau A': the category restated as its letter
    for label in [f for f in spans if f.label == "PREDICATE"]:
        k = label.end + (1 if label.end < len(doc) and doc[label.end].is_quote else 0)
        if k + 1 < len(doc) and doc[k].lower_ == "atau" and LETTER_GRADE.match(doc[k + 1].text) \
                and doc[k + 1].text.isupper():
            end = _grade_end(doc, k + 1)
            found.append(Found("GRADE", k + 1, end, "restated"))
    # "A- (Pelayanan Prima)" opening a line, "Polres Blora A- (Pelayanan Prima)": a letter whose
    # category is restated right after it in brackets is a grade
    category_starts = {f.start for f in spans if f.label == "PREDICATE"}
    for token in doc:
        k = token.i
        if not (LETTER_GRADE.match(token.text) and token.text.isupper()) or (k and doc[k - 1].text in vocab.lex["class_words"]):
            continue
        letter_end = _grade_end(doc, k)
        if letter_end + 1 < len(doc) and doc[letter_end].text in ("(", "/") and letter_end + 1 in category_starts:
            found.append(Found("GRADE", k, letter_end, "restated_after"))
    # "Polres Kendal: A (Pelayanan Prima)": a list line's name, a colon, its letter
    for token in doc[1:-1]:
        k = token.i
        if token.text in (":", "–", "—") and doc[k - 1].is_alpha and doc[k - 1].text[:1].isupper() \
                and LETTER_GRADE.match(doc[k + 1].text) and doc[k + 1].text.isupper() \
                and (k + 2 == len(doc) or doc[k + 2].text in ("-", "+", "(", ",", ".", ";")):
            end = _grade_end(doc, k + 1)
            found.append(Found("GRADE", k + 1, end, "after_name"))
    return found


def _item_ends(vocab, doc, k: int) -> bool:
    """A list's item ends at token k: the sentence ends, or a separator or a coordinator stands there."""
    return k >= len(doc) or doc[k].text in (",", ".", ";") or doc[k].lower_ in vocab.coordinators


def predicate_items(found: list[Found]) -> list[Found]:
    return [f for f in found if f.label in ("PREDICATE", "GRADE")]


COLOUR_MARKS = ("(", "|", "–", "-", ":", "/")  # between a score and the colour of its zone


def _colours_after_scores(vocab, doc) -> list[Found]:
    """"Kab. Kolaka 85,20 Hijau", "85,20 (Hijau)": a zone's colour written right after a score
    with decimals is that zone, and so is a colour alone on its line, the cell of a table copied
    one cell per line ("…\n91,87\nHijau"); elsewhere a colour is only a colour."""
    colours = vocab.lex["colour_labels"]
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if len(words) == 1 and words[0].lower_ in colours and words[0].text[:1].isupper():
        return [Found("PREDICATE", words[0].i, words[0].i + 1, colours[words[0].lower_])]

    def score_before(i: int):  # "85,20 Hijau", "88,12 (Hijau)", "88,12 | Hijau": one mark may stand between
        k = i - 2 if i >= 2 and doc[i - 1].text in COLOUR_MARKS else i - 1
        return doc[k] if k >= 0 else None

    return [Found("PREDICATE", t.i, t.i + 1, colours[t.lower_]) for t in doc[1:]
            if t.lower_ in colours and (before := score_before(t.i)) is not None and _decimal_score(before)]


def _decimal_score(token) -> bool:
    """A number with decimals ("85,20"), the kind a result is written in; a whole number is often a count."""
    return token.like_num and any(c in token.text for c in ",.")


def _grade_end(doc, letter: int) -> int:
    """End of the letter grade at `letter`, with its sign written onto it ("A-", "B+")."""
    signed = letter + 1 < len(doc) and doc[letter + 1].text in ("-", "+") and not doc[letter].whitespace_
    return letter + 1 + signed


def _ends_a_grade(token) -> bool:
    """The last token of a letter grade: the letter, or its sign."""
    return bool(LETTER_GRADE.match(token.text)) or token.text in ("-", "+")


def _loose_word(vocab, doc, span) -> bool:
    """"cukup baik" in prose is not the predicate "Baik": generic labels need "predikat",
    "kategori"... just before them, or capitals (BAIK)."""
    if span.id_ not in vocab.generic_predicates or span.text.isupper():
        return False
    if span.start > 1 and doc[span.start - 1].text == "(" and doc[span.start - 2].like_num:
        return False  # "4,26 (Memuaskan)": the label in brackets after a score
    if span.end + 1 < len(doc) and doc[span.end].text == "(" and LETTER_GRADE.match(doc[span.end + 1].text):
        return False  # "Sangat Baik (A-)": a label paired with its letter grade is a category
    if span.start > 1 and doc[span.start].is_title and not doc[span.start - 1].is_punct and not doc[span.start - 1].is_title:
        return False  # "Polres X meraih Sangat Baik", "masih Baik": a category, capitalised mid-sentence
    ends_line = all(t.is_punct or t.is_space for t in doc[span.end:])
    if span.start == 0 and doc[0].is_title and ends_line:
        return False  # "Sangat Baik" alone on its line: a table's cell, or the header of a list
    if ends_line and doc[span.start].is_title and _list_line(doc):
        return False  # "2. Polres Rembang Sangat Baik": a list line's name, then its category
    if span.start > 1 and doc[span.start - 1].text in (":", "–", "—") and doc[span.start - 2].text[:1].isupper() \
            and (span.end == len(doc) or doc[span.end].is_punct):
        return False  # "- Polres Pati: Sangat Baik": a list line's name and its category
    joiner, said_before = (doc[span.start - 1], doc[span.start - 2]) if span.start > 1 else (None, None)
    if joiner is not None and joiner.text in ("(", "/") and _ends_a_grade(said_before):
        return False  # "Predikat A- (Sangat Baik)", "(A-/Sangat Baik)": the label the letter stands for
    if joiner is not None and joiner.lower_ == "atau" and (said_before.like_num or _ends_a_grade(said_before)):
        return False  # "nilai 4,21 atau Sangat Baik", "nilai A- atau Sangat Baik": the score said as its category
    if _in_a_cued_run(vocab, doc, span):
        return False  # "predikat Sangat Inovatif, Inovatif dan Kurang Inovatif": the cue heads the run
    return not any(t.lower_ in vocab.predicate_cues for t in doc[max(0, span.start - 3):span.start])


CUED_RUN_REACH = 8  # tokens back from a label in a run of capitalised labels to the cue that heads it


def _in_a_cued_run(vocab, doc, span) -> bool:
    """A capitalised label after a coordinator, with only capitalised words and coordinators back to a
    predicate cue: one of the labels that cue heads."""
    if span.start < 2 or not doc[span.start].is_title or doc[span.start - 1].lower_ not in vocab.lex["coordinators"]:
        return False
    first = _start_of_capitalised_run(vocab, doc, span.start - 1, frozenset(vocab.lex["coordinators"]))
    return first > 0 and span.start - first <= CUED_RUN_REACH and doc[first - 1].lower_ in vocab.predicate_cues


TOPIC_REACH = 2  # tokens before a label in which a word of "about" makes it a topic ("tentang predikat WBK")


def _talked_about(vocab, doc, span) -> bool:
    """"sosialisasi tentang zona hijau kepada Pemkab X": the label is the talk's topic; but
    "Mengenai predikat WBK yang diraih Polres X, …" says who holds it."""
    if not any(t.lower_ in vocab.lex["topic_words"] for t in doc[max(0, span.start - TOPIC_REACH):span.start]):
        return False
    talked = not any(t.lower_ in vocab.lex["receiving_verbs"] or t.lower_ in vocab.list_intro
                     for t in doc[span.end:span.end + 3])
    if talked:  # a sentence about a label borrows none either ("Ombudsman juga memberikan sosialisasi tentang …")
        doc.user_data["talks_about_a_label"] = True
    return talked


OTHER_ZONING_REACH = 3  # tokens after a zone in which another map's domain qualifies it
RESTATED_ZONE_REACH = 8  # … and after a zone that "atau" goes on to define


def _aimed_at_labels(vocab, doc) -> set:
    """(start, end) of the labels that are goals: each one `_aspired` finds (a label in brackets as
    the one it restates), and one joined by "dan" to a goal ("menuju WBK dan WBBM", "menuju
    Wilayah Bebas dari Korupsi (WBK) dan Wilayah Birokrasi Bersih dan Melayani (WBBM)")."""
    aimed, aimed_ends = set(), set()
    for span in sorted((s for s in doc.spans[SPAN_KEY] if s.label_ in ("PREDICATE", "GRADE")), key=lambda s: s.start):
        joined = span.start > 1 and doc[span.start - 1].lower_ in vocab.lex["coordinators"] and (
            span.start - 1 in aimed_ends or (doc[span.start - 2].text == ")" and span.start - 2 in aimed_ends))
        restated = _restated(doc, span)
        if joined or (restated.start, restated.end) in aimed or _aspired(vocab, doc, restated):
            aimed.add((span.start, span.end))
            aimed_ends.update({span.end, span.end + 1 if span.end < len(doc) and doc[span.end].text == ")" else span.end})
    return aimed


def _restated(doc, span):
    """"Wilayah Bebas dari Korupsi (WBK)": a label in brackets restates the label right before it,
    and is aimed at or held as that one is."""
    if span.start < 2 or doc[span.start - 1].text != "(":
        return span
    return next((s for s in doc.spans[SPAN_KEY] if s.label_ == "PREDICATE" and s.end == span.start - 1), span)


def _label_starts(doc) -> frozenset:
    """Where the sentence's label spans start, read once."""
    if "label_starts" not in doc.user_data:
        doc.user_data["label_starts"] = frozenset(s.start for s in doc.spans[SPAN_KEY] if s.label_ == "PREDICATE")
    return doc.user_data["label_starts"]


def _zone_of_another_map(vocab, doc, span) -> bool:
    """"zona merah penyebaran Covid-19", "zona hijau kerawanan pemilu", "ditetapkan sebagai zona
    oranye, sedangkan Kabupaten Y masih zona hijau": a colour zone of the pandemic's, the drug
    agency's or the election watchdog's map. Ombudsman's own zones may still be told beside the
    pandemic ("Di tengah pandemi, Pemkab X tetap meraih zona hijau"): only a domain right after
    the zone, or a colour only those maps use, makes it theirs."""
    if span.id_.split()[0] not in vocab.lex["zone_families"]:
        return False
    # "zona merah atau wilayah dengan risiko tinggi penularan Covid-19": a zone defined in words
    # that follow it names its domain further on
    restated = span.end < len(doc) and doc[span.end].lower_ == "atau"
    for k, token in enumerate(doc[span.end:span.end + (RESTATED_ZONE_REACH if restated else OTHER_ZONING_REACH)]):
        if token.is_punct or (restated and token.i in _label_starts(doc)):
            break  # "zona hijau atau kualitas tertinggi …": restated by Ombudsman's own words
        # "zona merah Covid-19", "zona merah penyebaran Covid-19"; but in "zona hijau diraih
        # Badan Narkotika Nasional" the word is a name's
        if token.lower_ in vocab.other_zoning_words and (token.is_lower or k == 0):
            return True
    return not doc_words(doc).isdisjoint(vocab.other_zoning_colours)  # the sentence's words, read once


def _list_line(doc) -> bool:
    """The sentence is a line of a numbered or bulleted list: "2. Polres X …", "• Polres X …"."""
    return len(doc) > 2 and ((doc[0].like_num and doc[1].text in (".", ")")) or doc[0].text in ("•", "-", "*", "–"))


def _counted(vocab, doc, span) -> bool:
    """"terdapat 1 Zona Merah, lalu 7 Zona Kuning": a number of units in a category, not an award.
    A score before its predicate ("nilai 94, 62 zona hijau") is not a count: it has decimals; nor
    is a year said as one ("SAKIP Kota X tahun 2022 berpredikat B")."""
    if span.start == 0 or not doc[span.start - 1].text.isdigit():
        return False
    if span.start > 1 and YEAR_TOKEN.match(doc[span.start - 1].text) \
            and doc[span.start - 2].lower_ in vocab.year_lead_words:
        return False
    return not (span.start > 2 and doc[span.start - 2].text == "," and doc[span.start - 3].text.isdigit())


def _after_name_or_score(doc, span) -> bool:
    """A letter in brackets or quotes grades what it follows only if that is a name or a score:
    "Pemkab Bandung (A)", 'Pemkot Kendari "A"'."""
    if span.start == 0:
        return False
    previous = doc[span.start - 1]
    return previous.like_num or (previous.text[:1].isupper() and previous.is_alpha)


def _closes_a_scored_row(doc, span) -> bool:
    """"1. Kota Pontianak 81,07 A": a bare letter right after a decimal score, nothing but marks
    after it, is the row's grade; a letter anywhere else ("A. Kota X", "kelas B") is none."""
    return span.start > 0 and _decimal_score(doc[span.start - 1]) and all(t.is_punct for t in doc[span.end:])


def _after_grade_cue(vocab, doc, span) -> bool:
    """'predikat SAKIP "B"', 'indeks RB “CC”', 'meraih "BB"': a quoted letter grades only after a
    grade cue, an award word or a scheme's short name, within three words."""
    return any(t.lower_ in vocab.grade_cues or t.lower_ in vocab.award_cues or (
        t.lower_ in vocab.year_lead_words and t.text.isupper()) for t in doc[max(0, span.start - 3):span.start])


HOPE_REACH = 12  # tokens before the modal verb in which a hope word still governs it
MODAL_REACH = 5  # tokens before a label in which a modal makes it a wish ("bisa naik ke predikat WBBM")


def _said(tokens) -> str:
    """The words of a stretch, lowercased, marks made spaces, so a phrase is found before a full
    stop too ("… WBBM pada tahun berikutnya."); a hyphenated word stays whole ("mudah-mudahan")."""
    return " " + " ".join(re.sub(r"[.,;:!?()\"“”]", " ", tokens.text.lower()).split()) + " "


def _wished(vocab, doc, span) -> bool:
    """"berharap Puskesmas X bisa meraih predikat WBK", "meraih WBBM tahun depan": a wish."""
    after = _said(doc[span.end:span.end + 4])
    if any(f" {phrase} " in after for phrase in vocab.lex["future_phrases"]):
        return True
    verb = _receiving_verb_before(vocab, doc, span)
    if verb is None or verb.i == 0 or doc[verb.i - 1].lower_ not in vocab.lex["modal_words"]:
        # "berharap tahun depan satkernya bisa naik ke predikat WBBM": a modal before the label,
        # with a hope word or a time to come before it, is a wish whatever the verb
        first = _first_of_the_run(vocab, doc, span)
        modal = next((t for t in reversed(doc[max(0, first - MODAL_REACH):first])
                      if t.lower_ in vocab.lex["modal_words"]), None)
        if modal is None:
            return False
        verb = doc[modal.i + 1] if modal.i + 1 < span.start else modal
        before_modal = _said(doc[max(0, modal.i - HOPE_REACH):modal.i])
        if any(f" {phrase} " in before_modal for phrase in vocab.lex["future_phrases"]):
            return True
    # within the clause's reach ("mudah-mudahan" is several tokens)
    said_before = _said(doc[max(0, verb.i - 1 - HOPE_REACH):verb.i - 1])
    return any(f" {word} " in said_before for word in vocab.lex["hope_words"])


def _first_of_the_run(vocab, doc, span) -> int:
    """Where the labels a label is said with begin: "bisa masuk kategori Sangat Baik atau Pelayanan
    Prima" wishes both."""
    k = span.start
    if k < 2 or doc[k - 1].lower_ not in vocab.lex["label_joiners"]:
        return k
    first = _start_of_capitalised_run(vocab, doc, k - 1)
    return first if first < k - 1 else k


def _start_of_capitalised_run(vocab, doc, end: int, joiners=frozenset()) -> int:
    """Where the run of capitalised words (and `joiners`) that ends before token `end` begins; a
    predicate cue ends it ("kategori Sangat Baik atau …", "predikat Sangat Inovatif, Inovatif …")."""
    k = end
    while k > 0 and (doc[k - 1].is_title or doc[k - 1].is_upper or doc[k - 1].lower_ in joiners) \
            and doc[k - 1].lower_ not in vocab.predicate_cues:
        k -= 1
    return k


PURPOSE_REACH = 6  # tokens before a label in which a purpose word still governs it


def _intended(vocab, doc, span) -> bool:
    """"menargetkan meraih zona hijau", "meminta seluruh OPD meraih zona hijau": an aim or a call."""
    verb = _receiving_verb_before(vocab, doc, span)
    return verb is not None and aimed_at(vocab, doc, verb.i)


def _receiving_verb_before(vocab, doc, span):
    """The verb of receiving nearest before a label, within four tokens ("bisa meraih predikat …")."""
    return next((t for t in reversed(doc[max(0, span.start - 4):span.start])
                 if t.lower_ in vocab.lex["receiving_verbs"]), None)


def _for_the_sake_of(vocab, doc, span) -> bool:
    """"… berbenah agar meraih predikat Informatif", "supaya bisa kembali meraih WBK": what is done
    in order to get a label, even with a verb of receiving, is not getting it."""
    window = doc[max(0, span.start - PURPOSE_REACH):span.start]
    purpose = next((t.i for t in reversed(window) if t.lower_ in vocab.lex["purpose_words"]), None)
    return purpose is not None and not any(t.is_punct for t in doc[purpose:span.start])


def _aspired(vocab, doc, span) -> bool:
    """"mencanangkan Zona Integritas menuju WBBM", "menargetkan predikat A": a goal, not a result.
    But "Menuju WBK" is also the name of the award itself: "meraih predikat Zona Integritas
    menuju WBK", "berpredikat Menuju WBK" are results, and so is "setelah meraih WBK" after a
    goal. The nearest goal word counts only if no verb of receiving stands between it and the
    label, and a bare "menuju" only if no award word precedes it either."""
    if _wished(vocab, doc, span) or _for_the_sake_of(vocab, doc, span) or _intended(vocab, doc, span):
        return True
    window = doc[max(0, span.start - 4):span.start]
    goals = [t.i for t in window if t.lower_ in vocab.aspiration]
    if not goals:
        return False
    goal = goals[-1]
    if any(t.lower_ in vocab.lex["receiving_verbs"] for t in doc[goal + 1:span.start]):
        return False
    if doc[goal].lower_ == vocab.lex["award_name_goal"]:
        before = doc[max(0, goal - 6):goal]
        awarded = any(t.lower_ in vocab.award_cues or t.lower_ in vocab.grade_cues for t in before)
        planned = any(t.lower_ in vocab.aspiration for t in before)
        return planned or not awarded
    return True
