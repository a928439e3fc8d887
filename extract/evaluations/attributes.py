"""A record's attributes beyond entity and score: scheme, scale, year, rank, each a short cascade."""
from __future__ import annotations

import re

from .context import opens_on_earlier_words, round_of_list, scheme_votes
from .numbers import MONTH_WORD, YEAR_TOKEN



def scheme_at(vocab, reading, position: int, text, context) -> tuple[str, str]:
    """The scheme cue nearest to token `position` in its sentence, else the paragraph's most
    named scheme, else the article's."""
    if reading.cues:
        return reading.nearest_cue(position), "scheme.sentence_cue"
    votes = scheme_votes(vocab, _paragraph_before(text, reading.sentence))
    if votes and votes.most_common(1)[0][1] > 0:
        return votes.most_common(1)[0][0], "scheme.paragraph_cue"
    if context.schemes and context.schemes.most_common(1)[0][1] > 0:
        return context.schemes.most_common(1)[0][0], "scheme.article_cue"
    return "other", "scheme.none"


def scheme_of_record_labels(vocab, labels, reading, position: int, text, context) -> tuple[str, str]:
    """(scheme, rule) of a predicate-only record: the scheme its labels belong to, else the cue
    nearest to token `position` (`scheme_at`)."""
    scheme = scheme_of_labels(vocab, labels)
    return (scheme, "scheme.predicate") if scheme is not None else scheme_at(vocab, reading, position, text, context)


def scheme_of_labels(vocab, labels) -> str | None:
    """The scheme a distinctive label belongs to ("zona hijau", "informatif", "WBK"); generic
    labels ("baik", "sangat baik") belong to several and decide nothing."""
    for label in labels:
        owners = [s for s, spec in vocab.rules.schemes.items() if label in (spec.get("predicates") or [])]
        if len(owners) == 1:
            return owners[0]
    return None


def scale_of(vocab, scheme: str, value: float, converted: bool = False, stated: float | None = None) -> float | None:
    """The scale the score is on: the one the sentence states ("dari skala 110"), else the
    scheme's, but SKM's old 1–4 index and PEKPPP's "nilai konversi" on 100 are told apart. A 7,12
    reported on SPBE's 0–5 keeps scale 5, so the audit can flag it."""
    spec = vocab.rules.schemes.get(scheme) or {}
    if stated and value <= stated:
        return float(stated)
    if spec.get("legacy_scale_max") and value <= spec["legacy_scale_max"]:
        return float(spec["legacy_scale_max"])
    if spec.get("converted_scale_max") and converted:
        return float(spec["converted_scale_max"])
    return float(spec["scale_max"]) if spec.get("scale_max") else None


# "II/2023": a semester or quarter and its year, one token
PART_OF_YEAR = re.compile(r"^(?:I|II|III|IV)/((?:19|20)\d\d)$")


def year_at(vocab, doc, token, compared: bool = False) -> int | None:
    """A year stated as a period: after "tahun", "pada", "periode", a scheme's name ("SPI 2022"),
    a result word ("capaian 2022") or a quarter ("pada triwulan pertama 2021"); not a date's
    ("23 Desember 2022", "8/6/2023"), a regulation's, nor — unless `compared` — one compared
    with ("naik dari tahun 2021", "ketimbang tahun 2021")."""
    part = PART_OF_YEAR.match(token.text)
    if part and token.i and doc[token.i - 1].lower_ in vocab.year_lead_words:
        return int(part.group(1))  # "Semester II/2023", "Triwulan III/2024": a part of the year
    if not YEAR_TOKEN.match(token.text) or token.i == 0:
        return None
    previous = doc[token.i - 1]
    if previous.text in ("/", "-", ".") or previous.like_num or MONTH_WORD.match(previous.text):
        return None
    if not any(t.lower_ in vocab.year_lead_words for t in doc[max(0, token.i - 2):token.i]) \
            and not (compared and previous.lower_ in vocab.compared_words):
        return None  # ("naik dari 2022 yang hanya 80,10": a compared year needs no other lead word)
    before = doc[max(0, token.i - 4):token.i].text
    if vocab.regulation_year_re.search(before) or (vocab.compared_year_re.search(before) and not compared):
        return None
    return int(token.text)


def stated_year(vocab, doc, seg_start, seg_end, score, context, reach_back: int = 6) -> int | None:
    """The year a scored item states: 1. one after the score in its stretch ("2,93 pada 2022",
    "74,21 (kategori BB) di tahun 2023"); 2. the nearest one before it, from `reach_back` tokens
    before its stretch ("IPP tahun 2023 yang cuma 3,24"). Where it states none, the record takes
    the round (`round_of_list`), unless it is an earlier value, which reaches back no further
    than its own stretch."""
    own = _year_said_before(vocab, doc, score)
    if own:  # "tahun 2022 sebesar 75,10 dan tahun 2021 sebesar 60,20", "2022: 75,10; 2023: 88,50"
        context.last_year = own
        return own
    after = []
    for token in doc[score.end: min(seg_end, score.end + 8)]:
        if token.lower_ in vocab.item_turns:
            break  # "77,91, turun dibanding SPI 2022 yang sebesar 78,17": that year is the next value's
        if (token.text in (",", ";") or token.lower_ in vocab.coordinators) \
                and any(YEAR_TOKEN.match(t.text) for t in doc[token.i + 1:token.i + 3]):
            break  # "pada 2022 mencapai 98,70, pada 2023 sebesar 94,56": a comma or "dan", then the next item's year
        after.append(token)
    before = list(reversed(doc[max(0, seg_start - reach_back):score.start]))
    # "X yang pada 2022 meraih 70,10 kini meraih 88,20": a year told before a word for now is not now's
    now = next((k for k, t in enumerate(before) if t.lower_ in vocab.lex["now_words"]), None)
    for token in [*after, *(before if now is None else before[:now])]:  # 1. 2.
        # in an item that opens with a turn to another value, its compared year is its own:
        # "…, naik dibandingkan tahun 2021 dengan indeks 2,71"
        compared = (doc[seg_start].lower_ in vocab.item_turns and seg_start <= token.i < score.start) \
            or _said_of(vocab, doc, token, score) or (token.i < score.start and _opens_when_clause(vocab, doc, token))
        year = year_at(vocab, doc, token, compared=compared)
        if year:
            context.last_year = year
            return year
    return None


def _year_said_before(vocab, doc, score) -> int | None:
    """A year that only fillers, cues or a colon part from the score after it is that score's,
    before any year after the score (which may open the next item)."""
    k = score.start - 1
    while k >= 0 and (doc[k].text in (":", "=", "(") or _filler(vocab, doc[k])):
        k -= 1  # "tahun 2022 (70,10)"
    if k < 0 or k == score.start - 1 and not YEAR_TOKEN.match(doc[k].text):
        return None
    token = doc[k]
    if YEAR_TOKEN.match(token.text) and k > 0 and (
            doc[k - 1].text in (",", ";", ":") or doc[k - 1].lower_ in vocab.coordinators):
        return int(token.text)  # "naik: 2021 sebesar 60,10, 2022 sebesar 70,10": a series, a year heading each value
    if k > 1 and doc[k - 1].lower_ in vocab.year_lead_words and doc[k - 2].like_num \
            and not YEAR_TOKEN.match(doc[k - 2].text):
        return None  # "naik dari 2,45 pada 2022 menjadi 3,51": that year closes the value before it
    dated = k > 0 and (doc[k - 1].like_num or doc[k - 1].text in ("/", "-", ".") or MONTH_WORD.match(doc[k - 1].text))
    if any(doc[j].text == ":" for j in range(k + 1, score.start)) and YEAR_TOKEN.match(token.text) and not dated \
            and not vocab.regulation_year_re.search(doc[max(0, k - 4):k].text):
        return int(token.text)  # "2022: 75,10": a year heading its value, not a date's nor a regulation's
    return year_at(vocab, doc, token, compared=True)


def _said_of(vocab, doc, token, score) -> bool:
    """"dibanding tahun 2022 yang hanya 3,65": only fillers between a year and a score make the
    year that value's, compared or not."""
    return token.i < score.start and all(_filler(vocab, t) for t in doc[token.i + 1:score.start])


def _filler(vocab, token) -> bool:
    """A word that may stand between a year and its own value: "yang", "sebesar", "hanya"."""
    return token.lower_ in vocab.relative_fillers or token.lower_ in vocab.score_cues \
        or token.lower_ in vocab.lex["hedge_words"]


def year_near(vocab, doc, mention, mentions, labels, own_labels, context) -> int | None:
    """The round of a predicate-only record. `labels` are the token positions of the sentence's
    labels, `own_labels` those of this record's:

    1. a year in the entity's own item, after its name ("A, yakni tahun 2016, serta B untuk
       tahun 2017"); none if "tahun lalu" stands between the name and its label;
    2. the one year nearer to the record's own labels than to any other label of the sentence
       (in "meraih zona hijau, naik dari tahun 2021 yang masih zona kuning" 2021 is the yellow
       zone's); a compared year counts when a clause of its own follows it ("ketimbang tahun
       2021, ketika daerah tersebut memperoleh predikat B");
    3. a year before the entity, back to the previous entity, or the year the sentence opens on
       while its first clause runs ("Tahun 2019, … diraih Bapenda melalui UPT X, kemudian …");
    4. the article's round, unless the sentence opens on an earlier time ("Dua tahun lalu, …").
    """
    later = [m.start for m in mentions if m.start >= mention.end]
    earlier = [m.end for m in mentions if m.end <= mention.start]
    when = when_clause_year(vocab, doc, mention.start)
    if when is not None:
        return when  # "naik dibanding tahun 2021, ketika Pemprov X masih tergolong zona merah"

    def nearest_to_own_labels():  # 2.
        if own_labels and labels:
            mine = {year for position, year in _stated_years(vocab, doc)
                    if min(labels, key=lambda start: abs(start - position)) in own_labels}
            if len(mine) == 1:
                return mine.pop()
        return None

    if not later and len(set(labels)) > len(set(own_labels)):
        # one body, several labels after its name ("yang meraih WBK pada 2021 kini meraih WBBM …
        # 2023"): each label's own year, not the first after the name
        year = nearest_to_own_labels()
        if year:
            return year
    # the stretch from the name, or from the last label before this record's own, to its own label
    stretch_start = max([mention.end, *(f + 1 for f in labels if mention.end <= f < min(own_labels, default=0))])
    if own_labels and _earlier_time_between(vocab, doc, stretch_start, min(own_labels)):
        return None  # "Pemkab Ende tahun lalu masih di zona kuning": before the round, and no year said of it
    for token in doc[mention.end: min(later) if later else len(doc)]:  # 1.
        if token.lower_ in vocab.continuation_words or token.lower_ in vocab.clause_connectors:
            break  # "… diraih Bapenda melalui UPT X, kemudian pada tahun 2020 giliran UPT Y": the next item's
        year = year_at(vocab, doc, token)
        if year:
            return year
    year = nearest_to_own_labels()
    if year:
        return year
    for token in reversed(doc[max(earlier) if earlier else 0: mention.start]):  # 3.
        year = year_at(vocab, doc, token)
        if year:
            return year
    opening = next((year_at(vocab, doc, t) for t in doc[:3] if YEAR_TOKEN.match(t.text)), None)
    if opening and mention.start < _first_turn(vocab, doc):
        return opening  # "Tahun 2019, predikat WBK diraih Bapenda melalui UPT X": the first clause's time
    if opens_on_earlier_time(vocab, doc):
        return None  # "Dua tahun lalu Kabupaten X juga meraih zona hijau": not the round, and no year said
    return round_of_list(vocab, context, doc)  # 4.


YEAR_TAILS = ("lalu", "silam")  # "tahun 2022 lalu": the year said as gone by


def _earlier_time_between(vocab, doc, start: int, end: int) -> bool:
    """"tahun lalu" between a name and its label: an earlier state of the body. ("sebelumnya",
    "lebih dulu" there may only order bodies: "Kota X sudah lebih dulu meraih … pada 2016".)"""
    said = " " + " ".join(t.lower_ for t in doc[start:end]) + " "
    return any(f" {phrase} " in said for phrase in vocab.earlier_phrases)


def compared_time(vocab, doc) -> tuple[int, int | None] | None:
    """Where a sentence turns to a time it compares with ("dibanding tahun lalu", "ketimbang tahun
    2021", "dari tahun sebelumnya"), and that time's year if it is said; read once per sentence."""
    if "compared_time" not in doc.user_data:
        doc.user_data["compared_time"] = _compared_time(vocab, doc)
    return doc.user_data["compared_time"]


def _compared_time(vocab, doc) -> tuple[int, int | None] | None:
    for token in doc:
        if token.lower_ not in vocab.compared_words:
            continue
        said = doc[token.i + 1:token.i + 5]  # "dibandingkan nilai SAKIP tahun lalu"
        if any(t.lower_ in vocab.lex["compared_times"] and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "ini")
               or YEAR_TOKEN.match(t.text) for t in said):
            year = next((int(t.text) for t in said if YEAR_TOKEN.match(t.text)), None)
            return token.i, year
    return None


def _stated_years(vocab, doc) -> list[tuple[int, int]]:
    """(position, year) of each year the sentence states as a period, a compared one only when a
    clause of its own follows it; read once per sentence, not once per record."""
    if "stated_years" not in doc.user_data:
        doc.user_data["stated_years"] = [
            (token.i, year) for token in doc if (YEAR_TOKEN.match(token.text) or PART_OF_YEAR.match(token.text))
            and (year := year_at(vocab, doc, token, compared=_opens_when_clause(vocab, doc, token)))]
    return doc.user_data["stated_years"]


def only_year_said(vocab, doc) -> int | None:
    """The one year a sentence states, if it states exactly one: "A, B dan C masing-masing meraih
    predikat X, Y dan Z tahun 2023" says it of every item."""
    years = {year for _, year in _stated_years(vocab, doc)}
    return years.pop() if len(years) == 1 else None


def _first_turn(vocab, doc) -> int:
    """Where the sentence first turns to another item ("…, kemudian …", "…, sedangkan …"), read once."""
    if "first_turn" not in doc.user_data:
        doc.user_data["first_turn"] = next((t.i for t in doc if t.lower_ in vocab.continuation_words
                                            or t.lower_ in vocab.clause_connectors), len(doc))
    return doc.user_data["first_turn"]


WHEN_CLAUSE_REACH = 30  # tokens back from a body to the when-word of the clause it stands in


def when_clause_year(vocab, doc, position: int) -> int | None:
    """The compared year whose when-clause ("ketimbang tahun 2021, ketika …") runs on, unbroken
    by punctuation, to `position`: what is said there is of that year."""
    when = next((t for t in reversed(doc[max(0, position - WHEN_CLAUSE_REACH):position])
                 if t.is_punct or t.lower_ in vocab.when_words), None)
    if when is None or when.is_punct or (when.i + 1 < len(doc) and doc[when.i + 1].lower_ == "ini"):
        return None  # no when-word since the last punctuation; "saat ini" is now
    year_token = next((t for t in reversed(doc[max(0, when.i - 4):when.i]) if YEAR_TOKEN.match(t.text)), None)
    if year_token is None or not _opens_when_clause(vocab, doc, year_token):
        return None
    return year_at(vocab, doc, year_token, compared=True)


def _opens_when_clause(vocab, doc, token) -> bool:
    """"ketimbang tahun 2021, ketika …", "… tahun 2022 lalu, saat …": a clause of that year follows."""
    after = [t for t in doc[token.i + 1: token.i + 5] if t.lower_ not in YEAR_TAILS]
    return any(t.lower_ in vocab.when_words and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "ini")
               for t in after[:2])  # "saat ini" is now


def rank_of(vocab, doc, seg_start, seg_end) -> int | None:
    ordinals = vocab.lex["ordinals"]
    for token in doc[seg_start:seg_end]:
        if token.lower_ in vocab.rank_cues:
            for nxt in doc[token.i + 1: token.i + 4]:
                if nxt.lower_ in ordinals:
                    return ordinals[nxt.lower_]
                digits = re.sub(r"^ke-?", "", nxt.lower_)
                if digits.isdigit() and 0 < int(digits) < 1000:
                    return int(digits)
    return None


def opens_on_earlier_time(vocab, doc) -> bool:
    """"Tahun lalu, …", "Pada tahun sebelumnya …", "Dua tahun lalu …", "Sebelumnya, …": the
    sentence tells of a time before the round."""
    return opens_on_earlier_words(vocab, [t.lower_ for t in doc[:6] if not t.is_punct])


def is_earlier_value(vocab, doc, score) -> bool:
    """The earlier value of a change, or one said to be last year's: "dari 89 menjadi 91",
    "73,44 (pada tahun lalu)", "nilai SAKIP tahun lalu, yaitu 70,62"."""
    before = doc[score.start - 1].lower_ if score.start else ""
    later = [t.lower_ for t in doc[score.end: score.end + 5]]
    said_later = " ".join(later)
    said_before = " ".join(t.lower_ for t in doc[max(0, score.start - 5):score.start])
    # "Tahun lalu, IPP Kota X masih 3,98.", "Dua tahun sebelumnya, X hanya meraih 55,10.": a
    # sentence that opens on an earlier time frames the first value it gives (a number word of
    # the opening is no value)
    if opens_on_earlier_time(vocab, doc) and not any(
            t.like_num and any(c.isdigit() for c in t.text) for t in doc[:score.start] if YEAR_TOKEN.match(t.text) is None):
        return True
    for phrase in vocab.earlier_phrases:
        if phrase in said_later:
            # "88,20, naik dari tahun lalu yang hanya 70,10": compared with last year, this is the later value
            compared = said_later.split(phrase)[0].split()
            # "88,12, sedangkan tahun lalu hanya 70,12": the phrase opens the next item
            next_item = set(compared) & (set(vocab.lex["clause_connectors"]) | (set(vocab.lex["coordinators"]) - {","}))
            if not (set(compared) & (vocab.change_words | set(vocab.lex["compared_words"]))) and not next_item:
                return True
        if phrase in said_before:
            # "semula 73,44 (pada tahun lalu) melonjak menjadi 91,95": a change word after the
            # phrase makes this the later value
            return not (set(said_before.split(phrase)[-1].split()) & vocab.change_words)
    return before in vocab.change_from_words and bool(vocab.change_to_words & set(later))


def local_region(context):
    """The region an unqualified OPD belongs to: the government its list's header names, the
    government named in this or the previous sentence, else the article's region (dateline
    and government mentions)."""
    if context.list_region is not None:
        return context.list_region
    if context.recent_region and context.sentence_no - context.recent_region[1] <= 1:
        return context.recent_region[0]
    return context.region


def _paragraph_before(text: str, sentence) -> str:
    start = text.rfind("\n", 0, max(0, sentence.start - 1))
    return text[max(0, start): sentence.end]
